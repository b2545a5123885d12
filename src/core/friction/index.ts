/**
 * Friction and heroics: pure analyses over pull requests, reviews and incidents. Where work waits
 * and for whom, whether friction was removed or routed around, reviews as a knowledge signal, and
 * where incidents depend on one responder. People appear only as holders of a flagged risk; team
 * aggregates are withheld below a minimum group size; every figure states its universe.
 */
export {
  type AreaFrictionTrend,
  compareReviewFriction,
  type FrictionChange,
  type FrictionSnapshot,
  type FrictionTrendResult,
  reviewFrictionWithTrend,
} from "./friction-trend.js";
export {
  analyseIncidents,
  type GroupIncidents,
  type HeroicsRisk,
  type IncidentFigures,
  type IncidentOptions,
  type IncidentResult,
  type MonthIncidents,
  type ResponderExclusion,
  type RestoreExclusion,
  type TeamIncidents,
  type TeamMonthIncidents,
} from "./incidents.js";
export { inPeriod, monthOf, monthsOf, previousPeriod } from "./period.js";
export {
  NO_PICKUP,
  PULL_REQUEST_EXCLUSIONS,
  type PullRequestExclusion,
  type PullRequestPeople,
  REVIEW_EXCLUSIONS,
  type ReviewExclusion,
} from "./pull-request-facts.js";
export type {
  OneReviewerRisk,
  ReviewFrictionFigures,
  ReviewFrictionUniverse,
} from "./review-figures.js";
export {
  type AreaReviewFriction,
  analyseReviewFriction,
  type ReviewFrictionOptions,
  type ReviewFrictionResult,
  reviewThresholds,
  type TeamBy,
  type TeamReviewFriction,
} from "./review-friction.js";
export {
  type ReviewKnowledge,
  type ReviewKnowledgeOptions,
  type ReviewKnowledgePullRequestExclusion,
  type ReviewKnowledgeReviewExclusion,
  reviewKnowledgeRecords,
} from "./review-knowledge.js";
export { median } from "./stats.js";
export {
  DEFAULT_HEROICS_THRESHOLDS,
  DEFAULT_REVIEW_THRESHOLDS,
  EXPLAINED_BY_KNOWLEDGE,
  type Exclusion,
  type Guarded,
  HEROICS,
  type HeroicsThresholds,
  type KnowledgeStatus,
  type Period,
  type ReviewThresholds,
  type Universe,
  WAITS_FOR_ONE_PERSON,
} from "./types.js";
export { withheldReason } from "./universe.js";
