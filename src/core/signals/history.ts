/**
 * What a history records beyond authorship, read from stored commits alone: the pull requests and
 * topic branches its merges brought in, the repairs (reverts, hotfixes) it made, and what each
 * release tag shipped. Pure functions over stored rows.
 */
import type { CommitSignal, RawIdentity } from "../model.js";
import { changeOfSubject, reworkOfSubject, type SubjectChange } from "./subjects.js";

/** A stored commit as these analyses read it (store/store.ts's StoredCommit is one). */
export interface SignalCommit {
  sha: string;
  parents: string[];
  author: RawIdentity;
  authorTime: number;
  commitTime: number;
  subject: string;
  isMerge: boolean;
  changes: { path: string }[];
  signals?: CommitSignal[];
}

/** A pull request or topic branch recovered from the history of the analysed ref. */
export interface RecoveredChange {
  kind: SubjectChange["kind"];
  /** The pull request's number; null for a merged branch. */
  number: number | null;
  /** The branch a merge names (`owner/branch` for a pull request), null for a squash. */
  branch: string | null;
  /** The merge commit, or the squash commit. */
  sha: string;
  /** When it reached the ref: the merge's (or squash's) commit date. */
  mergedAt: number;
  /** Its own non-merge commits (the squash commit itself for a squash). */
  commits: string[];
  /**
   * Author date of its first own commit; null for a squash, whose own commits are gone (coding
   * time cannot be timed from it).
   */
  firstCommitAt: number | null;
  /** The author of its first own commit (the squash commit's author for a squash). */
  author: RawIdentity;
  /** Files its own commits changed. */
  paths: string[];
}

/**
 * A history by position: commits (app/history-index.ts's index holds them in stored order, parents
 * first) and each one's parents as positions (-1: not stored), so that a walk marks bytes instead
 * of filling a set of hashes.
 * app/history-index.ts's HistoryIndex is one; {@link commitGraph} builds one from a list.
 */
export interface CommitGraph<C extends SignalCommit = SignalCommit> {
  commits: readonly C[];
  position: ReadonlyMap<string, number>;
  /** Parents of commit i: parentList[parentStart[i] .. parentStart[i + 1]). */
  parentStart: Int32Array;
  parentList: Int32Array;
}

/** The graph of `commits` (any order; a parent not among them is not stored). */
export function commitGraph<C extends SignalCommit>(commits: readonly C[]): CommitGraph<C> {
  const position = new Map<string, number>();
  for (let i = 0; i < commits.length; i++) position.set(commits[i]!.sha, i);
  const parentStart = new Int32Array(commits.length + 1);
  let total = 0;
  for (let i = 0; i < commits.length; i++) {
    parentStart[i] = total;
    total += commits[i]!.parents.length;
  }
  parentStart[commits.length] = total;
  const parentList = new Int32Array(total);
  for (let i = 0; i < commits.length; i++) {
    let k = parentStart[i]!;
    for (const parent of commits[i]!.parents) parentList[k++] = position.get(parent) ?? -1;
  }
  return { commits, position, parentStart, parentList };
}

/**
 * Marks in `reached` every commit reachable from `starts` (positions; -1 is skipped) that it does
 * not mark yet, and returns the non-merge ones among them, depth first from the last start.
 */
function takeUnreached<C extends SignalCommit>(
  graph: CommitGraph<C>,
  starts: number[],
  reached: Uint8Array,
): C[] {
  const { commits, parentStart, parentList } = graph;
  const taken: C[] = [];
  const stack = [...starts];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (i < 0 || reached[i] === 1) continue;
    reached[i] = 1;
    const commit = commits[i]!;
    if (!commit.isMerge) taken.push(commit);
    for (let k = parentStart[i]!; k < parentStart[i + 1]!; k++) {
      const parent = parentList[k]!;
      if (parent >= 0 && reached[parent] === 0) stack.push(parent);
    }
  }
  return taken;
}

/**
 * The pull requests and topic branches merged into the ref, along its first-parent line: a merge
 * brings in the commits reachable from its other parents and not from its first (walked once
 * each, however many merges there are); a squash subject on the line is one pull request.
 */
export function recoverChanges(graph: CommitGraph, tip: string): RecoveredChange[] {
  const { commits, parentStart, parentList } = graph;
  const line: number[] = [];
  for (let at = graph.position.get(tip) ?? -1; at >= 0; ) {
    line.push(at);
    at = parentStart[at + 1]! > parentStart[at]! ? parentList[parentStart[at]!]! : -1;
  }
  line.reverse();
  const reached = new Uint8Array(commits.length);
  const changes: RecoveredChange[] = [];
  for (const at of line) {
    const commit = commits[at]!;
    // What its other parents bring in.
    const brought = takeUnreached(
      graph,
      [...parentList.subarray(parentStart[at]! + 1, parentStart[at + 1]!)],
      reached,
    );
    reached[at] = 1;
    const change = changeOfSubject(commit.subject, commit.isMerge);
    if (!change) continue;
    const own = change.kind === "squash-pr" ? [commit] : brought;
    if (own.length === 0) continue;
    const first = own.reduce((a, b) => (b.authorTime < a.authorTime ? b : a));
    changes.push({
      kind: change.kind,
      number: change.kind === "merged-branch" ? null : change.number,
      branch: change.kind === "squash-pr" ? null : change.branch,
      sha: commit.sha,
      mergedAt: commit.commitTime,
      commits: own.map((c) => c.sha),
      firstCommitAt: change.kind === "squash-pr" ? null : first.authorTime,
      author: first.author,
      paths: [...new Set(own.flatMap((c) => c.changes.map((x) => x.path)))].sort(),
    });
  }
  return changes;
}

