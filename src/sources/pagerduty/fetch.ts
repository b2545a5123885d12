/**
 * PagerDuty as a live source: incidents (`GET /incidents`) with their log entries
 * (`GET /incidents/{id}/log_entries`), read into rows by the `pagerduty` importer's own reader, so
 * responders are the people who acknowledged, were assigned and resolved.
 */
import type { IncidentRow, RejectedRow } from "../../core/delivery/model.js";
import { pagerdutyRow } from "../imports/incidents/pagerduty.js";
import {
  type LiveFetchOptions,
  type LiveFetchResult,
  liveClient,
  resetAt,
  rowOf,
} from "../live/options.js";
import { interrupted, itemsOf, readAll, runList } from "../live/run.js";

export interface PagerDutyFetchOptions extends LiveFetchOptions {
  /** Repository the incidents belong to (else `delivery.services` maps their service). */
  repository?: string;
  onIncident: (row: IncidentRow) => Promise<void> | void;
}

/** PagerDuty's classic pagination: a window of `since`…`until` may span at most 6 months. */
const WINDOW_DAYS = 179;

/**
 * Fetches incidents oldest first. Incremental: the next run starts from the creation time of the
 * oldest incident still unresolved (else the newest seen), so an incident is read again until it
 * is resolved; resumable from the last complete page.
 */
export async function fetchPagerDutyIncidents(
  options: PagerDutyFetchOptions,
): Promise<LiveFetchResult> {
  const token = options.token;
  const { client, baseUrl } = liveClient(options, {
    service: "PagerDuty",
    defaultBaseUrl: "https://api.pagerduty.com",
    headers: {
      accept: "application/vnd.pagerduty+json;version=2",
      ...(token ? { authorization: `Token token=${token}` } : {}),
    },
    tokenVariable: "PAGERDUTY_TOKEN",
    resetSeconds: (headers, now) => resetAt(headers.get("ratelimit-reset"), now),
  });
  const limit = options.perPage ?? 100;
  const now = options.now ?? (() => new Date());
  const rejected: RejectedRow[] = [];
  const host = new URL(baseUrl).host;
  const file = `PagerDuty ${host}`;
  try {
    const incidents = await runList(
      client,
      options.state("incidents"),
      {
        list: "incident list",
        expected: 'a JSON object with "incidents"',
        start: (since) => {
          const recent =
            since !== null && Date.parse(since) > now().getTime() - WINDOW_DAYS * 86_400_000;
          const range = recent
            ? `since=${encodeURIComponent(since)}&until=${encodeURIComponent(new Date(now().getTime() + 86_400_000).toISOString())}`
            : "date_range=all";
          return `/incidents?${range}&sort_by=created_at:asc&limit=${limit}&offset=0&total=false`;
        },
        page: (answer, step) => {
          const items = itemsOf(client, answer, "incidents", step);
          const data = answer.data as { more?: unknown; offset?: unknown };
          const offset = typeof data.offset === "number" ? data.offset : 0;
          const url = new URL(answer.url);
          url.searchParams.set("offset", String(offset + items.length));
          return { items, next: data.more === true && items.length > 0 ? url.href : null };
        },
        handle: async (item, since) => {
          const incident = item as Record<string, unknown>;
          const id = String(incident.id ?? "");
          const created = String(incident.created_at ?? "");
          // Older than the checkpoint (a date_range=all read): already stored and resolved.
          if (since !== null && Date.parse(created) < Date.parse(since))
            return { time: created, skip: true };
          const step = {
            what: `the log entries of incident ${id}`,
            expected: 'a JSON object with "log_entries"',
          };
          const logEntries = await readAll(
            client,
            `/incidents/${encodeURIComponent(id)}/log_entries?limit=${limit}&offset=0&is_overview=false`,
            step,
            (answer) => {
              const items = itemsOf(client, answer, "log_entries", step);
              const data = answer.data as { more?: unknown; offset?: unknown };
              const url = new URL(answer.url);
              url.searchParams.set(
                "offset",
                String((typeof data.offset === "number" ? data.offset : 0) + items.length),
              );
              return { items, next: data.more === true && items.length > 0 ? url.href : null };
            },
          );
          const row = rowOf(
            "incidents",
            pagerdutyRow,
            { ...incident, log_entries: logEntries },
            {
              file,
              ...(options.repository ? { repository: options.repository } : {}),
              now: Math.floor(now().getTime() / 1000),
            },
            `incident ${id}`,
            rejected,
          );
          if (row) await options.onIncident(row);
          return { time: created, open: row !== null && row.resolvedAt === null };
        },
      },
      (fetched, page) => options.onProgress?.({ list: "incidents", fetched, page }),
    );
    return {
      source: "pagerduty",
      scope: host,
      lists: [{ list: "incidents", ...incidents }],
      rejected,
      ...client.stats,
    };
  } catch (error) {
    throw interrupted(error, `PagerDuty incidents from ${host}`, "legible fetch pagerduty");
  }
}
