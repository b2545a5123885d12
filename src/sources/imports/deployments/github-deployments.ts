import type { DeploymentResult, DeploymentRow } from "../../../core/delivery/model.js";
import { Fields, RecordError } from "../fields.js";
import { jsonImporter } from "../json-importer.js";
import { githubRepositoryFromUrl, repositoryOf } from "../repository.js";
import { hasAnyKey, hasKey, looksLikeJson } from "../sniff.js";
import type { ImportContext } from "../types.js";
import { deploymentKey, environmentOf } from "./shared.js";

/** GitHub deployment status states → results. `inactive` is handled apart (see below). */
const STATES: Record<string, DeploymentResult> = {
  success: "success",
  failure: "failure",
  error: "error",
  in_progress: "in_progress",
  queued: "in_progress",
  pending: "in_progress",
};

/**
 * Deployments from GitHub's `GET /repos/{owner}/{repo}/deployments`, each carrying its statuses
 * (`GET …/deployments/{id}/statuses`) embedded as `statuses`. The result and finish time come from
 * the latest status. GitHub marks an earlier successful deployment `inactive` when a newer one to
 * the same environment succeeds, so `inactive` is skipped over: the latest status before it decides.
 */
export const githubDeploymentsImporter = jsonImporter({
  kind: "deployments",
  format: "github-deployments",
  sniff: (head) =>
    looksLikeJson(head) &&
    (hasKey(head, "statuses_url") ||
      /\/repos\/[^"/]+\/[^"/]+\/deployments\/\d+"/.test(head) ||
      (hasKey(head, "environment") && hasAnyKey(head, ["task", "production_environment"]))),
  toRow: githubDeploymentRow,
});

export function githubDeploymentRow(record: unknown, context: ImportContext): DeploymentRow {
  const deployment = Fields.of(record);
  const id = deployment.id("id");
  const commitSha = deployment.sha("sha");
  const repository = repositoryOf(
    githubRepositoryFromUrl(deployment.optString("repository_url")) ??
      githubRepositoryFromUrl(deployment.optString("url")),
    context,
    "repository_url or url",
  );
  const statuses = deployment
    .list("statuses")
    .map((status) => ({
      id: status.optId("id") ?? "",
      state: status.string("state").toLowerCase(),
      at: status.time("created_at"),
      name: status.name("state"),
    }))
    .sort((a, b) => b.at - a.at || compareIds(b.id, a.id)); // newest first
  if (statuses.length === 0) {
    throw new RecordError(
      'statuses: no deployment status, so no result or finish time; embed each deployment\'s GET …/deployments/{id}/statuses as "statuses"',
    );
  }
  const deciding = statuses.find((status) => status.state !== "inactive");
  let result: DeploymentResult;
  let finishedAt: number;
  if (deciding === undefined) {
    result = "unknown"; // only ever marked inactive
    finishedAt = statuses[0]?.at ?? 0;
  } else {
    const mapped = STATES[deciding.state];
    if (mapped === undefined) {
      throw new RecordError(
        `${deciding.name}: expected error, failure, inactive, in_progress, queued, pending or success, got "${deciding.state}"`,
      );
    }
    result = mapped;
    finishedAt = deciding.at;
  }
  const ref = deployment.optString("ref");
  return {
    key: deploymentKey("github-deployments", repository, id),
    source: "github-deployments",
    repository,
    environment: environmentOf(deployment.optString("environment"), context),
    result,
    commitSha,
    startedAt: deployment.optTime("created_at"),
    finishedAt,
    name: ref !== null && ref.toLowerCase() !== commitSha ? ref : null,
  };
}

function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
