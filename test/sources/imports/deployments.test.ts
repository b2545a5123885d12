import { describe, expect, it } from "vitest";
import type { DeploymentRow } from "../../../src/core/delivery/model.js";
import { findImporter } from "../../../src/sources/imports/index.js";
import { readAll, sample } from "./helpers.js";

const csv = findImporter("deployments", "csv", "")!;
const deployments = findImporter("deployments", "github-deployments", "")!;
const releases = findImporter("deployments", "github-releases", "")!;
const t = (iso: string) => Date.parse(iso) / 1000;

describe("deployments CSV", () => {
  it("reads records with quoted multi-line fields, UTC and offset times, defaults and synonyms", async () => {
    const { rows } = await readAll<DeploymentRow>(csv, sample("deployments.csv"), {
      file: "f",
      repository: "acme/legacy",
    });
    expect(rows).toEqual([
      {
        key: "csv:acme/shop:d-1",
        source: "csv",
        repository: "acme/shop",
        environment: "production",
        result: "success",
        commitSha: "a".repeat(40),
        startedAt: t("2024-05-03T09:40:00Z"),
        finishedAt: t("2024-05-03T09:52:00Z"),
        name: "v1.4.0",
      },
      {
        key: "csv:acme/shop:d-2",
        source: "csv",
        repository: "acme/shop",
        environment: "production",
        result: "failure",
        commitSha: "b".repeat(40),
        startedAt: t("2024-05-04T10:00:00Z"),
        finishedAt: t("2024-05-04T10:05:00Z"),
        name: "release \nwith a newline",
      },
      {
        // no id: keyed by environment, commit and finish; no result column value: success
        key: `csv:acme/shop:production:${"d".repeat(40)}:${t("2024-05-06T08:00:00Z")}`,
        source: "csv",
        repository: "acme/shop",
        environment: "production",
        result: "success",
        commitSha: "d".repeat(40),
        startedAt: null,
        finishedAt: t("2024-05-06T08:00:00Z"),
        name: null,
      },
      {
        key: "csv:acme/legacy:d-9",
        source: "csv",
        repository: "acme/legacy",
        environment: "production",
        result: "cancelled",
        commitSha: "1234567",
        startedAt: t("2024-05-08T10:00:00Z"),
        finishedAt: t("2024-05-08T10:30:00Z"),
        name: null,
      },
    ]);
  });

  it("maps columns, uses the context's environment, and detects a semicolon delimiter", async () => {
    const text = "Deploy;Sha;Done;Outcome\nx1;abcdef1;2024-05-01 10:00:00;FAILED\n";
    const { rows } = await readAll<DeploymentRow>(csv, text, {
      file: "f",
      repository: "o/r",
      environment: "Staging",
      columns: { id: "deploy", commit_sha: "SHA", finished_at: "done", result: "Outcome" },
    });
    expect(rows).toEqual([
      {
        key: "csv:o/r:x1",
        source: "csv",
        repository: "o/r",
        environment: "staging",
        result: "failure",
        commitSha: "abcdef1",
        startedAt: null,
        finishedAt: t("2024-05-01T10:00:00Z"),
        name: null,
      },
    ]);
  });

  it("stops with the file and line when a required column is missing, or a mapping names no field", async () => {
    await expect(
      readAll(csv, "id,sha,finished_at\n1,abcdef1,2024-01-01\n", {
        file: "d.csv",
        repository: "o/r",
      }),
    ).rejects.toThrow(
      'd.csv, line 1: no "commit_sha" column (for commit_sha); the header has: id, sha, finished_at',
    );
    await expect(readAll(csv, "commit_sha,finished_at\n", { file: "d.csv" })).rejects.toThrow(
      'no "repository" column',
    );
    await expect(
      readAll(csv, "commit_sha,finished_at\n", {
        file: "d.csv",
        repository: "o/r",
        columns: { sha: "commit" },
      }),
    ).rejects.toThrow('column mapping "sha" is not a field of deployments CSV files');
    await expect(
      readAll(csv, "commit_sha,finished_at\n", {
        file: "d.csv",
        repository: "o/r",
        columns: { name: "Release" },
      }),
    ).rejects.toThrow('no "Release" column (for name)');
  });

  it("names a mapped column in its rejections", async () => {
    const text = "Commit,When\nabcdef1,tomorrow\n";
    const { rejected } = await readAll(csv, text, {
      file: "f",
      repository: "o/r",
      columns: { commit_sha: "Commit", finished_at: "When" },
    });
    expect(rejected[0]?.reason).toMatch(
      /^finished_at \(column "When"\): expected an ISO 8601 date-time/,
    );
  });
});

