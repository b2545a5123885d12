import { spawn } from "node:child_process";
import type { ChangeKind, CommitRow, FileChangeRow } from "../../core/model.js";
import { FIELDS, FORMAT, MORE, toCommit } from "./commits.js";
import { decodePath } from "./paths.js";
import { git, gitCommand, interrupted } from "./run.js";
import { parseSignals, SIGNAL_MARK } from "./signals.js";
import { spoolGit } from "./spool.js";

/** One commit of the history stream with its file changes (none for a merge). */
export interface HistoryEntry {
  commit: CommitRow;
  changes: FileChangeRow[];
}

export interface HistoryRange {
  tip: string;
  exclude: string[];
}

/** Given commits, read in this order (parents first); see unstoredCommits. */
export interface HistoryList {
  commits: string[];
}

export interface HistoryOptions {
  /** Follow renames (`-M`); off for partial clones, whose blobs may be missing. */
  renames: boolean;
  /** git's rename limit; 0 means unlimited, so no rename is missed. */
  renameLimit: number;
  signal?: AbortSignal;
}

/** A history stream git is writing (see startHistory). */
export interface HistoryStream {
  /**
   * Hands over each commit once it is complete (the next one started, or git ended well), from the
   * first; resolves with git's exit status once git has ended and everything is read. `afterChunk`
   * runs after each chunk of output and may hold reading back (a store that lags behind).
   */
  read(
    onEntry: (entry: HistoryEntry) => void,
    afterChunk?: () => Promise<void> | void,
  ): Promise<{ code: number; stderr: string }>;
  /** Settles when git has exited, read or not (never rejects). */
  ended: Promise<void>;
  /** Stops git if it still runs and removes what it wrote. */
  dispose(): Promise<void>;
}

/**
 * Starts reading commits and their file changes in one `git log` stream: the commit format of
 * commits.ts followed by `--name-status` (the diff `git log --name-status` prints: merges carry
 * none), parents before children (`--topo-order --reverse`), for the commits reachable from
 * `range.tip` and not from any of `range.exclude` — or for exactly the commits of a list, in its
 * order (`--no-walk=unsorted`: no walk at all). One process reads the history once: no second
 * walk and no diff process per batch. git writes to a spool file (spool.ts), so it runs at full
 * speed from the start whether or not its output is read yet. On a failure (a tree or blob git
 * cannot read) the commits handed over are exact, and the caller reads the rest another way.
 */
