/**
 * Opsgenie as a live source: incidents from the Incident API (`GET /v1/incidents`) with their
 * timelines (`GET /v2/incident-timelines/{id}/entries`), the names of their impacted services
 * (`GET /v1/services/{id}`) and of their user responders (`GET /v2/users/{id}`), read into rows by
 * the `opsgenie` importer's own reader.
 */
import type { IncidentRow, RejectedRow } from "../../core/delivery/model.js";
import { opsgenieRow } from "../imports/incidents/opsgenie.js";
import type { LiveClient } from "../live/client.js";
import { type LiveFetchOptions, type LiveFetchResult, liveClient, rowOf } from "../live/options.js";
import { interrupted, itemsOf, runList } from "../live/run.js";

export interface OpsgenieFetchOptions extends LiveFetchOptions {
  repository?: string;
  onIncident: (row: IncidentRow) => Promise<void> | void;
}

/**
 * Fetches incidents newest first, down to the checkpoint: the creation time of the oldest incident
 * still unresolved in the last complete run (else the newest seen), so an incident is read again
 * until it is resolved. Resumable from the last complete page.
 */
export async function fetchOpsgenieIncidents(
  options: OpsgenieFetchOptions,
): Promise<LiveFetchResult> {
  const token = options.token;
  const { client, baseUrl } = liveClient(options, {
    service: "Opsgenie",
    defaultBaseUrl: "https://api.opsgenie.com",
    headers: token ? { authorization: `GenieKey ${token}` } : {},
    tokenVariable: "OPSGENIE_API_KEY",
    resetSeconds: (headers) => {
      const period = headers.get("x-ratelimit-period-in-sec");
      return period !== null && /^\d+$/.test(period) ? Number(period) : null;
    },
  });
  const limit = options.perPage ?? 100;
  const now = options.now ?? (() => new Date());
  const rejected: RejectedRow[] = [];
  const host = new URL(baseUrl).host;
  const names = new Names(client);
  try {
    const incidents = await runList(
      client,
      options.state("incidents"),
      {
        list: "incident list",
        expected: 'a JSON object with "data"',
        start: () => `/v1/incidents?sort=createdAt&order=desc&offset=0&limit=${limit}`,
        page: (answer, step) => {
          const items = itemsOf(client, answer, "data", step);
          const paging = (answer.data as { paging?: { next?: unknown } }).paging;
          const next = typeof paging?.next === "string" && items.length > 0 ? paging.next : null;
          return { items, next };
        },
        handle: async (item, since) => {
          const incident = item as Record<string, unknown>;
          const id = String(incident.id ?? "");
          const created = String(incident.createdAt ?? "");
          if (since !== null && Date.parse(created) < Date.parse(since))
            return { time: created, stop: true };
          const timeline = await timelineOf(client, id, limit);
          const impactedServices = await Promise.all(
            (Array.isArray(incident.impactedServices) ? incident.impactedServices : []).map(
              async (service: unknown) =>
                typeof service === "string"
                  ? { id: service, name: (await names.service(service)) ?? service }
                  : service,
            ),
          );
          const responders = [];
          for (const responder of Array.isArray(incident.responders) ? incident.responders : []) {
            const r = responder as Record<string, unknown>;
            if (r.type === "user" && typeof r.id === "string" && r.name === undefined) {
              const user = await names.user(r.id);
              responders.push(user ? { ...r, ...user } : r);
            } else responders.push(responder);
          }
          const row = rowOf(
            "incidents",
            opsgenieRow,
            { ...incident, impactedServices, responders, timeline },
            {
              file: `Opsgenie ${host}`,
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
      source: "opsgenie",
      scope: host,
      lists: [{ list: "incidents", ...incidents }],
      rejected,
      ...client.stats,
    };
  } catch (error) {
    throw interrupted(error, `Opsgenie incidents from ${host}`, "legible fetch opsgenie");
  }
}

/** Every timeline entry of an incident, following `nextOffset`. */
async function timelineOf(client: LiveClient, id: string, limit: number): Promise<unknown[]> {
  const step = {
    what: `the timeline of incident ${id}`,
    expected: 'a JSON object with "data.entries"',
  };
  const entries: unknown[] = [];
  let offset: string | null = "";
  for (let page = 0; offset !== null && page < 100; page += 1) {
    const query: string =
      offset === "" ? `limit=${limit}` : `limit=${limit}&offset=${encodeURIComponent(offset)}`;
    const answer = await client.get(
      `/v2/incident-timelines/${encodeURIComponent(id)}/entries?${query}`,
      step,
    );
    const data = (answer.data as { data?: unknown }).data;
    if (typeof data !== "object" || data === null) {
      throw client.malformed(answer.url, 'an object without "data"', step);
    }
    const items = itemsOf(client, { ...answer, data }, "entries", step);
    entries.push(...items);
    const next = (data as { nextOffset?: unknown }).nextOffset;
    offset = typeof next === "string" && next !== "" && items.length > 0 ? next : null;
  }
  return entries;
}

/** Names of services and users by id, each asked once per run; a deleted one keeps its id. */
class Names {
  private readonly services = new Map<string, string | null>();
  private readonly users = new Map<string, { username?: string; name?: string } | null>();

  constructor(private readonly client: LiveClient) {}

  async service(id: string): Promise<string | null> {
    if (!this.services.has(id)) {
      const answer = await this.client.get(`/v1/services/${encodeURIComponent(id)}`, {
        what: `impacted service ${id}`,
        expected: "a JSON object with data.name",
        missingOk: true,
      });
      const name = (answer.data as { data?: { name?: unknown } } | null)?.data?.name;
      this.services.set(id, typeof name === "string" && name.trim() !== "" ? name.trim() : null);
    }
    return this.services.get(id) ?? null;
  }

  async user(id: string): Promise<{ username?: string; name?: string } | null> {
    if (!this.users.has(id)) {
      const answer = await this.client.get(`/v2/users/${encodeURIComponent(id)}`, {
        what: `responder ${id}`,
        expected: "a JSON object with data.username",
        missingOk: true,
      });
      const data = (answer.data as { data?: { username?: unknown; fullName?: unknown } } | null)
        ?.data;
      const username = typeof data?.username === "string" ? data.username : undefined;
      const fullName = typeof data?.fullName === "string" ? data.fullName : undefined;
      this.users.set(
        id,
        username || fullName
          ? { ...(username ? { username } : {}), ...(fullName ? { name: fullName } : {}) }
          : null,
      );
    }
    return this.users.get(id) ?? null;
  }
}