describe("GitHub deployments", () => {
  it("takes result and finish time from the latest status, skipping inactive", async () => {
    const { rows } = await readAll<DeploymentRow>(deployments, sample("github-deployments.json"), {
      file: "f",
    });
    expect(rows).toEqual([
      {
        key: "github-deployments:acme/shop:501",
        source: "github-deployments",
        repository: "acme/shop",
        environment: "production",
        result: "success",
        commitSha: "a".repeat(40),
        startedAt: t("2024-05-03T09:40:00Z"),
        finishedAt: t("2024-05-03T09:52:00Z"),
        name: "v1.4.0",
      },
      {
        key: "github-deployments:acme/shop:502",
        source: "github-deployments",
        repository: "acme/shop",
        environment: "production",
        result: "failure",
        commitSha: "b".repeat(40),
        startedAt: t("2024-05-04T10:00:00Z"),
        finishedAt: t("2024-05-04T10:05:00Z"),
        name: null,
      },
      {
        key: "github-deployments:acme/shop:505",
        source: "github-deployments",
        repository: "acme/shop",
        environment: "production",
        result: "in_progress",
        commitSha: "d".repeat(40),
        startedAt: t("2024-05-07T10:00:00Z"),
        finishedAt: t("2024-05-07T10:00:05Z"),
        name: "main",
      },
    ]);
  });

  it("reads a deployment only ever marked inactive as of unknown result", async () => {
    const text = JSON.stringify([
      {
        id: 1,
        sha: "abcdef1",
        environment: "prod",
        url: "https://api.github.com/repos/o/r/deployments/1",
        statuses: [{ id: 2, state: "inactive", created_at: "2024-01-02T00:00:00Z" }],
      },
    ]);
    expect((await readAll<DeploymentRow>(deployments, text, { file: "f" })).rows[0]).toMatchObject({
      result: "unknown",
      finishedAt: t("2024-01-02T00:00:00Z"),
      environment: "prod",
    });
  });
});

describe("GitHub releases", () => {
  it("reads published releases as successful production deployments, the commit from the tag when known", async () => {
    const context = { file: "f", tagCommits: new Map([["v1.5.0", "1".repeat(40)]]) };
    const { rows } = await readAll<DeploymentRow>(
      releases,
      sample("github-releases.json"),
      context,
    );
    expect(rows).toEqual([
      {
        key: "github-releases:acme/shop:701",
        source: "github-releases",
        repository: "acme/shop",
        environment: "production",
        result: "success",
        commitSha: "a".repeat(40),
        startedAt: null,
        finishedAt: t("2024-05-03T09:52:00Z"),
        name: "v1.4.0",
      },
      {
        key: "github-releases:acme/shop:702",
        source: "github-releases",
        repository: "acme/shop",
        environment: "production",
        result: "success",
        commitSha: "1".repeat(40),
        startedAt: null,
        finishedAt: t("2024-05-10T09:00:00Z"),
        name: "v1.5.0",
      },
      {
        key: "github-releases:acme/shop:704",
        source: "github-releases",
        repository: "acme/shop",
        environment: "production",
        result: "success",
        commitSha: "bbbbbbb",
        startedAt: null,
        finishedAt: t("2024-05-12T08:30:00Z"),
        name: "v1.4.1",
      },
    ]);
  });

  it("rejects a release whose target is a branch when the tag's commit is unknown; honours the environment", async () => {
    const { rows, rejected } = await readAll<DeploymentRow>(
      releases,
      sample("github-releases.json"),
      { file: "r.json", environment: "Live" },
    );
    expect(rows.map((row) => row.environment)).toEqual(["live", "live"]);
    expect(rejected[0]).toEqual({
      file: "r.json",
      line: 17,
      path: "$[1]",
      reason:
        'target_commitish: expected a commit SHA, got "main" (a branch); the release\'s commit is that of tag "v1.5.0", and no scanned repository named acme/shop is known to read it from (list it in legible.yaml repositories, or import from inside its clone)',
    });
  });
});