/** A commit that repaired another change. */
export interface Repair {
  sha: string;
  kind: "revert" | "hotfix";
  /** The repair's commit date (when it reached the history). */
  time: number;
  author: RawIdentity;
  subject: string;
  paths: string[];
  /** The reverted commits found in the history, with their commit dates and authors. */
  reverted: { sha: string; time: number; author: RawIdentity }[];
}

/**
 * Reverts (a "This reverts commit" line, or a `Revert "` subject) and hotfixes (by subject) among
 * `commits`, with the commits they revert looked up in `all` (an abbreviated id is matched by
 * prefix). `fixup!` commits are counted apart: they are unfinished rework, not a repair.
 */
export function findRepairs(
  commits: readonly SignalCommit[],
  all: { get(sha: string): SignalCommit | undefined; keys(): Iterable<string> },
): { repairs: Repair[]; fixups: string[] } {
  const repairs: Repair[] = [];
  const fixups: string[] = [];
  /** Each repair's reverted commits, as named (a full or an abbreviated id). */
  const named: string[][] = [];
  const none: string[] = [];
  for (const commit of commits) {
    let targets = none;
    if (commit.signals)
      for (const signal of commit.signals)
        if (signal.kind === "reverts") targets = [...targets, signal.sha];
    const subject = reworkOfSubject(commit.subject);
    if (subject === "fixup") {
      fixups.push(commit.sha);
      continue;
    }
    if (targets.length === 0 && subject === null) continue;
    named.push(targets);
    repairs.push({
      sha: commit.sha,
      kind: targets.length > 0 || subject === "revert" ? "revert" : "hotfix",
      time: commit.commitTime,
      author: commit.author,
      subject: commit.subject,
      paths: [...new Set(commit.changes.map((c) => c.path))].sort(),
      reverted: [],
    });
  }
  // Ids not found as they are (abbreviated ones) are matched by prefix, all in one pass.
  const expanded = expandPrefixes(
    named.flat().filter((sha) => all.get(sha) === undefined),
    all,
  );
  repairs.forEach((repair, k) => {
    for (const sha of named[k]!) {
      const full = expanded.get(sha);
      const found = all.get(sha) ?? (full === undefined ? undefined : all.get(full));
      if (found)
        repair.reverted.push({ sha: found.sha, time: found.commitTime, author: found.author });
    }
  });
  return { repairs, fixups };
}

/**
 * The full id of each of `prefixes` that exactly one commit of `all` starts with, in one pass over
 * `all`'s ids however many prefixes there are.
 */
function expandPrefixes(
  prefixes: readonly string[],
  all: { keys(): Iterable<string> },
): Map<string, string> {
  const abbreviated = [...new Set(prefixes)];
  const matches = new Map<string, string[]>();
  if (abbreviated.length === 0) return new Map();
  for (const full of all.keys())
    for (const short of abbreviated)
      if (full.startsWith(short)) {
        const found = matches.get(short);
        if (found) found.push(full);
        else matches.set(short, [full]);
      }
  const expanded = new Map<string, string>();
  for (const [short, found] of matches) if (found.length === 1) expanded.set(short, found[0]!);
  return expanded;
}

/** A release tag: its name, the commit it points to and its date. */
export interface ReleaseTag {
  name: string;
  sha: string;
  time: number;
}

/**
 * What each release shipped: the non-merge commits it is the first release (by date) to contain.
 * Releases whose commit is not in the graph ship nothing and are returned with `known: false`.
 */
export function releaseShipments<C extends SignalCommit>(
  releases: readonly ReleaseTag[],
  graph: CommitGraph<C>,
): { release: ReleaseTag; known: boolean; shipped: C[] }[] {
  const reached = new Uint8Array(graph.commits.length);
  const sorted = [...releases].sort((a, b) => a.time - b.time || a.name.localeCompare(b.name));
  return sorted.map((release) => {
    const start = graph.position.get(release.sha);
    if (start === undefined) return { release, known: false, shipped: [] };
    return { release, known: true, shipped: takeUnreached(graph, [start], reached) };
  });
}

/** A version tag that names a release: `v1.2`, `1.2.3`, `v2.47.0` (pre-releases such as `-rc1` are not). */
export function isReleaseVersion(name: string): boolean {
  return /^v?\d+(?:\.\d+)+$/.test(name);
}
