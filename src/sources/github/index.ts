/** GitHub as a live source: pull requests with reviews, commits and comments over the REST API. */
export { apiBase, parseApiUrl, redactUrl } from "./api-url.js";
export type { ClientStats, RateLimitWait } from "./client.js";
export { createGitHubClient } from "./client.js";
export type { ResumeCursor } from "./cursor.js";
export { encodeCursor, parseCursor } from "./cursor.js";
export type {
  FetchCheckpoint,
  FetchOptions,
  FetchProgress,
  FetchResult,
  FetchState,
} from "./fetch.js";
export { FETCH_DEFAULTS, fetchGitHubPullRequests } from "./fetch.js";
export { GitHubRowError, isoToUnix, pullRequestKey, toPullRequestRow } from "./rows.js";
export type {
  GitHubCommit,
  GitHubGitActor,
  GitHubIssueComment,
  GitHubPull,
  GitHubPullExtras,
  GitHubReview,
  GitHubReviewComment,
  GitHubUser,
} from "./types.js";
