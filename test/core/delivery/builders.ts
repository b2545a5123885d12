/** Small builders of delivery rows for the tests. */
import type {
  DeploymentRow,
  IncidentRow,
  PullRequestRow,
} from "../../../src/core/delivery/model.js";

/** Monday 2024-01-01 00:00 UTC. */
export const BASE = Date.UTC(2024, 0, 1) / 1000;
export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86_400;

/** A successful production deployment of `acme/shop` unless overridden. */
export function deployment(
  key: string,
  commitSha: string,
  finishedAt: number,
  over: Partial<DeploymentRow> = {},
): DeploymentRow {
  return {
    key,
    source: "csv",
    repository: "acme/shop",
    environment: "production",
    result: "success",
    commitSha,
    startedAt: null,
    finishedAt,
    name: null,
    ...over,
  };
}

/** A merged pull request of `acme/shop` by "ada" unless overridden. */
export function pullRequest(
  key: string,
  over: Partial<PullRequestRow> & { createdAt: number },
): PullRequestRow {
  return {
    key,
    source: "csv",
    repository: "acme/shop",
    number: Number(key.replace(/\D/g, "")) || 1,
    title: key,
    author: { login: "ada", email: "ada@example.com" },
    state: over.mergedAt === null ? "open" : "merged",
    mergedAt: null,
    closedAt: null,
    mergeCommitSha: null,
    baseRef: "main",
    headRef: key,
    labels: [],
    commits: [],
    reviews: [],
    comments: [],
    ...over,
  };
}

/** An incident not attributed to a repository unless overridden. */
export function incident(
  key: string,
  createdAt: number,
  resolvedAt: number | null,
  over: Partial<IncidentRow> = {},
): IncidentRow {
  return {
    key,
    source: "csv",
    title: key,
    createdAt,
    resolvedAt,
    service: null,
    severity: null,
    responders: [],
    repository: null,
    ...over,
  };
}

/** An ancestry over a parent map, with optional commit times. */
export function ancestryOf(
  parents: Record<string, string[]>,
  times: Record<string, number> = {},
): { parents(sha: string): string[] | undefined; committedAt(sha: string): number | undefined } {
  return {
    parents: (sha) => parents[sha],
    committedAt: (sha) => times[sha],
  };
}

/** A linear history c1 ← c2 ← … ← cN. */
export function linearHistory(n: number, prefix = "c"): Record<string, string[]> {
  const parents: Record<string, string[]> = {};
  for (let i = 1; i <= n; i++) parents[`${prefix}${i}`] = i === 1 ? [] : [`${prefix}${i - 1}`];
  return parents;
}
