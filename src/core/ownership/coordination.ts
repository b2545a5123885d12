/**
 * The cost of coordination, from changes and who owns what: how many teams own the files a change
 * touches, and which areas change together (code-maat's logical coupling). Pure functions.
 */

/** One change (a merged pull request, or a commit): when, which areas, which owning teams. */
export interface OwnedChange {
  id: string;
  /** Unix seconds. */
  time: number;
  /** Distinct areas the change touched (entities of the coupling analysis). */
  areas: string[];
  /** Distinct teams owning any file the change touched. */
  teams: string[];
  /** The author's team, when the roster knows it. */
  authorTeam: string | null;
}

/** How many teams the changes of a period needed. */
export interface TeamsDistribution {
  changes: number;
  /** Changes by the number of owning teams: none known, 1, 2, 3 or more. */
  byTeams: { none: number; one: number; two: number; threeOrMore: number };
  /** Mean owning teams per change, over changes with at least one (null: none). */
  mean: number | null;
  /** Share (0..1) of those changes that needed two teams or more (null: none). */
  multiTeamShare: number | null;
}

export function teamsDistribution(
  changes: readonly Pick<OwnedChange, "teams">[],
): TeamsDistribution {
  const byTeams = { none: 0, one: 0, two: 0, threeOrMore: 0 };
  let owned = 0;
  let sum = 0;
  for (const change of changes) {
    const n = change.teams.length;
    if (n === 0) byTeams.none += 1;
    else if (n === 1) byTeams.one += 1;
    else if (n === 2) byTeams.two += 1;
    else byTeams.threeOrMore += 1;
    if (n > 0) {
      owned += 1;
      sum += n;
    }
  }
  return {
    changes: changes.length,
    byTeams,
    mean: owned === 0 ? null : round2(sum / owned),
    multiTeamShare: owned === 0 ? null : round2((byTeams.two + byTeams.threeOrMore) / owned),
  };
}

/** code-maat's options for logical coupling (its defaults: 5, 5, 30, 100, 30). */
export interface CouplingOptions {
  /** The two areas' average revisions must reach this (code-maat `--min-revs`). */
  minRevs: number;
  /** Shared revisions must reach this (`--min-shared-revs`). */
  minSharedRevs: number;
  /** Lowest degree kept, in percent (`--min-coupling`). */
  minCoupling: number;
  /** Highest degree kept, in percent (`--max-coupling`). */
  maxCoupling: number;
  /** Change sets touching more areas than this are left out (`--max-changeset-size`). */
  maxChangesetSize: number;
}

export const CODE_MAAT_DEFAULTS: CouplingOptions = {
  minRevs: 5,
  minSharedRevs: 5,
  minCoupling: 30,
  maxCoupling: 100,
  maxChangesetSize: 30,
};

/** Two areas that change together. */
export interface CoupledPair {
  /** The two areas, in sorted order. */
  a: string;
  b: string;
  /** Change sets touching both. */
  shared: number;
  /** Change sets touching each (within the size cap). */
  revsA: number;
  revsB: number;
  /** code-maat's `average-revs`: the mean of the two, rounded up. */
  averageRevs: number;
  /** code-maat's degree: shared ÷ the average of the two areas' revisions, as a whole percent (truncated). */
  degree: number;
}

export interface CouplingResult {
  pairs: CoupledPair[];
  /** Change sets read, and those left out for touching more than `maxChangesetSize` areas. */
  changesets: number;
  tooLarge: number;
}

/**
 * code-maat's logical coupling (`-a coupling`): revisions per entity and shared revisions per
 * pair over the change sets within the size cap; degree = shared ÷ mean revisions × 100,
 * truncated; kept when average revisions ≥ minRevs, shared ≥ minSharedRevs and minCoupling ≤
 * degree ≤ maxCoupling. Sorted by degree, then average revisions, descending (code-maat's order),
 * then by name.
 */
export function changeCoupling(
  changesets: readonly (readonly string[])[],
  options: CouplingOptions,
): CouplingResult {
  const revs = new Map<string, number>();
  const shared = new Map<string, { a: string; b: string; n: number }>();
  let tooLarge = 0;
  for (const changeset of changesets) {
    const areas = [...new Set(changeset)].sort();
    if (areas.length > options.maxChangesetSize) {
      tooLarge += 1;
      continue;
    }
    for (const area of areas) revs.set(area, (revs.get(area) ?? 0) + 1);
    for (let i = 0; i < areas.length; i++)
      for (let j = i + 1; j < areas.length; j++) {
        const key = `${areas[i]}\0${areas[j]}`;
        const entry = shared.get(key) ?? { a: areas[i]!, b: areas[j]!, n: 0 };
        entry.n += 1;
        shared.set(key, entry);
      }
  }
  const pairs: CoupledPair[] = [];
  for (const { a, b, n } of shared.values()) {
    const revsA = revs.get(a)!;
    const revsB = revs.get(b)!;
    const average = (revsA + revsB) / 2;
    const degree = Math.trunc((n / average) * 100);
    if (average < options.minRevs || n < options.minSharedRevs) continue;
    if (degree < options.minCoupling || degree > options.maxCoupling) continue;
    pairs.push({ a, b, shared: n, revsA, revsB, averageRevs: Math.ceil(average), degree });
  }
  pairs.sort(
    (x, y) =>
      y.degree - x.degree ||
      y.averageRevs - x.averageRevs ||
      x.a.localeCompare(y.a) ||
      x.b.localeCompare(y.b),
  );
  return { pairs, changesets: changesets.length, tooLarge };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
