import type { ChangeKind, FileChangeRow } from "../../core/model.js";
import { decodePath, splitNul } from "./paths.js";
import { firstLine, type GitOptions, runGit } from "./run.js";

export interface ChangeReadOptions {
  /** Follow renames (`-M`); off for partial clones, whose blobs may be missing. */
  renames: boolean;
  /** git's rename limit; 0 means unlimited, so no rename is missed. */
  renameLimit: number;
  signal?: AbortSignal;
}

export interface ChangeReadResult {
  /** File changes per commit sha, for every commit that could be read. */
  changes: Map<string, FileChangeRow[]>;
  /** Commits whose trees or blobs could not be read, with git's message. */
  skipped: { sha: string; reason: string }[];
}

/**
 * Reads the file changes of non-merge commits with `git diff-tree --stdin` (the same diff
 * `git log --name-status` prints). When git fails half way — a missing tree or blob — the commits
 * printed before the failure are kept, the rest are retried one by one, and only the commits that
 * cannot be read are skipped and reported: history is never silently truncated.
 */
export async function readChanges(
  dir: string,
  shas: string[],
  options: ChangeReadOptions,
): Promise<ChangeReadResult> {
  const changes = new Map<string, FileChangeRow[]>();
  const skipped: { sha: string; reason: string }[] = [];
  let pending = shas;
  while (pending.length > 0) {
    const attempt = await diffTree(dir, pending, options);
    for (const [sha, rows] of attempt.complete) changes.set(sha, rows);
    if (attempt.error === null) break;
    // Everything before the first unconfirmed commit is trusted; try that one alone.
    const rest = pending.slice(attempt.complete.size);
    const [suspect, ...after] = rest;
    if (suspect === undefined) break;
    const alone = await diffTree(dir, [suspect], options);
    if (alone.error === null) {
      for (const [sha, rows] of alone.complete) changes.set(sha, rows);
    } else {
      skipped.push({ sha: suspect, reason: alone.error });
    }
    pending = after;
  }
  return { changes, skipped };
}

interface Attempt {
  /** Commits whose whole diff was printed, in input order. */
  complete: Map<string, FileChangeRow[]>;
  error: string | null;
}

async function diffTree(dir: string, shas: string[], options: ChangeReadOptions): Promise<Attempt> {
  const args = [
    "diff-tree",
    "--stdin",
    "-r",
    "-z",
    "--name-status",
    "--root",
    "--always",
    "--no-ext-diff",
  ];
  if (options.renames) args.push("-M", `-l${options.renameLimit}`);
  else args.push("--no-renames");
  const gitOptions: GitOptions = { input: `${shas.join("\n")}\n` };
  if (options.signal) gitOptions.signal = options.signal;
  const result = await runGit(dir, args, gitOptions);
  const parsed = parseDiffTree(result.stdout);
  if (result.code === 0) return { complete: parsed, error: null };
  // The last commit printed may be cut short: confirm only those followed by another header.
  const complete = new Map<string, FileChangeRow[]>();
  const printed = [...parsed.keys()];
  for (const sha of printed.slice(0, -1)) complete.set(sha, parsed.get(sha)!);
  return { complete, error: firstLine(result.stderr) };
}

/**
 * Parses `diff-tree --stdin -z --name-status --always` output: a commit id, then per change a status
 * and one path (two for renames and copies), each NUL-terminated. Paths are decoded by `decodePath`,
 * so names differing only in bytes that are not UTF-8 stay distinct. Exported for tests.
 */
export function parseDiffTree(output: Buffer): Map<string, FileChangeRow[]> {
  const out = new Map<string, FileChangeRow[]>();
  const tokens = splitNul(output);
  let current: FileChangeRow[] | null = null;
  let sha = "";
  let i = 0;
  const path = (k: number) => {
    const token = tokens[k];
    return token === undefined ? "" : decodePath(token);
  };
  while (i < tokens.length) {
    const token = tokens[i]!.toString("latin1").trim();
    if (token === "") {
      i += 1;
      continue;
    }
    if (isObjectName(token)) {
      sha = token;
      current = [];
      out.set(sha, current);
      i += 1;
      continue;
    }
    const kind = token.charAt(0) as ChangeKind;
    if (kind === "R" || kind === "C") {
      current?.push({ sha, kind, oldPath: path(i + 1), path: path(i + 2) });
      i += 3;
    } else {
      current?.push({ sha, kind, oldPath: null, path: path(i + 1) });
      i += 2;
    }
  }
  return out;
}

function isObjectName(token: string): boolean {
  return (token.length === 40 || token.length === 64) && /^[0-9a-f]+$/.test(token);
}
