import { LEVERAGE_TYPES, type LeverageType } from "../model.js";

/**
 * Which leverage types the words of an imported ladder's text suggest. The rules are data: a
 * leverage type and word stems. A stem matches at the start of a word, case-insensitively, and
 * any ending may follow ("test" matches "tests" and "well-tested", not "latest"; "dependenc"
 * matches "dependency" and "dependencies"). Phrases match as written.
 *
 * The stems are product.md's: decisions and trade-offs → decision; cross-team work, dependencies,
 * migrations → coordination; docs, runbooks, tests, mentoring, pairing, teaching, reviews →
 * capability; business, customers, strategy, outcomes, cost → strategic; shipping, delivering,
 * implementing, code → execution. Added beyond that list, for spellings the ladders use: "decid",
 * "tradeoff", "coordinat"/"co-ordinat", "across teams", "multiple teams", "cross-functional",
 * "onboard", "coach", "strateg" (strategic, strategically).
 *
 * Known misreadings, kept rather than patched with exceptions: "code review" reads as execution
 * and capability; "business" in "business as usual" reads as strategic.
 */
export interface LeverageKeywordRule {
  leverage: LeverageType;
  stems: readonly string[];
}

/** The rules, one per leverage type. */
export const LEVERAGE_KEYWORD_RULES: readonly LeverageKeywordRule[] = [
  { leverage: "execution", stems: ["ship", "deliver", "implement", "code"] },
  { leverage: "decision", stems: ["decision", "decid", "trade-off", "tradeoff"] },
  {
    leverage: "coordination",
    stems: [
      "cross-team",
      "across teams",
      "multiple teams",
      "cross-functional",
      "dependenc",
      "migration",
      "coordinat",
      "co-ordinat",
    ],
  },
  {
    leverage: "capability",
    stems: ["document", "runbook", "test", "mentor", "pair", "teach", "review", "onboard", "coach"],
  },
  { leverage: "strategic", stems: ["business", "customer", "strateg", "outcome", "cost"] },
];

/** One keyword found in a text: the rule's leverage type, its stem and the word as written. */
export interface LeverageKeywordMatch {
  leverage: LeverageType;
  stem: string;
  word: string;
}

const COMPILED = LEVERAGE_KEYWORD_RULES.flatMap((rule) =>
  rule.stems.map((stem) => ({
    leverage: rule.leverage,
    stem,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(stem)}[\\p{L}\\p{N}-]*`, "iu"),
  })),
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every rule that matches `text`, with the word it matched: the "why" of a classification. */
export function leverageKeywordMatches(text: string): LeverageKeywordMatch[] {
  const matches: LeverageKeywordMatch[] = [];
  for (const rule of COMPILED) {
    const found = rule.pattern.exec(text);
    if (found) matches.push({ leverage: rule.leverage, stem: rule.stem, word: found[0] });
  }
  return matches;
}

/**
 * The leverage types of `base` and those `text`'s keywords suggest, without repeats, in the order
 * of `LEVERAGE_TYPES`.
 */
export function inferLeverage(text: string, base: readonly LeverageType[] = []): LeverageType[] {
  const found = new Set<LeverageType>(base);
  for (const match of leverageKeywordMatches(text)) found.add(match.leverage);
  return LEVERAGE_TYPES.filter((type) => found.has(type));
}
