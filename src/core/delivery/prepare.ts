/**
 * From delivery rows to the joined data every DORA figure is computed from: deployments with their
 * previous deployment and commit range, pull requests with their stages and shipping deployment,
 * incidents with the deployment they are blamed on.
 */
import { type DeploymentExclusion, normaliseDeployments } from "./deployments.js";
import { DEFAULT_INCIDENT_WINDOW, type IncidentLink, linkIncidents } from "./incidents.js";
import type { DeploymentRow, IncidentRow, PullRequestRow } from "./model.js";
import { type PrStageOptions, type PrStages, prStages, shippingDeployments } from "./pr-stages.js";
import { commitRanges, type RangedDeployment } from "./ranges.js";
import type { Ancestry, DeliveryMode, DeliveryUniverse } from "./types.js";

/** The records the delivery metrics read. */
export interface DeliveryInput {
  deployments: readonly DeploymentRow[];
  pullRequests: readonly PullRequestRow[];
  incidents: readonly IncidentRow[];
  /** Parent map of the stored git history (the caller builds it). */
  ancestry: Ancestry;
  /**
   * Whether an incident source was imported at all (default: whether `incidents` holds a row).
   * Without one, the figures built on incidents are unknown, not 0; with one, no incident in the
   * period is a real 0.
   */
  incidentSource?: boolean;
}

/** Settings shared by {@link prepareDelivery} and the figures. */
export interface DeliverySettings extends PrStageOptions {
  /** Default "default". */
  mode?: DeliveryMode;
  /** The production environment's name (default "production"). */
  environment?: string;
  /** `default` mode's incident → deployment window, seconds (default 7 days). */
  incidentWindowSeconds?: number;
  /** `default` mode: blame an incident naming a repository only on its deployments (default true). */
  matchRepository?: boolean;
}

/** The joined records. */
export interface DeliveryData {
  mode: DeliveryMode;
  /** The production environment's name. */
  environment: string;
  /** Whether an incident source was imported (see {@link DeliveryInput.incidentSource}). */
  incidentSource: boolean;
  /** Successful production deployments (each key once), by finish time, with their ranges. */
  deployments: RangedDeployment[];
  /** The deployment rows: kept ones counted, the others excluded with their reason. */
  deploymentRows: DeliveryUniverse;
  deploymentExclusions: { key: string; reason: DeploymentExclusion }[];
  /** Stages of every merged pull request, in input order. */
  pullRequests: PrStages[];
  /** Pull requests with no stages (not merged). */
  pullRequestExclusions: { key: string; reason: string }[];
  /** Merge commit → first deployment of a series whose history holds it (modes with no first range). */
  shippedByFirst: ReadonlyMap<string, string>;
  /** Merge commit of each merged pull request, by PR key (null when the source gave none). */
  mergeCommits: ReadonlyMap<string, string | null>;
  /** Every incident with the deployment it is blamed on. */
  incidents: IncidentLink[];
  /** The incident rows (rework needs their repositories). */
  incidentRows: readonly IncidentRow[];
  /** The pull-request rows (rework needs their labels). */
  pullRequestRows: readonly PullRequestRow[];
  /** Commit time of a commit (Four Keys lead time), from the ancestry. */
  commitTime: (sha: string) => number | undefined;
}

/** Joins the records under `settings` (see {@link DeliverySettings}). */
export function prepareDelivery(
  input: DeliveryInput,
  settings: DeliverySettings = {},
): DeliveryData {
  const mode = settings.mode ?? "default";
  const normalised = normaliseDeployments(input.deployments, {
    environment: settings.environment ?? "production",
  });
  const mergeCommits = new Map<string, string | null>();
  for (const pr of input.pullRequests) {
    if (pr.mergedAt !== null) mergeCommits.set(pr.key, pr.mergeCommitSha);
  }
  const watch = new Set<string>();
  for (const sha of mergeCommits.values()) if (sha !== null) watch.add(sha);
  const ranges = commitRanges(normalised.deployments, input.ancestry, { mode, watch });
  const shipped = shippingDeployments(ranges.deployments, mode);
  const stages = prStages(input.pullRequests, shipped, settings);
  const incidents = linkIncidents(input.incidents, normalised.deployments, {
    mode,
    windowSeconds: settings.incidentWindowSeconds ?? DEFAULT_INCIDENT_WINDOW,
    matchRepository: settings.matchRepository ?? true,
  });
  return {
    mode,
    environment: settings.environment ?? "production",
    incidentSource: input.incidentSource ?? input.incidents.length > 0,
    deployments: ranges.deployments,
    deploymentRows: normalised.universe,
    deploymentExclusions: normalised.excluded,
    pullRequests: stages.rows,
    pullRequestExclusions: stages.excluded,
    shippedByFirst: ranges.shippedByFirst,
    mergeCommits,
    incidents,
    incidentRows: input.incidents,
    pullRequestRows: input.pullRequests,
    commitTime: (sha) => input.ancestry.committedAt?.(sha),
  };
}
