import type { DeploymentResult, DeploymentRow } from "../../../core/delivery/model.js";
import { Fields, RecordError } from "../fields.js";
import { jsonImporter } from "../json-importer.js";
import { repositoryOf } from "../repository.js";
import { hasKey, looksLikeJson } from "../sniff.js";
import type { ImportContext } from "../types.js";
import { checkOrder, deploymentKey, environmentOf } from "./shared.js";

/** GitLab deployment statuses → results. */
const STATUSES: Record<string, DeploymentResult> = {
  success: "success",
  failed: "failure",
  canceled: "cancelled",
  skipped: "cancelled",
  created: "in_progress",
  running: "in_progress",
  blocked: "in_progress",
};

/**
 * Deployments from GitLab's `GET /projects/:id/deployments` (a JSON array, pages of it, or NDJSON):
 * `id`, `sha`, `status` (success, failed, canceled, skipped, created, running, blocked),
 * `environment.name`, `ref`, and the job that deployed (`deployable`) with its start and finish.
 * The finish is the job's `finished_at`, else the deployment's `updated_at` (a finished status),
 * else `created_at`. The project is named by the deploying pipeline's or job's web URL, else the
 * import's repository.
 */
export const gitlabDeploymentsImporter = jsonImporter({
  kind: "deployments",
  format: "gitlab-deployments",
  sniff: (head) =>
    looksLikeJson(head) &&
    (hasKey(head, "deployable") || (hasKey(head, "iid") && hasKey(head, "environment"))),
  toRow: gitlabDeploymentRow,
});

export function gitlabDeploymentRow(record: unknown, context: ImportContext): DeploymentRow {
  const deployment = Fields.of(record);
  const id = deployment.id("id");
  const commitSha = deployment.sha("sha");
  const job = deployment.optObject("deployable");
  const status = deployment.string("status").toLowerCase();
  const result = STATUSES[status];
  if (result === undefined) {
    throw new RecordError(
      `status: expected success, failed, canceled, skipped, created, running or blocked, got "${status}"`,
    );
  }
  const repository = repositoryOf(
    projectFromWebUrl(job?.optObject("pipeline")?.optString("web_url") ?? null) ??
      projectFromWebUrl(job?.optString("web_url") ?? null) ??
      job?.optObject("project")?.optString("path_with_namespace") ??
      null,
    context,
    "deployable.pipeline.web_url",
  );
  const createdAt = deployment.time("created_at");
  const startedAt = job?.optTime("started_at") ?? job?.optTime("created_at") ?? createdAt;
  const finishedAt =
    job?.optTime("finished_at") ??
    (result === "in_progress" ? null : deployment.optTime("updated_at")) ??
    createdAt;
  checkOrder(startedAt, finishedAt, ["deployable.started_at", "deployable.finished_at"]);
  const environment = deployment.raw("environment");
  const environmentName =
    typeof environment === "string"
      ? environment.trim()
      : (deployment.optObject("environment")?.optString("name") ?? null);
  return {
    key: deploymentKey("gitlab-deployments", repository, id),
    source: "gitlab-deployments",
    repository,
    environment: environmentOf(environmentName, context),
    result,
    commitSha,
    startedAt,
    finishedAt,
    name: deployment.optString("ref"),
  };
}

/** `group/sub/project` from a GitLab web URL of a pipeline or job (`…/group/project/-/pipelines/85`). */
function projectFromWebUrl(url: string | null): string | null {
  if (url === null) return null;
  const match = /^https?:\/\/[^/]+\/(.+?)(?:\/-)?\/(?:pipelines|jobs|builds)\/\d+/.exec(url);
  return match?.[1] ?? null;
}
