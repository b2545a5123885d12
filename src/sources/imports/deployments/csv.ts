import type { DeploymentRow } from "../../../core/delivery/model.js";
import { csvImporter } from "../csv-importer.js";
import { RecordError } from "../fields.js";
import { looksLikeCsv } from "../sniff.js";
import { checkOrder, deploymentKey, environmentOf, parseResult } from "./shared.js";

/**
 * Deployments from a CSV file, one per record. Columns (renamed with the column map): `commit_sha`
 * and `finished_at` required; `repository` required unless a default is given; `id`, `environment`
 * (default: the import's environment, else production), `result` (default success: a list of
 * deployments that happened needs no result column), `started_at`, `name` optional. A record
 * without an id is keyed by environment, commit and finish time.
 */
export const deploymentsCsvImporter = csvImporter({
  kind: "deployments",
  fields: [
    { name: "id" },
    { name: "repository", required: (context) => !context.repository },
    { name: "environment" },
    { name: "result" },
    { name: "commit_sha", required: true },
    { name: "started_at" },
    { name: "finished_at", required: true },
    { name: "name" },
  ],
  sniff: looksLikeCsv,
  toRow(fields, context): DeploymentRow {
    const repository = fields.optString("repository") ?? context.repository?.trim() ?? "";
    if (repository === "") {
      throw new RecordError(
        `${fields.name("repository")}: empty, and no default repository was given`,
      );
    }
    const environment = environmentOf(fields.optString("environment"), context);
    const commitSha = fields.sha("commit_sha");
    const startedAt = fields.optTime("started_at");
    const finishedAt = fields.time("finished_at");
    checkOrder(startedAt, finishedAt, [fields.name("started_at"), fields.name("finished_at")]);
    const result = fields.has("result")
      ? parseResult(fields.string("result"), fields.name("result"))
      : "success";
    const id = fields.optString("id") ?? `${environment}:${commitSha}:${finishedAt}`;
    return {
      key: deploymentKey("csv", repository, id),
      source: "csv",
      repository,
      environment,
      result,
      commitSha,
      startedAt,
      finishedAt,
      name: fields.optString("name"),
    };
  },
});
