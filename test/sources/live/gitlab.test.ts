import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeploymentRow, PullRequestRow } from "../../../src/core/delivery/model.js";
import type { FetchCheckpoint } from "../../../src/sources/github/index.js";
import { fetchGitLabProject } from "../../../src/sources/gitlab/fetch.js";
import { type MemoryState, memoryState } from "../github/helpers.js";
import { type ReplayServer, startReplayServer } from "../github/replay-server.js";
import { closedPort } from "./helpers.js";

const RECORDINGS = fileURLToPath(new URL("recordings/", import.meta.url));
const TOKEN = "glpat-replayToken0123456789";
const t = (iso: string) => Date.parse(iso) / 1000;

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer(RECORDINGS);
});
afterAll(() => server.close());

function states(initial: Record<string, FetchCheckpoint> = {}) {
  const all = new Map<string, MemoryState>();
  return {
    all,
    state: (list: string) => {
      let state = all.get(list);
      if (!state) {
        state = memoryState(initial[list] ?? null);
        all.set(list, state);
      }
      return state;
    },
  };
}

async function run(
  project = "my-group/my-project",
  saved = states(),
  baseUrl = server.baseUrl,
  maxRetries = 3,
) {
  const prs: PullRequestRow[] = [];
  const deployments: DeploymentRow[] = [];
  const result = await fetchGitLabProject({
    baseUrl,
    project,
    token: TOKEN,
    state: saved.state,
    perPage: 2,
    waitScale: 1,
    maxRetries,
    now: () => new Date("2024-05-10T00:00:00Z"),
    onMergeRequest: (row) => {
      prs.push(row);
    },
    onDeployment: (row) => {
      deployments.push(row);
    },
  });
  return { result, prs, deployments, saved };
}

describe("legible fetch gitlab (library)", () => {
  it("reads merge requests with notes, approvals and commits, and deployments, through a 502 and a rate limit", async () => {
    server.load("gitlab-full");
    const { result, prs, deployments, saved } = await run();
    expect(server.unmatched).toEqual([]);
    expect(server.unused()).toEqual([]);
    expect(prs.map((pr) => [pr.key, pr.state])).toEqual([
      ["gitlab:my-group/my-project#2", "open"],
      ["gitlab:my-group/my-project#1", "merged"],
      ["gitlab:my-group/my-project#3", "closed"],
    ]);
    const merged = prs[1]!;
    expect(merged.mergeCommitSha).toBe("a".repeat(40));
    expect(merged.commits.map((c) => c.author?.email)).toEqual(["ada@example.com"]);
    // The approval note (with its time), then the approver the approvals API adds, at the merge.
    expect(merged.reviews).toEqual([
      {
        id: "402",
        author: { login: "bo", email: null },
        state: "APPROVED",
        submittedAt: t("2024-05-04T11:00:00Z"),
      },
      {
        id: "approval:cy",
        author: { login: "cy", email: null },
        state: "APPROVED",
        submittedAt: t("2024-05-04T12:00:00Z"),
      },
    ]);
    expect(merged.comments.map((c) => c.id)).toEqual(["401"]);
    expect(deployments.map((d) => [d.key, d.result, d.environment])).toEqual([
      ["gitlab-deployments:my-group/my-project:42", "in_progress", "production"],
      ["gitlab-deployments:my-group/my-project:41", "success", "production"],
    ]);
    expect(result).toMatchObject({ scope: "my-group/my-project", retries: 1, rateLimitWaits: 1 });
    expect(saved.all.get("merge requests")?.current?.updatedSince).toBe("2024-05-07T09:00:00Z");
    // The deployment still running is where the next run starts.
    expect(saved.all.get("deployments")?.current?.updatedSince).toBe("2024-05-07T10:01:00Z");
    expect(server.requests[0]?.headers["private-token"]).toBe(TOKEN);
  });

  it("the next run asks only for what was updated since (updated_after)", async () => {
    server.load("gitlab-second");
    const saved = states({
      "merge requests": { updatedSince: "2024-05-07T09:00:00Z", cursor: null },
      deployments: { updatedSince: "2024-05-07T10:01:00Z", cursor: null },
    });
    const { prs, deployments, result } = await run(undefined, saved);
    expect(server.unmatched).toEqual([]);
    expect(prs).toEqual([]);
    expect(deployments.map((d) => [d.key, d.result])).toEqual([
      ["gitlab-deployments:my-group/my-project:42", "success"],
    ]);
    expect(result.lists.map((l) => l.incremental)).toEqual([true, true]);
  });

  it("names a project that is not there, and a rejected token without the token", async () => {
    server.load("gitlab-missing");
    const missing = (await run("my-group/nope").catch((e: unknown) => e)) as Error;
    expect(missing.message).toBe(
      `GitLab project "my-group/nope" not found at ${server.baseUrl} (404)`,
    );
    server.load("gitlab-unauthorized");
    const rejected = (await run().catch((e: unknown) => e)) as Error & { hint?: string };
    expect(rejected.message).toBe(
      "GitLab rejected the token (401 401 Unauthorized) while reading project my-group/my-project",
    );
    expect(rejected.hint).toContain("GITLAB_TOKEN");
    expect(`${rejected.message}${rejected.hint}`).not.toContain(TOKEN);
  });

  it("says it cannot reach an unreachable host", async () => {
    const port = await closedPort();
    const error = (await run(undefined, states(), `http://127.0.0.1:${port}`, 0).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toBe(
      `cannot reach 127.0.0.1:${port} while reading project my-group/my-project (ECONNREFUSED), after 1 attempt`,
    );
  });
});
