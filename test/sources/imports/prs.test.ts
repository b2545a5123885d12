import { describe, expect, it } from "vitest";
import type { PullRequestRow } from "../../../src/core/delivery/model.js";
import { findImporter } from "../../../src/sources/imports/index.js";
import { readAll, sample } from "./helpers.js";

const github = findImporter("prs", "github", "")!;
const gh = findImporter("prs", "gh-cli", "")!;
const gitlab = findImporter("prs", "gitlab", "")!;
const t = (iso: string) => Date.parse(iso) / 1000;

describe("GitHub REST pull requests", () => {
  it("reads a pull with its reviews, commits, comments and review comments", async () => {
    const { rows } = await readAll<PullRequestRow>(github, sample("github-pulls.json"), {
      file: "f",
    });
    expect(rows[0]).toEqual({
      key: "github:acme/shop#101",
      source: "github",
      repository: "acme/shop",
      number: 101,
      title: "Checkout: retry card payments",
      author: { login: "ada", email: null },
      state: "merged",
      createdAt: t("2024-05-01T09:00:00Z"),
      mergedAt: t("2024-05-03T09:30:00Z"),
      closedAt: t("2024-05-03T09:30:00Z"),
      mergeCommitSha: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",
      baseRef: "main",
      headRef: "retry",
      labels: ["payments", "bug"],
      commits: [
        {
          sha: "a".repeat(40),
          authoredAt: t("2024-04-30T17:00:00Z"),
          author: { login: "ada", email: "ada@example.com" },
        },
        // no GitHub account matched: the git author name, with the git email
        {
          sha: "b".repeat(40),
          authoredAt: t("2024-05-01T08:00:00Z"),
          author: { login: "Ada L.", email: "ada@laptop.local" },
        },
      ],
      reviews: [
        {
          id: "80",
          author: { login: "bo", email: null },
          state: "COMMENTED",
          submittedAt: t("2024-05-02T08:00:00Z"),
        },
        {
          id: "81",
          author: { login: "bo", email: null },
          state: "APPROVED",
          submittedAt: t("2024-05-02T13:00:00Z"),
        },
      ],
      comments: [
        { id: "501", author: { login: "bo", email: null }, createdAt: t("2024-05-01T11:00:00Z") },
        {
          id: "review-comment:601",
          author: { login: "bo", email: null },
          createdAt: t("2024-05-02T08:00:00Z"),
        },
      ],
    });
  });

  it("ignores an open pull's test-merge SHA, reads a null user as no author and plain UTC times", async () => {
    const { rows } = await readAll<PullRequestRow>(github, sample("github-pulls.json"), {
      file: "f",
    });
    expect(rows[1]).toMatchObject({
      number: 102,
      state: "open",
      author: null,
      mergeCommitSha: null,
      createdAt: t("2024-05-04T12:00:00Z"),
    });
    expect(rows[2]).toMatchObject({
      number: 105,
      state: "closed",
      repository: "acme/shop",
      closedAt: t("2024-05-07T14:00:00Z"),
    });
  });

  it("takes the repository from the record first, the default only when the record has none", async () => {
    const withDefault = await readAll<PullRequestRow>(github, sample("github-pulls.json"), {
      file: "f",
      repository: "other/repo",
    });
    expect(withDefault.rows.map((row) => row.repository)).toEqual([
      "acme/shop",
      "acme/shop",
      "acme/shop",
    ]);
    const bare = JSON.stringify([{ number: 7, created_at: "2024-01-01T00:00:00Z" }]);
    expect(
      (await readAll<PullRequestRow>(github, bare, { file: "f", repository: "o/r" })).rows[0]?.key,
    ).toBe("github:o/r#7");
    const none = await readAll(github, bare, { file: "bare.json" });
    expect(none.rejected).toEqual([
      {
        file: "bare.json",
        line: 1,
        path: "$[0]",
        reason:
          "repository: the record does not name one (base.repo.full_name or url) and no default repository was given",
      },
    ]);
  });

  it("rejects a pull whose nested items are malformed, naming the item's field", async () => {
    const pull = { created_at: "2024-01-01T00:00:00Z", base: { repo: { full_name: "o/r" } } };
    const date = { author: { name: "a", date: "2024-01-01T00:00:00Z" } };
    const text = JSON.stringify([
      { ...pull, number: 1, reviews: [{ id: 1, state: "APPROVED", submitted_at: "later" }] },
      {
        ...pull,
        number: 2,
        commits: [
          { sha: "abcdef1", commit: date },
          { sha: "x", commit: date },
        ],
      },
      { ...pull, number: 3, commits: [{ sha: "abcdef1", commit: { author: { name: "a" } } }] },
      { ...pull, number: 4, labels: [{ color: "red" }] },
    ]);
    const { rejected } = await readAll(github, text, { file: "f" });
    expect(rejected.map((r) => r.reason)).toEqual([
      'reviews[0].submitted_at: expected an ISO 8601 date-time (e.g. 2024-05-01T12:00:00Z) or YYYY-MM-DD HH:MM:SS (UTC), got "later"',
      'commits[1].sha: expected a commit SHA (hex digits), got "x"',
      "commits[0].commit.author.date: expected an ISO 8601 date-time (e.g. 2024-05-01T12:00:00Z) or YYYY-MM-DD HH:MM:SS (UTC), but it is missing",
      "labels[0].name: expected a non-empty string, but it is missing",
    ]);
  });

  it("reads gh api --paginate output: pages of arrays back to back", async () => {
    const page = (from: number) =>
      JSON.stringify(
        [from, from + 1].map((n) => ({
          number: n,
          created_at: "2024-01-01T00:00:00Z",
          url: `https://api.github.com/repos/o/r/pulls/${n}`,
        })),
      );
    const { rows, rejected } = await readAll<PullRequestRow>(
      github,
      `${page(1)}${page(3)}\n${page(5)}`,
      { file: "f" },
    );
    expect(rejected).toEqual([]);
    expect(rows.map((row) => row.number)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("gh pr list --json", () => {
  it("reads gh's fields, the repository from url, and co-authored commits by their first author", async () => {
    const { rows } = await readAll<PullRequestRow>(gh, sample("gh-pr-list.json"), { file: "f" });
    expect(rows[0]).toEqual({
      key: "gh-cli:acme/shop#101",
      source: "gh-cli",
      repository: "acme/shop",
      number: 101,
      title: "Checkout: retry card payments",
      author: { login: "ada", email: null },
      state: "merged",
      createdAt: t("2024-05-01T09:00:00Z"),
      mergedAt: t("2024-05-03T09:30:00Z"),
      closedAt: t("2024-05-03T09:30:00Z"),
      mergeCommitSha: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",
      baseRef: "main",
      headRef: "retry",
      labels: ["payments"],
      commits: [
        {
          sha: "a".repeat(40),
          authoredAt: t("2024-04-30T17:00:00Z"),
          author: { login: "ada", email: "ada@example.com" },
        },
        {
          sha: "b".repeat(40),
          authoredAt: t("2024-05-01T08:00:00Z"),
          author: { login: "Ada L.", email: "ada@laptop.local" },
        },
      ],
      reviews: [
        {
          id: "PRR_kwDOA1",
          author: { login: "bo", email: null },
          state: "APPROVED",
          submittedAt: t("2024-05-02T13:00:00Z"),
        },
      ],
      comments: [
        {
          id: "IC_kwDOA1",
          author: { login: "bo", email: null },
          createdAt: t("2024-05-01T11:00:00Z"),
        },
      ],
    });
  });

  it("reads gh's app/<name> bot author as the REST login <name>[bot], and falls back to latestReviews", async () => {
    const { rows } = await readAll<PullRequestRow>(gh, sample("gh-pr-list.json"), { file: "f" });
    expect(rows[1]?.author).toEqual({ login: "dependabot[bot]", email: null });
    expect(rows[2]?.reviews).toEqual([
      // latestReviews carry no id: a stable one from author and time
      {
        id: "ada@1715011200",
        author: { login: "ada", email: null },
        state: "CHANGES_REQUESTED",
        submittedAt: t("2024-05-06T16:00:00Z"),
      },
    ]);
    const deleted = JSON.stringify([
      {
        author: { is_bot: true, login: "app/" },
        number: 9,
        createdAt: "2024-01-01T00:00:00Z",
        url: "https://github.com/o/r/pull/9",
      },
    ]);
    expect((await readAll<PullRequestRow>(gh, deleted, { file: "f" })).rows[0]?.author).toBeNull();
  });

  it("reads `gh pr list --json … --jq '.[]'` (one pull per line), with the default repository", async () => {
    const lines = (JSON.parse(sample("gh-pr-list.json")) as Record<string, unknown>[])
      .map(({ url: _url, ...pull }) => JSON.stringify(pull))
      .join("\n");
    const { rows, rejected } = await readAll<PullRequestRow>(gh, lines, {
      file: "f",
      repository: "acme/fork",
    });
    expect(rows.map((row) => row.key)).toEqual([
      "gh-cli:acme/fork#101",
      "gh-cli:acme/fork#102",
      "gh-cli:acme/fork#105",
    ]);
    expect(rejected.map((r) => r.line)).toEqual([3, 5]);
  });

  it("reads Go's zero time as no time", async () => {
    const text = JSON.stringify([
      {
        number: 3,
        createdAt: "2024-01-01T00:00:00Z",
        closedAt: "0001-01-01T00:00:00Z",
        state: "OPEN",
        url: "https://github.com/o/r/pull/3",
      },
    ]);
    expect((await readAll<PullRequestRow>(gh, text, { file: "f" })).rows[0]).toMatchObject({
      closedAt: null,
      state: "open",
    });
  });
});

describe("GitLab merge requests", () => {
  it("reads notes as comments and approval system notes as approvals, once each", async () => {
    const { rows } = await readAll<PullRequestRow>(gitlab, sample("gitlab-mrs.json"), {
      file: "f",
    });
    expect(rows[0]).toEqual({
      key: "gitlab:acme/platform/search#12",
      source: "gitlab",
      repository: "acme/platform/search",
      number: 12,
      title: "Speed up search",
      author: { login: "ada", email: null },
      state: "merged",
      createdAt: t("2024-05-01T09:00:00Z"),
      mergedAt: t("2024-05-03T09:30:00Z"),
      closedAt: null,
      // squashed with no merge commit: the squash commit landed on the target branch
      mergeCommitSha: "e".repeat(40),
      baseRef: "main",
      headRef: "fast-search",
      labels: ["search", "perf"],
      commits: [
        {
          sha: "f".repeat(40),
          authoredAt: t("2024-04-30T14:00:00Z"),
          author: { login: "Ada Lovelace", email: "ada@example.com" },
        },
      ],
      reviews: [
        {
          id: "303",
          author: { login: "bo", email: null },
          state: "APPROVED",
          submittedAt: t("2024-05-02T10:00:00Z"),
        },
      ],
      comments: [
        { id: "301", author: { login: "bo", email: null }, createdAt: t("2024-05-01T12:00:00Z") },
        { id: "304", author: { login: "cy", email: null }, createdAt: t("2024-05-02T09:00:00Z") },
      ],
    });
    expect(rows[1]).toMatchObject({
      number: 14,
      state: "open",
      mergeCommitSha: null,
      repository: "acme/platform/search",
    });
    expect(rows[2]).toMatchObject({
      number: 16,
      mergeCommitSha: "1234567890abcdef1234567890abcdef12345678",
      labels: ["docs"],
    });
  });

  it("takes a fast-forward merge's head SHA as the landed commit", async () => {
    const text = JSON.stringify([
      {
        iid: 5,
        state: "merged",
        created_at: "2024-01-01T00:00:00Z",
        merged_at: "2024-01-02T00:00:00Z",
        sha: "ABCDEF1234567",
        merge_commit_sha: null,
        squash_commit_sha: null,
        references: { full: "g/p!5" },
      },
    ]);
    expect((await readAll<PullRequestRow>(gitlab, text, { file: "f" })).rows[0]).toMatchObject({
      repository: "g/p",
      mergeCommitSha: "abcdef1234567",
    });
  });
});
