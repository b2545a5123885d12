import { StringDecoder } from "node:string_decoder";
import type { CommitRow, RawIdentity } from "../../core/model.js";
import { LegibleError } from "../../errors.js";
import { firstLine, runGit } from "./run.js";
import { parseSignals, SIGNAL_FORMAT, SIGNAL_MARK } from "./signals.js";

/**
 * THE COMMIT FORMAT: the one place that says what is read per commit, shared by the scan's history
 * stream (history.ts: this format plus `--name-status`) and the metadata-only walk below. To read
 * one more field, add its placeholder before the trailers, bump FIELDS and map it in `toCommit`.
 *
 * Fields per commit, NUL-separated (`-z` ends each commit with a NUL too). The co-author trailers
 * come last, separated by NUL + \x01: a token that starts with \x01 continues them, and no commit id
 * does, so nothing in a name or a trailer can shift the fields of the commits after it. After them
 * comes the signal field (signals.ts), which starts with \x02 and holds no NUL.
 */
export const FIELDS = 8;
export const MORE = "\x01";
export const FORMAT = [
  "%H",
  "%P",
  "%an",
  "%ae",
  "%at",
  "%ct",
  "%s",
  "%(trailers:key=Co-authored-by,valueonly,unfold,separator=%x00%x01)",
  SIGNAL_FORMAT,
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
  const take = (text: string, final: boolean) => {
    const parts = (partial + text).split("\0");
    partial = parts.pop() ?? "";
    fields = fields.length === 0 ? parts : fields.concat(parts);
    const used = parseFields(fields, final, onCommit);
    fields = used === fields.length ? [] : fields.slice(used);
  };
  const result = await runGit(dir, args, {
    input,
    onData: (chunk) => take(decoder.write(chunk), false),
    ...(signal ? { signal } : {}),
  });
  take(`${decoder.end()}\0`, true);
  if (result.code !== 0) {
    throw new LegibleError(
      "GIT_FAILED",
      `${dir}: git could not walk the history of ${range.tip}: ${firstLine(result.stderr)}`,
      "the repository is missing commit objects; run git fsck to see which",
    );
  }
}

/**
 * Hands over every complete commit in `fields` and returns how many fields it used. A commit is
 * complete once the token after its trailers is known (or the output ended: `final`).
 */
function parseFields(fields: string[], final: boolean, onCommit: (commit: CommitRow) => void) {
  let i = 0;
  while (i + FIELDS <= fields.length) {
    if ((fields[i] ?? "").trim() === "") {
      i += 1; // the empty field after the last commit
      continue;
    }
    let end = i + FIELDS;
    while (end < fields.length && fields[end]!.startsWith(MORE)) end += 1;
    const coAuthorsEnd = end;
    if (end < fields.length && fields[end]!.startsWith(SIGNAL_MARK)) end += 1;
    if (end === fields.length && !final) break;
    const trailers = [
      fields[i + 7]!,
      ...fields.slice(i + FIELDS, coAuthorsEnd).map((f) => f.slice(1)),
    ];
    const commit = toCommit(fields, i, trailers);
    const signals = end > coAuthorsEnd ? parseSignals(fields[coAuthorsEnd]!) : [];
    if (signals.length > 0) commit.signals = signals;
    onCommit(commit);
    i = end;
  }
  return i;
}

/** Parses the complete `-z` output of FORMAT. Exported for tests. */
export function parseCommitLog(text: string): CommitRow[] {
  const rows: CommitRow[] = [];
  parseFields(text.split("\0"), true, (commit) => rows.push(commit));
  return rows;
}

/**
 * The commit whose FIELDS fields start at `fields[i]`; `trailers` are the co-author trailer values
 * (the last field and its \x01 continuations, marker removed).
 */
export function toCommit(fields: string[], i: number, trailers: string[]): CommitRow {
  return {
    sha: fields[i]!.trim(),
    parents: fields[i + 1] === "" ? [] : fields[i + 1]!.split(" "),
    author: { name: fields[i + 2]!, email: fields[i + 3]! },
    authorTime: seconds(fields[i + 4]!),
    commitTime: seconds(fields[i + 5]!),
    subject: fields[i + 6]!,
    coAuthors: trailers.flatMap((entry) => parseNameEmail(entry) ?? []),
  };
}

/** git prints no `%at` for a date it cannot parse (one before 1970): NaN until `readRawDates`. */
function seconds(field: string): number {
  return /^\d+$/.test(field) ? Number(field) : Number.NaN;
}

/**
 * Fills in the dates git's log could not print (NaN: a negative timestamp, such as 1900) from the
 * raw commit headers, in one `git cat-file --batch` for all of them. A date that even the header
 * does not state as an integer becomes 0 (1970-01-01), which reports flag as impossible.
 */
export async function readRawDates(dir: string, commits: CommitRow[]): Promise<void> {
  const undated = commits.filter((c) => Number.isNaN(c.authorTime) || Number.isNaN(c.commitTime));
  if (undated.length === 0) return;
  const result = await runGit(dir, ["cat-file", "--batch"], {
    input: `${undated.map((c) => c.sha).join("\n")}\n`,
  });
  const out = result.stdout;
  let offset = 0;
  const headers = new Map<string, string>();
  for (const commit of undated) {
    const newline = out.indexOf(10, offset);
    if (newline < 0) break;
    const header = out.toString("latin1", offset, newline).split(" ");
    offset = newline + 1;
    if (header[1] === "missing" || header[2] === undefined) continue;
    const size = Number(header[2]);
    const text = out.toString("utf8", offset, offset + size);
    headers.set(commit.sha, text.slice(0, text.indexOf("\n\n")));
    offset += size + 1;
  }
  for (const commit of undated) {
    const header = headers.get(commit.sha) ?? "";
    if (Number.isNaN(commit.authorTime)) commit.authorTime = rawDate(header, "author");
    if (Number.isNaN(commit.commitTime)) commit.commitTime = rawDate(header, "committer");
  }
}

function rawDate(header: string, field: "author" | "committer"): number {
  const match = new RegExp(`^${field} .*> (-?\\d+) [+-]\\d{4}$`, "m").exec(header);
  const value = match ? Number(match[1]) : 0;
  return Number.isSafeInteger(value) ? value : 0;
}

/** "Name <email>" → identity; null when there is no email in angle brackets. */
export function parseNameEmail(text: string): RawIdentity | null {
  const match = /^\s*(.*?)\s*<([^>]*)>\s*$/.exec(text);
  if (!match) return null;
  return { name: match[1] ?? "", email: match[2] ?? "" };
}
