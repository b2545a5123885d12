/** Review-friction figures of one group of pull requests (an area, a team, everything). */
import type { PersonId } from "../model.js";
import {
  NO_PICKUP,
  type PullRequestFacts,
  REVIEW_EXCLUSIONS,
  type ReviewExclusion,
} from "./pull-request-facts.js";
import { hours, increment, median, topOf } from "./stats.js";
import { type ReviewThresholds, type Universe, WAITS_FOR_ONE_PERSON } from "./types.js";
import { ExclusionTally } from "./universe.js";

/** The flagged risk "work here waits for one person", naming the person who holds it. */
export interface OneReviewerRisk {
  risk: typeof WAITS_FOR_ONE_PERSON;
  /** The reviewer the work waits for: named only because they hold this risk. */
  holder: PersonId;
  /** Their share of the group's reviews. */
  share: number;
  /** The reviews (pull request × reviewer pairs) the share is of. */
  reviews: number;
}

/** What each review-friction figure of a group rests on. */
export interface ReviewFrictionUniverse {
  /** Pull requests of the group; the medians count those with a pickup. */
  pullRequests: Universe<typeof NO_PICKUP>;
  /** Review records of those pull requests; counted ones are pull request × reviewer pairs. */
  reviews: Universe<ReviewExclusion>;
}

/** Review friction of a group of pull requests merged in the period. */
export interface ReviewFrictionFigures {
  /** Pull requests merged in the period. */
  pullRequests: number;
  /** Median created → first review or comment by someone else, hours; null without any. */
  pickupMedianHours: number | null;
  /** Median first review or comment → merged, hours; null without any. */
  reviewMedianHours: number | null;
  /** Reviews: pull request × reviewer pairs. */
  reviews: number;
  distinctReviewers: number;
  /** Share of the reviews done by the group's most frequent reviewer; null without reviews. */
  topReviewerShare: number | null;
  /** Set when the top reviewer's share and the review count reach the thresholds. */
  waitsForOnePerson: OneReviewerRisk | null;
  universe: ReviewFrictionUniverse;
}

/** Figures plus what only the analyses see: the head count and the top reviewer. */
export interface GroupFigures {
  figures: ReviewFrictionFigures;
  /** Distinct authors and reviewers behind the figures. */
  people: number;
  /** The top reviewer, for comparisons between periods; never published unless flagged. */
  top: { person: PersonId; share: number } | null;
}

/** Computes the figures of one group of counted pull requests. */
export function reviewFigures(
  facts: readonly PullRequestFacts[],
  thresholds: ReviewThresholds,
): GroupFigures {
  const pickups: number[] = [];
  const reviewTimes: number[] = [];
  const reviewsBy = new Map<PersonId, number>();
  const people = new Set<PersonId>();
  const reviewExclusions = new ExclusionTally<ReviewExclusion>(REVIEW_EXCLUSIONS);
  for (const fact of facts) {
    if (fact.pickupSeconds !== null) pickups.push(hours(fact.pickupSeconds));
    if (fact.reviewSeconds !== null) reviewTimes.push(hours(fact.reviewSeconds));
    people.add(fact.author);
    for (const reviewer of fact.reviewers) {
      increment(reviewsBy, reviewer);
      people.add(reviewer);
    }
    for (const reason of fact.reviewExclusions) reviewExclusions.add(reason);
  }
  let reviews = 0;
  for (const count of reviewsBy.values()) reviews += count;
  const top = topOf(reviewsBy);
  const share = top === null ? null : top.count / reviews;
  const flagged =
    top !== null &&
    share !== null &&
    reviews >= thresholds.oneReviewerMinReviews &&
    share >= thresholds.oneReviewerShare;
  const noPickup = new ExclusionTally<typeof NO_PICKUP>([NO_PICKUP]);
  noPickup.add(NO_PICKUP, facts.length - pickups.length);
  return {
    figures: {
      pullRequests: facts.length,
      pickupMedianHours: median(pickups),
      reviewMedianHours: median(reviewTimes),
      reviews,
      distinctReviewers: reviewsBy.size,
      topReviewerShare: share,
      waitsForOnePerson: flagged
        ? { risk: WAITS_FOR_ONE_PERSON, holder: top.person, share, reviews }
        : null,
      universe: {
        pullRequests: noPickup.universe(pickups.length),
        reviews: reviewExclusions.universe(reviews),
      },
    },
    people: people.size,
    top: top === null || share === null ? null : { person: top.person, share },
  };
}
