import type { Config } from "../config/schema.js";
import { isoDay } from "../core/dates.js";
import type { ImpactPacket } from "../core/impact/index.js";
import { impactPacket } from "../core/impact/index.js";
import type { Ladder, Track } from "../core/ladder/index.js";
import {
  type ClassifiedContribution,
  classifyContributions,
  DEFAULT_LEVERAGE_RULES,
  knowledgeDiffusion,
  mergeRules,
  validateRules,
} from "../core/leverage/index.js";
import type { PersonId } from "../core/model.js";
import { LegibleError } from "../errors.js";
import { contributions } from "./contributions.js";
import { decisionMakerId } from "./decision-makers.js";
import type { DecisionEntry } from "./decisions.js";
import type { DeliveryContext } from "./delivery.js";
import type { ExitPath } from "./exit-paths.js";
import type { FlowReport } from "./flow.js";
import { analyseRepository } from "./knowledge.js";
import type { SessionDecisions } from "./session.js";
import type { Workspace } from "./workspace.js";

export interface ImpactInputs {
  /** The history at the end of the period and at its start. */
  now: Workspace;
  start: Workspace;
  delivery: DeliveryContext | null;
  decisions: SessionDecisions[];
  config: Config;
  ladder: Ladder;
  period: { since: number; until: number };
}

/** The leverage rules in force: the defaults, with config's additions, overrides and disabled ids. */
export function leverageRules(config: Config) {
  const { rules, errors } = validateRules(config.leverage.rules);
  if (errors.length > 0) throw new LegibleError("BAD_CONFIG", `leverage.rules: ${errors[0]}`);
  return mergeRules(DEFAULT_LEVERAGE_RULES, { rules, disable: config.leverage.disable });
}

/** Every contribution of the period, classified. */
export function classified(inputs: ImpactInputs): ClassifiedContribution[] {
  return classifyContributions(
    contributions(inputs.now, {
      config: inputs.config,
      period: inputs.period,
      delivery: inputs.delivery,
      decisions: inputs.decisions,
    }),
    leverageRules(inputs.config),
  );
}

/** Builds one person's impact packet from the records, mapped against the configured ladder. */
export function buildImpactPacket(
  inputs: ImpactInputs,
  options: { person: PersonId; level: string | null; track: Track },
): ImpactPacket {
  const { now, start, config } = inputs;
  const all = classified(inputs);
  const activeAuthors = (workspace: Workspace) =>
    workspace.repositories.flatMap((repository) => {
      const result = analyseRepository(workspace, repository, { config, mode: "default" });
      return result.areas.map((area) => ({
        area: workspace.areas.key(repository.scan.name, area.id),
        activeAuthors: area.authors.filter((a) => a.active).map((a) => a.person),
      }));
    });
  const diffusion = knowledgeDiffusion({
    person: options.person,
    start: activeAuthors(start),
    end: activeAuthors(now),
    contributions: all,
  });
  const madeBy = (repository: string, decision: DecisionEntry) =>
    decision.decisionMakers.some(
      (maker) => decisionMakerId(now, repository, maker) === options.person,
    );
  const since = isoDay(inputs.period.since);
  const until = isoDay(inputs.period.until);
  const decisions = inputs.decisions.flatMap((r) =>
    r.decisions.filter(
      (d) => d.date !== null && d.date >= since && d.date <= until && madeBy(r.repository, d),
    ),
  );
  const ladder = inputs.ladder;
  const missing: string[] = [];
  if (!inputs.delivery || inputs.delivery.pullRequests.length === 0)
    missing.push("pull requests and reviews (legible import prs, legible fetch github)");
  if (!inputs.delivery || inputs.delivery.incidents.length === 0)
    missing.push("incidents (legible import incidents)");
  if (inputs.decisions.every((r) => r.decisions.length === 0))
    missing.push("decision records (legible decide new)");
  return impactPacket({
    person: { id: options.person, name: now.people.get(options.person)?.name ?? options.person },
    period: inputs.period,
    contributions: all,
    decisions,
    diffusion,
    nameOf: (id) => now.people.get(id)?.name ?? id,
    ladder: { ladder, level: options.level ?? config.ladder.level, track: options.track },
    missing,
  });
}

/**
 * Exactly what the leader views (the review, knowledge, flow) say about one person: the risks they
 * hold. `legible impact --what-leaders-see` prints it, so anyone can see what leaders see about them.
 */
export function whatLeadersSee(
  person: PersonId,
  views: { knowledge: Workspace; flow: FlowReport | null; exitPaths: ExitPath[]; config: Config },
): string[] {
  const lines: string[] = [];
  for (const repository of views.knowledge.repositories) {
    const result = analyseRepository(views.knowledge, repository, {
      config: views.config,
      mode: "default",
    });
    for (const area of [result.repository, ...result.areas]) {
      const label =
        area.id === "."
          ? `${repository.scan.name} (whole repository)`
          : `${repository.scan.name}: ${area.label}`;
      const mine = area.authors.find((a) => a.person === person);
      if (!mine) continue;
      if (area.status === "knowledge-island" && mine.active) {
        lines.push(
          `knowledge: ${label} is a knowledge island; you are its only active author (${mine.files} files).`,
        );
      } else if (area.status !== "shared") {
        lines.push(
          `knowledge: ${label} (${area.status}) lists you as ${mine.active ? "an active" : "a former"} author (${mine.files} files).`,
        );
      }
      if (area.truckFactorDevelopers.includes(person))
        lines.push(
          `knowledge: you are among the truck-factor developers of ${label} (truck factor ${area.truckFactor}).`,
        );
    }
  }
  const name = views.knowledge.pseudonymous ? null : person;
  for (const area of views.flow?.friction.areas ?? []) {
    if (area.waitsForOnePerson?.holder === person)
      lines.push(
        `flow: work in ${area.area} waits for one person: you did ${Math.round(area.waitsForOnePerson.share * 100)} % of ${area.waitsForOnePerson.reviews} reviews.`,
      );
  }
  for (const group of [views.flow?.incidents.overall, ...(views.flow?.incidents.services ?? [])]) {
    if (group?.heroics?.holder === person)
      lines.push(
        `flow: heroics: you handled ${Math.round(group.heroics.share * 100)} % of ${group.heroics.incidents} incidents${"service" in group ? ` of ${group.service}` : ""}.`,
      );
  }
  for (const path of views.exitPaths) {
    if (path.successors.some((s) => s.id === person || s.id === name))
      lines.push(`review: you are a suggested successor for ${path.repository}: ${path.area}.`);
  }
  return lines;
}
