/**
 * What an imported row may hold: the one place the plausibility rules live. Every importer's row
 * passes {@link checkRow} before it is handed on (json-importer.ts, csv-importer.ts), so no stored
 * value falls outside these ranges whatever the format. Pure: the clock comes in as `now`.
 *
 * - Reject the row when it cannot be right: a timestamp the source's server sets (created, merged,
 *   closed, submitted, commented, started, finished, resolved) before 1990-01-01 or more than a day
 *   after now (years 0000 and 9999, an Opsgenie `closeTime` of 1e20 ms); an end before its start by
 *   more than {@link CLOCK_SKEW_SECONDS} (merged or closed before created, finished before started,
 *   resolved before created); a review state outside {@link REVIEW_STATES}.
 * - Keep it with a warning when it is plausible but odd: an end before its start by at most
 *   {@link CLOCK_SKEW_SECONDS} (clocks of different machines) is clamped to the start; a commit whose
 *   author date (set by the author's machine, not the server) is outside the range is dropped from
 *   the pull request, which is kept.
 */
import type {
  DeploymentRow,
  IncidentRow,
  PullRequestCommit,
  PullRequestRow,
} from "../../core/delivery/model.js";
import { FieldError, RecordError } from "./fields.js";
import type { ImportKind, RowsByKind } from "./types.js";

/** 1990-01-01T00:00:00Z: no delivery tool in use today recorded anything earlier. */
export const EARLIEST_PLAUSIBLE = 631_152_000;

/** How far past `now` a timestamp may be (time zones and clocks running ahead). */
export const FUTURE_SLACK_SECONDS = 86_400;

/** How far an end may come before its start and still be read as clock skew (clamped, flagged). */
export const CLOCK_SKEW_SECONDS = 300;

/**
 * Review states as GitHub (REST and GraphQL) and GitLab (merge request reviewer states) name them,
 * upper-cased. Anything else rejects the pull request.
 */
export const REVIEW_STATES: ReadonlySet<string> = new Set([
  "APPROVED",
  "CHANGES_REQUESTED",
  "COMMENTED",
  "DISMISSED",
  "PENDING",
  "UNREVIEWED",
  "REVIEWED",
  "REQUESTED_CHANGES",
  "UNAPPROVED",
  "REVIEW_STARTED",
]);

/** A review state word, upper-cased; throws naming `field` when it is not a known state. */
export function reviewState(word: string, field: string): string {
  const state = word.trim().toUpperCase();
  if (!REVIEW_STATES.has(state)) {
    throw new FieldError(field, `a review state (${[...REVIEW_STATES].join(", ")})`, word);
  }
  return state;
}

/** The row as it may be stored, and what was odd about it. */
export interface Checked<Row> {
  row: Row;
  warnings: string[];
}

/** Checks a row of any kind against the rules above; throws a `RecordError` to reject it. */
export function checkRow<K extends ImportKind>(
  kind: K,
  row: RowsByKind[K],
  now: number,
): Checked<RowsByKind[K]> {
  const range = new Range(now);
  if (kind === "prs")
    return checkPullRequest(row as PullRequestRow, range) as Checked<RowsByKind[K]>;
  if (kind === "deployments") {
    return checkDeployment(row as DeploymentRow, range) as Checked<RowsByKind[K]>;
  }
  return checkIncident(row as IncidentRow, range) as Checked<RowsByKind[K]>;
}

class Range {
  readonly latest: number;
  constructor(now: number) {
    this.latest = Math.floor(now) + FUTURE_SLACK_SECONDS;
  }

  holds(time: number): boolean {
    return Number.isSafeInteger(time) && time >= EARLIEST_PLAUSIBLE && time <= this.latest;
  }

  /** Throws unless `time` is in range. */
  check(time: number | null, field: string): void {
    if (time === null || this.holds(time)) return;
    throw new RecordError(`${field}: ${this.outside(time)}`);
  }

