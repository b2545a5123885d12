/**
 * Deployments as the DORA metrics count them: successful deployments to one environment, each key
 * once, ordered per series (repository + environment), each linked to the previous successful
 * deployment of its series (DevLake's `prev_success_deployment_commit_id`).
 */
import type { DeliverySource, DeploymentRow } from "./model.js";
import type { DeliveryUniverse } from "./types.js";
import { Tally } from "./universe.js";

/** A successful deployment kept for the metrics. */
export interface Deployment {
  key: string;
  source: DeliverySource;
  repository: string;
  environment: string;
  commitSha: string;
  startedAt: number | null;
  finishedAt: number;
  name: string | null;
  /** `repository` and `environment`: deployments of one series follow each other. */
  series: string;
  /** The previous successful deployment of the series (by finish time); null for its first. */
  previous: { key: string; commitSha: string; finishedAt: number } | null;
}

/** Why a deployment row is not counted. */
export const DEPLOYMENT_EXCLUSIONS = [
  "no repository",
  "no environment",
  "not production",
  "failed",
  "cancelled",
  "in progress",
  "result unknown",
  "duplicate key",
] as const;

/** One of {@link DEPLOYMENT_EXCLUSIONS}. */
export type DeploymentExclusion = (typeof DEPLOYMENT_EXCLUSIONS)[number];

/** Options of {@link normaliseDeployments}. */
export interface DeploymentOptions {
  /**
   * The environment that counts, compared case-insensitively (default "production"). `null` keeps
   * every environment, each its own series (DevLake's previous-deployment enricher does this).
   */
  environment?: string | null;
}

/** The result of {@link normaliseDeployments}. */
export interface NormalisedDeployments {
  /** Kept deployments, by finish time then key. */
  deployments: Deployment[];
  /** Every row left out, with its reason, in input order. */
  excluded: { key: string; reason: DeploymentExclusion }[];
  universe: DeliveryUniverse;
}

const RESULT_EXCLUSION: Record<Exclude<DeploymentRow["result"], "success">, DeploymentExclusion> = {
  failure: "failed",
  error: "failed",
  cancelled: "cancelled",
  in_progress: "in progress",
  unknown: "result unknown",
};

/**
 * Keeps successful deployments to the environment (default "production"); rows sharing a key count
 * once, at their latest finish (a later row wins a tie). Series are `repository` + `environment`,
 * ordered by finish time, then start time, then key; each deployment gets the previous one of its
 * series. As in DevLake, a failed deployment neither counts nor breaks a series.
 */
export function normaliseDeployments(
  rows: readonly DeploymentRow[],
  options: DeploymentOptions = {},
): NormalisedDeployments {
  const environment = options.environment === undefined ? "production" : options.environment;
  const wanted = environment === null ? null : environment.toLowerCase();
  const tally = new Tally(DEPLOYMENT_EXCLUSIONS);
  const excluded: NormalisedDeployments["excluded"] = [];
  const exclude = (key: string, reason: DeploymentExclusion) => {
    tally.add(reason);
    excluded.push({ key, reason });
  };

  const byKey = new Map<string, DeploymentRow>();
  for (const row of rows) {
    const env = row.environment.toLowerCase();
    if (row.repository === "") exclude(row.key, "no repository");
    else if (env === "") exclude(row.key, "no environment");
    else if (wanted !== null && env !== wanted) exclude(row.key, "not production");
    else if (row.result !== "success") exclude(row.key, RESULT_EXCLUSION[row.result]);
    else {
      const kept = byKey.get(row.key);
      if (kept === undefined) byKey.set(row.key, row);
      else if (row.finishedAt >= kept.finishedAt) {
        exclude(kept.key, "duplicate key");
        byKey.set(row.key, row);
      } else exclude(row.key, "duplicate key");
    }
  }

  const deployments = [...byKey.values()]
    .map(
      (row): Deployment => ({
        key: row.key,
        source: row.source,
        repository: row.repository,
        environment: row.environment.toLowerCase(),
        commitSha: row.commitSha,
        startedAt: row.startedAt,
        finishedAt: row.finishedAt,
        name: row.name,
        series: seriesOf(row.repository, row.environment.toLowerCase()),
        previous: null,
      }),
    )
    .sort(byFinish);

  const last = new Map<string, Deployment>();
  for (const deployment of deployments) {
    const previous = last.get(deployment.series);
    if (previous !== undefined) {
      deployment.previous = {
        key: previous.key,
        commitSha: previous.commitSha,
        finishedAt: previous.finishedAt,
      };
    }
    last.set(deployment.series, deployment);
  }
  return { deployments, excluded, universe: tally.universe(deployments.length) };
}

/** The series key of a repository and environment. */
export function seriesOf(repository: string, environment: string): string {
  return `${repository}\u0000${environment}`;
}

/** Orders deployments by finish time, then start time (unknown first), then key. */
export function byFinish(a: Deployment, b: Deployment): number {
  return (
    a.finishedAt - b.finishedAt ||
    (a.startedAt ?? Number.NEGATIVE_INFINITY) - (b.startedAt ?? Number.NEGATIVE_INFINITY) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}
