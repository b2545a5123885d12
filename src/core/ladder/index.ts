/** Career ladders as data: the model, legible's default ladder, leverage keyword rules. */
export { DEFAULT_EVIDENCE } from "./default-evidence.js";
export { DEFAULT_LADDER } from "./default-ladder.js";
export {
  type CriterionEvidence,
  criterionEvidence,
  EVIDENCE_KEYWORDS,
  EVIDENCE_RULES,
  type EvidenceRule,
  inferEvidence,
} from "./evidence.js";
export {
  inferLeverage,
  LEVERAGE_KEYWORD_RULES,
  type LeverageKeywordMatch,
  type LeverageKeywordRule,
  leverageKeywordMatches,
} from "./leverage-keywords.js";
export {
  criteriaFor,
  findLevel,
  type Ladder,
  type LadderCriterion,
  type LadderLevel,
  type LadderTheme,
  levelsOnTrack,
  peerLevel,
  SCOPES,
  type Scope,
  TRACKS,
  type Track,
  validateLadder,
} from "./model.js";
