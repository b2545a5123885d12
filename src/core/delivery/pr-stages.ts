/**
 * Pull-request stages exactly as DevLake defines them (`calculateChangeLeadTime`): coding, pickup,
 * review, deploy and cycle time, in minutes, each `ceil`ed, negative or missing → null; and the
 * deployment that shipped each pull request, found by its merge commit in the deployments' ranges.
 */
import type { Account, PullRequestRow } from "./model.js";
import type { RangedDeployment } from "./ranges.js";
import { spanMinutesCeil } from "./stats.js";
import type { DeliveryMode } from "./types.js";

/** The deployment that shipped a commit. */
export interface ShippingDeployment {
  key: string;
  finishedAt: number;
}

/**
 * Commit → the deployment that shipped it: among successful deployments that have a previous one
 * and a range holding the commit, the earliest. DevLake orders by start time (unknown first), then
 * key (`ORDER BY dc.started_date, dc.id`); legible's default and `fourkeys` order by finish time,
 * then key: the first deployment that put the commit in production. A first deployment of a series
 * never ships anything here, in any mode (DevLake: `prev_success_deployment_commit_id <> ''`).
 */
export function shippingDeployments(
  deployments: readonly RangedDeployment[],
  mode: DeliveryMode,
): Map<string, RangedDeployment> {
  const order = deployments
    .filter((deployment) => deployment.previous !== null && deployment.commits !== null)
    .sort(mode === "devlake" ? byStart : byFinishThenKey);
  const shipped = new Map<string, RangedDeployment>();
  for (const deployment of order) {
    for (const sha of deployment.commits!) if (!shipped.has(sha)) shipped.set(sha, deployment);
  }
  return shipped;
}

/** The stages of one merged pull request. */
export interface PrStages {
  key: string;
  repository: string;
  number: number;
  createdAt: number;
  mergedAt: number;
  /** The earliest-authored of the PR's own commits (ties: smaller SHA). */
  firstCommit: { sha: string; authoredAt: number } | null;
  /** The first review or comment by someone other than the author (ties: review first, then id). */
  firstReview: { id: string; kind: "review" | "comment"; at: number } | null;
  /** The deployment that shipped the merge commit. */
  deployment: ShippingDeployment | null;
  /** First commit authored → PR created. */
  codingMinutes: number | null;
  /** PR created → first review. */
  pickupMinutes: number | null;
  /** First review → merged. */
  reviewMinutes: number | null;
  /** Merged → deployment finished. */
  deployMinutes: number | null;
  /** PR created → merged (a part of the cycle, not a DevLake column). */
  openMinutes: number | null;
  /** coding + open + deploy, a null counted as 0. */
  cycleMinutes: number;
}

/** Options of {@link prStages}. */
export interface PrStageOptions {
  /**
   * Whether two accounts are the same person (default: same login, case-insensitive, or same
   * email). Pass identity resolution's answer to fold a person's several accounts.
   */
  sameAccount?: (a: Account, b: Account) => boolean;
  /** Accounts whose reviews and comments never end the pickup wait (e.g. bots); none by default. */
  ignoreReviewer?: (account: Account) => boolean;
}

/** Why a pull request has no stages. */
export type PrStageExclusion = "not merged";

/** The result of {@link prStages}. */
export interface PrStageResult {
  /** One row per merged pull request, in input order. */
  rows: PrStages[];
  excluded: { key: string; reason: PrStageExclusion }[];
}

/**
 * Stages of every merged pull request (a merged time is what makes it merged, as in DevLake). A
 * PR is shipped by the deployment `shipped` maps its merge commit to; squash and rebase merges are
 * linked by the merge SHA the source reports, and coding time starts at the PR's own first commit.
 */
