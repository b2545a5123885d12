import type { DecisionTradeoff } from "./model.js";

/** The tradeoff a record states, as labelled phrases ("risk reduced: …", "accepting …", "good: …"). */
export function tradeoffPhrases(tradeoff: DecisionTradeoff): string[] {
  const parts: string[] = [];
  if (tradeoff.riskReduced) parts.push(`risk reduced: ${tradeoff.riskReduced}`);
  if (tradeoff.optionPreserved) parts.push(`option preserved: ${tradeoff.optionPreserved}`);
  if (tradeoff.costAccepted) parts.push(`cost accepted: ${tradeoff.costAccepted}`);
  if (tradeoff.easierLater) parts.push(`easier later: ${tradeoff.easierLater}`);
  if (tradeoff.outcomeProtected) parts.push(`outcome protected: ${tradeoff.outcomeProtected}`);
  if (tradeoff.accepting) parts.push(`accepting ${tradeoff.accepting}`);
  if (tradeoff.goodConsequences?.length)
    parts.push(`good: ${tradeoff.goodConsequences.join("; ")}`);
  if (tradeoff.badConsequences?.length) parts.push(`bad: ${tradeoff.badConsequences.join("; ")}`);
  return parts;
}
