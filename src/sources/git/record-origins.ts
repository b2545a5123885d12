import { isoDay } from "../../core/dates.js";
import { LegibleError } from "../../errors.js";
import { decodePath, splitNul } from "./paths.js";
import { firstLine, runGit } from "./run.js";

/** The commit that created a file, before any move or rename. */
export interface FileOrigin {
  sha: string;
  name: string;
  email: string;
  /** Author date, YYYY-MM-DD ("" when git cannot print it: a date before 1970). */
  date: string;
}

/** Markdown files anywhere, whatever the case of the extension: where records live and move. */
const MARKDOWN = [":(icase)*.md", ":(icase)*.markdown"];

/** Header fields of each commit, every one NUL-terminated; the first starts with \x01. */
const HEADER = 5;

/**
 * The commit that created each of `paths` (as they are named at `commit`), following renames back:
 * a record moved from `doc/adr/` to `docs/decisions/` keeps the author and date of the commit
 * that first added it under `doc/adr/`. One `git log` over the history of Markdown files, oldest
 * first, with rename detection (`-M`; exact moves at any scale); a file added twice keeps its
 * oldest addition. In a partial clone only exact moves are followed (`-M100%` compares object ids
 * and reads no file contents, which may be missing). Paths whose creation is not found are absent
 * from the map.
 */
export async function fileOrigins(
  dir: string,
  options: { commit: string; paths: string[]; partial: boolean },
): Promise<Map<string, FileOrigin>> {
  const { commit, paths } = options;
  const origins = new Map<string, FileOrigin>();
  if (paths.length === 0) return origins;
  const result = await runGit(dir, [
    "log",
    "--reverse",
    options.partial ? "-M100%" : "-M",
    "--diff-filter=AR",
    "-z",
    "--name-status",
    "--format=%x01%H%x00%an%x00%ae%x00%at%x00%aI",
    commit,
    "--",
    ...MARKDOWN,
  ]);
  if (result.code !== 0) {
    throw new LegibleError(
      "GIT_FAILED",
      `${dir}: could not read the history of the decision records: ${firstLine(result.stderr)}`,
    );
  }
  const byPath = traceOrigins(result.stdout);
  for (const path of paths) {
    const origin = byPath.get(path);
    if (origin) origins.set(path, origin);
  }
  return origins;
}

/** The author's own calendar day (`%aI`) when it is a plain date, else the UTC day of `%at`. */
function authorDay(seconds: string, iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}T/.test(iso)) return iso.slice(0, 10);
  return /^\d+$/.test(seconds) ? isoDay(Number(seconds)) : "";
}

/**
 * Walks `git log --reverse -z --name-status` output: additions start a file, renames carry it.
 * Every field is NUL-terminated and read by position, so no character in a name, an email or a path
 * (a newline, \x1f, \x01) can move another field.
 */
function traceOrigins(log: Buffer): Map<string, FileOrigin> {
  const origins = new Map<string, FileOrigin>();
  const tokens = splitNul(log);
  const text = (i: number) => tokens[i]?.toString("utf8") ?? "";
  const path = (i: number) => {
    const token = tokens[i];
    return token === undefined ? "" : decodePath(token);
  };
  let commit: FileOrigin | null = null;
  let i = 0;
  while (i < tokens.length) {
    const token = text(i);
    if (token.startsWith("\x01")) {
      commit = {
        sha: token.slice(1),
        name: text(i + 1),
        email: text(i + 2),
        date: authorDay(text(i + 3), text(i + 4)),
      };
      i += HEADER;
      continue;
    }
    const status = token.replace(/^\n/, "");
    if (status.startsWith("R") || status.startsWith("C")) {
      const from = path(i + 1);
      const to = path(i + 2);
      i += 3;
      if (commit === null || status.startsWith("C")) continue;
      const origin = origins.get(from) ?? commit;
      origins.delete(from);
      origins.set(to, origin);
    } else if (status === "A") {
      const added = path(i + 1);
      i += 2;
      if (commit !== null && !origins.has(added)) origins.set(added, commit);
    } else {
      i += status === "" ? 1 : 2;
    }
  }
  return origins;
}
