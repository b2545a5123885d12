import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RateLimitWait } from "../../../src/sources/github/index.js";
import { fetchFrom, memoryState, rejection, requestsTo } from "./helpers.js";
import { type ReplayServer, startReplayServer } from "./replay-server.js";

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(async () => {
  await server.close();
});

const LIST = "/repos/acme/widgets/pulls";

describe("fetchGitHubPullRequests: rate limits", () => {
  it("waits for the reset or retry-after GitHub gives, then retries", async () => {
    server.load("rate-limit");
    const waits: RateLimitWait[] = [];
    const started = performance.now();
    const { result, rows } = await fetchFrom(server, memoryState(), {
      waitScale: 50, // 50 ms per second asked for
      onWait: (wait) => waits.push(wait),
      now: () => new Date("2024-05-13T09:00:00Z"),
    });
    const elapsed = performance.now() - started;

    expect(rows.map((r) => r.number)).toEqual([1]);
    expect(server.unmatched).toEqual([]);
    expect(server.unused()).toEqual([]);
    expect(requestsTo(server, LIST)).toBe(2);
    expect(requestsTo(server, "/repos/acme/widgets/pulls/1/reviews")).toBe(2);
    expect(result).toMatchObject({ rateLimitWaits: 2, retries: 0, fetched: 1 });
    // primary: until x-ratelimit-reset (a second ahead) plus the second GitHub advises; secondary: retry-after
    expect(waits).toEqual([
      {
        kind: "primary",
        seconds: expect.any(Number),
        until: expect.stringMatching(/^2024-05-13T09:00:0[1-3]\.000Z$/),
        request: "GET /repos/acme/widgets/pulls",
      },
      {
        kind: "secondary",
        seconds: 1,
        until: "2024-05-13T09:00:01.000Z",
        request: "GET /repos/acme/widgets/pulls/1/reviews",
      },
    ]);
    const primary = waits[0]?.seconds ?? 0;
    expect(primary).toBeGreaterThanOrEqual(1);
    expect(primary).toBeLessThanOrEqual(3);
    expect(elapsed).toBeGreaterThanOrEqual((primary + 1) * 50 - 5); // the waits really happen, scaled
  });

  it("gives up after maxRetries waits, and tells an unauthenticated user to set a token", async () => {
    server.load("rate-limit-exhausted");
    const state = memoryState();
    const error = await rejection(fetchFrom(server, state, { token: undefined, maxRetries: 2 }));
    expect(error).toMatchObject({ code: "BAD_INPUT" });
    expect(error.message).toMatch(
      /^GitHub rate limit still exceeded after 2 waits while reading page 1 of the pull request list of acme\/widgets \(403: API rate limit exceeded for 203\.0\.113\.7/,
    );
    expect(error.hint).toMatch(/set GITHUB_TOKEN or GH_TOKEN/);
    expect(requestsTo(server, LIST)).toBe(3); // once, then two retries; never by the retry plugin
    expect(server.unused()).toEqual([]);
    expect(state.saves).toEqual([]); // nothing complete, nothing to vouch for
  });

  it("an abort ends a rate-limit wait at once", async () => {
    server.load("rate-limit");
    const controller = new AbortController();
    // A wait the abort did not end would outlast the test's timeout: no clock is read here.
    const error = await rejection(
      fetchFrom(server, memoryState(), {
        waitScale: 3_600_000, // a one-second reset would take an hour
        signal: controller.signal,
        onWait: () => setTimeout(() => controller.abort(), 20),
      }),
    );
    expect(error).toMatchObject({ code: "INTERRUPTED" });
  });
});

describe("fetchGitHubPullRequests: server errors", () => {
  it("retries a 502 and a 500, then succeeds", async () => {
    server.load("server-error");
    const { result, rows } = await fetchFrom(server, memoryState());
    expect(rows.map((r) => r.number)).toEqual([1]);
    expect(server.unused()).toEqual([]);
    expect(requestsTo(server, LIST)).toBe(2);
    expect(requestsTo(server, "/repos/acme/widgets/pulls/1/commits")).toBe(2);
    expect(result).toMatchObject({ retries: 2, rateLimitWaits: 0, fetched: 1 });
  });

  it("gives up after maxRetries retries with an error naming the repository and the status", async () => {
    server.load("server-error-exhausted");
    const error = await rejection(fetchFrom(server, memoryState(), { maxRetries: 2 }));
    expect(error).toMatchObject({
      code: "BAD_INPUT",
      message:
        "GitHub failed with 502 while reading page 1 of the pull request list of acme/widgets, after 2 retries (HTTP 502)",
    });
    expect(error.hint).toMatch(/next run resumes from the last complete page/);
    expect(requestsTo(server, LIST)).toBe(3);
  });
});

describe("fetchGitHubPullRequests: client errors are not retried", () => {
  it("an unknown repository: one request, an error naming it", async () => {
    server.load("not-found");
    const error = await rejection(
      fetchFrom(server, memoryState(), { repo: "acme/nope", token: undefined }),
    );
    expect(error).toMatchObject({
      name: "LegibleError",
      code: "BAD_INPUT",
      message: `GitHub repository "acme/nope" not found at ${server.baseUrl} (404)`,
    });
    expect(error.hint).toMatch(/private repository needs a token/);
    expect(server.requests.map((r) => r.path)).toEqual(["/repos/acme/nope"]);
  });

  it("a 403 that is not a rate limit", async () => {
    server.load("forbidden");
    const error = await rejection(fetchFrom(server, memoryState()));
    expect(error).toMatchObject({
      code: "BAD_INPUT",
      message:
        "GitHub answered 403 while reading page 1 of the pull request list of acme/widgets (Resource not accessible by personal access token)",
    });
    expect(requestsTo(server, LIST)).toBe(1);
  });

  it("a rejected token", async () => {
    server.load("bad-credentials");
    const error = await rejection(fetchFrom(server, memoryState()));
    expect(error).toMatchObject({ code: "BAD_INPUT" });
    expect(error.message).toMatch(/^GitHub rejected the token \(401 Bad credentials\)/);
    expect(error.hint).toMatch(/GITHUB_TOKEN or GH_TOKEN/);
    expect(server.requests).toHaveLength(1);
  });
});
