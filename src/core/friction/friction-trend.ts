/**
 * Friction this period against the previous one, per area: the review's question 2, "which
 * recurring friction was removed rather than routed around?".
 *
 * An area is *flagged* in a period when work there waits for one person (the top reviewer did at
 * least `oneReviewerShare` of at least `oneReviewerMinReviews` reviews) or it is slow (its pickup or
 * review median exceeds that period's overall median × `slowFactor`). Each area seen in either
 * period gets the first class whose rule holds:
 *
 * 1. `routed-around`: before, work waited for one person; now a pickup or review median is lower
 *    (both periods have it) but that same person is still the top reviewer with at least
 *    `oneReviewerShare` of the reviews (whatever their number): the wait shrank, the dependency
 *    did not.
 * 2. `removed`: flagged before, not flagged now, and more distinct reviewers now than before: the
 *    knowledge spread.
 * 3. `persisting`: flagged before and either still flagged, or no longer flagged without more
 *    distinct reviewers (nothing shows the dependency was removed; a quiet period is not a fix).
 * 4. `new`: not flagged before, flagged now.
 * 5. `none`: flagged in neither period.
 *
 * Every result carries its rule as a `reason` sentence with the figures it used.
 */
import type { PersonId } from "../model.js";
import { previousPeriod } from "./period.js";
import type { ReviewExclusion } from "./pull-request-facts.js";
import type { OneReviewerRisk } from "./review-figures.js";
import type { ReviewFrictionResult } from "./review-friction.js";
import {
  type AreaDetail,
  type ReviewFrictionOptions,
  reviewFrictionDetail,
  reviewThresholds,
} from "./review-friction.js";
import type { Period, ReviewThresholds, Universe } from "./types.js";

/** How an area's friction changed between the previous period and this one. */
export type FrictionChange = "removed" | "routed-around" | "persisting" | "new" | "none";

/** An area's friction in one period. */
export interface FrictionSnapshot {
  pullRequests: number;
  pickupMedianHours: number | null;
  reviewMedianHours: number | null;
  reviews: number;
  distinctReviewers: number;
  topReviewerShare: number | null;
  waitsForOnePerson: OneReviewerRisk | null;
  slow: { pickup: boolean; review: boolean };
  /** Waits for one person, or slow. */
  flagged: boolean;
}

/** One area's comparison. */
export interface AreaFrictionTrend {
  area: string;
  before: FrictionSnapshot;
  now: FrictionSnapshot;
  change: FrictionChange;
  /** The rule that classified the area, with the figures it used. */
  reason: string;
  /**
   * The person holding the friction this period: the reviewer work still waits for when
   * `routed-around`, or `now.waitsForOnePerson`'s holder; null otherwise.
   */
  holder: PersonId | null;
}

/** Result of {@link compareReviewFriction}. */
export interface FrictionTrendResult {
  period: Period;
  previousPeriod: Period;
  thresholds: ReviewThresholds;
  universe: {
    now: { pullRequests: Universe<string>; reviews: Universe<ReviewExclusion> };
    before: { pullRequests: Universe<string>; reviews: Universe<ReviewExclusion> };
  };
  /** The whole period's figures (the baseline a slow area is judged against), now and before. */
  overall: { now: OverallFriction; before: OverallFriction };
  /** By area id. */
  areas: AreaFrictionTrend[];
}

/** The overall figures of one period. */
export interface OverallFriction {
  pullRequests: number;
  pickupMedianHours: number | null;
  reviewMedianHours: number | null;
}

/**
 * Compares review friction in `period` with the period of the same length just before it, per
 * area, and classifies each area by the rules at the top of this file. Takes the same options as
 * {@link analyseReviewFriction} (teams are not compared).
 */
export function compareReviewFriction(options: ReviewFrictionOptions): FrictionTrendResult {
  return reviewFrictionWithTrend(options).trend;
}

/**
 * {@link analyseReviewFriction} and {@link compareReviewFriction} together, computing the current
 * period once: what `legible flow` and the review need.
 */
export function reviewFrictionWithTrend(options: ReviewFrictionOptions): {
  friction: ReviewFrictionResult;
  trend: FrictionTrendResult;
} {
  const thresholds = reviewThresholds(options.thresholds);
  const before = reviewFrictionDetail({ ...options, period: previousPeriod(options.period) });
  const now = reviewFrictionDetail(options);
  const ids = [...new Set([...before.areas.keys(), ...now.areas.keys()])].sort();
  return {
    friction: now.result,
    trend: {
      period: options.period,
      previousPeriod: before.result.period,
      thresholds,
      universe: { now: now.result.universe, before: before.result.universe },
      overall: { now: overallOf(now.result), before: overallOf(before.result) },
      areas: ids.map((area) =>
        classify(area, before.areas.get(area) ?? null, now.areas.get(area) ?? null, thresholds),
      ),
    },
  };
}

