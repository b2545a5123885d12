/**
 * History summaries: what the knowledge analyses at a history's head need from one history pack's
 * commits, kept beside the pack (table history_summaries) and written in the same transaction. An
 * analysis of the scanned head reads a few thousand tallies instead of decoding every commit:
 * per file path and per set of people credited together, how many adds and changes they made and
 * when last; per raw identity, the counts identity resolution and the activity dates read; the
 * commits' counts, dates and what could not be read. Everything is kept per raw identity, before
 * `.mailmap`, aliases and bot rules apply, so one summary serves every configuration. The exact
 * equivalence with the full computation is documented in docs/ARCHITECTURE.md ("History summaries").
 */
import type { RawIdentity } from "../core/model.js";
import { asciiJson } from "./history-pack.js";
import type { StoredCommit } from "./store.js";

/** The format's version: a summary of another version is not read (the full history is). */
export const SUMMARY_VERSION = 2;

/** How every summary of this version begins (Store.summariseOlderPacks rewrites the others). */
export const SUMMARY_PREFIX = `{"v":${SUMMARY_VERSION},`;

interface SummaryBody {
  v: number;
  /** Commits summarised (the pack's). */
  commits: number;
  merges: number;
  /**
   * False when a commit's time is not a finite number: the summary is then not used (the
   * analyses' date rules treat such times in ways a summary does not keep).
   */
  exact: boolean;
  /** Raw identities (name, e-mail, flattened) in order of first appearance: author, co-authors, trailer people. */
  who: string[];
  /** Per identity: appearances, as identity resolution counts them (author, co-author, trailer). */
  seen: number[];
  /** Per identity: latest positive time of an appearance; 0 when none. */
  seenLast: number[];
  /** Per identity: commits authored. */
  authored: number[];
  /** Per identity: commits credited (as author or co-author). */
  credited: number[];
  /** Per identity: latest positive author time of a credited commit; null when none. */
  creditedLast: (number | null)[];
  /** Latest author time; null for no commits. */
  newest: number | null;
  /** Latest author or commit time; null for no commits. */
  latest: number | null;
  /** Commits with an author or commit time at or before 1970: sha, author time, commit time. */
  odd: [string, number, number][];
  /** Commits git could not read: sha, message. */
  skipped: [string, string][];
  /** Every distinct author and commit time, ascending: the first, then each one's difference to the one before. */
  times: number[];
  /** Who non-merge commits credit, as identity positions: count, then author and co-authors. */
  tuples: number[];
  paths: string[];
  /** Per path and tuple: path, tuple, adds, changes (modifications and renames), latest time. */
  records: number[];
  /** Distinct renames: new path, old path, tuple. */
  renames: number[];
}

