import { describe, expect, it } from "vitest";
import type {
  DeploymentRow,
  IncidentRow,
  PullRequestRow,
} from "../../../src/core/delivery/model.js";
import {
  type AnyImporter,
  findImporter,
  type ImportKind,
} from "../../../src/sources/imports/index.js";
import { readAll } from "./helpers.js";

function importer(kind: ImportKind, format: string): AnyImporter {
  return findImporter(kind, format, "") as AnyImporter;
}

const read = <Row>(kind: ImportKind, format: string, text: string) =>
  readAll<Row>(importer(kind, format), text, { file: "in.json", repository: "acme/shop" });

/** One GitHub REST pull, merged, with the fields given replacing the defaults. */
function githubPull(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    number: 1,
    state: "closed",
    created_at: "2024-05-01T09:00:00Z",
    merged_at: "2024-05-02T09:00:00Z",
    closed_at: "2024-05-02T09:00:00Z",
    merge_commit_sha: "a".repeat(40),
    ...fields,
  };
}

const github = (...pulls: Record<string, unknown>[]) =>
  read<PullRequestRow>("prs", "github", JSON.stringify(pulls, null, 1));

describe("implausible imported values", () => {
  it("rejects a pull request merged days before it was created, naming the line", async () => {
    const { rows, rejected, counts } = await github(
      githubPull({ number: 1 }),
      githubPull({ number: 2, merged_at: "2024-04-28T09:00:00Z", closed_at: null }),
    );
    expect(rows.map((row) => row.number)).toEqual([1]);
    expect(rejected).toEqual([
      {
        file: "in.json",
        line: 10,
        path: "$[1]",
        reason: "mergedAt is before createdAt (by 3 days)",
      },
    ]);
    expect(counts).toEqual({ read: 2, rows: 1, rejected: 1, warned: 0 });
  });

  it("keeps a merge seconds before creation (clock skew) at the creation time, with a warning", async () => {
    const { rows, warnings } = await github(
      githubPull({ merged_at: "2024-05-01T08:59:30Z", closed_at: "2024-05-01T08:59:30Z" }),
    );
    expect(rows[0]?.mergedAt).toBe(rows[0]?.createdAt);
    expect(rows[0]?.closedAt).toBe(rows[0]?.createdAt);
    expect(warnings).toEqual([
      {
        file: "in.json",
        line: 2,
        path: "$[0]",
        reason:
          "mergedAt is 30 s before createdAt (clock skew?): mergedAt read as createdAt; closedAt is 30 s before createdAt (clock skew?): closedAt read as createdAt",
      },
    ]);
  });

  it("rejects years 0000 and 9999 and anything before 1990 or over a day after now", async () => {
    const { rows, rejected } = await github(
      githubPull({ number: 1, created_at: "0000-01-01T00:00:00Z" }),
      githubPull({ number: 2, merged_at: "9999-12-31T23:59:59Z" }),
      githubPull({ number: 3, created_at: "1989-12-31T23:59:59Z" }),
      githubPull({ number: 4, merged_at: "2024-12-03T00:00:00Z" }), // NOW + 2 days
      githubPull({ number: 5, merged_at: "2024-12-01T23:00:00Z" }), // NOW + 23 h: kept
    );
    expect(rows.map((row) => row.number)).toEqual([5]);
    expect(rejected.map((r) => r.reason)).toEqual([
      "createdAt: 0000-01-01T00:00:00Z is before 1990-01-01, not a plausible time",
      "mergedAt: 9999-12-31T23:59:59Z is more than a day after now (2024-12-01T00:00:00Z), not a plausible time",
      "createdAt: 1989-12-31T23:59:59Z is before 1990-01-01, not a plausible time",
      "mergedAt: 2024-12-03T00:00:00Z is more than a day after now (2024-12-01T00:00:00Z), not a plausible time",
    ]);
  });

  it("checks nested times: a review or comment out of range rejects the pull; a commit's author date only drops that commit", async () => {
    const commit = (date: string, sha: string) => ({ sha, commit: { author: { date } } });
    const { rows, rejected, warnings } = await github(
      githubPull({
        number: 1,
        reviews: [{ id: 7, state: "APPROVED", submitted_at: "9999-01-01T00:00:00Z" }],
      }),
      githubPull({ number: 2, comments: [{ id: 8, created_at: "1970-01-01T00:00:00Z" }] }),
      githubPull({
        number: 3,
        commits: [
          commit("1970-01-01T00:00:00Z", "b".repeat(40)),
          commit("2024-04-30T00:00:00Z", "c".repeat(40)),
        ],
      }),
    );
    expect(rejected.map((r) => r.reason)).toEqual([
      "reviews (id 7).submittedAt: 9999-01-01T00:00:00Z is more than a day after now (2024-12-01T00:00:00Z), not a plausible time",
      "comments (id 8).createdAt: 1970-01-01T00:00:00Z is before 1990-01-01, not a plausible time",
    ]);
    expect(rows.map((row) => row.commits.map((c) => c.sha))).toEqual([["c".repeat(40)]]);
    expect(warnings.map((w) => w.reason)).toEqual([
      `commits (${"b".repeat(40)}).authoredAt: 1970-01-01T00:00:00Z is before 1990-01-01, not a plausible time; the commit is left out`,
    ]);
  });

  it("accepts GitHub and GitLab review states in any case and rejects any other word", async () => {
    const review = (state: string) => ({ id: 1, state, submitted_at: "2024-05-01T10:00:00Z" });
    const { rows, rejected } = await github(
      githubPull({ number: 1, reviews: [review("approved"), { ...review("Commented"), id: 2 }] }),
      githubPull({ number: 2, reviews: [review("requested_changes")] }),
      githubPull({ number: 3, reviews: [review("LGTM")] }),
    );
    expect(rows.map((row) => row.reviews.map((r) => r.state))).toEqual([
      ["APPROVED", "COMMENTED"],
      ["REQUESTED_CHANGES"],
    ]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toMatch(
      /^reviews\[0\]\.state: expected a review state \(APPROVED, /,
    );
    expect(rejected[0]?.reason).toMatch(/got "LGTM"$/);
  });

  it('rejects gh output whose "reviews" is not an array instead of reading it as no reviews', async () => {
    const pull = {
      number: 1,
      createdAt: "2024-05-01T09:00:00Z",
      state: "OPEN",
      url: "https://github.com/acme/shop/pull/1",
    };
    const { rows, rejected } = await read<PullRequestRow>(
      "prs",
      "gh-cli",
      `${JSON.stringify({ ...pull, reviews: true })}\n${JSON.stringify({ ...pull, number: 2, reviews: [{ state: "bogus", submittedAt: "2024-05-01T10:00:00Z" }] })}\n${JSON.stringify({ ...pull, number: 3, reviews: [] })}\n`,
    );
    expect(rows.map((row) => row.number)).toEqual([3]);
    expect(rejected.map((r) => [r.line, r.reason.slice(0, 40)])).toEqual([
      [1, "reviews: expected an array, got true"],
      [2, "reviews[0].state: expected a review stat"],
    ]);
  });

  it("rejects a GitHub deployment whose status comes an hour before the deployment was created", async () => {
    const deployment = (id: number, status: string) => ({
      id,
      sha: "a".repeat(40),
      environment: "production",
      created_at: "2024-05-01T10:00:00Z",
      statuses: [{ id: 1, state: "success", created_at: status }],
    });
    const { rows, rejected, warnings } = await read<DeploymentRow>(
      "deployments",
      "github-deployments",
      JSON.stringify([
        deployment(1, "2024-05-01T09:00:00Z"),
        deployment(2, "2024-05-01T09:59:00Z"),
      ]),
    );
    expect(rejected.map((r) => r.reason)).toEqual(["finishedAt is before startedAt (by 1 h)"]);
    expect(rows.map((row) => [row.startedAt, row.finishedAt])).toEqual([[1714557540, 1714557540]]);
    expect(warnings.map((w) => w.reason)).toEqual([
      "finishedAt is 60 s before startedAt (clock skew?): startedAt read as finishedAt",
    ]);
  });

  it("rejects an Opsgenie closeTime of 1e20 ms instead of a 27-trillion-hour recovery", async () => {
    const alert = (tinyId: string, closeTime: number) => ({
      id: `a-${tinyId}`,
      tinyId,
      message: "down",
      status: "closed",
      createdAt: "2024-05-03T10:00:00Z",
      updatedAt: "2024-05-03T11:00:00Z",
      report: { closeTime },
    });
    const { rows, rejected } = await read<IncidentRow>(
      "incidents",
      "opsgenie",
      JSON.stringify({ data: [alert("1", 1e20), alert("2", 3_600_000)] }, null, 1),
    );
    expect(rows.map((row) => row.resolvedAt! - row.createdAt)).toEqual([3600]);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBe(
      "resolvedAt: 100000001714730400 is more than a day after now (2024-12-01T00:00:00Z), not a plausible time",
    );
  });

  it("keeps an incident resolved a minute before its creation at its creation, with a warning", async () => {
    const { rows, rejected, warnings } = await read<IncidentRow>(
      "incidents",
      "csv",
      "id,created_at,resolved_at\nI-1,2024-05-01T10:00:00Z,2024-05-01T09:59:00Z\nI-2,2024-05-01T10:00:00Z,2024-05-01T09:00:00Z\n",
    );
    expect(rows.map((row) => row.resolvedAt === row.createdAt)).toEqual([true]);
    expect(warnings.map((w) => [w.line, w.reason])).toEqual([
      [2, "resolvedAt is 60 s before createdAt (clock skew?): resolvedAt read as createdAt"],
    ]);
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [3, "resolved_at is before created_at"],
    ]);
  });
});

