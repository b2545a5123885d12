import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncidentRow } from "../../../src/core/delivery/model.js";
import { LegibleError } from "../../../src/errors.js";
import { fetchPagerDutyIncidents } from "../../../src/sources/pagerduty/fetch.js";
import { memoryState } from "../github/helpers.js";
import { type ReplayServer, startReplayServer } from "../github/replay-server.js";
import { closedPort } from "./helpers.js";

const RECORDINGS = fileURLToPath(new URL("recordings/", import.meta.url));
const TOKEN = "pd_replayToken_u+abcdefghijkl";
const NOW = new Date("2024-05-10T00:00:00Z");
const t = (iso: string) => Date.parse(iso) / 1000;

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer(RECORDINGS);
});
afterAll(() => server.close());

async function run(state = memoryState(), baseUrl = server.baseUrl) {
  const rows: IncidentRow[] = [];
  const waits: number[] = [];
  const result = await fetchPagerDutyIncidents({
    baseUrl,
    token: TOKEN,
    state: () => state,
    perPage: 2,
    waitScale: 1,
    now: () => NOW,
    onWait: (wait) => waits.push(wait.seconds),
    onIncident: (row) => {
      rows.push(row);
    },
  });
  return { result, rows, state, waits };
}

describe("legible fetch pagerduty (library)", () => {
  it("reads every page of incidents and log entries, through a 503 and a rate limit", async () => {
    server.load("pagerduty-full");
    const { result, rows, state, waits } = await run();
    expect(server.unmatched).toEqual([]);
    expect(server.unused()).toEqual([]);
    expect(rows.map((row) => row.key)).toEqual([
      "pagerduty:PT4KHLK",
      "pagerduty:PQ7R2S1",
      "pagerduty:PZ9Y8X7",
    ]);
    // Responders from the log entries, earliest first: assigned, acknowledged, resolved.
    expect(rows[0]).toMatchObject({
      resolvedAt: t("2024-05-03T11:30:00Z"),
      service: "checkout",
      severity: "P1",
      responders: [{ login: "Bo Jones" }, { login: "Cy Young" }, { login: "Ada Lovelace" }],
    });
    expect(rows[1]).toMatchObject({ resolvedAt: null, responders: [{ login: "Bo Jones" }] });
    expect(result).toMatchObject({ retries: 1, rateLimitWaits: 1, rejected: [] });
    expect(waits).toEqual([1]);
    // The checkpoint is the oldest incident still open, so it is read again until resolved.
    expect(state.current).toEqual({ updatedSince: "2024-05-04T08:00:00Z", cursor: null });
    // The key travels in the Authorization header, PagerDuty's way.
    expect(server.requests[0]?.headers.authorization).toBe(`Token token=${TOKEN}`);
    expect(server.requests[0]?.headers.accept).toBe("application/vnd.pagerduty+json;version=2");
  });

  it("the next run starts at the oldest open incident and updates it", async () => {
    server.load("pagerduty-second");
    const state = memoryState({ updatedSince: "2024-05-04T08:00:00Z", cursor: null });
    const { result, rows } = await run(state);
    expect(server.unmatched).toEqual([]);
    expect(rows.map((row) => [row.key, row.resolvedAt])).toEqual([
      ["pagerduty:PQ7R2S1", t("2024-05-04T09:00:00Z")],
      ["pagerduty:PZ9Y8X7", t("2024-05-05T09:45:00Z")],
    ]);
    expect(result.lists[0]).toMatchObject({ incremental: true, fetched: 2 });
    expect(state.current?.updatedSince).toBe("2024-05-05T09:00:00Z");
  });

  it("resumes an interrupted run from the page it stopped at", async () => {
    server.load("pagerduty-full");
    const state = memoryState();
    // Stop at the 503: no retries allowed.
    await expect(
      fetchPagerDutyIncidents({
        baseUrl: server.baseUrl,
        token: TOKEN,
        state: () => state,
        perPage: 2,
        waitScale: 1,
        maxRetries: 0,
        now: () => NOW,
        onIncident: () => {},
      }),
    ).rejects.toThrow(
      /^PagerDuty failed with 503 while reading page 2 of the incident list, after 0 retries \(Service Unavailable\)$/,
    );
    expect(state.current?.cursor).toContain('"page":2');
    const { rows, result } = await run(state);
    expect(rows.map((row) => row.key)).toEqual(["pagerduty:PZ9Y8X7"]);
    expect(result.lists[0]?.resumed).toBe(true);
  });

  it("says the token was rejected (401), without the token", async () => {
    server.load("pagerduty-unauthorized");
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LegibleError);
    expect((error as LegibleError).message).toBe(
      "PagerDuty rejected the token (401 Authentication failed) while reading page 1 of the incident list",
    );
    expect((error as LegibleError).hint).toContain("PAGERDUTY_TOKEN");
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it("says it cannot reach an unreachable host", async () => {
    const port = await closedPort();
    const error = await fetchPagerDutyIncidents({
      baseUrl: `http://127.0.0.1:${port}`,
      token: TOKEN,
      state: () => memoryState(),
      waitScale: 1,
      maxRetries: 1,
      now: () => NOW,
      onIncident: () => {},
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `cannot reach 127.0.0.1:${port} while reading page 1 of the incident list (ECONNREFUSED), after 2 attempts`,
    );
  });
});