/** The summary of a pack's commits, in row order (see {@link summarisePack}). */
export function summarisePack(commits: Iterable<StoredCommit>): string {
  const body: SummaryBody = {
    v: SUMMARY_VERSION,
    commits: 0,
    merges: 0,
    exact: true,
    who: [],
    seen: [],
    seenLast: [],
    authored: [],
    credited: [],
    creditedLast: [],
    newest: null,
    latest: null,
    odd: [],
    skipped: [],
    times: [],
    tuples: [],
    paths: [],
    records: [],
    renames: [],
  };
  const whoAt = new Map<string, number>();
  const identity = (raw: RawIdentity): number => {
    const key = `${raw.name}\0${raw.email}`;
    let at = whoAt.get(key);
    if (at === undefined) {
      at = body.seen.length;
      whoAt.set(key, at);
      body.who.push(raw.name, raw.email);
      body.seen.push(0);
      body.seenLast.push(0);
      body.authored.push(0);
      body.credited.push(0);
      body.creditedLast.push(null);
    }
    return at;
  };
  const appear = (at: number, time: number) => {
    body.seen[at]! += 1;
    if (time > 0 && time > body.seenLast[at]!) body.seenLast[at] = time;
  };
  const credit = (at: number, time: number) => {
    body.credited[at]! += 1;
    const last = body.creditedLast[at];
    if (time > 0 && (last === null || last === undefined || time > last))
      body.creditedLast[at] = time;
  };
  const pathAt = new Map<string, number>();
  const path = (value: string): number => {
    let at = pathAt.get(value);
    if (at === undefined) {
      at = body.paths.length;
      body.paths.push(value);
      pathAt.set(value, at);
    }
    return at;
  };
  const tupleAt = new Map<string, number>();
  let tupleCount = 0;
  // Records keyed by a number (path and tuple positions stay far below 2^26): no string per change.
  const records = new Map<number, number>();
  const renames = new Set<string>();
  const times = new Set<number>();
  for (const commit of commits) {
    const { authorTime, commitTime } = commit;
    body.commits += 1;
    if (commit.isMerge) body.merges += 1;
    if (!Number.isFinite(authorTime) || !Number.isFinite(commitTime)) body.exact = false;
    if (body.newest === null || authorTime > body.newest) body.newest = authorTime;
    const later = Math.max(authorTime, commitTime);
    if (body.latest === null || later > body.latest) body.latest = later;
    if (authorTime <= 0 || commitTime <= 0) body.odd.push([commit.sha, authorTime, commitTime]);
    if (commit.skipped !== null) body.skipped.push([commit.sha, commit.skipped]);
    times.add(authorTime);
    times.add(commitTime);

    const author = identity(commit.author);
    appear(author, authorTime);
    body.authored[author]! += 1;
    credit(author, authorTime);
    const team = [author];
    for (const coAuthor of commit.coAuthors) {
      const at = identity(coAuthor);
      appear(at, authorTime);
      credit(at, authorTime);
      team.push(at);
    }
    for (const signal of commit.signals ?? [])
      if (signal.kind !== "reverts") appear(identity(signal.person), authorTime);

    if (commit.isMerge) continue;
    let tuple = -1;
    for (const change of commit.changes) {
      if (change.kind !== "A" && change.kind !== "M" && change.kind !== "R") continue;
      if (tuple === -1) {
        const key = team.join(" ");
        const known = tupleAt.get(key);
        if (known === undefined) {
          tuple = tupleCount++;
          tupleAt.set(key, tuple);
          body.tuples.push(team.length, ...team);
        } else tuple = known;
      }
      const at = path(change.path);
      const key = at * 2 ** 26 + tuple;
      let entry = records.get(key);
      if (entry === undefined) {
        entry = body.records.length;
        records.set(key, entry);
        body.records.push(at, tuple, 0, 0, authorTime);
      }
      if (change.kind === "A") body.records[entry + 2]! += 1;
      else body.records[entry + 3]! += 1;
      if (authorTime > body.records[entry + 4]!) body.records[entry + 4] = authorTime;
      if (change.kind === "R" && change.oldPath !== null) {
        const old = path(change.oldPath);
        const rename = `${at} ${old} ${tuple}`;
        if (!renames.has(rename)) {
          renames.add(rename);
          body.renames.push(at, old, tuple);
        }
      }
    }
  }
  const sorted = [...times].sort((a, b) => a - b);
  // As differences (a few digits each instead of ten): a third of a summary's text otherwise.
  body.times = sorted.map((time, i) => (i === 0 ? time : time - sorted[i - 1]!));
  return asciiJson(JSON.stringify(body));
}

/**
 * The adds and changes each set of people made to one path, four numbers per set: the tuple's
 * position in {@link HistorySummary.tuples}, adds, changes and the latest author time.
 */
export type PathTallies = number[];

/** The summaries of all of a history's packs, merged: the history as the knowledge analyses read it. */
export interface HistorySummary {
  commits: number;
  merges: number;
  /** Raw identities in order of first appearance over the history, and their counts (see SummaryBody). */
  identities: RawIdentity[];
  seen: number[];
  seenLast: number[];
  authored: number[];
  credited: number[];
  /** -Infinity: credited on no commit with a positive time. */
  creditedLast: number[];
  newest: number;
  latest: number;
  odd: { sha: string; authorTime: number; commitTime: number }[];
  skipped: { sha: string; reason: string }[];
  /** Author and commit times: each pack's distinct ones, ascending, packs in order. */
  times: Float64Array[];
  /** Who each tuple credits: identity positions, author first. */
  tuples: number[][];
  /** Tallies by path. */
  records: Map<string, PathTallies>;
  /** Renames into a path: the old path and the tuple that renamed it. */
  renames: Map<string, { old: string; tuple: number }[]>;
}

