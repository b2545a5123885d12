import type { Config } from "../config/schema.js";
import type { AreaKnowledge } from "../core/knowledge/index.js";
import type { PersonId } from "../core/model.js";
import type { ExitPath } from "./exit-paths.js";
import type { FlowReport } from "./flow.js";
import { analyseRepository, personRef } from "./knowledge.js";
import type { LeaderFact } from "./review.js";
import type { Workspace } from "./workspace.js";

/** A leader-view fact before privacy is applied: the person is a real id. */
export interface PersonFact extends Omit<LeaderFact, "person"> {
  person: PersonId;
}

export interface LeaderFactInputs {
  /** The history at the end of the period the leader views look at. */
  workspace: Workspace;
  config: Config;
  /** The flow of that period with holders as person ids ({@link flowFigures}), or null without delivery records. */
  flow: FlowReport | null;
  /** Exit paths with successors as person ids (before privacy is applied). */
  exitPaths: ExitPath[];
  /** Accepted decisions a record says one person made alone. */
  decidedAlone: { person: PersonId; repository: string; title: string; id: string }[];
}

/**
 * Everything the leader views (review, knowledge, flow) say about people, as one list: who holds
 * a concentrated area, who work waits for, who handled most incidents, who decided alone, who is a
 * suggested successor. Leader views and `impact --what-leaders-see` both read this list, so what a
 * person is shown about themselves is what leaders see, by construction.
 */
export function leaderFacts(inputs: LeaderFactInputs): PersonFact[] {
  const { workspace, config } = inputs;
  const facts: PersonFact[] = [];
  const areaLabel = (repository: string, area: AreaKnowledge) =>
    area.id === "."
      ? `${repository} (whole repository)`
      : workspace.repositories.length > 1
        ? `${repository}: ${area.label}`
        : area.label;
  for (const repository of workspace.repositories) {
    const result = analyseRepository(workspace, repository, { config, mode: "default" });
    const areas = result.repository.files > 0 ? [result.repository, ...result.areas] : result.areas;
    for (const area of areas) {
      if (area.status === "shared") continue;
      const subject = areaLabel(repository.scan.name, area);
      for (const author of area.authors) {
        const tf = area.truckFactorDevelopers.includes(author.person)
          ? `; among its truck-factor developers (truck factor ${area.truckFactor})`
          : "";
        const island = area.status === "knowledge-island" && author.active;
        facts.push({
          person: author.person,
          view: "knowledge",
          kind: island
            ? "island-holder"
            : author.active
              ? "truck-factor-developer"
              : "former-author",
          subject,
          text: island
            ? `${subject} is a knowledge island: one active author holds it (${author.files} ${plural(author.files, "file")})${tf}.`
            : `${subject} (${area.status}) lists ${author.active ? "an active" : "a former"} author of ${author.files} ${plural(author.files, "file")}${tf}.`,
        });
      }
    }
  }
  const flow = inputs.flow;
  for (const area of flow?.friction.areas ?? []) {
    const risk = area.waitsForOnePerson;
    if (!risk) continue;
    facts.push({
      person: risk.holder,
      view: "flow",
      kind: "review-bottleneck",
      subject: area.area,
      text: `work in ${area.area} waits for one person, who did ${percent(risk.share)} of ${risk.reviews} ${plural(risk.reviews, "review")}.`,
    });
  }
  if (flow) {
    const groups: { label: string; heroics: (typeof flow.incidents.overall)["heroics"] }[] = [
      { label: "all incidents", heroics: flow.incidents.overall.heroics },
      ...flow.incidents.services.map((s) => ({
        label: `service ${s.service}`,
        heroics: s.heroics,
      })),
      ...flow.incidents.teams
        .filter((t) => t.withheld === null)
        .map((t) => ({ label: `team ${t.team}`, heroics: t.heroics })),
    ];
    for (const group of groups) {
      if (!group.heroics) continue;
      facts.push({
        person: group.heroics.holder,
        view: "flow",
        kind: "incident-heroics",
        subject: group.label,
        text: `heroics in ${group.label}: one responder handled ${percent(group.heroics.share)} of ${group.heroics.incidents} ${plural(group.heroics.incidents, "incident")}.`,
      });
    }
  }
  for (const decision of inputs.decidedAlone) {
    facts.push({
      person: decision.person,
      view: "review",
      kind: "decided-alone",
      subject: `${decision.repository}: ${decision.id}`,
      text: `"${decision.title}" was accepted with a single decision-maker and no one consulted or informed.`,
    });
  }
  for (const path of inputs.exitPaths) {
    const subject = `${path.repository}: ${path.area}`;
    for (const successor of path.successors) {
      facts.push({
        person: successor.id,
        view: "review",
        kind: "successor",
        subject,
        text: `a suggested successor for ${subject} (${successor.changes} ${plural(successor.changes, "change")}, ${successor.reviews} ${plural(successor.reviews, "review")} in the last year).`,
      });
    }
  }
  return facts;
}

/** The facts as leader views show them: people pseudonymised when privacy.people says so. */
export function publishFacts(workspace: Workspace, facts: PersonFact[]): LeaderFact[] {
  return facts.map((fact) => ({ ...fact, person: personRef(workspace, fact.person) }));
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
