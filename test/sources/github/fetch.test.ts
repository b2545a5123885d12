import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PullRequestRow } from "../../../src/core/delivery/model.js";
import { type FetchProgress, parseCursor } from "../../../src/sources/github/index.js";
import { fetchFrom, listPages, memoryState, rejection, requestsTo } from "./helpers.js";
import { type ReplayServer, startReplayServer } from "./replay-server.js";

let server: ReplayServer;
beforeAll(async () => {
  server = await startReplayServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.load("full-run");
});

const numbers = (rows: PullRequestRow[]) => rows.map((r) => r.number);

describe("fetchGitHubPullRequests: a first run", () => {
  it("reads every page the Link headers announce, and every page of reviews and commits", async () => {
    const state = memoryState();
    const progress: FetchProgress[] = [];
    const { result, rows } = await fetchFrom(server, state, {
      onProgress: (e) => progress.push(e),
    });

    expect(numbers(rows)).toEqual([5, 4, 3, 2, 1]);
    expect(server.unmatched).toEqual([]);
    expect(server.unused()).toEqual([]); // every recorded answer was asked for, once
    expect(listPages(server)).toEqual([1, 2, 3]);
    // #4's second pages come from the Link header's URL, as GitHub gives it
    expect(requestsTo(server, "/repositories/412345678/pulls/4/reviews")).toBe(1);
    expect(requestsTo(server, "/repositories/412345678/pulls/4/commits")).toBe(1);
    expect(result).toEqual({
      repository: "acme/widgets",
      fetched: 5,
      pages: 3,
      retries: 0,
      rateLimitWaits: 0,
      requests: 1 + 3 + 5 * 4 + 2, // repository, list pages, 4 lists per pull, 2 second pages
      incremental: false,
      resumed: false,
      authenticated: true,
      updatedSince: "2024-05-10T09:00:00Z",
      rateRemaining: 4964,
    });
    expect(progress.filter((e) => e.pageComplete).map((e) => [e.page, e.fetched])).toEqual([
      [1, 2],
      [2, 4],
      [3, 5],
    ]);
  });

  it("saves a cursor after each complete page and the checkpoint at the end", async () => {
    const state = memoryState();
    await fetchFrom(server, state);
    expect(state.saves.map((s) => ({ ...s, cursor: parseCursor(s.cursor) }))).toEqual([
      {
        updatedSince: null,
        cursor: {
          v: 1,
          page: 2,
          perPage: 2,
          newest: "2024-05-10T09:00:00Z",
          after: "2024-05-08T17:45:31Z",
        },
      },
      {
        updatedSince: null,
        cursor: {
          v: 1,
          page: 3,
          perPage: 2,
          newest: "2024-05-10T09:00:00Z",
          after: "2024-04-22T08:41:10Z",
        },
      },
      { updatedSince: "2024-05-10T09:00:00Z", cursor: null },
    ]);
  });

  it("asks for the list sorted by update, newest first, with a token and the API version", async () => {
    await fetchFrom(server, memoryState());
    const list = new URL(server.requests[1]?.path ?? "", "http://x");
    expect(Object.fromEntries(list.searchParams)).toEqual({
      state: "all",
      sort: "updated",
      direction: "desc",
      per_page: "2",
      page: "1",
    });
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe("token ghp_replayToken0123456789");
      expect(request.headers["x-github-api-version"]).toBe("2022-11-28");
      expect(request.headers["user-agent"]).toMatch(/^legible /);
    }
  });

  it("fetches unauthenticated without a token, and says so", async () => {
    const { result } = await fetchFrom(server, memoryState(), { token: undefined });
    expect(result.authenticated).toBe(false);
    expect(server.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  });

  it("turns each pull request and its reviews, commits and comments into a row", async () => {
    const { rows } = await fetchFrom(server, memoryState());
    const byNumber = new Map(rows.map((r) => [r.number, r]));
    expect(byNumber.get(4)).toEqual({
      key: "github:acme/widgets#4",
      source: "github",
      repository: "acme/widgets",
      number: 4,
      title: "Rate-limit the widget API",
      author: { login: "margaret-h", email: null },
      state: "merged",
      createdAt: Date.parse("2024-05-02T08:00:00Z") / 1000,
      mergedAt: Date.parse("2024-05-08T17:45:30Z") / 1000,
      closedAt: Date.parse("2024-05-08T17:45:30Z") / 1000,
      mergeCommitSha: expect.stringMatching(/^[0-9a-f]{40}$/),
      baseRef: "main",
      headRef: "margaret/rate-limit",
      labels: ["api", "performance"],
      commits: [
        expect.objectContaining({
          authoredAt: Date.parse("2024-05-01T18:12:40Z") / 1000,
          author: { login: "margaret-h", email: "margaret@acme.example" },
        }),
        expect.objectContaining({ authoredAt: Date.parse("2024-05-03T14:00:00Z") / 1000 }),
        expect.objectContaining({ authoredAt: Date.parse("2024-05-07T09:30:00Z") / 1000 }),
      ],
      // the PENDING review on the second page is not a review yet
      reviews: [
        expect.objectContaining({
          author: { login: "grace-hopper", email: null },
          state: "COMMENTED",
        }),
        expect.objectContaining({
          author: { login: "linus-t", email: null },
          state: "CHANGES_REQUESTED",
        }),
        expect.objectContaining({
          state: "APPROVED",
          submittedAt: Date.parse("2024-05-08T16:00:00Z") / 1000,
        }),
      ],
      // the conversation, then the comments on the diff, each in GitHub's order
      comments: [
        {
          id: "2090000004",
          author: { login: "katherine-j", email: null },
          createdAt: Date.parse("2024-05-02T09:10:00Z") / 1000,
        },
        {
          id: "review-comment:1590000002",
          author: { login: "linus-t", email: null },
          createdAt: Date.parse("2024-05-03T12:29:10Z") / 1000,
        },
        {
          id: "review-comment:1590000003",
          author: { login: "grace-hopper", email: null },
          createdAt: Date.parse("2024-05-03T09:58:40Z") / 1000,
        },
      ],
    });
    const closed = byNumber.get(3);
    expect(closed?.state).toBe("closed");
    expect(closed?.mergeCommitSha).toBeNull();
    expect(closed?.reviews.map((r) => r.author)).toEqual([
      { login: "ada-lovelace", email: null },
      null,
    ]);
    // a commit GitHub matched to no account keeps the git author's name and email
    expect(closed?.commits[0]?.author).toEqual({
      login: "Grace Hopper",
      email: "grace@old-laptop.local",
    });
    expect(byNumber.get(5)).toMatchObject({
      state: "open",
      mergedAt: null,
      closedAt: null,
      reviews: [],
    });
    expect(byNumber.get(2)?.author).toEqual({ login: "dependabot[bot]", email: null });
  });
});