/**
 * Merges pack summaries (packs in stored order) into one; null when one of them is of another
 * version or not exact, so the caller reads the full history instead.
 */
export function mergeSummaries(texts: readonly string[]): HistorySummary | null {
  const merged: HistorySummary = {
    commits: 0,
    merges: 0,
    identities: [],
    seen: [],
    seenLast: [],
    authored: [],
    credited: [],
    creditedLast: [],
    newest: Number.NEGATIVE_INFINITY,
    latest: Number.NEGATIVE_INFINITY,
    odd: [],
    skipped: [],
    times: [],
    tuples: [],
    records: new Map(),
    renames: new Map(),
  };
  const identityAt = new Map<string, number>();
  const tupleAt = new Map<string, number>();
  for (const text of texts) {
    const body = JSON.parse(text) as SummaryBody;
    if (body?.v !== SUMMARY_VERSION || body.exact !== true) return null;
    merged.commits += body.commits;
    merged.merges += body.merges;
    if (body.newest !== null) merged.newest = Math.max(merged.newest, body.newest);
    if (body.latest !== null) merged.latest = Math.max(merged.latest, body.latest);
    for (const [sha, authorTime, commitTime] of body.odd)
      merged.odd.push({ sha, authorTime, commitTime });
    for (const [sha, reason] of body.skipped) merged.skipped.push({ sha, reason });
    const times = new Float64Array(body.times.length);
    let time = 0;
    for (let k = 0; k < times.length; k++) {
      time += body.times[k]!;
      times[k] = time;
    }
    merged.times.push(times);

    const global = new Int32Array(body.seen.length);
    for (let i = 0; i < body.seen.length; i++) {
      const name = body.who[2 * i]!;
      const email = body.who[2 * i + 1]!;
      const key = `${name}\0${email}`;
      let at = identityAt.get(key);
      if (at === undefined) {
        at = merged.identities.length;
        identityAt.set(key, at);
        merged.identities.push({ name, email });
        merged.seen.push(0);
        merged.seenLast.push(0);
        merged.authored.push(0);
        merged.credited.push(0);
        merged.creditedLast.push(Number.NEGATIVE_INFINITY);
      }
      global[i] = at;
      merged.seen[at]! += body.seen[i]!;
      merged.seenLast[at] = Math.max(merged.seenLast[at]!, body.seenLast[i]!);
      merged.authored[at]! += body.authored[i]!;
      merged.credited[at]! += body.credited[i]!;
      const last = body.creditedLast[i];
      if (last !== null && last !== undefined && last > merged.creditedLast[at]!)
        merged.creditedLast[at] = last;
    }

    const tuples: number[] = [];
    for (let k = 0; k < body.tuples.length; ) {
      const size = body.tuples[k]!;
      const team: number[] = [];
      for (let j = 1; j <= size; j++) team.push(global[body.tuples[k + j]!]!);
      k += size + 1;
      const key = team.join(" ");
      let at = tupleAt.get(key);
      if (at === undefined) {
        at = merged.tuples.length;
        tupleAt.set(key, at);
        merged.tuples.push(team);
      }
      tuples.push(at);
    }

    const { paths, records, renames } = body;
    // Each of the pack's paths is looked up in the merged map once.
    const lists: (PathTallies | undefined)[] = new Array(paths.length);
    for (let k = 0; k < records.length; k += 5) {
      const at = records[k]!;
      let list = lists[at];
      if (list === undefined) {
        const path = paths[at]!;
        list = merged.records.get(path);
        if (list === undefined) {
          list = [];
          merged.records.set(path, list);
        }
        lists[at] = list;
      }
      list.push(tuples[records[k + 1]!]!, records[k + 2]!, records[k + 3]!, records[k + 4]!);
    }
    for (let k = 0; k < renames.length; k += 3) {
      const path = paths[renames[k]!]!;
      const rename = { old: paths[renames[k + 1]!]!, tuple: tuples[renames[k + 2]!]! };
      const list = merged.renames.get(path);
      if (list) list.push(rename);
      else merged.renames.set(path, [rename]);
    }
  }
  return merged;
}