export function prStages(
  pullRequests: readonly PullRequestRow[],
  shipped: ReadonlyMap<string, ShippingDeployment>,
  options: PrStageOptions = {},
): PrStageResult {
  const same = options.sameAccount ?? sameAccount;
  const rows: PrStages[] = [];
  const excluded: PrStageResult["excluded"] = [];
  for (const pr of pullRequests) {
    if (pr.mergedAt === null) {
      excluded.push({ key: pr.key, reason: "not merged" });
      continue;
    }
    const firstCommit = earliestCommit(pr);
    const firstReview = earliestReview(pr, same, options.ignoreReviewer);
    const found = pr.mergeCommitSha === null ? undefined : shipped.get(pr.mergeCommitSha);
    const deployment =
      found === undefined ? null : { key: found.key, finishedAt: found.finishedAt };
    const codingMinutes = spanMinutesCeil(firstCommit?.authoredAt ?? null, pr.createdAt);
    const openMinutes = spanMinutesCeil(pr.createdAt, pr.mergedAt);
    const deployMinutes = spanMinutesCeil(pr.mergedAt, deployment?.finishedAt ?? null);
    rows.push({
      key: pr.key,
      repository: pr.repository,
      number: pr.number,
      createdAt: pr.createdAt,
      mergedAt: pr.mergedAt,
      firstCommit,
      firstReview,
      deployment,
      codingMinutes,
      pickupMinutes: spanMinutesCeil(pr.createdAt, firstReview?.at ?? null),
      reviewMinutes: spanMinutesCeil(firstReview?.at ?? null, pr.mergedAt),
      deployMinutes,
      openMinutes,
      cycleMinutes: (codingMinutes ?? 0) + (openMinutes ?? 0) + (deployMinutes ?? 0),
    });
  }
  return { rows, excluded };
}

/** Default account equality: same login (case-insensitive) or same email (case-insensitive). */
export function sameAccount(a: Account, b: Account): boolean {
  if (a.login !== "" && a.login.toLowerCase() === b.login.toLowerCase()) return true;
  return a.email !== null && b.email !== null && a.email.toLowerCase() === b.email.toLowerCase();
}

function earliestCommit(pr: PullRequestRow): PrStages["firstCommit"] {
  let first: PrStages["firstCommit"] = null;
  for (const commit of pr.commits) {
    if (
      first === null ||
      commit.authoredAt < first.authoredAt ||
      (commit.authoredAt === first.authoredAt && commit.sha < first.sha)
    ) {
      first = { sha: commit.sha, authoredAt: commit.authoredAt };
    }
  }
  return first;
}

function earliestReview(
  pr: PullRequestRow,
  same: (a: Account, b: Account) => boolean,
  ignore: ((account: Account) => boolean) | undefined,
): PrStages["firstReview"] {
  // A comment or review with no known author counts: it cannot be the PR author's own.
  const counts = (author: Account | null) =>
    author === null ||
    ((pr.author === null || !same(author, pr.author)) && !(ignore?.(author) ?? false));
  const candidates: NonNullable<PrStages["firstReview"]>[] = [];
  for (const review of pr.reviews) {
    if (counts(review.author)) {
      candidates.push({ id: review.id, kind: "review", at: review.submittedAt });
    }
  }
  for (const comment of pr.comments) {
    if (counts(comment.author)) {
      candidates.push({ id: comment.id, kind: "comment", at: comment.createdAt });
    }
  }
  let first: PrStages["firstReview"] = null;
  for (const candidate of candidates) {
    if (first === null || earlier(candidate, first)) first = candidate;
  }
  return first;
}

function earlier(
  a: NonNullable<PrStages["firstReview"]>,
  b: NonNullable<PrStages["firstReview"]>,
): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.kind !== b.kind) return a.kind === "review";
  return a.id < b.id;
}

function byStart(a: RangedDeployment, b: RangedDeployment): number {
  const sa = a.startedAt ?? Number.NEGATIVE_INFINITY;
  const sb = b.startedAt ?? Number.NEGATIVE_INFINITY;
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

function byFinishThenKey(a: RangedDeployment, b: RangedDeployment): number {
  return a.finishedAt - b.finishedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
