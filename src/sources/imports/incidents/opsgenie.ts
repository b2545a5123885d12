import type { Account, IncidentRow } from "../../../core/delivery/model.js";
import { Fields } from "../fields.js";
import { jsonImporter } from "../json-importer.js";
import { hasAnyKey, hasKey, looksLikeJson } from "../sniff.js";
import type { ImportContext } from "../types.js";
import { checkResolved, incidentKey, parseResponder, uniqueResponders } from "./shared.js";

/** Fields only Opsgenie's alerts have (`GET /v2/alerts`). */
const ALERT_FIELDS = [
  "alias",
  "acknowledged",
  "isSeen",
  "snoozed",
  "count",
  "lastOccurredAt",
  "report",
  "integration",
  "owner",
] as const;
/** Fields only Opsgenie's incidents have (Incident API, `GET /v1/incidents`). */
const INCIDENT_FIELDS = [
  "impactedServices",
  "ownerTeam",
  "extraProperties",
  "statusPageEntry",
  "timeline",
] as const;
const ALERT_STATUSES = new Set(["open", "closed"]);
const INCIDENT_STATUSES = new Set(["open", "resolved", "closed"]);

/**
 * Opsgenie records, both kinds, told apart record by record by their fields:
 *
 * - **Alerts** from `GET /v2/alerts` (`{ "data": [...] }`, pages of it, or a bare array; the alert
 *   endpoint's `report` included). A closed alert resolved at `createdAt + report.closeTime`
 *   (milliseconds after creation), else at `updatedAt`. The service is `service`, else a
 *   `service:<name>` tag, else `entity`. Responders: who acknowledged (`report.acknowledgedBy`), the
 *   owner, who closed (`report.closedBy`), then responders of type user.
 * - **Incidents** from the Incident API (`GET /v1/incidents`, `GET /v1/incidents/:id`), optionally
 *   with their timeline (`GET /v2/incident-timelines/:id/entries`) embedded as `timeline` (its
 *   `entries`, or the answer's `data`). Status `resolved` or `closed` is resolved: at the timeline's
 *   resolving entry, else at `updatedAt`. The service is the first of `impactedServices` (a name
 *   when the entry is an object with one, as `legible fetch opsgenie` writes it, else the service
 *   id). Responders: users in `responders` that carry a name, then the users who act in the
 *   timeline, earliest first.
 *
 * Teams, schedules and escalations are not people, and "System" is not a responder. A record whose
 * fields belong to both kinds, or whose status is not one of its kind's, is kept with a warning.
 */
export const opsgenieImporter = jsonImporter({
  kind: "incidents",
  format: "opsgenie",
  wrapperKeys: ["data"],
  sniff: (head) =>
    looksLikeJson(head) &&
    (hasAnyKey(head, ["tinyId", "isSeen", "impactedServices"]) ||
      (hasKey(head, "alias") && hasKey(head, "message"))),
  toRow: opsgenieRow,
});

/** Which kind of Opsgenie record this is, and the fields that say so. */
function kindOf(record: Fields): {
  kind: "alert" | "incident";
  alert: string[];
  incident: string[];
} {
  const alert = ALERT_FIELDS.filter((key) => record.has(key));
  const incident = INCIDENT_FIELDS.filter((key) => record.has(key));
  const status = record.raw("status");
  const resolvedWord = typeof status === "string" && status.trim().toLowerCase() === "resolved";
  const kind =
    incident.length > alert.length || (incident.length === alert.length && resolvedWord)
      ? "incident"
      : "alert";
  return { kind, alert, incident };
}

export function opsgenieRow(
  record: unknown,
  context: ImportContext,
  warn: (reason: string) => void,
): IncidentRow {
  const fields = Fields.of(record);
  const { kind, alert, incident } = kindOf(fields);
  if (alert.length > 0 && incident.length > 0) {
    const [these, those] = kind === "alert" ? [alert, incident] : [incident, alert];
    warn(
      `read as an Opsgenie ${kind} (${these.join(", ")}), but it also has ${kind === "alert" ? "incident" : "alert"} fields (${those.join(", ")}) that were not read`,
    );
  }
  const status = fields.optString("status")?.toLowerCase() ?? null;
  const statuses = kind === "alert" ? ALERT_STATUSES : INCIDENT_STATUSES;
  if (status !== null && !statuses.has(status)) {
    warn(
      `status: "${status}" is not an Opsgenie ${kind} status (expected ${[...statuses].join(" or ")}); read as ${kind === "alert" ? "open" : "unresolved"}`,
    );
  }
  return kind === "alert"
    ? alertRow(fields, status, context)
    : incidentRow(fields, status, context, warn);
}

