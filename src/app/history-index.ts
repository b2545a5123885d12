import { impossibleTime } from "../core/dates.js";
import { parseMailmap } from "../core/identity/mailmap.js";
import type { IdentityResolution, IdentitySource } from "../core/identity/resolve.js";
import { followRenames } from "../core/knowledge/history.js";
import type { TallyMemo } from "../core/knowledge/index.js";
import type { AuthorshipRecord, PersonId, RawIdentity } from "../core/model.js";
import { type CommitGraph, commitGraph } from "../core/signals/history.js";
import type { StoredCommit } from "../store/store.js";

/**
 * Indexes derived once from one repository's loaded history and shared by every workspace prepared
 * over it (the months of `knowledge --trend`, the three dates of a review): commits by position,
 * parents as positions (a CommitGraph, in stored order: parents before children), so a walk marks
 * a byte array instead of filling a set of hashes.
 */
export interface HistoryIndex extends CommitGraph<StoredCommit> {
  /** Every commit's author time, ascending: how many lie past a date keys the identity sources. */
  sortedAuthorTimes: Float64Array;
  /** Identity sources already counted, by mailmap and the number of commits judged impossible. */
  sources: Map<string, IdentitySource>;
  /** File tallies of the knowledge analyses over this history, reused for unchanged histories. */
  tallies: TallyMemo;
}

const indexes = new WeakMap<readonly StoredCommit[], HistoryIndex>();

/**
 * The index of a loaded history (its commits in stored order, as `Store.loadCommits` gives them),
 * built on first use.
 */
export function historyIndex(all: readonly StoredCommit[]): HistoryIndex {
  let index = indexes.get(all);
  if (index) return index;
  // Times that are impossible at any date (not finite) never change with it: left out.
  const sortedAuthorTimes = Float64Array.from(
    all.map((c) => c.authorTime).filter(Number.isFinite),
  ).sort();
  index = {
    ...commitGraph(all),
    sortedAuthorTimes,
    sources: new Map(),
    tallies: new Map(),
  };
  indexes.set(all, index);
  return index;
}

/** Marks (1) the stored commits reachable from `tip`; all zero when `tip` is not stored. */
export function reachableFrom(index: HistoryIndex, tip: string): Uint8Array {
  const marks = new Uint8Array(index.commits.length);
  const start = index.position.get(tip);
  if (start === undefined) return marks;
  const stack = [start];
  marks[start] = 1;
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (let k = index.parentStart[i]!; k < index.parentStart[i + 1]!; k++) {
      const parent = index.parentList[k]!;
      // A parent beyond a shallow boundary, or one git could not walk, is not stored.
      if (parent >= 0 && marks[parent] === 0) {
        marks[parent] = 1;
        stack.push(parent);
      }
    }
  }
  return marks;
}

/**
 * The last commit on `tip`'s first-parent line made at or before `time` (commit time, Unix
 * seconds), read from the stored history as `git rev-list -1 --first-parent --before=<time>`
 * reads it from git: the first commit along the line, from the tip, whose commit time is not
 * after `time`; null when the line ends (a root) first. Undefined when the history cannot tell:
 * the tip or a first parent on the way is not stored (then ask git).
 */
export function firstParentAt(
  index: CommitGraph<StoredCommit>,
  tip: string,
  time: number,
): string | null | undefined {
  const start = index.position.get(tip);
  if (start === undefined) return undefined;
  let at: number = start;
  for (;;) {
    const commit = index.commits[at]!;
    if (commit.commitTime <= time) return commit.sha;
    // A root ends the line; a first parent not stored leaves it unknown.
    if (index.parentStart[at] === index.parentStart[at + 1]) return null;
    const parent: number = index.parentList[index.parentStart[at]!]!;
    if (parent < 0) return undefined;
    at = parent;
  }
}

/** The marked commits, in stored order. */
export function markedCommits(index: HistoryIndex, marks: Uint8Array): StoredCommit[] {
  const out: StoredCommit[] = [];
  for (let i = 0; i < marks.length; i++) if (marks[i] === 1) out.push(index.commits[i]!);
  return out;
}

/**
 * The identities of a repository's history counted for resolution: each raw identity's commits and
 * latest plausible time. The only part that depends on the analysed date is which commits are dated
 * impossibly late (over a year after it), so sources are shared by every date that excludes the
 * same number of (the latest) commits.
 */
