/**
 * Classification: every rule is tested on every contribution; for each leverage type the first
 * matching rule (in rule order) gives the classification, so a contribution carries every type any
 * rule gives it — a code change that adds tests is execution and capability. Classifications are
 * listed in `LEVERAGE_TYPES` order. A contribution no rule matches gets its kind's fallback type
 * (`KIND_FALLBACK`, rule id `fallback`), so each has at least one; with the default rules every
 * contribution matches a rule and the fallback only serves custom rule sets.
 */
import { LEVERAGE_TYPES, type LeverageType } from "../model.js";
import { type CompiledCondition, compileCondition } from "./condition.js";
import { kindNoun } from "./facts.js";
import type {
  Classification,
  ClassifiedContribution,
  Contribution,
  ContributionKind,
  LeverageRule,
} from "./model.js";

export { type LeverageMix, leverageMix, type MixEvidence } from "./mix.js";

/** The rule id of fallback classifications. */
export const FALLBACK_RULE = "fallback";

/** The type a contribution gets when no rule matches it. */
export const KIND_FALLBACK: Record<ContributionKind, LeverageType> = {
  commit: "execution",
  "pull-request": "execution",
  review: "capability",
  decision: "decision",
  "incident-response": "coordination",
  help: "capability",
};

interface CompiledRule {
  rule: LeverageRule;
  test: CompiledCondition;
}

/**
 * Classifies contributions by the rules (see the module comment for the precise semantics). Rules
 * should be validated first; a `titleMatches` that is not a regular expression throws, naming the
 * rule.
 */
export function classifyContributions(
  contributions: Contribution[],
  rules: LeverageRule[],
): ClassifiedContribution[] {
  const compiled: CompiledRule[] = rules.map((rule) => ({
    rule,
    test: compileCondition(rule.when, `rule ${rule.id}: when`),
  }));
  return contributions.map((contribution) => ({
    ...contribution,
    leverage: classifyOne(contribution, compiled),
  }));
}

function classifyOne(contribution: Contribution, rules: CompiledRule[]): Classification[] {
  const byType = new Map<LeverageType, Classification>();
  for (const { rule, test } of rules) {
    if (byType.has(rule.type)) continue;
    const outcome = test(contribution);
    if (outcome.matched) {
      byType.set(rule.type, { type: rule.type, rule: rule.id, because: outcome.because });
    }
  }
  const leverage = LEVERAGE_TYPES.flatMap((type) => {
    const classification = byType.get(type);
    return classification === undefined ? [] : [classification];
  });
  if (leverage.length > 0) return leverage;
  const type = KIND_FALLBACK[contribution.kind];
  const because = `no rule matched; ${kindNoun(contribution.kind)} counts as ${type} by default`;
  return [{ type, rule: FALLBACK_RULE, because }];
}
