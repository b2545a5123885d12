import type { Account, IncidentRow } from "../../../core/delivery/model.js";
import { account, Fields } from "../fields.js";
import { jsonImporter } from "../json-importer.js";
import { hasAnyKey, looksLikeJson } from "../sniff.js";
import type { ImportContext } from "../types.js";
import { checkResolved, incidentKey, uniqueResponders } from "./shared.js";

/**
 * Incidents from PagerDuty's `GET /incidents` (`{ "incidents": [...] }`, pages of it, or a bare
 * array). PagerDuty empties `assignments` and `acknowledgements` once an incident is resolved, so
 * a resolved incident's responders are its resolver (`last_status_change_by`) plus whoever its
 * embedded `log_entries` (`GET /incidents/{id}/log_entries`) name, when the file carries them.
 */
export const pagerdutyImporter = jsonImporter({
  kind: "incidents",
  format: "pagerduty",
  wrapperKeys: ["incidents"],
  sniff: (head) =>
    looksLikeJson(head) &&
    (hasAnyKey(head, ["incidents", "incident_number", "incident_key"]) ||
      /"type"\s*:\s*"incident"/.test(head) ||
      head.includes(".pagerduty.com/")),
  toRow: pagerdutyRow,
});

export function pagerdutyRow(record: unknown, context: ImportContext): IncidentRow {
  const incident = Fields.of(record);
  const id = incident.id("id");
  const createdAt = incident.time("created_at");
  const resolved = incident.optString("status")?.toLowerCase() === "resolved";
  const resolvedAt =
    incident.optTime("resolved_at") ?? (resolved ? incident.time("last_status_change_at") : null);
  checkResolved(createdAt, resolvedAt, ["created_at", "resolved_at"]);
  const priority = incident.optObject("priority");
  // Everyone who acted, earliest first (the first responder leads); untimed references last.
  const responders: { who: Account | null; at: number | null }[] = [
    ...incident.list("acknowledgements").map((ack) => ({
      who: person(ack.optObject("acknowledger")),
      at: ack.optTime("at"),
    })),
    ...incident.list("assignments").map((assignment) => ({
      who: person(assignment.optObject("assignee")),
      at: assignment.optTime("at"),
    })),
    ...(resolved
      ? [{ who: person(incident.optObject("last_status_change_by")), at: resolvedAt }]
      : []),
    ...logEntryPeople(incident),
  ];
  responders.sort(
    (a, b) => (a.at ?? Number.POSITIVE_INFINITY) - (b.at ?? Number.POSITIVE_INFINITY),
  );
  return {
    key: incidentKey("pagerduty", id),
    source: "pagerduty",
    title: incident.optString("title") ?? incident.optString("summary") ?? "",
    createdAt,
    resolvedAt,
    service: incident.optObject("service")?.optString("summary") ?? null,
    severity:
      priority?.optString("summary") ??
      priority?.optString("name") ??
      incident.optString("urgency"),
    responders: uniqueResponders(responders.map((responder) => responder.who)),
    repository: context.repository?.trim() || null,
  };
}

/** A PagerDuty reference to a person: users only (a service or integration is not a responder). */
function person(reference: Fields | null): Account | null {
  if (reference === null) return null;
  const type = reference.optString("type");
  if (type !== null && type !== "user" && type !== "user_reference") return null;
  return account(
    reference.optString("summary") ?? reference.optString("name"),
    reference.optString("email"),
  );
}

/** People in embedded log entries: who acknowledged, was assigned, resolved. */
function logEntryPeople(incident: Fields): { who: Account | null; at: number | null }[] {
  return incident.list("log_entries").flatMap((entry) => {
    const type = entry.optString("type") ?? "";
    const at = entry.optTime("created_at");
    if (/^(acknowledge|resolve)_log_entry/.test(type))
      return [{ who: person(entry.optObject("agent")), at }];
    if (/^assign_log_entry/.test(type))
      return entry.list("assignees").map((who) => ({ who: person(who), at }));
    return [];
  });
}
