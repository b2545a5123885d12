import { LEVERAGE_TYPES, type LeverageType } from "../model.js";

/**
 * A career ladder as data: levels on two peer tracks, themes, and what each level looks like in
 * each theme (product.md "Ladder", seeds 001 and 003).
 */

/**
 * The track a level sits on. `ic` and `manager` are peers (seed 003); `shared` levels sit on both
 * (the levels before the tracks split, or after they join again).
 */
export type Track = "ic" | "manager" | "shared";

/** The tracks in display order. */
export const TRACKS: readonly Track[] = ["shared", "ic", "manager"];

/** The size of problem a level owns; it grows with level (seed 001). */
export type Scope = "tasks" | "features" | "systems" | "outcomes";

/** The scopes in order of size: tasks → features → systems → outcomes across teams. */
export const SCOPES: readonly Scope[] = ["tasks", "features", "systems", "outcomes"];

/** One level of a ladder. */
export interface LadderLevel {
  id: string;
  name: string;
  track: Track;
  /** 1 = most junior; the same rank on both tracks means peers. */
  rank: number;
  /** The size of problem owned at this level; null when the ladder does not say. */
  scope: Scope | null;
}

/** A theme (competency area) of a ladder. */
export interface LadderTheme {
  id: string;
  name: string;
  summary: string | null;
  /** Which leverage types evidence this theme (may be empty). */
  leverage: LeverageType[];
}

/** What one level looks like in one theme. */
export interface LadderCriterion {
  id: string;
  /** A theme id. */
  theme: string;
  /** A level id. */
  level: string;
  text: string;
  examples: string[];
  /**
   * The leverage types that evidence it: the theme's, and for imported ladders those the text's
   * keywords suggest (`leverage-keywords.ts`).
   */
  leverage: LeverageType[];
}

/** A whole ladder, whatever format it came from. */
export interface Ladder {
  id: string;
  name: string;
  source: "legible" | "financial-times" | "monzo";
  levels: LadderLevel[];
  themes: LadderTheme[];
  criteria: LadderCriterion[];
}

/**
 * The problems of a ladder, one sentence each (empty when it is sound): duplicate ids, empty
 * names or texts, criteria naming unknown themes or levels, ranks that are not positive integers,
 * unknown tracks, scopes or leverage types.
 */
export function validateLadder(ladder: Ladder): string[] {
  const problems: string[] = [];
  if (ladder.id.trim() === "") problems.push("the ladder has an empty id");
  if (ladder.name.trim() === "") problems.push("the ladder has an empty name");
  if (ladder.levels.length === 0) problems.push("the ladder has no levels");
  problems.push(...duplicates("level", ladder.levels));
  problems.push(...duplicates("theme", ladder.themes));
  problems.push(...duplicates("criterion", ladder.criteria));
  for (const level of ladder.levels) {
    if (level.name.trim() === "") problems.push(`level '${level.id}': empty name`);
    if (!Number.isInteger(level.rank) || level.rank < 1)
      problems.push(`level '${level.id}': rank ${level.rank} is not a positive integer`);
    if (!TRACKS.includes(level.track))
      problems.push(`level '${level.id}': unknown track '${level.track}'`);
    if (level.scope !== null && !SCOPES.includes(level.scope))
      problems.push(`level '${level.id}': unknown scope '${level.scope}'`);
  }
  for (const theme of ladder.themes) {
    if (theme.name.trim() === "") problems.push(`theme '${theme.id}': empty name`);
    problems.push(...unknownLeverage(`theme '${theme.id}'`, theme.leverage));
  }
  const levelIds = new Set(ladder.levels.map((level) => level.id));
  const themeIds = new Set(ladder.themes.map((theme) => theme.id));
  for (const criterion of ladder.criteria) {
    const name = `criterion '${criterion.id}'`;
    if (criterion.text.trim() === "") problems.push(`${name}: empty text`);
    if (!levelIds.has(criterion.level))
      problems.push(`${name}: unknown level '${criterion.level}'`);
    if (!themeIds.has(criterion.theme))
      problems.push(`${name}: unknown theme '${criterion.theme}'`);
    problems.push(...unknownLeverage(name, criterion.leverage));
  }
  return problems;
}

function duplicates(kind: string, items: readonly { id: string }[]): string[] {
  const seen = new Set<string>();
  const reported = new Set<string>();
  const problems: string[] = [];
  for (const { id } of items) {
    if (id.trim() === "") problems.push(`a ${kind} has an empty id`);
    else if (seen.has(id) && !reported.has(id)) {
      problems.push(`duplicate ${kind} id '${id}'`);
      reported.add(id);
    }
    seen.add(id);
  }
  return problems;
}

function unknownLeverage(name: string, leverage: readonly LeverageType[]): string[] {
  return leverage
    .filter((type) => !LEVERAGE_TYPES.includes(type))
    .map((type) => `${name}: unknown leverage type '${type}'`);
}

/**
 * The levels someone on `track` passes through, most junior first: the track's own levels and the
 * shared ones. For `shared`, only the shared levels.
 */
export function levelsOnTrack(ladder: Ladder, track: Track): LadderLevel[] {
  return ladder.levels
    .filter((level) => level.track === track || level.track === "shared")
    .sort((a, b) => a.rank - b.rank);
}

/**
 * The level on `track` with the same rank as `levelId`: the manager peer of a senior engineer, the
 * IC peer of an engineering manager. A shared level is its own peer on either track. Null when the
 * level is unknown or the other track has nothing at that rank.
 */
export function peerLevel(ladder: Ladder, levelId: string, track: Track): LadderLevel | null {
  const level = ladder.levels.find((candidate) => candidate.id === levelId);
  if (!level) return null;
  if (level.track === track) return level;
  const peers = levelsOnTrack(ladder, track).filter((candidate) => candidate.rank === level.rank);
  return peers.find((candidate) => candidate.track === track) ?? peers[0] ?? null;
}

/**
 * The criteria of a level, in ladder order. `cumulative` adds those of the lower levels a person
 * on the same track passed through (the track's own and the shared ones), most junior first. A
 * shared level above a split adds only the shared levels below it: no one passed through both
 * tracks' levels. Unknown level: none.
 */
export function criteriaFor(
  ladder: Ladder,
  levelId: string,
  options: { cumulative?: boolean } = {},
): LadderCriterion[] {
  const level = ladder.levels.find((candidate) => candidate.id === levelId);
  if (!level) return [];
  const rankOf = new Map<string, number>([[level.id, level.rank]]);
  if (options.cumulative) {
    const path = level.track === "shared" ? ["shared"] : [level.track, "shared"];
    for (const lower of ladder.levels)
      if (path.includes(lower.track) && lower.rank < level.rank) rankOf.set(lower.id, lower.rank);
  }
  return ladder.criteria
    .filter((criterion) => rankOf.has(criterion.level))
    .sort((a, b) => (rankOf.get(a.level) ?? 0) - (rankOf.get(b.level) ?? 0));
}

/**
 * A level named by id, or by name (case-insensitive), as a user would type it; null when none
 * matches.
 */
export function findLevel(ladder: Ladder, idOrName: string): LadderLevel | null {
  const wanted = idOrName.trim().toLowerCase();
  return (
    ladder.levels.find((level) => level.id === idOrName) ??
    ladder.levels.find((level) => level.id.toLowerCase() === wanted) ??
    ladder.levels.find((level) => level.name.toLowerCase() === wanted) ??
    null
  );
}
