/**
 * Test-only adapter from Apache DevLake's e2e CSV fixtures (../shared/fixtures/devlake-dora, see its
 * SOURCE.md) to legible's delivery rows. What DevLake's data says beyond its documented definitions:
 *
 * - Times come in two spellings, "2023-04-10T06:51:47.000+00:00" and "2022-1-11 4:51:47" (no zero
 *   padding, no zone); the expected outputs print the second as the same UTC instant, so a time
 *   without a zone is UTC.
 * - `result` is upper case (SUCCESS, FAILURE) and `environment` too (PRODUCTION, STAGING, or empty);
 *   legible's rows carry them in lower case.
 * - A series of deployments is (CI scope, repository URL, environment): the same repository
 *   deployed from two CI scopes makes two series. The adapter names the repository
 *   `<scope>|<repo_url>` to keep that.
 * - Ties (two comments at the same second) go to the smaller id.
 * - A deployment fixture without `finished_date` (refdiff) is ordered by `started_date`.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import type {
  DeploymentResult,
  DeploymentRow,
  IncidentRow,
  PullRequestRow,
} from "../../../src/core/delivery/model.js";

/** The fixture folder, beside the project: `../shared/fixtures/devlake-dora`. */
export const FIXTURES = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../../../../shared/fixtures/devlake-dora",
);

/** Whether the fixture folder is there. */
export const fixturesPresent = existsSync(FIXTURES);

/** One CSV row, by column name. */
export type CsvRow = Record<string, string>;

/** Reads a fixture CSV (path relative to the fixture folder). */
export function readCsv(path: string): CsvRow[] {
  return parse(readFileSync(join(FIXTURES, path), "utf8"), {
    columns: true,
    skip_empty_lines: true,
  }) as CsvRow[];
}

/** A DevLake time as Unix seconds; "" → null. Times without a zone are UTC. */
export function devlakeTime(text: string | undefined): number | null {
  if (text === undefined || text.trim() === "") return null;
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{1,2}):(\d{1,2})(\.\d+)?(.*)$/.exec(
    text.trim(),
  );
  if (match === null) throw new Error(`unreadable DevLake time: ${text}`);
  const [, y, mo, d, h, mi, s, , zone] = match;
  const utc = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!) / 1000;
  if (zone === undefined || zone === "" || zone === "Z") return utc;
  const offset = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (offset === null) throw new Error(`unreadable zone in DevLake time: ${text}`);
  const sign = offset[1] === "-" ? -1 : 1;
  return utc - sign * (+offset[2]! * 3600 + +offset[3]! * 60);
}

/** A Unix time printed as DevLake's expected outputs print it. */
export function devlakeIso(time: number | null): string {
  if (time === null) return "";
  return new Date(time * 1000).toISOString().replace("Z", "+00:00");
}

/** The row ids mapped to a project in one table of project_mapping.csv. */
export function projectRows(mapping: CsvRow[], project: string, table: string): Set<string> {
  return new Set(
    mapping.filter((m) => m.project_name === project && m.table === table).map((m) => m.row_id!),
  );
}

const RESULTS: Record<string, DeploymentResult> = { SUCCESS: "success", FAILURE: "failure" };

/** A `cicd_deployment_commits` row as a deployment row keyed by its `id` (or another column). */
export function deploymentRow(row: CsvRow, keyColumn = "id"): DeploymentRow {
  const startedAt = devlakeTime(row.started_date);
  const finishedAt = devlakeTime(row.finished_date) ?? startedAt;
  if (finishedAt === null) throw new Error(`deployment ${row.id} has no time`);
  return {
    key: row[keyColumn]!,
    source: "csv",
    repository: row.repo_url === "" ? "" : `${row.cicd_scope_id}|${row.repo_url}`,
    environment: (row.environment ?? "").toLowerCase(),
    result: RESULTS[row.result ?? ""] ?? "unknown",
    commitSha: row.commit_sha!,
    startedAt,
    finishedAt,
    name: null,
  };
}

/** Pull requests with their commits and comments (`pull_requests.csv` and its two companions). */
export function pullRequestRows(
  pullRequests: CsvRow[],
  commits: CsvRow[],
  comments: CsvRow[],
): PullRequestRow[] {
  return pullRequests.map((pr, index) => {
    const mergedAt = devlakeTime(pr.merged_date);
    return {
      key: pr.id!,
      source: "csv",
      repository: pr.base_repo_id!,
      number: index + 1,
      title: pr.id!,
      author: pr.author_id ? { login: pr.author_id, email: null } : null,
      state: mergedAt === null ? "open" : "merged",
      createdAt: devlakeTime(pr.created_date)!,
      mergedAt,
      closedAt: mergedAt,
      mergeCommitSha: pr.merge_commit_sha || null,
      baseRef: null,
      headRef: null,
      labels: [],
      commits: commits
        .filter((c) => c.pull_request_id === pr.id)
        .map((c) => ({
          sha: c.commit_sha!,
          authoredAt: devlakeTime(c.commit_authored_date)!,
          author: null,
        })),
      reviews: [],
      comments: comments
        .filter((c) => c.pull_request_id === pr.id)
        .map((c) => ({
          id: c.id!,
          author: c.account_id ? { login: c.account_id, email: null } : null,
          createdAt: devlakeTime(c.created_date)!,
        })),
    };
  });
}

/** An `incidents.csv` row; DevLake links incidents within a project, so no repository. */
export function incidentRow(row: CsvRow): IncidentRow {
  return {
    key: row.id!,
    source: "csv",
    title: row.id!,
    createdAt: devlakeTime(row.created_date)!,
    resolvedAt: devlakeTime(row.resolution_date),
    service: null,
    severity: null,
    responders: [],
    repository: null,
  };
}
