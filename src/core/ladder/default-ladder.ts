import { IC_CRITERIA } from "./default-criteria-ic.js";
import { MANAGER_CRITERIA } from "./default-criteria-manager.js";
import type { Ladder, LadderCriterion, LadderLevel, LadderTheme } from "./model.js";

/**
 * legible's own engineering ladder: an individual-contributor track and a management track as
 * peers (seed 003), themes that include the five leverage types (seed 002), scope that grows with
 * level — tasks → features → systems → outcomes across teams (seed 001).
 *
 * Peers. The management track starts at rank 3: Engineering Manager is the peer of Senior Engineer,
 * Senior EM of Staff, Director of Senior Staff, Senior Director of Principal. Engineers usually move
 * into management from Senior, and the move should be sideways, not a promotion: a Senior who
 * becomes an EM gains nothing in rank, and an EM who goes back to building loses nothing. Scope
 * agrees: an EM answers for one team and the systems it owns, as a Senior answers for systems; a
 * Senior EM for several teams' outcomes, as Staff does. Managing is a different job, not a higher
 * one; the top of the IC track is as senior as the top of the management track.
 *
 * Criteria say what a record would show (a merged change, a decision record, a review, an incident,
 * a runbook, authors and reviewers spreading in an area), so an impact packet can point at
 * evidence. A criterion's leverage is its theme's.
 */

/** The levels, most junior first on each track. */
const LEVELS: LadderLevel[] = [
  { id: "engineer-1", name: "Engineer I", track: "ic", rank: 1, scope: "tasks" },
  { id: "engineer-2", name: "Engineer II", track: "ic", rank: 2, scope: "features" },
  { id: "senior", name: "Senior Engineer", track: "ic", rank: 3, scope: "systems" },
  { id: "staff", name: "Staff Engineer", track: "ic", rank: 4, scope: "outcomes" },
  { id: "senior-staff", name: "Senior Staff Engineer", track: "ic", rank: 5, scope: "outcomes" },
  { id: "principal", name: "Principal Engineer", track: "ic", rank: 6, scope: "outcomes" },
  {
    id: "engineering-manager",
    name: "Engineering Manager",
    track: "manager",
    rank: 3,
    scope: "systems",
  },
  {
    id: "senior-engineering-manager",
    name: "Senior Engineering Manager",
    track: "manager",
    rank: 4,
    scope: "outcomes",
  },
  { id: "director", name: "Director of Engineering", track: "manager", rank: 5, scope: "outcomes" },
  {
    id: "senior-director",
    name: "Senior Director of Engineering",
    track: "manager",
    rank: 6,
    scope: "outcomes",
  },
];

/**
 * The themes: one per leverage type, then craft, communication, and people (management track
 * only). Communication has no leverage type of its own: it shows in the form of every other record
 * (a summary after shipping, a PR that says why), which legible does not classify separately.
 */
const THEMES: LadderTheme[] = [
  {
    id: "execution",
    name: "Execution",
    summary: "Getting working changes delivered: scoped, finished, shipped and kept running.",
    leverage: ["execution"],
  },
  {
    id: "decision-making",
    name: "Decision-making",
    summary:
      "Making technical decisions deliberately and writing them down: the options, the trade-off, how reversible it is, who was consulted.",
    leverage: ["decision"],
  },
  {
    id: "coordination",
    name: "Coordination",
    summary:
      "Lowering the cost of working across boundaries: dependencies between teams, migrations, shared interfaces, ownership.",
    leverage: ["coordination"],
  },
  {
    id: "capability-building",
    name: "Capability building",
    summary:
      "Leaving others able to do what only you could: documentation, runbooks, tests, tooling, pairing, mentoring, reviews where others are learning.",
    leverage: ["capability"],
  },
  {
    id: "strategic-impact",
    name: "Strategic impact",
    summary:
      "Choosing work by the business outcome it serves, and saying what it changed in terms the business uses: risk, cost, time, customers.",
    leverage: ["strategic"],
  },
  {
    id: "craft",
    name: "Craft",
    summary:
      "The quality of what is built and run: correctness, tests, observability, performance, security, and learning from incidents.",
    leverage: ["execution"],
  },
  {
    id: "communication",
    name: "Communication",
    summary:
      "Making work legible: updates, summaries and write-ups that say what changed and why; feedback given and taken.",
    leverage: [],
  },
  {
    id: "people",
    name: "People and teams",
    summary:
      "Hiring, growing and keeping a team that works: expectations, feedback, growth, sustainable load.",
    leverage: ["capability"],
  },
];

/** One criterion as written: its text, or its text followed by examples of evidence. */
export type CriterionText = string | readonly [string, ...string[]];

/** Criteria as written: level id → theme id → criteria. */
export type CriteriaTable = Record<string, Record<string, readonly CriterionText[]>>;

function buildCriteria(table: CriteriaTable): LadderCriterion[] {
  const leverageOf = new Map(THEMES.map((theme) => [theme.id, theme.leverage]));
  return Object.entries(table).flatMap(([level, byTheme]) =>
    Object.entries(byTheme).flatMap(([theme, items]) =>
      items.map((item, i) => {
        const [text, ...examples] = typeof item === "string" ? [item] : item;
        return {
          id: `${level}.${theme}.${i + 1}`,
          theme,
          level,
          text,
          examples,
          leverage: [...(leverageOf.get(theme) ?? [])],
        };
      }),
    ),
  );
}

/** The ladder legible uses when none is configured (`ladder: default`). */
export const DEFAULT_LADDER: Ladder = {
  id: "legible",
  name: "legible engineering ladder",
  source: "legible",
  levels: LEVELS,
  themes: THEMES,
  criteria: buildCriteria({ ...IC_CRITERIA, ...MANAGER_CRITERIA }),
};
