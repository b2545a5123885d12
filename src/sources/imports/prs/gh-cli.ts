import type {
  Account,
  PullRequestComment,
  PullRequestCommit,
  PullRequestReview,
  PullRequestRow,
} from "../../../core/delivery/model.js";
import { account, Fields } from "../fields.js";
import { jsonImporter } from "../json-importer.js";
import { reviewState } from "../plausible.js";
import { githubRepositoryFromUrl, repositoryOf } from "../repository.js";
import { hasAnyKey, hasKey, looksLikeJson } from "../sniff.js";
import type { ImportContext } from "../types.js";
import { fallbackId, pullRequestKey, pullState } from "./shared.js";

/** Keys only `gh pr list --json` writes (GraphQL names of pull request fields), any of which marks it. */
const GH_KEYS = [
  "mergedAt",
  "baseRefName",
  "headRefName",
  "mergeCommit",
  "isDraft",
  "latestReviews",
  "reviewDecision",
  "headRepositoryOwner",
  "is_bot",
  "authorAssociation",
  "authoredDate",
  "submittedAt",
  "messageHeadline",
] as const;

/**
 * Pull requests from `gh pr list --json number,title,author,createdAt,mergedAt,closedAt,state,
 * mergeCommit,baseRefName,headRefName,labels,reviews,commits,comments,url` (any subset that has
 * `number` and `createdAt`). gh names no repository in this output: it comes from `url`, else the
 * import's default repository.
 */
export const ghCliPullsImporter = jsonImporter({
  kind: "prs",
  format: "gh-cli",
  sniff: (head) =>
    looksLikeJson(head) &&
    !hasAnyKey(head, ["iid", "node_id", "created_at", "tinyId"]) &&
    (hasAnyKey(head, GH_KEYS) || (hasKey(head, "number") && hasKey(head, "createdAt"))),
  toRow: ghPullRow,
});

function ghPullRow(record: unknown, context: ImportContext): PullRequestRow {
  const pull = Fields.of(record);
  const number = pull.int("number");
  const createdAt = pull.time("createdAt");
  const mergedAt = pull.optTime("mergedAt");
  const closedAt = pull.optTime("closedAt");
  const state = pullState(pull.optString("state"), mergedAt, closedAt, {
    state: "state",
    mergedAt: "mergedAt",
    words: "OPEN, CLOSED or MERGED",
  });
  const repository = repositoryOf(githubRepositoryFromUrl(pull.optString("url")), context, "url");
  // Present but not an array (`"reviews": true`) is rejected by list(), not read as no reviews.
  const reviews = pull.has("reviews") ? pull.list("reviews") : pull.list("latestReviews");
  return {
    key: pullRequestKey("gh-cli", repository, number),
    source: "gh-cli",
    repository,
    number,
    title: pull.optString("title") ?? "",
    author: ghAuthor(pull.optObject("author")),
    state,
    createdAt,
    mergedAt,
    closedAt,
    mergeCommitSha:
      mergedAt !== null ? (pull.optObject("mergeCommit")?.optSha("oid") ?? null) : null,
    baseRef: pull.optString("baseRefName"),
    headRef: pull.optString("headRefName"),
    labels: pull.names("labels"),
    commits: pull.list("commits").map(commit),
    reviews: reviews.flatMap(review),
    comments: pull.list("comments").map(comment),
  };
}

/**
 * gh writes an app (bot) author as `{ "is_bot": true, "login": "app/<slug>" }`; that is the account
 * GitHub's REST API calls `<slug>[bot]`, so it is read as that. A deleted author comes out as
 * `app/` with nothing after it: no author.
 */
function ghAuthor(author: Fields | null): Account | null {
  const login = author?.optString("login") ?? null;
  if (login === null) return null;
  if (author?.optBoolean("is_bot") === true || login.startsWith("app/")) {
    const slug = login.replace(/^app\//, "");
    return slug === "" ? null : account(slug.endsWith("[bot]") ? slug : `${slug}[bot]`);
  }
  return account(login);
}

function review(item: Fields): PullRequestReview[] {
  const state = reviewState(item.string("state"), item.name("state"));
  const submittedAt = item.optTime("submittedAt");
  if (state === "PENDING" || submittedAt === null) return [];
  const author = ghAuthor(item.optObject("author"));
  return [
    {
      id: item.optId("id") ?? fallbackId(author?.login ?? null, submittedAt),
      author,
      state,
      submittedAt,
    },
  ];
}

/** A commit's author is its first listed author (gh lists co-authors after it). */
function commit(item: Fields): PullRequestCommit {
  const first = item.list("authors")[0] ?? null;
  return {
    sha: item.sha("oid"),
    authoredAt: item.has("authoredDate") ? item.time("authoredDate") : item.time("committedDate"),
    author: account(
      first?.optString("login") ?? first?.optString("name") ?? null,
      first?.optString("email") ?? null,
    ),
  };
}

function comment(item: Fields): PullRequestComment {
  const createdAt = item.time("createdAt");
  const author = ghAuthor(item.optObject("author"));
  return {
    id: item.optId("id") ?? fallbackId(author?.login ?? null, createdAt),
    author,
    createdAt,
  };
}
