/**
 * The parts of GitHub's REST API objects legible reads, as the API documents them
 * (https://docs.github.com/en/rest/pulls). Deliberately structural and partial: octokit's response
 * types satisfy them, and so does the JSON a user saved from the API (the file importer's input).
 */

/** A user as the REST API embeds it (`simple-user`); `type` is "User", "Bot" or "Organization". */
export interface GitHubUser {
  login: string;
  type?: string;
}

/** An item of `GET /repos/{owner}/{repo}/pulls` (`pull-request-simple`) or of the single-PR endpoint. */
export interface GitHubPull {
  number: number;
  title: string;
  /** "open" or "closed"; a merged pull request is "closed" with `merged_at` set. */
  state: string;
  user: GitHubUser | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  merged_at: string | null;
  merge_commit_sha: string | null;
  draft?: boolean;
  labels: { name?: string }[];
  base: { ref: string };
  head: { ref: string };
}

/** An item of `GET /repos/{owner}/{repo}/pulls/{number}/reviews`. A PENDING review has no `submitted_at`. */
export interface GitHubReview {
  id: number;
  user: GitHubUser | null;
  state: string;
  submitted_at?: string | null;
}

/** The git identity inside a commit: name, email and date as git recorded them. */
export interface GitHubGitActor {
  name?: string;
  email?: string;
  date?: string;
}

/**
 * An item of `GET /repos/{owner}/{repo}/pulls/{number}/commits`. `author` is the GitHub account
 * GitHub matched to the commit's email: null or `{}` when it matched none.
 */
export interface GitHubCommit {
  sha: string;
  commit: { author: GitHubGitActor | null; committer?: GitHubGitActor | null };
  author: { login?: string } | null;
}

/** An item of `GET /repos/{owner}/{repo}/issues/{number}/comments` (the conversation tab). */
export interface GitHubIssueComment {
  id: number;
  user: GitHubUser | null;
  created_at: string;
}

/** An item of `GET /repos/{owner}/{repo}/pulls/{number}/comments` (comments on the diff, made in reviews). */
export interface GitHubReviewComment {
  id: number;
  user: GitHubUser | null;
  created_at: string;
}

/** What `toPullRequestRow` needs beside the pull request itself. */
export interface GitHubPullExtras {
  reviews: readonly GitHubReview[];
  commits: readonly GitHubCommit[];
  /** Conversation comments. */
  comments: readonly GitHubIssueComment[];
  /** Comments on the diff; their ids are prefixed `review-comment:` (they share no id space with the others). */
  reviewComments?: readonly GitHubReviewComment[];
}