function overallOf(result: ReviewFrictionResult): OverallFriction {
  return {
    pullRequests: result.overall.pullRequests,
    pickupMedianHours: result.overall.pickupMedianHours,
    reviewMedianHours: result.overall.reviewMedianHours,
  };
}

function snapshot(detail: AreaDetail | null): FrictionSnapshot {
  if (detail === null) {
    return {
      pullRequests: 0,
      pickupMedianHours: null,
      reviewMedianHours: null,
      reviews: 0,
      distinctReviewers: 0,
      topReviewerShare: null,
      waitsForOnePerson: null,
      slow: { pickup: false, review: false },
      flagged: false,
    };
  }
  const figures = detail.group.figures;
  return {
    pullRequests: figures.pullRequests,
    pickupMedianHours: figures.pickupMedianHours,
    reviewMedianHours: figures.reviewMedianHours,
    reviews: figures.reviews,
    distinctReviewers: figures.distinctReviewers,
    topReviewerShare: figures.topReviewerShare,
    waitsForOnePerson: figures.waitsForOnePerson,
    slow: detail.slow,
    flagged: figures.waitsForOnePerson !== null || detail.slow.pickup || detail.slow.review,
  };
}

function classify(
  area: string,
  beforeDetail: AreaDetail | null,
  nowDetail: AreaDetail | null,
  thresholds: ReviewThresholds,
): AreaFrictionTrend {
  const before = snapshot(beforeDetail);
  const now = snapshot(nowDetail);
  const result = (change: FrictionChange, reason: string, holder: PersonId | null) => ({
    area,
    before,
    now,
    change,
    reason,
    holder,
  });
  const improved = improvedMedians(before, now);
  const previousHolder = before.waitsForOnePerson?.holder ?? null;
  const top = nowDetail?.group.top ?? null;
  if (
    previousHolder !== null &&
    improved.length > 0 &&
    top !== null &&
    top.person === previousHolder &&
    top.share >= thresholds.oneReviewerShare
  ) {
    return result(
      "routed-around",
      `${improved.join(" and ")} improved, but the reviewer work waited for still did ` +
        `${percent(top.share)} of the reviews (${now.reviews}): the wait shrank, the dependency did not`,
      previousHolder,
    );
  }
  const nowHolder = now.waitsForOnePerson?.holder ?? null;
  const reviewers = `distinct reviewers ${before.distinctReviewers} → ${now.distinctReviewers}`;
  if (before.flagged && !now.flagged && now.distinctReviewers > before.distinctReviewers) {
    return result(
      "removed",
      `flagged before (${flags(before)}), not now; ${reviewers}: the knowledge spread`,
      null,
    );
  }
  if (before.flagged && now.flagged) {
    return result(
      "persisting",
      `flagged in both periods (before: ${flags(before)}; now: ${flags(now)})`,
      nowHolder,
    );
  }
  if (before.flagged) {
    return result(
      "persisting",
      `flagged before (${flags(before)}), not now, but ${reviewers}: nothing shows the dependency was removed`,
      null,
    );
  }
  if (now.flagged) return result("new", `not flagged before; now: ${flags(now)}`, nowHolder);
  return result("none", "flagged in neither period", null);
}

function improvedMedians(before: FrictionSnapshot, now: FrictionSnapshot): string[] {
  const improved: string[] = [];
  const compare = (name: string, was: number | null, is: number | null) => {
    if (was !== null && is !== null && is < was) {
      improved.push(`${name} median ${hoursText(was)} → ${hoursText(is)}`);
    }
  };
  compare("pickup", before.pickupMedianHours, now.pickupMedianHours);
  compare("review", before.reviewMedianHours, now.reviewMedianHours);
  return improved;
}

function flags(snapshot: FrictionSnapshot): string {
  const names: string[] = [];
  if (snapshot.waitsForOnePerson !== null) names.push("waits for one person");
  if (snapshot.slow.pickup) names.push("slow pickup");
  if (snapshot.slow.review) names.push("slow review");
  return names.join(", ");
}

function hoursText(value: number): string {
  return `${Math.round(value * 10) / 10} h`;
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
