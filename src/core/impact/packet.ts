import { isoTime } from "../dates.js";
import { type Decision, tradeoffPhrases } from "../decisions/index.js";
import { criterionEvidence, EVIDENCE_RULES } from "../ladder/evidence.js";
import type { Ladder, LadderCriterion, Scope, Track } from "../ladder/index.js";
import { type CompiledCondition, compileCondition } from "../leverage/condition.js";
import {
  type ClassifiedContribution,
  type DiffusionResult,
  leverageMix,
} from "../leverage/index.js";
import { LEVERAGE_TYPES, type LeverageType, type PersonId } from "../model.js";
import type {
  Blank,
  CriterionEvidenceLink,
  EvidenceLink,
  Fact,
  ImpactPacket,
  ImpactStatement,
  LadderCriterionMapping,
  LadderMapping,
} from "./model.js";

export interface PacketInput {
  person: { id: PersonId; name: string };
  period: { since: number; until: number };
  /** Everyone's classified contributions in the period (the person's are picked out). */
  contributions: ClassifiedContribution[];
  /** Decision records the person made in the period, with the areas they are about. */
  decisions: (Decision & { areas: string[] })[];
  diffusion: DiffusionResult[];
  /** Names of people for the packet's text (new authors…). */
  nameOf: (id: PersonId) => string;
  ladder: { ladder: Ladder; level: string | null; track: Track } | null;
  missing: string[];
}

const blank = (prompt: string): Blank => ({ blank: true, prompt });
const proven = (text: string, evidence: string[]): Fact => ({ blank: false, text, evidence });

/**
 * Builds an engineer's impact packet from the records. Only what the records prove is filled in;
 * every figure they cannot prove (latency saved, incidents avoided, money) is a marked blank with a
 * prompt. Nothing is estimated.
 */
export function impactPacket(input: PacketInput): ImpactPacket {
  const mine = input.contributions.filter((c) => c.person === input.person.id);
  const link = (c: ClassifiedContribution): EvidenceLink => ({
    kind: c.kind,
    id: c.id,
    title: c.title,
    link: c.link,
  });
  const statements = [
    ...decisionStatements(input, mine),
    ...areaStatements(mine, link),
    ...diffusionStatements(input),
    ...incidentStatements(mine, link),
  ];
  const areas = [...new Set(mine.flatMap((c) => c.areas))].sort();
  const repositories = [...new Set(mine.map((c) => c.repository).filter((r) => r !== ""))].sort();
  const teamsReached = [...new Set(mine.flatMap((c) => c.teamsReached))].sort();
  const mix = leverageMix(mine);
  const scope = observedScope({ areas, repositories, teamsReached, mix });
  const ladder = input.ladder ? mapLadder(input.ladder, mine, scope.observed, link) : null;
  const withType = (types: LeverageType[]) =>
    mine.filter((c) => c.leverage.some((l) => types.includes(l.type))).map(link);
  return {
    version: 1,
    person: input.person,
    period: { since: iso(input.period.since), until: iso(input.period.until) },
    scope: { areas, repositories, teamsReached, ...scope },
    leverage: mix,
    statements,
    diffusion: input.diffusion,
    brag: {
      goals: blank(
        "What were your goals for this period? (legible cannot know them; write them in your own words)",
      ),
      projects: statements,
      collaboration: mine
        .filter((c) => c.kind === "review" || c.kind === "help" || c.coAuthors.length > 0)
        .map(link),
      designAndDocumentation: withType(["decision", "capability"]).filter(
        (e) => e.kind !== "review" && e.kind !== "help",
      ),
      learned: blank("What did you learn, and what would you do differently?"),
    },
    promotion: {
      strongest: [...statements]
        .sort((a, b) => b.evidence.length - a.evidence.length || a.title.localeCompare(b.title))
        .slice(0, 3),
      glueWork: withType(["coordination", "capability"]),
      gaps: (ladder?.criteria ?? [])
        .filter((c) => c.status === "not demonstrated yet")
        .map((c) => ({ id: c.id, text: c.text })),
      needsWords: (ladder?.criteria ?? [])
        .filter((c) => c.status === "needs your words")
        .map((c) => ({ id: c.id, text: c.text })),
    },
    ladder,
    missing: input.missing,
  };
}

