/**
 * Puts resolved commits on the clock: commit and author times, and for each pull request when it
 * was opened, reviewed, commented on and merged (or closed), its number, labels and branch. A
 * squash-merged pull request's commit is authored before the pull request was opened and committed
 * by GitHub when it was merged.
 */
import { isActive, type Person, type RepoName } from "./cast.js";
import { secondsAgo } from "./clock.js";
import type { ReviewState } from "./plan.js";
import type { Random } from "./random.js";
import type { ResolvedCommit } from "./resolve.js";
import { type PolicyState, policyReviews } from "./review-policy.js";

const HOUR = 3600;

/** The first pull-request number of each repository's export. */
const FIRST_NUMBER: Record<RepoName, number> = { "shop-api": 301, web: 187, platform: 64 };

export interface PullTiming {
  number: number;
  state: "merged" | "open" | "closed";
  createdAt: number;
  mergedAt: number | null;
  closedAt: number | null;
  reviews: { reviewer: Person; at: number; state: ReviewState }[];
  comments: { author: Person; at: number; body: string }[];
  labels: string[];
  headRef: string;
}

/** A commit with its times (Unix seconds) and pull request. */
export interface TimedCommit {
  commit: ResolvedCommit;
  commitTime: number;
  authorTime: number;
  pull: PullTiming | null;
  /** The merged branch's commits, with their times (merge-commit pull requests). */
  branch: { commit: ResolvedCommit; time: number }[];
}

/** Times and pull requests of one repository's resolved commits (oldest first). */
export function timeRepository(
  repo: RepoName,
  commits: ResolvedCommit[],
  now: Date,
  random: Random,
): TimedCommit[] {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const state: PolicyState = { payments: 0 };
  const timed = commits.map((commit): TimedCommit => {
    const { plan } = commit;
    const time = secondsAgo(now, plan.daysAgo);
    const branch = commit.branchCommits.map((c) => ({
      commit: c,
      time: secondsAgo(now, c.plan.daysAgo),
    }));
    if (plan.pull === null)
      return { commit, commitTime: time, authorTime: time, pull: null, branch };
    const scripted = plan.pull.reviews;
    const chosen = scripted
      ? {
          reviews: scripted,
          mergeAfterHours: plan.pull.mergeAfterHours ?? round(random.between(0.3, 2.5)),
        }
      : policyReviews(
          { repo, author: plan.author, areas: areasOf(commit), daysAgo: plan.daysAgo },
          random,
          state,
        );
    const pullState = plan.pull.state ?? "merged";
    const last = Math.max(0, ...chosen.reviews.map((r) => r.afterHours));
    let createdAt: number;
    let authorTime: number;
    let closedAt: number | null = null;
    if (pullState === "merged") {
      createdAt = time - Math.round((last + chosen.mergeAfterHours) * HOUR);
      authorTime = branch.length > 0 ? time : createdAt - Math.round(random.between(0.5, 5) * HOUR);
    } else {
      createdAt = time + Math.round(0.3 * HOUR);
      authorTime = time;
      if (pullState === "closed") closedAt = Math.min(createdAt + 4 * 24 * HOUR, nowSeconds - HOUR);
    }
    const horizon = closedAt ?? (pullState === "merged" ? time : nowSeconds);
    const reviews = chosen.reviews
      .map((r) => ({
        reviewer: r.reviewer,
        at: createdAt + Math.round(r.afterHours * HOUR),
        state: r.state,
      }))
      .filter((r) => r.at <= horizon);
    return {
      commit,
      commitTime: time,
      authorTime,
      branch,
      pull: {
        number: 0,
        state: pullState,
        createdAt,
        mergedAt: pullState === "merged" ? time : null,
        closedAt: pullState === "merged" ? time : closedAt,
        reviews,
        comments: comments(plan.author, reviews, createdAt, horizon, random),
        labels: plan.pull.labels ?? defaultLabels(commit.subject, plan.author),
        headRef: plan.branch?.name ?? plan.branchOnly ?? headRef(commit.subject, plan.author),
      },
    };
  });
  const pulls = timed.flatMap((t) => (t.pull ? [t.pull] : []));
  pulls.sort((a, b) => a.createdAt - b.createdAt);
  pulls.forEach((pull, i) => {
    pull.number = FIRST_NUMBER[repo] + i;
  });
  for (const { plan } of [...commits, ...commits.flatMap((c) => c.branchCommits)]) {
    if (!isActive(plan.author, plan.daysAgo))
      throw new Error(
        `${repo}: ${plan.author.name} commits ${plan.daysAgo} days ago, outside their tenure`,
      );
  }
  return timed;
}

/** The areas (directories down to depth 2) a commit touches, as legible reads them. */
export function areasOf(commit: ResolvedCommit): string[] {
  const paths =
    commit.branchCommits.length > 0 ? commit.branchCommits.flatMap((c) => c.paths) : commit.paths;
  return [
    ...new Set(
      paths.map((path) => {
        const dirs = path.split("/").slice(0, -1);
        return dirs.length === 0 ? "." : dirs.slice(0, 2).join("/");
      }),
    ),
  ].sort();
}

function comments(
  author: Person,
  reviews: PullTiming["reviews"],
  createdAt: number,
  horizon: number,
  random: Random,
): PullTiming["comments"] {
  const out: PullTiming["comments"] = [];
  if (author.bot) return out;
  const first = reviews[0];
  if (first && first.at - createdAt > 12 * HOUR && createdAt + 6 * HOUR < horizon)
    out.push({
      author,
      at: createdAt + 6 * HOUR,
      body: `@${first.reviewer.login} could you take a look when you have a moment?`,
    });
  if (first && random.chance(0.35))
    out.push({ author: first.reviewer, at: first.at, body: random.pick(REVIEW_COMMENTS) });
  return out;
}

const REVIEW_COMMENTS = [
  "Looks good, one question inline.",
  "Nice, this reads much better.",
  "Can we add a test for the empty case?",
  "LGTM once CI is green.",
  "Thanks for splitting this up.",
];

function defaultLabels(subject: string, author: Person): string[] {
  if (author.bot) return ["dependencies"];
  if (subject.startsWith("fix")) return ["bug"];
  if (subject.startsWith("feat")) return ["enhancement"];
  if (subject.startsWith("docs")) return ["documentation"];
  return [];
}

function headRef(subject: string, author: Person): string {
  const slug = subject
    .replace(/^[a-z]+(\([^)]*\))?: /, "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40)
    .replace(/-$/, "");
  if (author.bot) return `dependabot/${slug}`;
  return `${author.login}/${slug}`;
}

function round(hours: number): number {
  return Math.round(hours * 10) / 10;
}
