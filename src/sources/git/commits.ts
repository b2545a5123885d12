import { StringDecoder } from "node:string_decoder";
import type { CommitRow, RawIdentity } from "../../core/model.js";
import { LegibleError } from "../../errors.js";
import { firstLine, runGit } from "./run.js";

const FIELDS = 8;
const FORMAT = [
  "%H",
  "%P",
  "%an",
  "%ae",
  "%at",
  "%ct",
  "%s",
  "%(trailers:key=Co-authored-by,valueonly,unfold,separator=%x1f)",
].join("%x00");

/**
 * Walks the commits reachable from `tip` and not from any of `exclude`, parents before children
 * (`--topo-order --reverse`), so that any prefix of the walk is closed under ancestry. Reads commit
 * objects only, never trees or blobs. Each commit is handed over as soon as git prints it, so
 * reading file changes can start while the walk is still being printed.
 */
export async function streamCommits(
  dir: string,
  range: { tip: string; exclude: string[] },
  onCommit: (commit: CommitRow) => void,
  signal?: AbortSignal,
): Promise<void> {
  // Exclusions go through stdin: a resumed scan may exclude many stored heads.
  const args = ["log", "--topo-order", "--reverse", "-z", `--format=${FORMAT}`, "--stdin"];
  args.push(range.tip, "--");
  const input = range.exclude.map((sha) => `^${sha}\n`).join("");
  const decoder = new StringDecoder("utf8");
  let fields: string[] = [];
  let partial = "";
  const take = (text: string) => {
    const parts = (partial + text).split("\0");
    partial = parts.pop() ?? "";
    fields = fields.length === 0 ? parts : fields.concat(parts);
    let i = 0;
    for (; i + FIELDS <= fields.length; i += FIELDS) onCommit(toCommit(fields, i));
    fields = i === fields.length ? [] : fields.slice(i);
  };
  const result = await runGit(dir, args, {
    input,
    onData: (chunk) => take(decoder.write(chunk)),
    ...(signal ? { signal } : {}),
  });
  take(`${decoder.end()}\0`);
  if (result.code !== 0) {
    throw new LegibleError(
      "GIT_FAILED",
      `${dir}: git could not walk the history of ${range.tip}: ${firstLine(result.stderr)}`,
      "the repository is missing commit objects; run git fsck to see which",
    );
  }
}

/** Parses the complete `-z` output of FORMAT. Exported for tests. */
export function parseCommitLog(text: string): CommitRow[] {
  const fields = text.split("\0");
  const rows: CommitRow[] = [];
  for (let i = 0; i + FIELDS - 1 < fields.length; i += FIELDS) {
    if (fields[i]!.trim() === "") break;
    rows.push(toCommit(fields, i));
  }
  return rows;
}

function toCommit(fields: string[], i: number): CommitRow {
  return {
    sha: fields[i]!.trim(),
    parents: fields[i + 1] === "" ? [] : fields[i + 1]!.split(" "),
    author: { name: fields[i + 2]!, email: fields[i + 3]! },
    authorTime: Number(fields[i + 4]),
    commitTime: Number(fields[i + 5]),
    subject: fields[i + 6]!,
    coAuthors: parseTrailers(fields[i + 7]!),
  };
}

function parseTrailers(value: string): RawIdentity[] {
  if (value.trim() === "") return [];
  const people: RawIdentity[] = [];
  for (const entry of value.split("\x1f")) {
    const identity = parseNameEmail(entry);
    if (identity) people.push(identity);
  }
  return people;
}

/** "Name <email>" → identity; null when there is no email in angle brackets. */
export function parseNameEmail(text: string): RawIdentity | null {
  const match = /^\s*(.*?)\s*<([^>]*)>\s*$/.exec(text);
  if (!match) return null;
  return { name: match[1] ?? "", email: match[2] ?? "" };
}
