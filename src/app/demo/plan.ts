/**
 * The demo's history as a plan: commits (with their pull requests) described by who, when and what,
 * before any file content or commit id exists. `resolve.ts` turns the plan into file contents.
 */
import type { Person, RepoName } from "./cast.js";

/** Pull requests exist for the last this many days: the period the PR export covers. */
export const PULL_REQUEST_DAYS = 135;

/** What a commit does to one file. */
export type FileOp =
  /** A new generated file. */
  | { op: "add"; path: string; what: string }
  /** A generated change to an existing file. */
  | { op: "change"; path: string; what: string }
  /** Exact content (a decision record, .mailmap, .adr-dir). */
  | { op: "write"; path: string; content: string }
  | { op: "delete"; path: string }
  | { op: "rename"; from: string; to: string }
  /** A dependency bump: package.json and package-lock.json, or an action pinned in `file`. */
  | { op: "bump"; dependency: string; from: string; to: string; file?: string };

export type ReviewState = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED";

/** One review, `afterHours` after the pull request was opened. */
export interface ReviewStep {
  reviewer: Person;
  afterHours: number;
  state: ReviewState;
}

/** How a commit reached main through a pull request. */
export interface PullSpec {
  /** Explicit reviews; without them the review policy (review-policy.ts) decides. */
  reviews?: ReviewStep[];
  /** Hours from the last review to the merge (default: chosen by the policy). */
  mergeAfterHours?: number;
  labels?: string[];
  /** Default merged. An open or closed pull request's commit lives on its branch only. */
  state?: "merged" | "open" | "closed";
}

/** One planned commit on a repository's main branch (or on a pull request's branch). */
export interface PlannedCommit {
  repo: RepoName;
  /** When it landed on main (or, for an open or closed pull request, when it was last updated). */
  daysAgo: number;
  author: Person;
  /** The name and email git records, when not the person's usual ones. */
  identity?: { name: string; email: string };
  coAuthors?: Person[];
  /** Conventional-commit subject; filled by the resolver for random activity. */
  subject: string;
  body?: string;
  ops: FileOp[];
  /** Random activity in this area (directory): the resolver picks the file and the change. */
  area?: string;
  /** Null: pushed directly to main. */
  pull: PullSpec | null;
  /** A merge-commit pull request: these commits go on `name`, which this commit merges. */
  branch?: { name: string; commits: PlannedCommit[] };
  /** Lives only on this branch (open or closed pull requests). */
  branchOnly?: string;
}

/** A pull request by default in the pull-request era, none before. */
export function defaultPull(daysAgo: number): PullSpec | null {
  return daysAgo <= PULL_REQUEST_DAYS ? {} : null;
}

/** A review `afterHours` after opening (approving unless told otherwise). */
export function review(
  reviewer: Person,
  afterHours: number,
  state: ReviewState = "APPROVED",
): ReviewStep {
  return { reviewer, afterHours, state };
}