export function identitySource(
  index: HistoryIndex,
  repo: string,
  mailmapText: string | null,
  asOf: number,
): IdentitySource {
  const beyond = countAbove(index.sortedAuthorTimes, asOf + 366 * 86_400);
  const key = `${repo}\0${beyond}\0${mailmapText ?? ""}\0${mailmapText === null}`;
  const kept = index.sources.get(key);
  if (kept) return kept;
  type Count = { identity: RawIdentity; commits: number; lastTime: number };
  // Counted by object first (a history pack's commits share its identity objects), then merged by
  // name and e-mail, in the order each identity first appears.
  const byObject = new Map<RawIdentity, Count>();
  const count = (identity: RawIdentity, time: number) => {
    let entry = byObject.get(identity);
    if (!entry) {
      entry = { identity, commits: 0, lastTime: 0 };
      byObject.set(identity, entry);
    }
    entry.commits += 1;
    if (!impossibleTime(time, asOf)) entry.lastTime = Math.max(entry.lastTime, time);
  };
  for (const commit of index.commits) {
    count(commit.author, commit.authorTime);
    for (const coAuthor of commit.coAuthors) count(coAuthor, commit.authorTime);
    // People named by review and help trailers resolve like authors (sources/git/signals.ts).
    for (const signal of commit.signals ?? [])
      if (signal.kind !== "reverts") count(signal.person, commit.authorTime);
  }
  const counts = new Map<string, Count>();
  for (const entry of byObject.values()) {
    const key = `${entry.identity.name}\0${entry.identity.email}`;
    const seen = counts.get(key);
    if (!seen) counts.set(key, entry);
    else {
      seen.commits += entry.commits;
      seen.lastTime = Math.max(seen.lastTime, entry.lastTime);
    }
  }
  const source: IdentitySource = {
    repo,
    mailmap: mailmapText ? parseMailmap(mailmapText).entries : [],
    identities: [...counts.values()],
  };
  index.sources.set(key, source);
  return source;
}

/** How many of the ascending `values` are greater than `limit`. */
function countAbove(values: Float64Array, limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid]! > limit) high = mid;
    else low = mid + 1;
  }
  return values.length - low;
}

/** Who each commit credits, once per identity resolution: the same for every date analysed. */
export interface CreditedPeople {
  /** Non-bot people of commit i (author, then co-authors), each once. */
  people: PersonId[][];
  /** The same as numbers: ids[personList[k]] for k in personStart[i] .. personStart[i + 1]. */
  ids: PersonId[];
  personStart: Int32Array;
  personList: Int32Array;
  /** Whether commit i's author is a bot. */
  authorIsBot: Uint8Array;
  /** Authorship records of every non-merge commit crediting someone, in stored order. */
  records: AuthorshipRecord[];
  /** The position of each record's commit. */
  recordCommit: Int32Array;
}

/** Each path's records (positions in `records`, in stored order), built on first use. */
const recordsByPath = new WeakMap<CreditedPeople, Map<string, number[]>>();

/**
 * The history of a file over the records of the marked commits alone, without filtering every
 * record first: what `buildHistories` gives for the records `marks` keep, since each path's
 * records, filtered, are the filtered records' own by path. The months of a trend and the dates of
 * a review each read the files' histories this way from one index of the whole history.
 */
export function markedHistories(credits: CreditedPeople, marks: Uint8Array): FileHistories {
  let byPath = recordsByPath.get(credits);
  if (!byPath) {
    byPath = new Map();
    credits.records.forEach((record, r) => {
      const list = byPath!.get(record.path);
      if (list) list.push(r);
      else byPath!.set(record.path, [r]);
    });
    recordsByPath.set(credits, byPath);
  }
  const paths = byPath;
  const { records, recordCommit } = credits;
  const append = (list: number[] | undefined, history: AuthorshipRecord[]) => {
    if (list) for (const r of list) if (marks[recordCommit[r]!] === 1) history.push(records[r]!);
  };
  const of = (path: string) => {
    const history: AuthorshipRecord[] = [];
    append(paths.get(path), history);
    // As buildHistories: each rename's old path once, in the order the renames are met.
    followRenames(path, history, (oldPath) => {
      append(paths.get(oldPath), history);
      return true;
    });
    return history;
  };
  // The same walk, compared with `kept` record by record instead of gathered: while everything
  // matched, kept's first `matched` records are what the walk would have gathered.
  const is = (path: string, kept: readonly AuthorshipRecord[]) => {
    let matched = 0;
    const compare = (list: number[] | undefined) => {
      if (list)
        for (const r of list)
          if (marks[recordCommit[r]!] === 1 && kept[matched++] !== records[r]) return false;
      return true;
    };
    if (!compare(paths.get(path))) return false;
    return (
      followRenames(
        path,
        kept,
        (oldPath) => compare(paths.get(oldPath)),
        () => matched,
      ) && matched === kept.length
    );
  };
  return { of, is };
}