describe("fetchGitHubPullRequests: incremental", () => {
  it("a second run reads only what was updated since the first, and stops there", async () => {
    const state = memoryState();
    await fetchFrom(server, state);
    server.load("second-run");
    const { result, rows } = await fetchFrom(server, state);

    // #6 new, #3 commented on; #5 at the checkpoint is read again; #4 (older) ends the run
    expect(numbers(rows)).toEqual([6, 3, 5]);
    expect(listPages(server)).toEqual([1, 2]);
    expect(server.unmatched).toEqual([]);
    expect(server.unused()).toEqual([]);
    expect(requestsTo(server, "/repos/acme/widgets/pulls/4/reviews")).toBe(0);
    expect(rows[1]?.comments).toHaveLength(4); // #3: 3 in the conversation, 1 on the diff
    expect(result).toMatchObject({ fetched: 3, pages: 2, incremental: true, resumed: false });
    expect(state.current).toEqual({ updatedSince: "2024-05-12T10:05:00Z", cursor: null });
  });
});

describe("fetchGitHubPullRequests: interrupted and resumed", () => {
  it("an abort after page 1 resumes at page 2 and finishes the run", async () => {
    const state = memoryState();
    const controller = new AbortController();
    const first: PullRequestRow[] = [];
    const error = await rejection(
      fetchFrom(server, state, {
        signal: controller.signal,
        onPullRequest: (row) => {
          first.push(row);
        },
        onProgress: (e) => {
          if (e.pageComplete && e.page === 1) controller.abort();
        },
      }),
    );
    expect(error).toMatchObject({ code: "INTERRUPTED" });
    expect(String(error.hint)).toContain("resumes at page 2");
    expect(numbers(first)).toEqual([5, 4]);
    expect(listPages(server)).toEqual([1]);
    expect(state.current?.updatedSince).toBeNull();
    expect(parseCursor(state.current?.cursor)).toMatchObject({ page: 2 });

    server.load("full-run");
    const { result, rows } = await fetchFrom(server, state);
    expect(listPages(server)).toEqual([2, 3]);
    expect(numbers(rows)).toEqual([3, 2, 1]);
    expect(result).toMatchObject({ resumed: true, incremental: false, pages: 2, fetched: 3 });
    // the newest update of the whole run came from page 1, before the interruption
    expect(state.current).toEqual({ updatedSince: "2024-05-10T09:00:00Z", cursor: null });
  });

  it("an abort inside a page loses nothing: the page is read again", async () => {
    const state = memoryState();
    const controller = new AbortController();
    const first: PullRequestRow[] = [];
    await rejection(
      fetchFrom(server, state, {
        signal: controller.signal,
        onPullRequest: (row) => {
          first.push(row);
          if (row.number === 3) controller.abort();
        },
      }),
    );
    expect(numbers(first)).toEqual([5, 4, 3]);
    expect(parseCursor(state.current?.cursor)).toMatchObject({ page: 2 });

    server.load("full-run");
    const { rows } = await fetchFrom(server, state);
    expect(numbers(rows)).toEqual([3, 2, 1]); // #3 twice over both runs: the store upserts
    expect(new Set(numbers([...first, ...rows]))).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it("updates while interrupted shift the list; the resumed run skips what it saw and the next run gets the rest", async () => {
    const state = memoryState();
    const controller = new AbortController();
    const delivered: number[] = [];
    const onPullRequest = (row: PullRequestRow) => {
      delivered.push(row.number);
    };
    await rejection(
      fetchFrom(server, state, {
        signal: controller.signal,
        onPullRequest,
        onProgress: (e) => {
          if (e.pageComplete && e.page === 1) controller.abort();
        },
      }),
    );
    expect(delivered).toEqual([5, 4]);

    // meanwhile #2 and #1 were updated: the list is now #2 #1 | #5 #4 | #3
    server.load("resume-after-updates");
    await fetchFrom(server, state, { onPullRequest });
    expect(server.unmatched).toEqual([]);
    expect(server.unused()).toEqual([]);
    expect(requestsTo(server, "/repos/acme/widgets/pulls/5/reviews")).toBe(0); // #5 skipped
    expect(delivered).toEqual([5, 4, 4, 3]);
    expect(state.current).toEqual({ updatedSince: "2024-05-10T09:00:00Z", cursor: null });

    // #2 and #1 were updated after that checkpoint: the next run reads them
    server.load("after-updates-incremental");
    await fetchFrom(server, state, { onPullRequest });
    expect(server.unused()).toEqual([]);
    expect(delivered).toEqual([5, 4, 4, 3, 2, 1, 5]);
    expect(new Set(delivered)).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(state.current).toEqual({ updatedSince: "2024-05-11T10:00:00Z", cursor: null });
  });

  it("starts over from page 1 when the stored cursor cannot be read", async () => {
    const state = memoryState({ updatedSince: null, cursor: "page=7" });
    const { rows, result } = await fetchFrom(server, state);
    expect(numbers(rows)).toEqual([5, 4, 3, 2, 1]);
    expect(result.resumed).toBe(false);
  });

  it("rejects a --repo that is not owner/name before any request", async () => {
    const error = await rejection(fetchFrom(server, memoryState(), { repo: "widgets" }));
    expect(error).toMatchObject({
      code: "BAD_USAGE",
      message: "--repo widgets: expected owner/name",
    });
    expect(server.requests).toEqual([]);
  });
});
