import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IncidentRow } from "../../../src/core/delivery/model.js";
import { fetchOpsgenieIncidents } from "../../../src/sources/opsgenie/fetch.js";
import { memoryState } from "../github/helpers.js";
import { type ReplayServer, startReplayServer } from "../github/replay-server.js";
import { closedPort } from "./helpers.js";

const RECORDINGS = fileURLToPath(new URL("recordings/", import.meta.url));
const TOKEN = "og-replay-key-0123456789abcdef";
const t = (iso: string) => Date.parse(iso) / 1000;

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer(RECORDINGS);
});
afterAll(() => server.close());

async function run(state = memoryState(), baseUrl = server.baseUrl, maxRetries = 3) {
  const rows: IncidentRow[] = [];
  const result = await fetchOpsgenieIncidents({
    baseUrl,
    token: TOKEN,
    state: () => state,
    perPage: 2,
    waitScale: 1,
    maxRetries,
    now: () => new Date("2024-05-10T00:00:00Z"),
    onIncident: (row) => {
      rows.push(row);
    },
  });
  return { result, rows, state };
}

describe("legible fetch opsgenie (library)", () => {
  it("reads incidents with their timelines, service names and responders, through a 500 and a rate limit", async () => {
    server.load("opsgenie-full");
    const { result, rows, state } = await run();
    expect(server.unmatched).toEqual([]);
    expect(server.unused()).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        key: "opsgenie:inc-3",
        resolvedAt: null,
        service: "search",
        responders: [{ login: "ada@example.com", email: "ada@example.com" }],
      }),
      expect.objectContaining({
        key: "opsgenie:inc-2",
        resolvedAt: t("2024-05-05T11:30:00Z"),
        service: "checkout",
        severity: "P1",
        responders: [
          { login: "bo@example.com", email: "bo@example.com" },
          { login: "cy@example.com", email: "cy@example.com" },
        ],
      }),
      // A deleted service keeps its id; closed at the timeline's closing entry.
      expect.objectContaining({
        key: "opsgenie:inc-1",
        resolvedAt: t("2024-05-04T10:00:00Z"),
        service: "svc-gone",
        responders: [{ login: "ada@example.com", email: "ada@example.com" }],
      }),
    ]);
    expect(result).toMatchObject({ retries: 1, rateLimitWaits: 1, rejected: [] });
    expect(state.current).toEqual({ updatedSince: "2024-05-06T08:00:00Z", cursor: null });
    expect(server.requests[0]?.headers.authorization).toBe(`GenieKey ${TOKEN}`);
    // The deleted service was asked for once, though two incidents name it.
    expect(server.requests.filter((r) => r.path === "/v1/services/svc-gone")).toHaveLength(1);
  });

  it("says the key was rejected (401) and names the variable, not the key", async () => {
    server.load("opsgenie-unauthorized");
    const error = (await run().catch((e: unknown) => e)) as Error & { hint?: string };
    expect(error.message).toBe(
      "Opsgenie rejected the token (401 Could not authenticate) while reading page 1 of the incident list",
    );
    expect(error.hint).toContain("OPSGENIE_API_KEY");
    expect(`${error.message} ${error.hint}`).not.toContain(TOKEN);
  });

  it("says it cannot reach an unreachable host", async () => {
    const port = await closedPort();
    const error = (await run(memoryState(), `http://127.0.0.1:${port}`, 0).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toMatch(
      new RegExp(
        `^cannot reach 127\\.0\\.0\\.1:${port} while reading page 1 of the incident list \\(ECONNREFUSED\\)`,
      ),
    );
  });
});
