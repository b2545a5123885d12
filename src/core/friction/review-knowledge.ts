/**
 * Reviews as a knowledge signal (`--reviews-as-knowledge`): reviewers of a merged pull request are
 * credited with knowing the files it changed.
 *
 * What JetBrains Research's bus-factor-explorer does, as far as its source shows
 * (CommitProcessor.kt at 1dce485, BusFactorCalculation.kt and BusFactorConstants.kt at 8517c5f;
 * read, not run): reviews are off by default (`useReviewers = false`). When on, it takes a commit's
 * reviewers from the text after the first `Reviewed-by: ` in its message, up to the end of that
 * line, split on ", ", and credits each reviewer with one review of every file the commit changed
 * (diff against the first parent), dated at the commit's author time. Merge commits, and commits
 * whose every author is a bot, are skipped. Reviews then enter its per-file authorship formula next
 * to commits, as the reviewer's own reviews (a positive term) and other people's reviews (a
 * negative log term), with their own weights and, in its default weighted mode, the same recency
 * decay as commits. We claim nothing beyond that.
 *
 * legible's equivalent has no review term in its degree of authorship (Avelino et al.), so a
 * review is credited the way a change is: one `M` authorship record per reviewer and file. The
 * reviewer gains a delivery on the file and the file's other authors an acceptance: the same
 * direction as bus-factor-explorer's review terms, not their weights. Reviewers come from the
 * pull request's reviews, not from commit trailers. The caller adds the records to the knowledge
 * input, which rolls them up by area like any other record.
 */
import type { PullRequestRow } from "../delivery/model.js";
import type { AuthorshipRecord, PersonId } from "../model.js";
import type { PullRequestPeople } from "./pull-request-facts.js";
import type { Universe } from "./types.js";
import { ExclusionTally } from "./universe.js";

/** Why a pull request yields no review records. */
export type ReviewKnowledgePullRequestExclusion =
  | "not merged"
  | "after the analysed date"
  | "no author"
  | "bot author"
  | "no files"
  | "no reviews";

/** Why a review record credits nobody. */
export type ReviewKnowledgeReviewExclusion =
  | "no account"
  | "bot reviewer"
  | "by the author"
  | "pending"
  | "after the analysed date"
  | "repeat review by the same reviewer";

const PR_ORDER: readonly ReviewKnowledgePullRequestExclusion[] = [
  "not merged",
  "after the analysed date",
  "no author",
  "bot author",
  "no files",
  "no reviews",
];

const REVIEW_ORDER: readonly ReviewKnowledgeReviewExclusion[] = [
  "no account",
  "bot reviewer",
  "by the author",
  "pending",
  "after the analysed date",
  "repeat review by the same reviewer",
];

/** Options of {@link reviewKnowledgeRecords}. */
export interface ReviewKnowledgeOptions extends PullRequestPeople {
  pullRequests: readonly PullRequestRow[];
  /** Files the pull request's merge commit added or modified (paths after the merge). */
  filesOf: (pr: PullRequestRow) => readonly string[];
  /** Only pull requests merged and reviews submitted at or before this time count (default: all). */
  asOf?: number;
}

/** Result of {@link reviewKnowledgeRecords}. */
export interface ReviewKnowledge {
  /** One `M` record per (pull request, reviewer, file), by time, pull request, person and path. */
  records: AuthorshipRecord[];
  /** Each reviewer's latest counted review: activity the caller may merge into `lastActive`. */
  lastReview: Map<PersonId, number>;
  universe: {
    pullRequests: Universe<ReviewKnowledgePullRequestExclusion>;
    /** Review records of merged pull requests with files; counted ones are (PR, reviewer) pairs. */
    reviews: Universe<ReviewKnowledgeReviewExclusion>;
  };
}

/**
 * Turns the reviews of merged pull requests into authorship records: each person (not the author,
 * not a bot) who submitted a review (any state but PENDING), before or after the merge, is credited
 * with an `M` change of every file in `filesOf(pr)`, dated at their latest review of the pull
 * request. Pull requests by bots credit nobody, as bot commits credit nobody.
 */
export function reviewKnowledgeRecords(options: ReviewKnowledgeOptions): ReviewKnowledge {
  const isBot = options.isBot ?? (() => false);
  const asOf = options.asOf ?? Number.POSITIVE_INFINITY;
  const prExclusions = new ExclusionTally(PR_ORDER);
  const reviewExclusions = new ExclusionTally(REVIEW_ORDER);
  const pairs: { time: number; key: string; person: PersonId; files: string[] }[] = [];
  const lastReview = new Map<PersonId, number>();
  let pullRequests = 0;
  for (const pr of options.pullRequests) {
    if (pr.state !== "merged" || pr.mergedAt === null) prExclusions.add("not merged");
    else if (pr.mergedAt > asOf) prExclusions.add("after the analysed date");
    else if (pr.author === null) prExclusions.add("no author");
    else if (isBot(pr.author)) prExclusions.add("bot author");
    else {
      const files = [...new Set(options.filesOf(pr))].sort();
      if (files.length === 0) {
        prExclusions.add("no files");
        continue;
      }
      const latest = reviewersOf(pr, options.personOf(pr.author), asOf, reviewExclusions, {
        personOf: options.personOf,
        isBot,
      });
      if (latest.size === 0) {
        prExclusions.add("no reviews");
        continue;
      }
      pullRequests += 1;
      for (const [person, time] of latest) {
        if (time > (lastReview.get(person) ?? Number.NEGATIVE_INFINITY))
          lastReview.set(person, time);
        pairs.push({ time, key: pr.key, person, files });
      }
    }
  }
  pairs.sort((a, b) => a.time - b.time || compare(a.key, b.key) || compare(a.person, b.person));
  const records: AuthorshipRecord[] = [];
  for (const { time, person, files } of pairs) {
    for (const path of files)
      records.push({ kind: "M", path, oldPath: null, people: [person], time });
  }
  return {
    records,
    lastReview,
    universe: {
      pullRequests: prExclusions.universe(pullRequests),
      reviews: reviewExclusions.universe(pairs.length),
    },
  };
}

function reviewersOf(
  pr: PullRequestRow,
  author: PersonId,
  asOf: number,
  excluded: ExclusionTally<ReviewKnowledgeReviewExclusion>,
  { personOf, isBot }: Required<PullRequestPeople>,
): Map<PersonId, number> {
  const latest = new Map<PersonId, number>();
  for (const review of pr.reviews) {
    const account = review.author;
    if (account === null) excluded.add("no account");
    else if (isBot(account)) excluded.add("bot reviewer");
    else if (personOf(account) === author) excluded.add("by the author");
    else if (review.state === "PENDING") excluded.add("pending");
    else if (review.submittedAt > asOf) excluded.add("after the analysed date");
    else {
      const person = personOf(account);
      const seen = latest.get(person);
      if (seen !== undefined) excluded.add("repeat review by the same reviewer");
      if (seen === undefined || review.submittedAt > seen) latest.set(person, review.submittedAt);
    }
  }
  return latest;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
