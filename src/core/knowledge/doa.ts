import type { AuthorshipRecord, PersonId } from "../model.js";
import { compareIds } from "./compare.js";

export { buildHistories } from "./history.js";

/** Weights of the degree-of-authorship model (Avelino et al., ICPC 2016). */
export const DOA_WEIGHTS = {
  base: 3.293,
  firstAuthorship: 1.098,
  deliveries: 0.164,
  acceptances: 0.321,
} as const;

/** A developer counts as an author when their DOA divided by the file's best DOA exceeds this. */
const AUTHOR_RATIO = 0.75;

/**
 * Degree of authorship: `3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC)`.
 * `fa` is 1 when the developer added the file (first creation or a re-add), `dl` their own
 * modifications and renames, `ac` everyone else's.
 */
export function degreeOfAuthorship(c: { fa: 0 | 1; dl: number; ac: number }): number {
  return (
    DOA_WEIGHTS.base +
    DOA_WEIGHTS.firstAuthorship * c.fa +
    DOA_WEIGHTS.deliveries * c.dl -
    DOA_WEIGHTS.acceptances * Math.log1p(c.ac)
  );
}

/** Authorship of one file, computed from its history. */
export interface FileAuthorship {
  path: string;
  /** Authors by the §1.3 rule, highest DOA first, then PersonId ascending. */
  authors: PersonId[];
  /** DOA of everyone credited with at least one record. */
  doa: Record<PersonId, number>;
  /** Records of any kind credited to the person (used for tie-breaks). */
  deliveries: Record<PersonId, number>;
  /** Latest record time (Unix seconds) credited to the person. */
  lastTouched: Record<PersonId, number>;
}

/**
 * Degree of authorship and authors of a file (Avelino et al., ICPC 2016; docs/ARCHITECTURE.md, "Knowledge model"). With `coAuthors: false` only
 * the record's author (`people[0]`) is credited; with `true` everyone in `people` counts the record
 * as their own add or delivery, and their AC is all M/R records minus their own DL. A record
 * crediting nobody (a bot's, whose people were removed) still counts as someone else's change in
 * everyone's AC. `path` defaults to the first record's path (the file's own path when the history
 * comes from {@link buildHistories}). Returns null for an empty history.
 */
export function fileAuthorship(
  history: AuthorshipRecord[],
  options: { coAuthors: boolean; path?: string },
): FileAuthorship | null {
  const tally = tallyAuthorship(history, options.coAuthors);
  if (!tally) return null;
  // Object.fromEntries defines own properties, so even a "__proto__" id is kept as data.
  const column = (values: number[]) =>
    Object.fromEntries(tally.people.map((person, i) => [person, values[i]!]));
  return {
    path: options.path ?? history[0]!.path,
    authors: tally.authors,
    doa: column(tally.doa),
    deliveries: column(tally.deliveries),
    lastTouched: column(tally.lastTouched),
  };
}

/** {@link fileAuthorship} in columns, without per-person objects: the form analyses keep. */
export interface AuthorshipTally {
  /** Everyone credited with a record, in order of first appearance. */
  people: PersonId[];
  doa: number[];
  deliveries: number[];
  lastTouched: number[];
  authors: PersonId[];
}

/** Computes the columns of {@link fileAuthorship}; null for an empty history. */
export function tallyAuthorship(
  history: AuthorshipRecord[],
  coAuthors: boolean,
): AuthorshipTally | null {
  if (history.length === 0) return null;
  const counts = new TallyCounts();
  for (const record of history) {
    const isChange = record.kind !== "A";
    if (isChange) counts.allChanges++;
    const credited = coAuthors ? record.people.length : Math.min(1, record.people.length);
    for (let k = 0; k < credited; k++) {
      const person = record.people[k]!;
      if (k > 0 && record.people.indexOf(person) < k) continue; // listed twice on one record
      counts.credit(person, isChange ? 0 : 1, isChange ? 1 : 0, record.time);
    }
  }
  return counts.finish();
}

/**
 * A file's history counted per person, in order of first appearance: whether they added it, their
 * modifications and renames, their records of any kind and the latest record's time; and all the
 * history's modifications and renames. {@link tallyAuthorship} counts records one by one, history
 * summaries (app/summary-workspace.ts) add up several at once.
 */
export class TallyCounts {
  readonly people: PersonId[] = [];
  readonly added: boolean[] = [];
  readonly changes: number[] = [];
  readonly deliveries: number[] = [];
  readonly lastTouched: number[] = [];
  allChanges = 0;
  private readonly index = new Map<PersonId, number>();

  /** Credits `person` with `adds` adds and `changes` modifications or renames, the latest at `time`. */
  credit(person: PersonId, adds: number, changes: number, time: number): void {
    let i = this.index.get(person);
    if (i === undefined) {
      i = this.people.length;
      this.index.set(person, i);
      this.people.push(person);
      this.added.push(false);
      this.changes.push(0);
      this.deliveries.push(0);
      this.lastTouched.push(time);
    }
    if (adds > 0) this.added[i] = true;
    this.changes[i]! += changes;
    this.deliveries[i]! += adds + changes;
    if (time > this.lastTouched[i]!) this.lastTouched[i] = time;
  }

  /** Each person's DOA and the file's authors. */
  finish(): AuthorshipTally {
    return finishTally(this);
  }
}

/**
 * A file's tally from what was counted per person over its history: whether they added it, their
 * modifications and renames, their records of any kind and the latest, and all the history's
 * modifications and renames. Gives each person's DOA and the file's authors.
 */
function finishTally(counts: {
  people: PersonId[];
  added: boolean[];
  changes: number[];
  deliveries: number[];
  lastTouched: number[];
  allChanges: number;
}): AuthorshipTally {
  const { people, added, changes, deliveries, lastTouched, allChanges } = counts;
  const doa = people.map((_, i) =>
    degreeOfAuthorship({ fa: added[i] ? 1 : 0, dl: changes[i]!, ac: allChanges - changes[i]! }),
  );
  let best = Number.NEGATIVE_INFINITY;
  for (const value of doa) if (value > best) best = value;
  const authorIndexes: number[] = [];
  for (let i = 0; i < people.length; i++) {
    const value = doa[i]!;
    const ratioOk = best > 0 && value / best > AUTHOR_RATIO;
    if (ratioOk && (value >= DOA_WEIGHTS.base || added[i])) authorIndexes.push(i);
  }
  authorIndexes.sort((a, b) => doa[b]! - doa[a]! || compareIds(people[a]!, people[b]!));
  return { people, doa, deliveries, lastTouched, authors: authorIndexes.map((i) => people[i]!) };
}
