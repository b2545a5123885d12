import type {
  PullRequestComment,
  PullRequestCommit,
  PullRequestReview,
  PullRequestRow,
} from "../../../core/delivery/model.js";
import { account, Fields } from "../fields.js";
import { jsonImporter } from "../json-importer.js";
import { gitlabProjectFromUrl, repositoryOf } from "../repository.js";
import { hasAnyKey, hasKey, looksLikeJson } from "../sniff.js";
import type { ImportContext } from "../types.js";
import { fallbackId, pullRequestKey, pullState } from "./shared.js";

const APPROVAL = /^approved this merge request\b/i;

/**
 * Merge requests from GitLab's `GET /projects/:id/merge_requests`, each optionally carrying its
 * `notes` (`GET …/merge_requests/:iid/notes`, or `discussions` with their `notes`) and `commits`
 * (`GET …/merge_requests/:iid/commits`). User notes are comments; the system note "approved this
 * merge request" is an approval (a review with state APPROVED); other system notes are skipped.
 * Approvers listed in `approved_by` (`GET …/merge_requests/:iid/approvals`) without such a note
 * count as approving at the merge (else the last update): that endpoint gives no time.
 */
export const gitlabMergeRequestsImporter = jsonImporter({
  kind: "prs",
  format: "gitlab",
  sniff: (head) =>
    looksLikeJson(head) &&
    hasKey(head, "iid") &&
    (hasAnyKey(head, ["project_id", "source_branch", "target_branch", "merge_status"]) ||
      head.includes("/-/merge_requests/")),
  toRow: gitlabRow,
});

export function gitlabRow(record: unknown, context: ImportContext): PullRequestRow {
  const mr = Fields.of(record);
  const number = mr.int("iid");
  const createdAt = mr.time("created_at");
  const mergedAt = mr.optTime("merged_at");
  const closedAt = mr.optTime("closed_at");
  const state = pullState(mr.optString("state"), mergedAt, closedAt, {
    state: "state",
    mergedAt: "merged_at",
    words: "opened, closed, merged or locked",
  });
  const reference = mr.optObject("references")?.optString("full") ?? null;
  const repository = repositoryOf(
    reference?.replace(/!\d+$/, "") || gitlabProjectFromUrl(mr.optString("web_url")),
    context,
    "references.full or web_url",
  );
  // A squash or fast-forward merge leaves no merge commit: the squash commit, or the head itself,
  // is what landed on the target branch.
  const landed =
    mr.optSha("merge_commit_sha") ??
    mr.optSha("squash_commit_sha") ??
    (state === "merged" ? mr.optSha("sha") : null);
  const notes = [
    ...mr.list("notes"),
    ...mr.list("discussions").flatMap((discussion) => discussion.list("notes")),
  ];
  const reviews: PullRequestReview[] = [];
  const comments: PullRequestComment[] = [];
  const seen = new Set<string>();
  for (const note of notes) {
    const createdAt = note.time("created_at");
    const author = account(note.optObject("author")?.optString("username") ?? null);
    const id = note.optId("id") ?? fallbackId(author?.login ?? null, createdAt);
    if (seen.has(id)) continue;
    seen.add(id);
    if (note.optBoolean("system") === true) {
      if (APPROVAL.test(note.optString("body") ?? "")) {
        reviews.push({ id, author, state: "APPROVED", submittedAt: createdAt });
      }
    } else {
      comments.push({ id, author, createdAt });
    }
  }
  // Approvers the approvals endpoint names (`approved_by`, as `legible fetch gitlab` embeds it)
  // with no approval note: GitLab gives no time there, so the merge (else the last update) is used.
  for (const approval of mr.list("approved_by")) {
    const login = approval.optObject("user")?.optString("username") ?? null;
    if (login === null) continue;
    const known = reviews.some(
      (review) =>
        review.state === "APPROVED" && review.author?.login.toLowerCase() === login.toLowerCase(),
    );
    if (known) continue;
    reviews.push({
      id: `approval:${login}`,
      author: account(login),
      state: "APPROVED",
      submittedAt: mergedAt ?? mr.optTime("updated_at") ?? createdAt,
    });
  }
  const author = mr.optObject("author");
  return {
    key: pullRequestKey("gitlab", repository, number),
    source: "gitlab",
    repository,
    number,
    title: mr.optString("title") ?? "",
    author: account(author?.optString("username") ?? null, author?.optString("email") ?? null),
    state,
    createdAt,
    mergedAt,
    closedAt,
    mergeCommitSha: state === "merged" ? landed : null,
    baseRef: mr.optString("target_branch"),
    headRef: mr.optString("source_branch"),
    labels: mr.names("labels"),
    commits: mr.list("commits").map(commit),
    reviews,
    comments,
  };
}

/** GitLab commits carry the git author's name and email, not a GitLab username. */
function commit(item: Fields): PullRequestCommit {
  return {
    sha: item.sha("id"),
    authoredAt: item.has("authored_date") ? item.time("authored_date") : item.time("created_at"),
    author: account(item.optString("author_name"), item.optString("author_email")),
  };
}
