/**
 * The pull-request export: GitHub REST pull objects with their reviews, commits and comments
 * embedded (the shape `legible fetch github` writes and `legible import prs` reads; see
 * `GitHubPullBundle`). Squash merges: `merge_commit_sha` is the commit on main and the pull
 * request's own commit is that same commit.
 */
import type { GitHubPullBundle } from "../../sources/imports/prs/github.js";
import { fullName, type RepoName } from "./cast.js";
import { iso } from "./clock.js";
import type { CommitIds } from "./git.js";
import type { TimedCommit } from "./timeline.js";

/**
 * A pull object as the GitHub REST API lists it (the fields the demo fills), with GitHub's extras
 * beside the ones legible reads.
 */
export interface DemoPull extends Omit<GitHubPullBundle, "user" | "head"> {
  id: number;
  html_url: string;
  title: string;
  body: string;
  state: "open" | "closed";
  updated_at: string;
  draft: boolean;
  user: { login: string; type: "User" | "Bot" };
  head: { ref: string; sha: string };
  base: { ref: string; repo: { full_name: string } };
  labels: { name: string }[];
  reviews: { id: number; user: { login: string }; state: string; submitted_at: string }[];
  commits: {
    sha: string;
    commit: {
      author: { name: string; email: string; date: string };
      committer: { name: string; email: string; date: string };
      message: string;
    };
    author: { login: string };
  }[];
  comments: { id: number; user: { login: string }; created_at: string; body: string }[];
}

/** Review, comment and pull ids, unique across the export. */
interface Ids {
  next: number;
}

/** The pull requests of one repository, by number. */
export function pullRequests(
  repo: RepoName,
  commits: TimedCommit[],
  ids: CommitIds,
  counter: Ids,
): DemoPull[] {
  const name = fullName(repo);
  const pulls: DemoPull[] = [];
  for (const timed of commits) {
    const pull = timed.pull;
    if (!pull) continue;
    const { plan } = timed.commit;
    const sha = ids.get(timed.commit);
    if (!sha) throw new Error(`${repo}: no commit id for "${timed.commit.subject}"`);
    const squash = timed.branch.length === 0 && pull.state === "merged";
    const own =
      timed.branch.length > 0
        ? timed.branch.map(({ commit, time }) => ({ commit, time, committedAt: time }))
        : [
            {
              commit: timed.commit,
              time: timed.authorTime,
              committedAt: squash ? timed.commitTime : timed.authorTime,
            },
          ];
    const headCommit = own[own.length - 1]?.commit ?? timed.commit;
    const updated = Math.max(pull.createdAt, pull.closedAt ?? 0, ...pull.reviews.map((r) => r.at));
    pulls.push({
      url: `https://api.github.com/repos/${name}/pulls/${pull.number}`,
      id: 1_000_000 + counter.next++,
      html_url: `https://github.com/${name}/pull/${pull.number}`,
      number: pull.number,
      state: pull.state === "open" ? "open" : "closed",
      title: timed.commit.subject,
      user: { login: plan.author.login, type: plan.author.bot ? "Bot" : "User" },
      body: plan.body ?? "",
      labels: pull.labels.map((label) => ({ name: label })),
      created_at: iso(pull.createdAt),
      updated_at: iso(updated),
      closed_at: pull.closedAt === null ? null : iso(pull.closedAt),
      merged_at: pull.mergedAt === null ? null : iso(pull.mergedAt),
      merge_commit_sha: pull.state === "merged" ? sha : null,
      draft: false,
      head: { ref: pull.headRef, sha: ids.get(headCommit) ?? sha },
      base: { ref: "main", repo: { full_name: name } },
      reviews: pull.reviews.map((r) => ({
        id: 2_000_000 + counter.next++,
        user: { login: r.reviewer.login },
        state: r.state,
        submitted_at: iso(r.at),
      })),
      commits: own.map(({ commit, time, committedAt }) => {
        const who = commit.plan.identity ?? commit.plan.author;
        const id = ids.get(commit);
        if (!id) throw new Error(`${repo}: no commit id for "${commit.subject}"`);
        return {
          sha: id,
          commit: {
            author: { name: who.name, email: who.email, date: iso(time) },
            committer: squash
              ? { name: "GitHub", email: "noreply@github.com", date: iso(committedAt) }
              : { name: who.name, email: who.email, date: iso(committedAt) },
            message: commit.subject,
          },
          author: { login: commit.plan.author.login },
        };
      }),
      comments: pull.comments.map((c) => ({
        id: 3_000_000 + counter.next++,
        user: { login: c.author.login },
        created_at: iso(c.at),
        body: c.body,
      })),
    });
  }
  return pulls.sort((a, b) => a.number - b.number);
}
