/**
 * What the review-friction analyses need from one pull request, and why a pull request or a review
 * is left out. Pure: the caller injects areas, identities and the bot test.
 */
import type { Account, PullRequestRow } from "../delivery/model.js";
import type { PersonId } from "../model.js";
import { inPeriod } from "./period.js";
import type { Period } from "./types.js";
import { ExclusionTally } from "./universe.js";

/** Why a pull request is not counted at all, in the order the tests are applied. */
export type PullRequestExclusion =
  | "not merged"
  | "outside period"
  | "no author"
  | "bot author"
  | "no area";

/** Order of {@link PullRequestExclusion} in every universe. */
export const PULL_REQUEST_EXCLUSIONS: readonly PullRequestExclusion[] = [
  "not merged",
  "outside period",
  "no author",
  "bot author",
  "no area",
];

/** Why a counted pull request has no pickup or review time. */
export const NO_PICKUP = "no review or comment by someone else before the merge";

/**
 * Why a review record does not count as a review. A reviewer counts once per pull request however
 * many reviews they submit; the extra ones are "repeat review by the same reviewer".
 */
export type ReviewExclusion =
  | "no account"
  | "bot reviewer"
  | "by the author"
  | "pending"
  | "after the merge"
  | "repeat review by the same reviewer";

/** Order of {@link ReviewExclusion} in every universe. */
export const REVIEW_EXCLUSIONS: readonly ReviewExclusion[] = [
  "no account",
  "bot reviewer",
  "by the author",
  "pending",
  "after the merge",
  "repeat review by the same reviewer",
];

/** Identity functions every pull-request analysis takes. */
export interface PullRequestPeople {
  /** The resolved person behind a human account. */
  personOf: (account: Account) => PersonId;
  /** True for bot accounts (default: none): bots never author, review or pick up. */
  isBot?: (account: Account) => boolean;
}

/** One counted pull request (merged in the period, human author, at least one area). */
export interface PullRequestFacts {
  pr: PullRequestRow;
  author: PersonId;
  /** Area ids, deduplicated, sorted. */
  areas: string[];
  /** Created → first review or comment by another human, before the merge; null when none. */
  pickupSeconds: number | null;
  /** That first review or comment → merged; null when there was none. */
  reviewSeconds: number | null;
  /** People whose reviews count, sorted; each counts once for this pull request. */
  reviewers: PersonId[];
  /** The reason of each review record of this pull request that does not count. */
  reviewExclusions: readonly ReviewExclusion[];
}

/** Options of {@link pullRequestFacts}. */
export interface PullRequestFactsOptions extends PullRequestPeople {
  pullRequests: readonly PullRequestRow[];
  period: Period;
  /** Area ids the pull request touched (from its merge commit's files). */
  areasOf: (pr: PullRequestRow) => readonly string[];
}

/**
 * Counts the pull requests merged in the period by a human author in at least one area, with their
 * pickup and review times and their reviewers; the others are tallied by reason.
 *
 * Pickup ends at the first review (any state but PENDING) or comment by a human other than the
 * author, submitted after the pull request was created and no later than the merge (a comment after
 * the merge ended no wait; one before creation is clock skew). Review time runs from that moment to
 * the merge, so pickup + review = created → merged. Reviews count for reviewer concentration when
 * they are submitted (not PENDING) by a human other than the author, no later than the merge;
 * comments do not make someone a reviewer.
 */
export function pullRequestFacts(options: PullRequestFactsOptions): {
  facts: PullRequestFacts[];
  excluded: ExclusionTally<PullRequestExclusion>;
} {
  const isBot = options.isBot ?? (() => false);
  const excluded = new ExclusionTally(PULL_REQUEST_EXCLUSIONS);
  const facts: PullRequestFacts[] = [];
  for (const pr of options.pullRequests) {
    const mergedAt = pr.mergedAt;
    if (pr.state !== "merged" || mergedAt === null) excluded.add("not merged");
    else if (!inPeriod(mergedAt, options.period)) excluded.add("outside period");
    else if (pr.author === null) excluded.add("no author");
    else if (isBot(pr.author)) excluded.add("bot author");
    else {
      const areas = [...new Set(options.areasOf(pr))].sort();
      if (areas.length === 0) excluded.add("no area");
      else {
        const author = options.personOf(pr.author);
        facts.push({ pr, author, areas, ...waits(pr, author, mergedAt, options.personOf, isBot) });
      }
    }
  }
  return { facts, excluded };
}

const NONE: readonly ReviewExclusion[] = Object.freeze([]);

function waits(
  pr: PullRequestRow,
  author: PersonId,
  mergedAt: number,
  personOf: (account: Account) => PersonId,
  isBot: (account: Account) => boolean,
): Pick<PullRequestFacts, "pickupSeconds" | "reviewSeconds" | "reviewers" | "reviewExclusions"> {
  let pickupAt = Number.POSITIVE_INFINITY;
  const waitEndsAt = (time: number): void => {
    if (time >= pr.createdAt && time <= mergedAt && time < pickupAt) pickupAt = time;
  };
  for (const comment of pr.comments) {
    const account = comment.author;
    if (account !== null && !isBot(account) && personOf(account) !== author) {
      waitEndsAt(comment.createdAt);
    }
  }
  const excluded: ReviewExclusion[] = [];
  const exclude = (reason: ReviewExclusion): void => {
    excluded.push(reason);
  };
  const reviewers: PersonId[] = [];
  for (const review of pr.reviews) {
    const account = review.author;
    const person = account === null || isBot(account) ? null : personOf(account);
    if (account === null) exclude("no account");
    else if (person === null) exclude("bot reviewer");
    else if (person === author) exclude("by the author");
    else if (review.state === "PENDING") exclude("pending");
    else {
      waitEndsAt(review.submittedAt);
      if (review.submittedAt > mergedAt) exclude("after the merge");
      else if (reviewers.includes(person)) exclude("repeat review by the same reviewer");
      else reviewers.push(person);
    }
  }
  const picked = Number.isFinite(pickupAt) ? pickupAt : null;
  return {
    pickupSeconds: picked === null ? null : picked - pr.createdAt,
    reviewSeconds: picked === null ? null : mergedAt - picked,
    reviewers: reviewers.sort(),
    reviewExclusions: excluded.length === 0 ? NONE : excluded,
  };
}