function alertRow(alert: Fields, status: string | null, context: ImportContext): IncidentRow {
  const id = alert.optId("id") ?? alert.id("tinyId");
  const createdAt = alert.time("createdAt");
  const report = alert.optObject("report");
  const closed = status === "closed" || alert.optBoolean("closed") === true;
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
    ...userResponders(alert),
  ];
  return {
    key: incidentKey("opsgenie", id),
    source: "opsgenie",
    title: alert.optString("message") ?? "",
    createdAt,
    resolvedAt,
    service: alertService(alert),
    severity: alert.optString("priority"),
    responders: uniqueResponders(responders),
    repository: context.repository?.trim() || null,
  };
}

function incidentRow(
  incident: Fields,
  status: string | null,
  context: ImportContext,
  warn: (reason: string) => void,
): IncidentRow {
  const id = incident.optId("id") ?? incident.id("tinyId");
  const createdAt = incident.time("createdAt");
  const timeline = timelineOf(incident);
  let resolvedAt: number | null = null;
  if (status === "resolved" || status === "closed") {
    const resolving = timeline.filter((entry) => entry.resolves && entry.at !== null);
    // The timeline's resolving entry, else when the impact ended (`impactEndDate`, set when the
    // incident is resolved; `updatedAt` moves with any later edit), else the last update.
    resolvedAt =
      resolving.at(-1)?.at ??
      incident.optTime("resolvedAt") ??
      incident.optTime("impactEndDate") ??
      null;
    if (resolvedAt === null) {
      resolvedAt = incident.optTime("updatedAt");
      if (resolvedAt === null) {
        warn(`status is ${status}, but neither a timeline nor updatedAt says when: read as open`);
      }
    }
  }
  checkResolved(createdAt, resolvedAt, ["createdAt", "resolved time"]);
  const acting = timeline
    .filter((entry) => entry.actor !== null)
    .sort((a, b) => (a.at ?? Number.POSITIVE_INFINITY) - (b.at ?? Number.POSITIVE_INFINITY))
    .map((entry) => entry.actor);
  return {
    key: incidentKey("opsgenie", id),
    source: "opsgenie",
    title: incident.optString("message") ?? "",
    createdAt,
    resolvedAt,
    service: impactedService(incident),
    severity: incident.optString("priority"),
    responders: uniqueResponders([...userResponders(incident), ...acting]),
    repository: context.repository?.trim() || null,
  };
}

interface TimelineEntry {
  at: number | null;
  actor: Account | null;
  resolves: boolean;
}

/** The embedded timeline: `timeline` as a list, or as the API's `{ entries }` or `{ data: { entries } }`. */
function timelineOf(incident: Fields): TimelineEntry[] {
  const raw = incident.raw("timeline");
  if (raw === undefined) return [];
  let entries: Fields[];
  if (Array.isArray(raw)) entries = incident.list("timeline");
  else {
    const timeline = incident.object("timeline");
    const data = timeline.has("data") ? timeline.object("data") : timeline;
    entries = data.list("entries");
  }
  return entries.map((entry) => {
    const actor = entry.optObject("actor");
    const type = actor?.optString("type")?.toLowerCase() ?? "user";
    const words = [
      entry.optString("type") ?? "",
      entry.optString("group") ?? "",
      entry.optObject("description")?.optString("name") ?? "",
    ].join(" ");
    return {
      at: entry.optTime("eventTime"),
      actor: type === "user" ? human(actor?.optString("name") ?? null) : null,
      resolves: /resolv/i.test(words),
    };
  });
}

/** Responders of type user that carry a name (a bare id names nobody). */
function userResponders(record: Fields): (Account | null)[] {
  return record
    .list("responders")
    .filter((responder) => responder.optString("type")?.toLowerCase() === "user")
    .map((responder) =>
      human(
        responder.optString("username") ??
          responder.optString("name") ??
          responder.optString("fullName"),
      ),
    );
}

function human(name: string | null): Account | null {
  if (name === null || /^system$/i.test(name.trim())) return null;
  return parseResponder(name);
}

/** The first impacted service: its name when given as an object, else its id. */
function impactedService(incident: Fields): string | null {
  const services = incident.raw("impactedServices");
  if (!Array.isArray(services) || services.length === 0) return null;
  const first: unknown = services[0];
  if (typeof first === "string") return first.trim() || null;
  const service = Fields.of(first, `${incident.name("impactedServices")}[0]`);
  return service.optString("name") ?? service.optId("id");
}

function alertService(alert: Fields): string | null {
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
