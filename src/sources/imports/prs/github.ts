import type {
  PullRequestComment,
  PullRequestCommit,
  PullRequestReview,
  PullRequestRow,
} from "../../../core/delivery/model.js";
import { TIME_EXPECTED } from "../dates.js";
import { account, FieldError, Fields } from "../fields.js";
import { jsonImporter } from "../json-importer.js";
import { reviewState } from "../plausible.js";
import { githubRepositoryFromUrl, repositoryOf } from "../repository.js";
import { hasAnyKey, hasKey, looksLikeJson } from "../sniff.js";
import type { ImportContext } from "../types.js";
import { fallbackId, pullRequestKey, pullState } from "./shared.js";

/**
 * The GitHub REST shape this importer reads, and the one `legible fetch github` writes: a JSON
 * array (or NDJSON, or `gh api --paginate` pages one after another) of pull objects as
 * `GET /repos/{owner}/{repo}/pulls?state=all` lists them, each optionally carrying, embedded, the
 * items of `GET …/pulls/{n}/reviews` as `reviews`, `GET …/pulls/{n}/commits` as `commits`,
 * `GET …/issues/{n}/comments` as `comments` and `GET …/pulls/{n}/comments` as `review_comments`:
 *
 * ```jsonc
 * [{
 *   "url": "https://api.github.com/repos/acme/shop/pulls/42", "number": 42, "title": "…",
 *   "user": { "login": "ada" }, "state": "closed",
 *   "created_at": "2024-05-01T09:00:00Z", "closed_at": "…", "merged_at": "…",
 *   "merge_commit_sha": "…", "labels": [{ "name": "bug" }],
 *   "base": { "ref": "main", "repo": { "full_name": "acme/shop" } }, "head": { "ref": "fix" },
 *   "reviews": [{ "id": 1, "user": { "login": "bo" }, "state": "APPROVED", "submitted_at": "…" }],
 *   "commits": [{ "sha": "…", "commit": { "author": { "name": "Ada", "email": "ada@…", "date": "…" } },
 *                 "author": { "login": "ada" } }],
 *   "comments": [{ "id": 7, "user": { "login": "bo" }, "created_at": "…" }],
 *   "review_comments": [{ "id": 9, "user": { "login": "bo" }, "created_at": "…" }]
 * }]
 * ```
 */
export interface GitHubPullBundle {
  url?: string;
  html_url?: string;
  number: number;
  title?: string;
  user?: { login?: string } | null;
  state?: string;
  created_at: string;
  closed_at?: string | null;
  merged_at?: string | null;
  merge_commit_sha?: string | null;
  labels?: { name?: string }[];
  base?: { ref?: string; repo?: { full_name?: string } | null };
  head?: { ref?: string };
  reviews?: {
    id: number;
    user?: { login?: string } | null;
    state: string;
    submitted_at?: string | null;
  }[];
  commits?: {
    sha: string;
    commit: {
      author?: { name?: string; email?: string; date?: string } | null;
      committer?: { date?: string } | null;
    };
    author?: { login?: string } | null;
  }[];
  comments?: { id: number; user?: { login?: string } | null; created_at: string }[];
  review_comments?: { id: number; user?: { login?: string } | null; created_at: string }[];
}

const PULL_URL = /\/repos\/[^"/]+\/[^"/]+\/pulls\/\d+"/;

/**
 * Pull requests from the GitHub REST API (see {@link GitHubPullBundle}); also a single pull request
 * (`GET …/pulls/{n}`) and webhook `pull_request` events (`{ "action", "pull_request", "repository" }`),
 * where `commits`, `comments` and `review_comments` are counts.
 */
export const githubPullsImporter = jsonImporter({
  kind: "prs",
  format: "github",
  sniff: (head) =>
    looksLikeJson(head) &&
    !hasKey(head, "iid") &&
    (PULL_URL.test(head) || hasAnyKey(head, ["merge_commit_sha", "requested_reviewers"])),
  toRow: githubPullRow,
});

