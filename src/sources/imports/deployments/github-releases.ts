import type { DeploymentRow } from "../../../core/delivery/model.js";
import { Fields, RecordError } from "../fields.js";
import { jsonImporter } from "../json-importer.js";
import { githubRepositoryFromUrl, repositoryOf } from "../repository.js";
import { hasAnyKey, looksLikeJson } from "../sniff.js";
import type { ImportContext } from "../types.js";
import { deploymentKey, environmentOf } from "./shared.js";

const SHA = /^[0-9a-f]{7,64}$/i;

/**
 * Releases from GitHub's `GET /repos/{owner}/{repo}/releases`: each published release is a
 * successful deployment, at `published_at`, to the import's environment (default production).
 * The commit is the tag's, read from the scanned repository of that name (`repositoryTags`: the
 * release's repository from its URL, else `--repository`) or from the clone the import runs in
 * (`tagCommits`), else `target_commitish` when that is a SHA. GitHub often gives a branch name there (the branch the tag was cut from), and a
 * release's `created_at` is the date of its commit, not of the release: neither is used as a time.
 * Drafts are rejected: they were never published.
 */
export const githubReleasesImporter = jsonImporter({
  kind: "deployments",
  format: "github-releases",
  sniff: (head) =>
    looksLikeJson(head) &&
    (hasAnyKey(head, ["tag_name", "target_commitish", "tarball_url"]) ||
      /\/repos\/[^"/]+\/[^"/]+\/releases\/\d+"/.test(head)),
  toRow: githubReleaseRow,
});

export function githubReleaseRow(record: unknown, context: ImportContext): DeploymentRow {
  const release = Fields.of(record);
  const id = release.id("id");
  const tag = release.string("tag_name");
  if (release.optBoolean("draft") === true) {
    throw new RecordError("draft: a draft release was never published, so it is not a deployment");
  }
  const publishedAt = release.time("published_at");
  const repository = repositoryOf(
    githubRepositoryFromUrl(release.optString("url")) ??
      githubRepositoryFromUrl(release.optString("html_url")),
    context,
    "url or html_url",
  );
  const target = release.optString("target_commitish");
  const scanned = context.repositoryTags?.get(repository.toLowerCase()) ?? null;
  const commit =
    scanned?.tags.get(tag) ??
    context.tagCommits?.get(tag) ??
    (target !== null && SHA.test(target) ? target : null);
  if (commit === null) {
    const looked = [scanned?.path, context.tagSource].filter(
      (path): path is string => path !== undefined,
    );
    throw new RecordError(
      `target_commitish: expected a commit SHA, got ${target === null ? "nothing" : `"${target}" (a branch)`}; the release's commit is that of tag "${tag}", ${
        looked.length > 0
          ? `which is not in ${looked.join(" nor in ")} (fetch its tags: git fetch --tags)`
          : `and no scanned repository named ${repository} is known to read it from (list it in legible.yaml repositories, or import from inside its clone)`
      }`,
    );
  }
  return {
    key: deploymentKey("github-releases", repository, id),
    source: "github-releases",
    repository,
    environment: environmentOf(null, context),
    result: "success",
    commitSha: commit.toLowerCase(),
    startedAt: null,
    finishedAt: publishedAt,
    name: tag,
  };
}
