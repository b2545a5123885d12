/**
 * The deployments export (CSV): for the pull-request era, each repository is deployed to staging
 * and then production most days, shipping main's tip at the time; now and then a production
 * deployment fails and is retried.
 */
import { stringify } from "csv-stringify/sync";
import { fullName, type RepoName } from "./cast.js";
import { iso, secondsAgo } from "./clock.js";
import { PULL_REQUEST_DAYS } from "./plan.js";
import type { Random } from "./random.js";

/** A main-branch commit: its id and when it landed. */
export interface MainCommit {
  sha: string;
  time: number;
}

/** One row of the CSV. */
export interface DeploymentRecord {
  id: string;
  repository: string;
  environment: "production" | "staging";
  result: "success" | "failure";
  commit_sha: string;
  started_at: string;
  finished_at: string;
  name: string;
}

export const DEPLOYMENT_COLUMNS = [
  "id",
  "repository",
  "environment",
  "result",
  "commit_sha",
  "started_at",
  "finished_at",
  "name",
] as const;

const MINUTE = 60;

/** Deployments of one repository, oldest first; `main` is its main branch, oldest first. */
export function deployments(
  repo: RepoName,
  main: MainCommit[],
  now: Date,
  random: Random,
): DeploymentRecord[] {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const records: DeploymentRecord[] = [];
  const count = { production: 0, staging: 0 };
  const record = (
    environment: DeploymentRecord["environment"],
    sha: string,
    start: number,
    minutes: number,
    result: DeploymentRecord["result"],
  ) => {
    count[environment]++;
    records.push({
      id: `${repo}-${environment}-${String(count[environment]).padStart(4, "0")}`,
      repository: fullName(repo),
      environment,
      result,
      commit_sha: sha,
      started_at: iso(start),
      finished_at: iso(start + minutes * MINUTE),
      name: `deploy ${repo}@${sha.slice(0, 7)} to ${environment}`,
    });
  };
  let deployed: string | null = null;
  let last = Number.NEGATIVE_INFINITY;
  for (let day = PULL_REQUEST_DAYS; day >= 0; day--) {
    const start = secondsAgo(now, day + random.between(0.04, 0.3));
    if (start >= nowSeconds - 30 * MINUTE) continue;
    const tip = [...main].reverse().find((c) => c.time <= start - 60 * MINUTE);
    if (!tip || tip.sha === deployed) continue;
    if (!random.chance(0.7) && start - last < 3 * 86_400) continue;
    record("staging", tip.sha, start - 50 * MINUTE, random.int(6, 11), "success");
    const failed = random.chance(0.08);
    record("production", tip.sha, start, random.int(7, 14), failed ? "failure" : "success");
    const retry = start + 90 * MINUTE;
    if (failed && retry < nowSeconds - 20 * MINUTE)
      record("production", tip.sha, retry, random.int(7, 14), "success");
    deployed = tip.sha;
    last = start;
  }
  return records;
}

/** The CSV text of `records`, with a header row. */
export function deploymentsCsv(records: DeploymentRecord[]): string {
  return stringify(records, { header: true, columns: [...DEPLOYMENT_COLUMNS] });
}
