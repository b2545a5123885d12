import type { CommitRow, RawIdentity } from "../../core/model.js";
import { LegibleError } from "../../errors.js";
import { firstLine, runGit } from "./run.js";

const FIELD = "%x00";
const FORMAT = [
  "%H",
  "%P",
  "%an",
  "%ae",
  "%at",
  "%ct",
  "%s",
  "%(trailers:key=Co-authored-by,valueonly,unfold,separator=%x1f)",
].join(FIELD);

/**
 * Lists the commits reachable from `tip` and not from any of `exclude`, parents before children
 * (`--topo-order --reverse`), so that any prefix of the list is closed under ancestry. Reads commit
 * objects only, never trees or blobs.
 */
export async function listCommits(
  dir: string,
  tip: string,
  exclude: string[],
): Promise<CommitRow[]> {
  const args = [
    "log",
    "--topo-order",
    "--reverse",
    "-z",
    `--format=${FORMAT}`,
    tip,
    ...exclude.map((sha) => `^${sha}`),
    "--",
  ];
  const result = await runGit(dir, args);
  if (result.code !== 0) {
    throw new LegibleError(
      "GIT_FAILED",
      `${dir}: git could not walk the history of ${tip}: ${firstLine(result.stderr)}`,
      "the repository is missing commit objects; run git fsck to see which",
    );
  }
  return parseCommitLog(result.stdout.toString("utf8"));
}

/** Parses the `-z` output of FORMAT. Exported for tests. */
export function parseCommitLog(text: string): CommitRow[] {
  const rows: CommitRow[] = [];
  const fields = text.split("\0");
  // Each commit is 8 fields; with -z git ends each record with NUL, so the 8th field of one commit is
  // followed by the 1st of the next in the next array slot.
  for (let i = 0; i + 7 < fields.length; i += 8) {
    const sha = fields[i]!.replace(/^\n/, "");
    if (sha === "") break;
    rows.push({
      sha,
      parents: fields[i + 1] === "" ? [] : fields[i + 1]!.split(" "),
      author: { name: fields[i + 2]!, email: fields[i + 3]! },
      authorTime: Number(fields[i + 4]),
      commitTime: Number(fields[i + 5]),
      subject: fields[i + 6]!,
      coAuthors: parseTrailers(fields[i + 7]!),
    });
  }
  return rows;
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
