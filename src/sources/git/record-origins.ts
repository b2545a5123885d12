import { LegibleError } from "../../errors.js";
import { firstLine, runGit } from "./run.js";

/** The commit that created a file, before any move or rename. */
export interface FileOrigin {
  sha: string;
  name: string;
  email: string;
  /** Author date, YYYY-MM-DD. */
  date: string;
}

/** Markdown files anywhere, whatever the case of the extension: where records live and move. */
const MARKDOWN = [":(icase)*.md", ":(icase)*.markdown"];

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
    "--format=%x1e%H%x1f%an%x1f%ae%x1f%aI",
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
  const byPath = traceOrigins(result.stdout.toString("utf8"));
  for (const path of paths) {
    const origin = byPath.get(path);
    if (origin) origins.set(path, origin);
  }
  return origins;
}

/** Walks `git log --reverse -z --name-status` output: additions start a file, renames carry it. */
function traceOrigins(log: string): Map<string, FileOrigin> {
  const origins = new Map<string, FileOrigin>();
  for (const entry of log.split("\x1e")) {
    if (entry.trim() === "") continue;
    const [header = "", ...fields] = entry.split("\0");
    const [sha = "", name = "", email = "", date = ""] = header.split("\x1f");
    const commit: FileOrigin = { sha, name, email, date: date.slice(0, 10) };
    for (let i = 0; i < fields.length; i++) {
      const status = (fields[i] ?? "").replace(/^\n/, "");
      if (status.startsWith("R")) {
        const from = fields[i + 1] ?? "";
        const to = fields[i + 2] ?? "";
        i += 2;
        const origin = origins.get(from) ?? commit;
        origins.delete(from);
        origins.set(to, origin);
      } else if (status === "A") {
        const path = fields[i + 1] ?? "";
        i += 1;
        if (!origins.has(path)) origins.set(path, commit);
      }
    }
  }
  return origins;
}