function decisionStatements(input: PacketInput, mine: ClassifiedContribution[]): ImpactStatement[] {
  return input.decisions.map((decision) => {
    const after = mine.filter(
      (c) =>
        (c.kind === "pull-request" || c.kind === "commit") &&
        c.areas.some((a) => decision.areas.includes(a)),
    );
    const tradeoffParts = tradeoffPhrases(decision.tradeoff);
    return {
      title: decision.title,
      kind: "decision" as const,
      problem: blank(
        `What problem made "${decision.title}" necessary? (the record's context says it in words; add the cost of not deciding)`,
      ),
      decision: proven(decision.title, [decision.path]),
      tradeoff:
        tradeoffParts.length > 0
          ? proven(tradeoffParts.join("; "), [decision.path])
          : blank(
              "State the executive tradeoff: risk reduced, option preserved, cost accepted, outcome protected.",
            ),
      outcome:
        after.length > 0
          ? proven(
              `${after.length} of your changes in ${decision.areas.join(", ")} followed in the period`,
              after.map((c) => c.id),
            )
          : blank(
              "What changed because of this decision? Add the measured effect (latency, incidents, cost) and where it was measured.",
            ),
      role:
        decision.decisionMakers.length > 1
          ? `one of ${decision.decisionMakers.length} decision-makers`
          : "decision-maker",
      leverage: decision.statesTradeoff ? ["decision", "strategic"] : ["decision"],
      evidence: [
        { kind: "decision", id: decision.path, title: decision.title, link: decision.path },
      ],
    };
  });
}

function areaStatements(
  mine: ClassifiedContribution[],
  link: (c: ClassifiedContribution) => EvidenceLink,
): ImpactStatement[] {
  const byArea = new Map<string, ClassifiedContribution[]>();
  for (const c of mine) {
    if (c.kind !== "pull-request" && c.kind !== "commit") continue;
    for (const area of c.areas) byArea.set(area, [...(byArea.get(area) ?? []), c]);
  }
  return [...byArea.entries()]
    .filter(([, list]) => list.length >= 3)
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([area, list]) => {
      const prs = list.filter((c) => c.kind === "pull-request").length;
      const commits = list.filter((c) => c.kind === "commit").length;
      const types = LEVERAGE_TYPES.filter((t) =>
        list.some((c) => c.leverage.some((l) => l.type === t)),
      );
      return {
        title: `Work in ${area}`,
        kind: "area-work" as const,
        problem: blank(`What problem in ${area} were these changes solving?`),
        decision: blank("What did you decide, and what did you decide against?"),
        tradeoff: blank("What did you accept in exchange (time, risk, scope)?"),
        outcome: proven(
          [
            prs > 0 ? `${prs} merged pull request${prs === 1 ? "" : "s"}` : "",
            commits > 0 ? `${commits} commit${commits === 1 ? "" : "s"}` : "",
          ]
            .filter(Boolean)
            .join(" and ") + ` in ${area}; the effect on users or the business is yours to add`,
          list.map((c) => c.id),
        ),
        role: "author",
        leverage: types,
        evidence: list.slice(0, 20).map(link),
      };
    });
}

function diffusionStatements(input: PacketInput): ImpactStatement[] {
  return input.diffusion
    .filter((d) => d.newAuthors.length > 0)
    .map((d) => {
      const support = d.support.flatMap((s) => [...s.reviewed, ...s.paired, ...s.documented]);
      return {
        title: `Knowledge of ${d.area} spread`,
        kind: "knowledge-spread" as const,
        problem: proven(
          `At the start of the period you were the only active author of ${d.area}`,
          [],
        ),
        decision: blank("How did you choose to spread it (pairing, reviews, docs)?"),
        tradeoff: blank("What did it cost you (time taken from your own delivery)?"),
        outcome: proven(
          `${d.newAuthors.map(input.nameOf).join(", ")} became active author${d.newAuthors.length === 1 ? "" : "s"} of ${d.area}${support.length > 0 ? `, supported by ${support.length} of your reviews, pairings or docs` : ""}`,
          support,
        ),
        role: "the area's expert",
        leverage: ["capability"],
        evidence: support.map((id) => ({ kind: "support", id, title: id, link: id })),
      };
    });
}

