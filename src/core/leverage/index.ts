/**
 * Leverage: transparent, configurable rules that give every contribution (commit, pull request,
 * review, decision record, incident response) one or more of the five leverage types, each with
 * the rule and facts that decided it; the leverage mix with its evidence; and knowledge diffusion.
 */
export {
  classifyContributions,
  FALLBACK_RULE,
  KIND_FALLBACK,
  type LeverageMix,
  leverageMix,
  type MixEvidence,
} from "./classify.js";
export { conventionalTypeOf } from "./conventional.js";
export {
  CI_GLOBS,
  DESIGN_GLOBS,
  DOCS_GLOBS,
  MANIFEST_GLOBS,
  MIGRATION_GLOBS,
  NON_EXECUTION_GLOBS,
  RUNBOOK_GLOBS,
  TEST_GLOBS,
  TOOLING_GLOBS,
} from "./default-globs.js";
export {
  type DiffusionInput,
  type DiffusionResult,
  type DiffusionSupport,
  knowledgeDiffusion,
} from "./diffusion.js";
export {
  type Classification,
  type ClassifiedContribution,
  CONTRIBUTION_KINDS,
  type Contribution,
  type ContributionKind,
  type LeverageRule,
  type RuleCondition,
} from "./model.js";
export { DEFAULT_LEVERAGE_RULES, mergeRules, validateRules } from "./rules.js";