  outside(time: number): string {
    const when = iso(time);
    return time < EARLIEST_PLAUSIBLE
      ? `${when} is before 1990-01-01, not a plausible time`
      : `${when} is more than a day after now (${iso(this.latest - FUTURE_SLACK_SECONDS)}), not a plausible time`;
  }
}

/**
 * Whether an end comes before its start by no more than the clock skew (a warning says so and how
 * it is read); throws when it does by more. False when they are in order.
 */
function skewed(
  start: number,
  end: number,
  names: [string, string],
  readAs: string,
  warnings: string[],
): boolean {
  if (end >= start) return false;
  const gap = start - end;
  if (gap > CLOCK_SKEW_SECONDS) {
    throw new RecordError(`${names[1]} is before ${names[0]} (by ${duration(gap)})`);
  }
  warnings.push(`${names[1]} is ${gap} s before ${names[0]} (clock skew?): ${readAs}`);
  return true;
}

function checkPullRequest(pr: PullRequestRow, range: Range): Checked<PullRequestRow> {
  const warnings: string[] = [];
  range.check(pr.createdAt, "createdAt");
  range.check(pr.mergedAt, "mergedAt");
  range.check(pr.closedAt, "closedAt");
  const clamp = (time: number | null, name: string): number | null =>
    time !== null &&
    skewed(pr.createdAt, time, ["createdAt", name], `${name} read as createdAt`, warnings)
      ? pr.createdAt
      : time;
  const mergedAt = clamp(pr.mergedAt, "mergedAt");
  const closedAt = clamp(pr.closedAt, "closedAt");
  for (const review of pr.reviews) {
    range.check(review.submittedAt, `reviews (id ${review.id}).submittedAt`);
    reviewState(review.state, `reviews (id ${review.id}).state`);
  }
  for (const comment of pr.comments) {
    range.check(comment.createdAt, `comments (id ${comment.id}).createdAt`);
  }
  const commits: PullRequestCommit[] = [];
  for (const commit of pr.commits) {
    if (range.holds(commit.authoredAt)) commits.push(commit);
    else {
      warnings.push(
        `commits (${commit.sha}).authoredAt: ${range.outside(commit.authoredAt)}; the commit is left out`,
      );
    }
  }
  if (warnings.length === 0) return { row: pr, warnings };
  return { row: { ...pr, mergedAt, closedAt, commits }, warnings };
}

function checkDeployment(deployment: DeploymentRow, range: Range): Checked<DeploymentRow> {
  const warnings: string[] = [];
  range.check(deployment.startedAt, "startedAt");
  range.check(deployment.finishedAt, "finishedAt");
  if (deployment.startedAt === null) return { row: deployment, warnings };
  // Clamping moves the start, not the finish: the finish is what lead times and links rest on.
  const { startedAt, finishedAt } = deployment;
  const names: [string, string] = ["startedAt", "finishedAt"];
  if (!skewed(startedAt, finishedAt, names, "startedAt read as finishedAt", warnings)) {
    return { row: deployment, warnings };
  }
  return { row: { ...deployment, startedAt: finishedAt }, warnings };
}

function checkIncident(incident: IncidentRow, range: Range): Checked<IncidentRow> {
  const warnings: string[] = [];
  range.check(incident.createdAt, "createdAt");
  range.check(incident.resolvedAt, "resolvedAt");
  if (incident.resolvedAt === null) return { row: incident, warnings };
  const names: [string, string] = ["createdAt", "resolvedAt"];
  if (
    !skewed(
      incident.createdAt,
      incident.resolvedAt,
      names,
      "resolvedAt read as createdAt",
      warnings,
    )
  ) {
    return { row: incident, warnings };
  }
  return { row: { ...incident, resolvedAt: incident.createdAt }, warnings };
}

/** A Unix time as ISO 8601 (UTC), or the number itself when no date can show it. */
function iso(time: number): string {
  const date = new Date(time * 1000);
  return Number.isNaN(date.getTime()) ? String(time) : date.toISOString().replace(".000Z", "Z");
}

function duration(seconds: number): string {
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 360) / 10} h`;
  return `${Math.round(seconds / 8640) / 10} days`;
}