/** Each file's history at one date (see {@link markedHistories}). */
export interface FileHistories {
  /** The file's history. */
  of: (path: string) => AuthorshipRecord[];
  /** Whether the file's history is exactly `records` (the same objects, in order), told without building it. */
  is: (path: string, records: readonly AuthorshipRecord[]) => boolean;
}

const credited = new WeakMap<IdentityResolution, Map<HistoryIndex, CreditedPeople>>();

/**
 * Appends the authorship records a commit gives the people it credits: one per file it added,
 * modified or renamed. Returns how many it appended.
 */
export function appendChangeRecords(
  commit: StoredCommit,
  people: PersonId[],
  out: AuthorshipRecord[],
): number {
  let added = 0;
  for (const change of commit.changes) {
    if (change.kind !== "A" && change.kind !== "M" && change.kind !== "R") continue;
    out.push({
      kind: change.kind,
      path: change.path,
      oldPath: change.oldPath,
      people,
      time: commit.authorTime,
    });
    added += 1;
  }
  return added;
}

/** {@link CreditedPeople} of a repository's history under one identity resolution; built once. */
export function creditedPeople(
  index: HistoryIndex,
  repo: string,
  identities: IdentityResolution,
  bots: ReadonlySet<PersonId>,
): CreditedPeople {
  let byIndex = credited.get(identities);
  if (!byIndex) {
    byIndex = new Map();
    credited.set(identities, byIndex);
  }
  const kept = byIndex.get(index);
  if (kept) return kept;
  const people: PersonId[][] = [];
  const authorIsBot = new Uint8Array(index.commits.length);
  const records: AuthorshipRecord[] = [];
  const recordCommit: number[] = [];
  const ids: PersonId[] = [];
  const idOf = new Map<PersonId, number>();
  const personStart = new Int32Array(index.commits.length + 1);
  const personList: number[] = [];
  // Resolved once per identity object (a history pack's commits share them).
  const resolved = new Map<RawIdentity, PersonId>();
  const personOf = (raw: RawIdentity): PersonId => {
    let person = resolved.get(raw);
    if (person === undefined) {
      person = identities.personOf(repo, raw);
      resolved.set(raw, person);
    }
    return person;
  };
  // Most commits credit one person: they share one frozen list per person (records keep it).
  const alone = new Map<PersonId, readonly PersonId[]>();
  const nobody: readonly PersonId[] = Object.freeze([]);
  index.commits.forEach((commit, i) => {
    let list: PersonId[] = [];
    const author = personOf(commit.author);
    if (bots.has(author)) authorIsBot[i] = 1;
    else list.push(author);
    for (const raw of commit.coAuthors) {
      const person = personOf(raw);
      if (!bots.has(person) && !list.includes(person)) list.push(person);
    }
    if (list.length === 0) list = nobody as PersonId[];
    else if (list.length === 1) {
      let shared = alone.get(list[0]!);
      if (!shared) {
        shared = Object.freeze(list);
        alone.set(list[0]!, shared);
      }
      list = shared as PersonId[];
    }
    people.push(list);
    personStart[i] = personList.length;
    for (const person of list) {
      let id = idOf.get(person);
      if (id === undefined) {
        id = ids.length;
        ids.push(person);
        idOf.set(person, id);
      }
      personList.push(id);
    }
    if (commit.isMerge || list.length === 0) return;
    const added = appendChangeRecords(commit, list, records);
    for (let k = 0; k < added; k++) recordCommit.push(i);
  });
  personStart[index.commits.length] = personList.length;
  const result = {
    people,
    ids,
    personStart,
    personList: Int32Array.from(personList),
    authorIsBot,
    records,
    recordCommit: Int32Array.from(recordCommit),
  };
  byIndex.set(index, result);
  return result;
}
