/**
 * Delivery records: pull requests (with their reviews, comments and commits), deployments and
 * incidents, as every importer and fetcher produces them and the store keeps them. Times are Unix
 * seconds (UTC). People appear as the account names and emails the source gives; they are mapped to
 * persons by the same identity resolution as git (core/identity).
 */

/** Where a record came from; part of its identity, so re-importing the same file changes nothing. */
export type DeliverySource =
  | "github"
  | "gh-cli"
  | "gitlab"
  | "csv"
  | "git-tag"
  | "github-deployments"
  | "github-releases"
  | "gitlab-deployments"
  | "pagerduty"
  | "opsgenie";

/** An account as a source names it: a login or display name, and an email when the source has one. */
export interface Account {
  login: string;
  email: string | null;
}

export interface PullRequestCommit {
  sha: string;
  authoredAt: number;
  author: Account | null;
}

export interface PullRequestReview {
  id: string;
  author: Account | null;
  /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED, ... as the source says, upper-cased. */
  state: string;
  submittedAt: number;
}

export interface PullRequestComment {
  id: string;
  author: Account | null;
  createdAt: number;
}

export interface PullRequestRow {
  /** Stable key: `<source>:<repository>#<number>`. */
  key: string;
  source: DeliverySource;
  /** The repository as the source names it, e.g. "owner/name". */
  repository: string;
  number: number;
  title: string;
  author: Account | null;
  /** open, closed or merged. */
  state: "open" | "closed" | "merged";
  createdAt: number;
  mergedAt: number | null;
  closedAt: number | null;
  /** The commit the merge produced on the base branch (merge, squash or rebase). */
  mergeCommitSha: string | null;
  baseRef: string | null;
  headRef: string | null;
  labels: string[];
  /** The PR's own commits (for squash merges the only record of when coding started). */
  commits: PullRequestCommit[];
  reviews: PullRequestReview[];
  /** Conversation and review comments (a first comment by someone else ends the pickup wait). */
  comments: PullRequestComment[];
}

export type DeploymentResult =
  | "success"
  | "failure"
  | "error"
  | "cancelled"
  | "in_progress"
  | "unknown";

export interface DeploymentRow {
  /** Stable key: `<source>:<repository>:<id>`. Rows sharing a key count once (the latest finish). */
  key: string;
  source: DeliverySource;
  repository: string;
  /** production, staging, ... as given (normalised to lower case). */
  environment: string;
  result: DeploymentResult;
  /** The commit deployed. */
  commitSha: string;
  startedAt: number | null;
  finishedAt: number;
  /** Tag or release name, when there is one. */
  name: string | null;
}

export interface IncidentRow {
  /** Stable key: `<source>:<id>`. */
  key: string;
  source: DeliverySource;
  title: string;
  createdAt: number;
  resolvedAt: number | null;
  /** Service or component the incident was about, as the source names it. */
  service: string | null;
  severity: string | null;
  /** Who responded (acknowledged, was assigned, resolved), in the source's order. */
  responders: Account[];
  /** Repository the incident is attributed to, when known (config maps services to repositories). */
  repository: string | null;
}

/** A row an importer could not read: reported with its place and reason, then skipped. */
export interface RejectedRow {
  file: string;
  /** 1-based line (CSV, NDJSON) or the JSON path of the element (e.g. `$[12]`). */
  line: number | null;
  path?: string;
  reason: string;
}
