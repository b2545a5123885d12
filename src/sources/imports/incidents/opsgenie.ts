import type { Account, IncidentRow } from "../../../core/delivery/model.js";
import { Fields } from "../fields.js";
import { jsonImporter } from "../json-importer.js";
import { hasAnyKey, hasKey, looksLikeJson } from "../sniff.js";
import type { ImportContext } from "../types.js";
import { checkResolved, incidentKey, parseResponder, uniqueResponders } from "./shared.js";

/**
 * Alerts from Opsgenie's `GET /v2/alerts` (`{ "data": [...] }`, pages of it, or a bare array; the
 * alert endpoint's `report` included). A closed alert resolved at `createdAt + report.closeTime`
 * (closeTime is milliseconds after creation), else at `updatedAt`. The service is `service`, else a
 * `service:<name>` tag, else `entity`. Responders: who acknowledged (`report.acknowledgedBy`), the
 * owner, who closed (`report.closedBy`), then responders of type user; teams, schedules and
 * escalations are not people, and "System" is not a responder.
 */
export const opsgenieImporter = jsonImporter({
  kind: "incidents",
  format: "opsgenie",
  wrapperKeys: ["data"],
  sniff: (head) =>
    looksLikeJson(head) &&
    (hasAnyKey(head, ["tinyId", "isSeen"]) || (hasKey(head, "alias") && hasKey(head, "message"))),
  toRow: opsgenieRow,
});

function opsgenieRow(record: unknown, context: ImportContext): IncidentRow {
  const alert = Fields.of(record);
  const id = alert.optId("id") ?? alert.id("tinyId");
  const createdAt = alert.time("createdAt");
  const report = alert.optObject("report");
  const closed =
    alert.optString("status")?.toLowerCase() === "closed" || alert.optBoolean("closed") === true;
  let resolvedAt: number | null = null;
  if (closed) {
    const closeMillis = report?.optNumber("closeTime") ?? null;
    resolvedAt =
      closeMillis !== null && closeMillis >= 0
        ? createdAt + Math.floor(closeMillis / 1000)
        : alert.time("updatedAt");
  }
  checkResolved(createdAt, resolvedAt, ["createdAt", "resolved time"]);
  const responders: (Account | null)[] = [
    human(report?.optString("acknowledgedBy") ?? null),
    human(alert.optString("owner")),
    human(report?.optString("closedBy") ?? null),
    ...alert
      .list("responders")
      .filter((responder) => responder.optString("type")?.toLowerCase() === "user")
      .map((responder) => human(responder.optString("username") ?? responder.optString("name"))),
  ];
  return {
    key: incidentKey("opsgenie", id),
    source: "opsgenie",
    title: alert.optString("message") ?? "",
    createdAt,
    resolvedAt,
    service: serviceOf(alert),
    severity: alert.optString("priority"),
    responders: uniqueResponders(responders),
    repository: context.repository?.trim() || null,
  };
}

function human(name: string | null): Account | null {
  if (name === null || /^system$/i.test(name.trim())) return null;
  return parseResponder(name);
}

function serviceOf(alert: Fields): string | null {
  const service = alert.raw("service");
  if (typeof service === "string") return service.trim();
  if (service !== undefined) {
    const named = alert.optObject("service")?.optString("name");
    if (named) return named;
  }
  for (const tag of alert.names("tags")) {
    const match = /^service\s*[:=]\s*(.+)$/i.exec(tag);
    if (match?.[1]) return match[1].trim();
  }
  return alert.optString("entity");
}