describe("CSV files that used to lose rows silently", () => {
  const csv = [
    "id,commit_sha,finished_at",
    `d-1,${"a".repeat(40)},2024-05-01T10:00:00Z`,
    `d-2,${"b".repeat(40)},2024-05-02T10:00:00Z`,
    `d-3,${"c".repeat(40)},2024-05-03T10:00:00Z`,
  ];

  it("imports a file with CR-only line ends", async () => {
    const { rows, rejected, counts } = await read<DeploymentRow>(
      "deployments",
      "csv",
      `${csv.join("\r")}\r`,
    );
    expect(rows.map((row) => row.key)).toEqual([
      "csv:acme/shop:d-1",
      "csv:acme/shop:d-2",
      "csv:acme/shop:d-3",
    ]);
    expect(rejected).toEqual([]);
    expect(counts.read).toBe(3);
  });

  it("reports every line an unclosed quote swallowed, so read = stored + rejected", async () => {
    const lines = [...csv];
    lines[2] = `d-2,"${"b".repeat(40)},2024-05-02T10:00:00Z`;
    const { rows, rejected, counts } = await read<DeploymentRow>(
      "deployments",
      "csv",
      `${[...lines, `d-4,${"d".repeat(40)},2024-05-04T10:00:00Z`].join("\n")}\n`,
    );
    expect(rows.map((row) => row.key)).toEqual(["csv:acme/shop:d-1"]);
    expect(rejected.map((r) => r.line)).toEqual([3, 4, 5]);
    expect(counts).toEqual({ read: 4, rows: 1, rejected: 3, warned: 0 });
  });
});