function githubPullRow(record: unknown, context: ImportContext): PullRequestRow {
  const outer = Fields.of(record);
  // A webhook `pull_request` event: the pull request is inside, the repository beside it.
  const event = outer.has("pull_request") && !outer.has("created_at");
  const pull = event ? outer.object("pull_request") : outer;
  const eventRepository = event
    ? (outer.optObject("repository")?.optString("full_name") ?? null)
    : null;
  const number = pull.int("number");
  const createdAt = pull.time("created_at");
  const mergedAt = pull.optTime("merged_at");
  const closedAt = pull.optTime("closed_at");
  const state = pullState(pull.optString("state"), mergedAt, closedAt, {
    state: "state",
    mergedAt: "merged_at",
    words: "open or closed",
  });
  const base = pull.optObject("base");
  const repository = repositoryOf(
    base?.optObject("repo")?.optString("full_name") ??
      eventRepository ??
      githubRepositoryFromUrl(pull.optString("url")) ??
      githubRepositoryFromUrl(pull.optString("html_url")),
    context,
    "base.repo.full_name or url",
  );
  const mergeCommitSha = pull.optSha("merge_commit_sha");
  return {
    key: pullRequestKey("github", repository, number),
    source: "github",
    repository,
    number,
    title: pull.optString("title") ?? "",
    author: login(pull.optObject("user")),
    state,
    createdAt,
    mergedAt,
    closedAt,
    // For an unmerged pull, merge_commit_sha is GitHub's test merge, not a commit on the base.
    mergeCommitSha: mergedAt !== null ? mergeCommitSha : null,
    baseRef: base?.optString("ref") ?? null,
    headRef: pull.optObject("head")?.optString("ref") ?? null,
    labels: pull.names("labels"),
    commits: embedded(pull, "commits").map(commit),
    reviews: pull.list("reviews").flatMap(review),
    comments: [
      ...embedded(pull, "comments").map((item) => comment(item, "")),
      ...embedded(pull, "review_comments").map((item) => comment(item, "review-comment:")),
    ],
  };
}

/**
 * The embedded items of `key`. In a single pull request (`GET …/pulls/{n}`) and in a webhook's
 * `pull_request`, `commits`, `comments` and `review_comments` are counts, not lists: no items.
 */
function embedded(pull: Fields, key: string): Fields[] {
  const value = pull.raw(key);
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return [];
  return pull.list(key);
}

function login(user: Fields | null) {
  return account(user?.optString("login") ?? null);
}

function review(item: Fields): PullRequestReview[] {
  const state = reviewState(item.string("state"), item.name("state"));
  const submittedAt = item.optTime("submitted_at");
  if (state === "PENDING" || submittedAt === null) return []; // not submitted: not yet a review
  const author = login(item.optObject("user"));
  return [
    {
      id: item.optId("id") ?? fallbackId(author?.login ?? null, submittedAt),
      author,
      state,
      submittedAt,
    },
  ];
}

/** A commit's author: the GitHub account GitHub matched, else the git author name; with the git email. */
function commit(item: Fields): PullRequestCommit {
  const git = item.object("commit");
  const gitAuthor = git.optObject("author");
  const authoredAt = gitAuthor?.optTime("date") ?? git.optObject("committer")?.optTime("date");
  if (authoredAt == null)
    throw new FieldError(`${git.name("author")}.date`, TIME_EXPECTED, undefined);
  return {
    sha: item.sha("sha"),
    authoredAt,
    author: account(
      item.optObject("author")?.optString("login") ?? gitAuthor?.optString("name") ?? null,
      gitAuthor?.optString("email") ?? null,
    ),
  };
}

function comment(item: Fields, idPrefix: string): PullRequestComment {
  const createdAt = item.time("created_at");
  const author = login(item.optObject("user"));
  const id = item.optId("id") ?? fallbackId(author?.login ?? null, createdAt);
  return { id: `${idPrefix}${id}`, author, createdAt };
}
