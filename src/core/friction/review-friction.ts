/**
 * Review friction per area and per team for one period: where work waits, and whether it waits for
 * one person. People appear only as the holder of a flagged risk, never ranked; records are ordered
 * by area id and team name.
 */
import type { PersonId } from "../model.js";
import {
  type PullRequestExclusion,
  type PullRequestFacts,
  type PullRequestFactsOptions,
  pullRequestFacts,
  type ReviewExclusion,
} from "./pull-request-facts.js";
import { type GroupFigures, type ReviewFrictionFigures, reviewFigures } from "./review-figures.js";
import { groupBy } from "./stats.js";
import {
  DEFAULT_REVIEW_THRESHOLDS,
  EXPLAINED_BY_KNOWLEDGE,
  type Guarded,
  type KnowledgeStatus,
  type Period,
  type ReviewThresholds,
  type Universe,
} from "./types.js";
import { guard } from "./universe.js";

/**
 * Which team a pull request counts for: `owning-team`, every team owning one of the areas it
 * touched (`teamOfArea`: where work waits); `author-team`, its author's team (`teamOf`: whose work
 * waits).
 */
export type TeamBy = "owning-team" | "author-team";

/** Options of {@link analyseReviewFriction}. */
export interface ReviewFrictionOptions extends PullRequestFactsOptions {
  /** A person's team in the roster; null (or absent) without one. */
  teamOf?: (person: PersonId) => string | null;
  /** The team owning an area in the roster; null (or absent) without one. */
  teamOfArea?: (area: string) => string | null;
  /** Default `owning-team`. */
  teamBy?: TeamBy;
  /** The area's status from the knowledge analyses; null (or absent) when unknown. */
  knowledgeStatus?: (area: string) => KnowledgeStatus | null;
  /** Defaults: {@link DEFAULT_REVIEW_THRESHOLDS}. */
  thresholds?: Partial<ReviewThresholds>;
}

/** Review friction of one area. */
export interface AreaReviewFriction extends ReviewFrictionFigures {
  area: string;
  /** Distinct authors and reviewers behind the figures. */
  people: number;
  knowledgeStatus: KnowledgeStatus | null;
  /** Median above the overall median × `slowFactor`. */
  slow: { pickup: boolean; review: boolean };
  /** Set when the area is slow and a knowledge island. */
  explanation: typeof EXPLAINED_BY_KNOWLEDGE | null;
}

/** Review friction of one team, withheld when fewer than `minGroupSize` people stand behind it. */
export type TeamReviewFriction = { team: string } & Guarded<ReviewFrictionFigures>;

/** Result of {@link analyseReviewFriction}. */
export interface ReviewFrictionResult {
  period: Period;
  thresholds: ReviewThresholds;
  teamBy: TeamBy;
  universe: {
    /** Every pull request given: counted ones were merged in the period by a human, in an area. */
    pullRequests: Universe<PullRequestExclusion>;
    /** Review records of the counted pull requests. */
    reviews: Universe<ReviewExclusion>;
  };
  /** Every counted pull request once: the baseline slow areas are measured against. */
  overall: ReviewFrictionFigures & { people: number };
  /** By area id. */
  areas: AreaReviewFriction[];
  /** By team name. */
  teams: TeamReviewFriction[];
}

/** An area's internal record: public figures plus the top reviewer, for period comparisons. */
export interface AreaDetail {
  area: string;
  group: GroupFigures;
  slow: { pickup: boolean; review: boolean };
}

/** Thresholds with defaults filled in. */
export function reviewThresholds(partial?: Partial<ReviewThresholds>): ReviewThresholds {
  return { ...DEFAULT_REVIEW_THRESHOLDS, ...partial };
}

/**
 * Review friction for `period`. For each area and team: pull requests merged, median pickup and
 * review time (hours), reviews, distinct reviewers, the top reviewer's share and, when that share is
 * at least `oneReviewerShare` of at least `oneReviewerMinReviews` reviews, the risk "work here waits
 * for one person" naming its holder. An area whose pickup or review median exceeds the overall
 * median × `slowFactor` is slow; a slow knowledge island carries the explanation "the wait is
 * explained by knowledge concentration". A pull request counts in every area it touched.
 */
export function analyseReviewFriction(options: ReviewFrictionOptions): ReviewFrictionResult {
  return reviewFrictionDetail(options).result;
}

/** {@link analyseReviewFriction} plus each area's internal record (for the period comparison). */
export function reviewFrictionDetail(options: ReviewFrictionOptions): {
  result: ReviewFrictionResult;
  areas: Map<string, AreaDetail>;
} {
  const thresholds = reviewThresholds(options.thresholds);
  const teamBy = options.teamBy ?? "owning-team";
  const { facts, excluded } = pullRequestFacts(options);
  const overall = reviewFigures(facts, thresholds);
  const details = new Map<string, AreaDetail>();
  const areas: AreaReviewFriction[] = [];
  for (const [area, group] of groupBy(facts, (fact) => fact.areas)) {
    const figures = reviewFigures(group, thresholds);
    const slow = {
      pickup: isSlow(
        figures.figures.pickupMedianHours,
        overall.figures.pickupMedianHours,
        thresholds,
      ),
      review: isSlow(
        figures.figures.reviewMedianHours,
        overall.figures.reviewMedianHours,
        thresholds,
      ),
    };
    const knowledgeStatus = options.knowledgeStatus?.(area) ?? null;
    details.set(area, { area, group: figures, slow });
    areas.push({
      area,
      people: figures.people,
      ...figures.figures,
      knowledgeStatus,
      slow,
      explanation:
        (slow.pickup || slow.review) && knowledgeStatus === "knowledge-island"
          ? EXPLAINED_BY_KNOWLEDGE
          : null,
    });
  }
  const teams = groupBy(facts, (fact) => teamsOf(fact, teamBy, options)).map(
    ([team, group]): TeamReviewFriction => {
      const figures = reviewFigures(group, thresholds);
      return { team, ...guard(figures.people, thresholds.minGroupSize, () => figures.figures) };
    },
  );
  return {
    result: {
      period: options.period,
      thresholds,
      teamBy,
      universe: {
        pullRequests: excluded.universe(facts.length),
        reviews: overall.figures.universe.reviews,
      },
      overall: { ...overall.figures, people: overall.people },
      areas,
      teams,
    },
    areas: details,
  };
}

function isSlow(value: number | null, baseline: number | null, thresholds: ReviewThresholds) {
  return (
    value !== null && baseline !== null && value > 0 && value > baseline * thresholds.slowFactor
  );
}

function teamsOf(fact: PullRequestFacts, teamBy: TeamBy, options: ReviewFrictionOptions): string[] {
  const teams =
    teamBy === "author-team"
      ? [options.teamOf?.(fact.author) ?? null]
      : fact.areas.map((area) => options.teamOfArea?.(area) ?? null);
  return teams.filter((team): team is string => team !== null);
}