function incidentStatements(
  mine: ClassifiedContribution[],
  link: (c: ClassifiedContribution) => EvidenceLink,
): ImpactStatement[] {
  const responses = mine.filter((c) => c.kind === "incident-response");
  if (responses.length === 0) return [];
  return [
    {
      title: "Incident response",
      kind: "incidents",
      problem: proven(
        `${responses.length} incident${responses.length === 1 ? "" : "s"} you responded to`,
        responses.map((c) => c.id),
      ),
      decision: blank("What did you change so they do not recur (runbooks, alerts, fixes)?"),
      tradeoff: blank("What did you trade for the fix (speed, scope, risk)?"),
      outcome: blank(
        "Did recovery get faster or incidents rarer? legible shows time to restore in `legible flow`; quote it if it applies.",
      ),
      role: "responder",
      leverage: ["coordination"],
      evidence: responses.map(link),
    },
  ];
}

function observedScope(input: {
  areas: string[];
  repositories: string[];
  teamsReached: string[];
  mix: ReturnType<typeof leverageMix>;
}): { observed: Scope; because: string } {
  if (input.teamsReached.length >= 2 && input.mix.strategic.count > 0) {
    return {
      observed: "outcomes",
      because: `reached ${input.teamsReached.length} teams and made decisions tied to business outcomes`,
    };
  }
  if (input.areas.length >= 4 || input.repositories.length >= 2 || input.mix.decision.count > 0) {
    return {
      observed: "systems",
      because: `${input.areas.length} areas in ${input.repositories.length} repositor${input.repositories.length === 1 ? "y" : "ies"}${input.mix.decision.count > 0 ? ", with decision records" : ""}`,
    };
  }
  if (input.areas.length >= 2)
    return { observed: "features", because: `${input.areas.length} areas` };
  return {
    observed: "tasks",
    because: input.areas.length === 1 ? "one area" : "no area touched in the period",
  };
}

function mapLadder(
  target: { ladder: Ladder; level: string | null; track: Track },
  mine: ClassifiedContribution[],
  observed: Scope,
  link: (c: ClassifiedContribution) => EvidenceLink,
): LadderMapping | null {
  const { ladder } = target;
  const level =
    ladder.levels.find((l) => l.id === target.level) ??
    ladder.levels.find((l) => l.track === target.track || l.track === "shared");
  if (!level) return null;
  return {
    ladder: ladder.id,
    level: level.id,
    levelName: level.name,
    track: level.track,
    expectedScope: level.scope,
    observedScope: observed,
    criteria: ladder.criteria
      .filter((c) => c.level === level.id)
      .map((c) => mapCriterion(ladder, c, mine, link)),
  };
}

const compiledEvidence = new Map<string, CompiledCondition>();

function evidenceTest(rule: string): CompiledCondition {
  let test = compiledEvidence.get(rule);
  if (test === undefined) {
    const definition = EVIDENCE_RULES[rule];
    test =
      definition === undefined
        ? () => ({ matched: false, failing: `unknown evidence rule ${rule}` })
        : compileCondition(definition.when, `evidence rule ${rule}: when`);
    compiledEvidence.set(rule, test);
  }
  return test;
}

/**
 * A criterion's evidence: the person's records matching one of its evidence rules (the first rule
 * matched is the one shown). Never by leverage type: a criterion with no rules needs the person's
 * words, one whose rules no record matched is not demonstrated yet.
 */
function mapCriterion(
  ladder: Ladder,
  criterion: LadderCriterion,
  mine: ClassifiedContribution[],
  link: (c: ClassifiedContribution) => EvidenceLink,
): LadderCriterionMapping {
  const how = criterionEvidence(ladder, criterion);
  const matched: CriterionEvidenceLink[] = [];
  for (const contribution of mine) {
    for (const rule of how.rules) {
      const outcome = evidenceTest(rule)(contribution);
      if (outcome.matched) {
        matched.push({ ...link(contribution), rule, because: outcome.because });
        break;
      }
    }
  }
  const status =
    how.rules.length === 0
      ? "needs your words"
      : matched.length > 0
        ? "demonstrated"
        : "not demonstrated yet";
  return {
    id: criterion.id,
    theme: criterion.theme,
    text: criterion.text,
    leverage: criterion.leverage,
    status,
    rules: how.rules.map((id) => ({ id, description: EVIDENCE_RULES[id]?.description ?? id })),
    basis: how.basis,
    needsWords: how.needsWords,
    evidence: matched.slice(0, 5),
    matched: matched.length,
    demonstrated: status === "demonstrated",
  };
}

function iso(time: number): string {
  return isoTime(time);
}
