/**
 * Shared shapes of the friction and heroics analyses: the period, the universe every figure rests
 * on, the thresholds and the guardrail on group aggregates. Plain data; times are Unix seconds.
 */
import type { AreaKnowledge } from "../knowledge/index.js";

/** A half-open time window `[since, until)`, Unix seconds (UTC). */
export interface Period {
  since: number;
  until: number;
}

/** An area's knowledge status, as the knowledge analyses give it. */
export type KnowledgeStatus = AreaKnowledge["status"];

/** How many records one reason kept out of a figure. */
export interface Exclusion<R extends string = string> {
  reason: R;
  count: number;
}

/**
 * What a figure rests on: `considered = counted + Σ excluded[].count`. Exclusions are listed in a
 * fixed order per kind of record, and only when their count is above zero.
 */
export interface Universe<R extends string = string> {
  considered: number;
  counted: number;
  excluded: Exclusion<R>[];
}

/**
 * A group aggregate (a team) shown only when enough people stand behind it. `people` is always
 * given; the figures are present only when `withheld` is null.
 */
export type Guarded<T> =
  | ({ people: number; withheld: null } & T)
  | { people: number; withheld: string };

/** Thresholds of the review-friction analyses; every one is reported with the result. */
export interface ReviewThresholds {
  /** "Work here waits for one person": the top reviewer did at least this share … */
  oneReviewerShare: number;
  /** … of at least this many reviews (pull request × reviewer pairs). */
  oneReviewerMinReviews: number;
  /** An area is slow when its pickup or review median exceeds the overall median × this factor. */
  slowFactor: number;
  /** Team aggregates need at least this many people behind them. */
  minGroupSize: number;
}

/** Thresholds of the incident analysis; every one is reported with the result. */
export interface HeroicsThresholds {
  /** "Heroics": one responder handled at least this share … */
  heroicsShare: number;
  /** … of at least this many incidents. */
  heroicsMinIncidents: number;
  /** Team aggregates need at least this many people behind them. */
  minGroupSize: number;
}

/** Defaults of {@link ReviewThresholds}. */
export const DEFAULT_REVIEW_THRESHOLDS: Readonly<ReviewThresholds> = Object.freeze({
  oneReviewerShare: 0.7,
  oneReviewerMinReviews: 5,
  slowFactor: 1.5,
  minGroupSize: 5,
});

/** Defaults of {@link HeroicsThresholds}. */
export const DEFAULT_HEROICS_THRESHOLDS: Readonly<HeroicsThresholds> = Object.freeze({
  heroicsShare: 0.5,
  heroicsMinIncidents: 4,
  minGroupSize: 5,
});

/** The risk label carried by an area or team whose reviews depend on one person. */
export const WAITS_FOR_ONE_PERSON = "work here waits for one person";

/** The explanation given when a slow area is also a knowledge island. */
export const EXPLAINED_BY_KNOWLEDGE = "the wait is explained by knowledge concentration";

/** The risk label carried by a service, area or team whose incidents depend on one responder. */
export const HEROICS = "heroics: one responder handled most incidents";