export async function startHistory(
  dir: string,
  range: HistoryRange | HistoryList,
  options: HistoryOptions,
): Promise<HistoryStream> {
  const listed = "commits" in range;
  // Given no commit, git would read HEAD's whole history.
  if (listed && range.commits.length === 0) throw new Error("startHistory: an empty list");
  const args = [
    "log",
    ...(listed ? ["--no-walk=unsorted"] : ["--topo-order", "--reverse"]),
    "-z",
    `--format=${FORMAT}`,
    "--name-status",
    "--root",
    "--diff-merges=off",
    "--no-ext-diff",
    "--no-textconv",
    // A user's diff.orderFile would reorder the changes; diff.relative would cut paths.
    "--no-relative",
    "-O/dev/null",
  ];
  if (options.renames) args.push("-M", `-l${options.renameLimit}`);
  else args.push("--no-renames");
  if (listed) args.push("--stdin", "--");
  else args.push("--stdin", range.tip, "--");
  const spooled = await spoolGit(dir, args, {
    input: listed
      ? range.commits.map((sha) => `${sha}\n`).join("")
      : range.exclude.map((sha) => `^${sha}\n`).join(""),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return {
    async read(onEntry, afterChunk) {
      const parser = new HistoryParser(onEntry);
      const result = await spooled.drain((chunk) => {
        parser.push(chunk);
        return afterChunk?.();
      });
      if (result.code === 0) parser.end();
      return result;
    },
    ended: spooled.ended,
    dispose: () => spooled.dispose(),
  };
}

const NUL = 0;
const NEWLINE = 0x0a;
const FIRST_MORE = MORE.charCodeAt(0);
const FIRST_SIGNAL = SIGNAL_MARK.charCodeAt(0);
const BODY_MARK = 0x03;
const REVERT_LINE = Buffer.from("This reverts commit ");

/**
 * The signal field between `start` and `end`, decoded. The body after its \x03 is only worth
 * decoding when it names a reverted commit (signals.ts keeps nothing else of it): on git/git the
 * bodies are two thirds of the stream, and decoding them all cost about a tenth of the scan's CPU.
 */
function signalText(data: Buffer, start: number, end: number): string {
  const field = data.subarray(start, end);
  const split = field.indexOf(BODY_MARK);
  if (split < 0 || field.indexOf(REVERT_LINE, split) >= 0) return field.toString("utf8");
  return field.toString("utf8", 0, split + 1);
}

/**
 * Parses `git log -z --format=<FORMAT> --name-status` output as it arrives. Per commit: FIELDS
 * NUL-terminated fields (co-author trailers continued by tokens starting with \x01), then, when the
 * commit has a diff, a newline and per change a status and one path (two for renames and copies),
 * each NUL-terminated. The next commit starts with its id where a status would stand; a status is
 * never 40 or 64 hex digits, and paths are read by count, so no name can pass for a commit id.
 * Exported for tests.
 */
export class HistoryParser {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly onEntry: (entry: HistoryEntry) => void) {}

  push(chunk: Buffer): void {
    const data = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const used = this.parse(data, false);
    this.pending = used === data.length ? Buffer.alloc(0) : data.subarray(used);
  }

  /** The output ended (git exited 0): the last commit is complete. */
  end(): void {
    const data = this.pending;
    this.pending = Buffer.alloc(0);
    const used = this.parse(data, true);
    if (used !== data.length && data.subarray(used).some((byte) => byte !== NUL)) {
      throw new Error(`git log output ended inside a commit (${data.length - used} bytes left)`);
    }
  }

  /** Hands over every complete commit in `data` and returns the offset after the last one. */
  private parse(data: Buffer, final: boolean): number {
    let start = 0;
    const length = data.length;
    for (;;) {
      // Skip stray NULs between commits (none expected, but harmless).
      while (start < length && data[start] === NUL) start++;
      if (start >= length) return start;
      // The commit's fields.
      const fields: string[] = [];
      let p = start;
      let complete = true;
      for (let f = 0; f < FIELDS; f++) {
        const nul = data.indexOf(NUL, p);
        if (nul < 0) {
          complete = false;
          break;
        }
        fields.push(data.toString("utf8", p, nul));
        p = nul + 1;
      }
      if (!complete) return start;
      const trailers = [fields[FIELDS - 1]!];
      while (p < length && data[p] === FIRST_MORE) {
        const nul = data.indexOf(NUL, p);
        if (nul < 0) return start;
        trailers.push(data.toString("utf8", p + 1, nul));
        p = nul + 1;
      }
      if (p >= length && !final) return start; // more trailers, the signals or a diff may follow
      let signalField: string | null = null;
      if (data[p] === FIRST_SIGNAL) {
        const nul = data.indexOf(NUL, p);
        if (nul < 0) return start;
        signalField = signalText(data, p, nul);
        p = nul + 1;
        if (p >= length && !final) return start; // a diff may follow
      }
      const commit = toCommit(fields, 0, trailers);
      if (signalField !== null) {
        const signals = parseSignals(signalField);
        if (signals.length > 0) commit.signals = signals;
      }
      const changes: FileChangeRow[] = [];
      if (p < length && data[p] === NEWLINE) {
        p++;
        // Changes until the next commit id or the end.
        for (;;) {
          const nul = data.indexOf(NUL, p);
          if (nul < 0) {
            if (final && p >= length) break;
            return start;
          }
          if (!isStatus(data, p, nul)) break; // the next commit's id
          const kind = data[p] === 0x52 || data[p] === 0x43 ? 2 : 1; // R, C: two paths
          const first = data.indexOf(NUL, nul + 1);
          const second = kind === 2 && first >= 0 ? data.indexOf(NUL, first + 1) : first;
          if (first < 0 || second < 0) return start;
          const status = String.fromCharCode(data[p]!) as ChangeKind;
          if (kind === 2) {
            changes.push({
              sha: commit.sha,
              kind: status,
              oldPath: decodePath(data.subarray(nul + 1, first)),
              path: decodePath(data.subarray(first + 1, second)),
            });
          } else {
            changes.push({
              sha: commit.sha,
              kind: status,
              oldPath: null,
              path: decodePath(data.subarray(nul + 1, first)),
            });
          }
          p = second + 1;
          if (p >= length && !final) return start; // the next token decides
        }
      }
      this.onEntry({ commit, changes });
      start = p;
    }
  }
}

/** A status token: one letter of git's diff statuses, then digits (a rename or copy score). */
function isStatus(data: Buffer, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 4) return false;
  const letter = data[from]!;
  // A C D M R T U X
  if (
    letter !== 0x41 &&
    letter !== 0x43 &&
    letter !== 0x44 &&
    letter !== 0x4d &&
    letter !== 0x52 &&
    letter !== 0x54 &&
    letter !== 0x55 &&
    letter !== 0x58
  )
    return false;
  for (let i = from + 1; i < to; i++) {
    const c = data[i]!;
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

/**
 * Cuts a parents-first list into up to `parts` consecutive lists of about the same length (one at
 * least, none for no commits: git given no commit would read HEAD): each one's parents lie in the
 * lists before it or are stored, so stored one after another, what is stored stays closed under
 * ancestry.
 */
export function splitList(commits: string[], parts: number): HistoryList[] {
  const count = Math.min(Math.max(1, parts), commits.length);
  const lists: HistoryList[] = [];
  for (let k = 0; k < count; k++)
    lists.push({
      commits: commits.slice(
        Math.floor((k * commits.length) / count),
        Math.floor(((k + 1) * commits.length) / count),
      ),
    });
  return lists;
}

/**
 * Splits a walk of `range` into up to `parts` ranges along the tip's first-parent line, oldest
 * first: range 0 is the ancestors of the first cut, range k those of cut k+1 that cut k does not
 * reach, the last those of the tip beyond the last cut (each also minus `range.exclude`). Together
 * they are exactly the commits of `range`, each once, and every range's past lies in the earlier
 * ranges or the excluded commits: stored one after another, what is stored stays closed under
 * ancestry. Cuts are spaced evenly along the first-parent line; a short line is not split.
 */
export async function splitRange(
  dir: string,
  range: HistoryRange,
  parts: number,
  minimumPerPart: number,
): Promise<HistoryRange[]> {
  if (parts <= 1) return [range];
  const out = await git(dir, ["rev-list", "--first-parent", "--stdin", range.tip, "--"], {
    input: range.exclude.map((sha) => `^${sha}\n`).join(""),
  });
  const line = out === "" ? [] : out.split("\n").reverse(); // oldest first
  const count = Math.min(parts, Math.floor(line.length / minimumPerPart));
  if (count <= 1) return [range];
  const cuts: string[] = [];
  for (let k = 1; k < count; k++) cuts.push(line[Math.floor((k * line.length) / count) - 1]!);
  const ranges: HistoryRange[] = [];
  let previous: string | null = null;
  for (const cut of [...cuts, range.tip]) {
    ranges.push({ tip: cut, exclude: previous ? [...range.exclude, previous] : range.exclude });
    previous = cut;
  }
  return ranges;
}

/**
 * The commits reachable from `tip` that are not stored, parents first; null when git read more
 * than `limit` commits before it was done, or failed (the caller then walks the range instead).
 *
 * `git log <tip> --not <stored tips>` must paint the stored side of the history before it prints
 * anything: on git/git, 0.24 s of the 0.4 s that reading 1,000 new commits costs. Here
 * `git rev-list --parents <tip>` streams from the start, and the stored history says where to stop:
 * what is stored is closed under ancestry, so every commit not stored is reached through commits
 * not stored, each of which names it as a parent. Once every such parent has been read, nothing
 * new is left, and git is stopped (on git/git, 1,470 commits read for 1,002 new, in about 40 ms).
 * `stored` answers which of some commits are stored; it is asked once per chunk of git's output.
 */
export async function unstoredCommits(
  dir: string,
  tip: string,
  stored: (shas: string[]) => Promise<Set<string>>,
  options: { limit: number; signal?: AbortSignal },
): Promise<string[] | null> {
  const { command, args, env } = gitCommand(dir, ["rev-list", "--parents", tip, "--"]);
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "ignore"] });
  const exited = new Promise<number | null>((resolve) => {
    child.on("close", (code) => resolve(code));
    child.on("error", () => resolve(null));
  });
  const onAbort = () => child.kill();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  /** Stored (true) or not, for every commit read or named as a parent so far. */
  const known = new Map<string, boolean>();
  /** The commits not stored, in the order read, with their parents. */
  const unstored = new Map<string, string[]>();
  /** Parents not stored and not read yet. */
  const pending = new Set<string>();
  let read = 0;
  let done = false;
  let rest = "";
  try {
    for await (const chunk of child.stdout) {
      const lines = (rest + (chunk as Buffer).toString("latin1")).split("\n");
      rest = lines.pop()!;
      const entries = lines.map((line) => line.split(" "));
      const ask = new Set<string>();
      for (const entry of entries) for (const sha of entry) if (!known.has(sha)) ask.add(sha);
      if (ask.size > 0) {
        const found = await stored([...ask]);
        for (const sha of ask) known.set(sha, found.has(sha));
      }
      for (const [sha, ...parents] of entries) {
        read += 1;
        if (read > options.limit) break;
        if (read === 1 && known.get(sha!)) {
          done = true; // the tip is stored: nothing is new
          break;
        }
        if (known.get(sha!)) continue; // stored, and so is its past
        unstored.set(sha!, parents);
        pending.delete(sha!);
        for (const parent of parents)
          if (!known.get(parent) && !unstored.has(parent)) pending.add(parent);
        if (pending.size === 0) {
          done = true;
          break;
        }
      }
      if (done || read > options.limit) break;
    }
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    child.kill();
  }
  const code = await exited;
  if (options.signal?.aborted) throw interrupted();
  // git ended by itself: done if it succeeded (the parents left are beyond a shallow boundary).
  if (!done && (read > options.limit || code !== 0)) return null;
  return parentsFirst(unstored);
}

/**
 * `commits` (each with its parents) ordered so that each comes after those of its parents that are
 * among them: a depth-first walk from the last read (the oldest, roughly), so the order follows
 * git's.
 */
function parentsFirst(commits: Map<string, string[]>): string[] {
  const order: string[] = [];
  const placed = new Set<string>();
  const starts = [...commits.keys()].reverse();
  for (const start of starts) {
    if (placed.has(start)) continue;
    const stack: { sha: string; next: number }[] = [{ sha: start, next: 0 }];
    const onStack = new Set<string>([start]);
    while (stack.length > 0) {
      const top = stack.at(-1)!;
      const parents = commits.get(top.sha)!;
      if (top.next < parents.length) {
        const parent = parents[top.next++]!;
        if (commits.has(parent) && !placed.has(parent) && !onStack.has(parent)) {
          stack.push({ sha: parent, next: 0 });
          onStack.add(parent);
        }
        continue;
      }
      stack.pop();
      onStack.delete(top.sha);
      placed.add(top.sha);
      order.push(top.sha);
    }
  }
  return order;
}
