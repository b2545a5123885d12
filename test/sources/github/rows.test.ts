import { describe, expect, it } from "vitest";
import {
  encodeCursor,
  type GitHubPull,
  GitHubRowError,
  parseCursor,
  toPullRequestRow,
} from "../../../src/sources/github/index.js";

const pull = (overrides: Partial<GitHubPull> = {}): GitHubPull => ({
  number: 7,
  title: "Fix",
  state: "closed",
  user: { login: "ada", type: "User" },
  created_at: "2024-05-01T09:00:00Z",
  updated_at: "2024-05-02T09:00:00Z",
  closed_at: "2024-05-02T08:00:00Z",
  merged_at: null,
  merge_commit_sha: "0123456789abcdef0123456789abcdef01234567",
  labels: [{ name: "bug" }, {}],
  base: { ref: "main" },
  head: { ref: "fix" },
  ...overrides,
});
const none = { reviews: [], commits: [], comments: [] };
const at = (iso: string) => Date.parse(iso) / 1000;

describe("toPullRequestRow", () => {
  it("keys the row github:<owner/name>#<number>; closed without merge time is closed, with no merge SHA", () => {
    expect(toPullRequestRow(pull(), none, "acme/shop")).toEqual({
      key: "github:acme/shop#7",
      source: "github",
      repository: "acme/shop",
      number: 7,
      title: "Fix",
      author: { login: "ada", email: null },
      state: "closed",
      createdAt: at("2024-05-01T09:00:00Z"),
      mergedAt: null,
      closedAt: at("2024-05-02T08:00:00Z"),
      mergeCommitSha: null, // an unmerged pull's merge_commit_sha is GitHub's test merge
      baseRef: "main",
      headRef: "fix",
      labels: ["bug"],
      commits: [],
      reviews: [],
      comments: [],
    });
  });

  it("a merge time makes it merged, keeping the merge SHA; open stays open", () => {
    const merged = toPullRequestRow(pull({ merged_at: "2024-05-02T08:00:00Z" }), none, "a/b");
    expect(merged).toMatchObject({
      state: "merged",
      mergeCommitSha: "0123456789abcdef0123456789abcdef01234567",
    });
    expect(toPullRequestRow(pull({ state: "open", closed_at: null }), none, "a/b").state).toBe(
      "open",
    );
  });

  it("leaves out pending reviews and upper-cases review states", () => {
    const row = toPullRequestRow(
      pull(),
      {
        ...none,
        reviews: [
          { id: 1, user: { login: "bo" }, state: "approved", submitted_at: "2024-05-01T10:00:00Z" },
          { id: 2, user: { login: "cy" }, state: "PENDING" },
          { id: 3, user: null, state: "DISMISSED", submitted_at: "2024-05-01T11:00:00Z" },
        ],
      },
      "a/b",
    );
    expect(row.reviews).toEqual([
      {
        id: "1",
        author: { login: "bo", email: null },
        state: "APPROVED",
        submittedAt: at("2024-05-01T10:00:00Z"),
      },
      { id: "3", author: null, state: "DISMISSED", submittedAt: at("2024-05-01T11:00:00Z") },
    ]);
  });

  it("credits a commit to the matched account, else the git name; always with the git email and author date", () => {
    const row = toPullRequestRow(
      pull(),
      {
        ...none,
        commits: [
          {
            sha: "a1",
            commit: {
              author: { name: "Ada L", email: "ada@x.example", date: "2024-04-30T10:00:00Z" },
            },
            author: { login: "ada" },
          },
          {
            sha: "b2",
            commit: { author: { name: " Bo ", email: "", date: "2024-04-30T11:00:00Z" } },
            author: {},
          },
          {
            sha: "c3",
            commit: { author: null, committer: { date: "2024-04-30T12:00:00Z" } },
            author: null,
          },
        ],
      },
      "a/b",
    );
    expect(row.commits).toEqual([
      {
        sha: "a1",
        authoredAt: at("2024-04-30T10:00:00Z"),
        author: { login: "ada", email: "ada@x.example" },
      },
      { sha: "b2", authoredAt: at("2024-04-30T11:00:00Z"), author: { login: "Bo", email: null } },
      { sha: "c3", authoredAt: at("2024-04-30T12:00:00Z"), author: null },
    ]);
  });

  it("lists conversation comments, then review comments with prefixed ids", () => {
    const row = toPullRequestRow(
      pull(),
      {
        ...none,
        comments: [{ id: 9, user: { login: "bo" }, created_at: "2024-05-01T12:00:00Z" }],
        reviewComments: [{ id: 9, user: { login: "cy" }, created_at: "2024-05-01T11:00:00Z" }],
      },
      "a/b",
    );
    expect(row.comments.map((c) => c.id)).toEqual(["9", "review-comment:9"]);
  });

  it("names the field that is not a time", () => {
    expect(() => toPullRequestRow(pull({ created_at: "yesterday" }), none, "a/b")).toThrow(
      new GitHubRowError("created_at", 'not an ISO 8601 time: "yesterday"'),
    );
    expect(() =>
      toPullRequestRow(
        pull(),
        { ...none, commits: [{ sha: "a", commit: { author: { name: "x" } }, author: null }] },
        "a/b",
      ),
    ).toThrow("commits[0].commit.author.date: missing");
  });

  it("refuses a commit without an id and a title that is not text", () => {
    const commit = {
      commit: { author: { name: "x", date: "2024-05-01T08:00:00Z" } },
      author: null,
    };
    expect(() => toPullRequestRow(pull(), { ...none, commits: [commit as never] }, "a/b")).toThrow(
      new GitHubRowError("commits[0].sha", "expected a commit id, got undefined"),
    );
    expect(() => toPullRequestRow(pull({ title: 42 as never }), none, "a/b")).toThrow(
      new GitHubRowError("title", "expected text, got number"),
    );
  });
});

describe("resume cursor", () => {
  it("round-trips, and reads anything else as no cursor", () => {
    const cursor = {
      page: 3,
      perPage: 100,
      newest: "2024-05-10T09:00:00Z",
      after: "2024-04-01T00:00:00Z",
    };
    expect(parseCursor(encodeCursor(cursor))).toEqual({ v: 1, ...cursor });
    for (const bad of [
      null,
      "",
      "page=3",
      "[]",
      '{"v":2,"page":3}',
      encodeCursor({ ...cursor, page: 0 }),
      encodeCursor({ ...cursor, after: "soon" }),
    ]) {
      expect(parseCursor(bad)).toBeNull();
    }
  });
});
