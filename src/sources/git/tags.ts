import picomatch from "picomatch";
import type { DeploymentRow } from "../../core/delivery/model.js";
import { LegibleError } from "../../errors.js";
import { firstLine, runGit } from "./run.js";

/** A tag of a repository: the commit it points to and its date. */
export interface GitTag {
  name: string;
  /** The commit (an annotated tag's target, peeled). */
  commitSha: string;
  /** The tagger date of an annotated tag, else the commit date (Unix seconds). */
  date: number;
}

/** Every tag that points to a commit, in one `git for-each-ref`. */
export async function listTags(dir: string): Promise<GitTag[]> {
  const result = await runGit(dir, [
    "for-each-ref",
    "refs/tags",
    "--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)%00%(objecttype)%00%(creatordate:unix)",
  ]);
  if (result.code !== 0)
    throw new LegibleError(
      "GIT_FAILED",
      `${dir}: could not list tags: ${firstLine(result.stderr)}`,
    );
  const tags: GitTag[] = [];
  for (const line of result.stdout.toString("utf8").split("\n")) {
    if (line === "") continue;
    const [name = "", object = "", peeled = "", type = "", date = ""] = line.split("\0");
    const commitSha = type === "tag" ? peeled : object;
    if (commitSha === "") continue;
    tags.push({ name, commitSha, date: Number(date) });
  }
  return tags;
}

/**
 * The tags matching `pattern` as successful production deployments of the commit they point to,
 * at the tag's date, oldest first.
 */
export function tagDeployments(
  tags: readonly GitTag[],
  options: { pattern: string; repository: string; environment: string },
): DeploymentRow[] {
  const matches = picomatch(options.pattern);
  const rows: DeploymentRow[] = [];
  for (const tag of tags) {
    if (!matches(tag.name)) continue;
    rows.push({
      key: `git-tag:${options.repository}:${tag.name}`,
      source: "git-tag",
      repository: options.repository,
      environment: options.environment,
      result: "success",
      commitSha: tag.commitSha,
      startedAt: null,
      finishedAt: tag.date,
      name: tag.name,
    });
  }
  return rows.sort((a, b) => a.finishedAt - b.finishedAt || a.key.localeCompare(b.key));
}
