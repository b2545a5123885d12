import { describe, expect, it } from "vitest";
import { fetchGitHubPullRequests } from "../../../src/sources/github/index.js";
import { closedPort } from "../live/helpers.js";
import { memoryState } from "./helpers.js";

describe("fetch github: a host that does not answer", () => {
  it('says "cannot reach <host>", not that GitHub failed with 500', async () => {
    const port = await closedPort();
    const error = (await fetchGitHubPullRequests({
      repo: "acme/widgets",
      token: "ghp_unreachable0123456789",
      baseUrl: `http://127.0.0.1:${port}`,
      state: memoryState(),
      waitScale: 1,
      maxRetries: 1,
      onPullRequest: () => {},
    }).catch((e: unknown) => e)) as Error & { hint?: string };
    expect(error.message).toBe(
      `cannot reach 127.0.0.1:${port} while reading the repository of acme/widgets (ECONNREFUSED), after 1 retry`,
    );
    expect(error.hint).toContain("check the network and --api-url");
  });
});
