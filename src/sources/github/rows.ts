import type {
  Account,
  PullRequestComment,
  PullRequestCommit,
  PullRequestReview,
  PullRequestRow,
} from "../../core/delivery/model.js";
import type { GitHubCommit, GitHubPull, GitHubPullExtras, GitHubUser } from "./types.js";

/** A GitHub object that cannot become a row; `path` says which field, e.g. `commits[2].commit.author.date`. */
export class GitHubRowError extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = "GitHubRowError";
    this.path = path;
  }
}

/** The stable key of a GitHub pull request row: `github:<owner/name>#<number>`. */
export function pullRequestKey(repo: string, number: number): string {
  return `github:${repo}#${number}`;
}

/**
 * One pull request as legible stores it, from the REST API's pull request object and its reviews,
 * commits and conversation comments. Pending reviews (not yet submitted) are left out. A commit's
 * author is the GitHub account GitHub matched to it when there is one, else the git author name,
 * always with the git author email (what identity resolution joins with git history).
 * Conversation comments come first, then comments on the diff (ids prefixed `review-comment:`),
 * each in the API's order. The same rules as the file importer's GitHub format, so a fetched and an
 * imported pull request make the same row.
 * Throws `GitHubRowError` naming the field when a required field is missing or not a date.
 */
export function toPullRequestRow(
  pull: GitHubPull,
  extras: GitHubPullExtras,
  repo: string,
): PullRequestRow {
  if (!Number.isInteger(pull.number) || pull.number <= 0) {
    throw new GitHubRowError(
      "number",
      `expected a positive whole number, got ${String(pull.number)}`,
    );
  }
  if (typeof pull.title !== "string")
    throw new GitHubRowError("title", `expected text, got ${typeof pull.title}`);
  const mergedAt = optionalTime(pull.merged_at, "merged_at");
  const reviews: PullRequestReview[] = [];
  extras.reviews.forEach((review, i) => {
    if (review.submitted_at == null) return; // PENDING: only its author sees it, not yet a review
    reviews.push({
      id: String(review.id),
      author: account(review.user),
      state: review.state.toUpperCase(),
      submittedAt: time(review.submitted_at, `reviews[${i}].submitted_at`),
    });
  });
  const comments: PullRequestComment[] = [
    ...extras.comments.map((comment, i) => ({
      id: String(comment.id),
      author: account(comment.user),
      createdAt: time(comment.created_at, `comments[${i}].created_at`),
    })),
    ...(extras.reviewComments ?? []).map((comment, i) => ({
      id: `review-comment:${comment.id}`,
      author: account(comment.user),
      createdAt: time(comment.created_at, `review_comments[${i}].created_at`),
    })),
  ];
  return {
    key: pullRequestKey(repo, pull.number),
    source: "github",
    repository: repo,
    number: pull.number,
    title: pull.title,
    author: account(pull.user),
    state: mergedAt !== null ? "merged" : pull.state === "open" ? "open" : "closed",
    createdAt: time(pull.created_at, "created_at"),
    mergedAt,
    closedAt: optionalTime(pull.closed_at, "closed_at"),
    mergeCommitSha: mergedAt !== null ? pull.merge_commit_sha : null,
    baseRef: pull.base?.ref ?? null,
    headRef: pull.head?.ref ?? null,
    labels: pull.labels.flatMap((label) => (label.name ? [label.name] : [])),
    commits: extras.commits.map((commit, i) => toCommit(commit, `commits[${i}]`)),
    reviews,
    comments,
  };
}

function toCommit(commit: GitHubCommit, path: string): PullRequestCommit {
  if (typeof commit.sha !== "string" || commit.sha.trim() === "")
    throw new GitHubRowError(`${path}.sha`, `expected a commit id, got ${String(commit.sha)}`);
  const git = commit.commit.author ?? null;
  const date = git?.date ?? commit.commit.committer?.date;
  return {
    sha: commit.sha,
    authoredAt: time(date, `${path}.commit.author.date`),
    author: named(commit.author?.login ?? git?.name ?? null, git?.email ?? null),
  };
}

function account(user: GitHubUser | null | undefined): Account | null {
  return named(user?.login ?? null, null);
}

/** An account from a login (or name) and an email, trimmed; none without a login. */
function named(login: string | null, email: string | null): Account | null {
  const name = login?.trim() ?? "";
  if (name === "") return null;
  const mail = email?.trim() ?? "";
  return { login: name, email: mail === "" ? null : mail };
}

/** Unix seconds from an ISO 8601 time as GitHub writes it ("2024-05-10T09:00:00Z"). */
export function isoToUnix(value: string): number | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

function time(value: string | null | undefined, path: string): number {
  if (typeof value !== "string") throw new GitHubRowError(path, "missing");
  const seconds = isoToUnix(value);
  if (seconds === null) throw new GitHubRowError(path, `not an ISO 8601 time: "${value}"`);
  return seconds;
}

function optionalTime(value: string | null | undefined, path: string): number | null {
  return value == null ? null : time(value, path);
}
