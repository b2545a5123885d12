import type { IncidentRow } from "../../../core/delivery/model.js";
import { csvImporter } from "../csv-importer.js";
import { looksLikeCsv } from "../sniff.js";
import { checkResolved, incidentKey, parseResponder, uniqueResponders } from "./shared.js";

/**
 * Incidents from a CSV file, one per record. Columns (renamed with the column map): `id` and
 * `created_at` required; `title`, `resolved_at` (empty: unresolved), `service`, `severity`,
 * `responders` (separated by `;`, each a login, a name, an email or `Name <email>`) and
 * `repository` (default: the import's repository) optional.
 */
export const incidentsCsvImporter = csvImporter({
  kind: "incidents",
  fields: [
    { name: "id", required: true },
    { name: "title" },
    { name: "created_at", required: true },
    { name: "resolved_at" },
    { name: "service" },
    { name: "severity" },
    { name: "responders" },
    { name: "repository" },
  ],
  sniff: looksLikeCsv,
  toRow(fields, context): IncidentRow {
    const id = fields.string("id");
    const createdAt = fields.time("created_at");
    const resolvedAt = fields.optTime("resolved_at");
    checkResolved(createdAt, resolvedAt, [fields.name("created_at"), fields.name("resolved_at")]);
    return {
      key: incidentKey("csv", id),
      source: "csv",
      title: fields.optString("title") ?? "",
      createdAt,
      resolvedAt,
      service: fields.optString("service"),
      severity: fields.optString("severity"),
      responders: uniqueResponders(
        (fields.optString("responders") ?? "").split(";").map(parseResponder),
      ),
      repository: fields.optString("repository") ?? (context.repository?.trim() || null),
    };
  },
});
