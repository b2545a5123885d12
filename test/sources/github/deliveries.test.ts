import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeploymentRow } from "../../../src/core/delivery/model.js";
import { fetchGitHubPullRequests } from "../../../src/sources/github/index.js";
import { memoryState } from "./helpers.js";
import { type ReplayServer, startReplayServer } from "./replay-server.js";

const t = (iso: string) => Date.parse(iso) / 1000;
let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(() => server.close());

describe("fetch github --deployments --releases", () => {
  it("reads deployments with their statuses and releases at their tags' commits", async () => {
    server.load("deployments-releases");
    const rows: DeploymentRow[] = [];
    const deployments = memoryState();
    const releases = memoryState();
    const result = await fetchGitHubPullRequests({
      repo: "acme/widgets",
      token: "ghp_replayToken0123456789",
      baseUrl: server.baseUrl,
      state: memoryState(),
      perPage: 2,
      waitScale: 1,
      now: () => new Date("2024-05-10T00:00:00Z"),
      onPullRequest: () => {},
      deployments: { state: deployments },
      releases: { state: releases },
      onDeployment: (row) => {
        rows.push(row);
      },
    });
    expect(server.unmatched).toEqual([]);
    expect(server.unused()).toEqual([]);
    expect(rows.map((r) => [r.key, r.result, r.commitSha.slice(0, 1), r.finishedAt])).toEqual([
      ["github-deployments:acme/widgets:13", "in_progress", "c", t("2024-05-06T10:01:00Z")],
      ["github-deployments:acme/widgets:12", "failure", "b", t("2024-05-05T10:07:00Z")],
      // Marked inactive by a later deployment: the success before it decides.
      ["github-deployments:acme/widgets:11", "success", "a", t("2024-05-04T10:05:00Z")],
      // The annotated tag peeled to its commit; the draft skipped.
      ["github-releases:acme/widgets:2", "success", "2", t("2024-05-06T12:00:00Z")],
      ["github-releases:acme/widgets:1", "success", "a", t("2024-05-04T12:00:00Z")],
    ]);
    expect(result.deployments).toMatchObject({ fetched: 3, pages: 2 });
    expect(result.releases).toMatchObject({ fetched: 2 });
    expect(result.rejected).toEqual([]);
    expect(result.retries).toBe(1);
    // The deployment still in progress is where the next run starts.
    expect(deployments.current).toEqual({ updatedSince: "2024-05-06T10:00:00Z", cursor: null });
    expect(releases.current).toEqual({ updatedSince: "2024-05-06T12:00:00Z", cursor: null });
  });
});
