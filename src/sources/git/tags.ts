import picomatch from "picomatch";
import type { DeploymentRow } from "../../core/delivery/model.js";
import { LegibleError } from "../../errors.js";
import { firstLine, runGit } from "./run.js";

/**
 * Git tags matching `pattern` as successful production deployments of the commit they point to,
 * at the tag's date (the tagger date of an annotated tag, else the commit date).
 */
export async function tagDeployments(
  dir: string,
  options: { pattern: string; repository: string; environment: string },
): Promise<DeploymentRow[]> {
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
  const matches = picomatch(options.pattern);
  const rows: DeploymentRow[] = [];
  for (const line of result.stdout.toString("utf8").split("\n")) {
    if (line === "") continue;
    const [name = "", object = "", peeled = "", type = "", date = ""] = line.split("\0");
    if (!matches(name)) continue;
    const commitSha = type === "tag" ? peeled : object;
    if (commitSha === "") continue;
    rows.push({
      key: `git-tag:${options.repository}:${name}`,
      source: "git-tag",
      repository: options.repository,
      environment: options.environment,
      result: "success",
      commitSha,
      startedAt: null,
      finishedAt: Number(date),
      name,
    });
  }
  return rows.sort((a, b) => a.finishedAt - b.finishedAt || a.key.localeCompare(b.key));
}
