/** The leverage mix: how many contributions carry each type, with the evidence behind each. */
import { LEVERAGE_TYPES, type LeverageType } from "../model.js";
import type { ClassifiedContribution } from "./model.js";

/** One contribution behind a leverage type, with why it counts. */
export interface MixEvidence {
  id: string;
  title: string;
  link: string;
  because: string;
}

/** Every leverage type with its count and evidence (types with none have count 0). */
export type LeverageMix = Record<LeverageType, { count: number; evidence: MixEvidence[] }>;

/**
 * Counts, for each leverage type, the contributions classified with it (a contribution with two
 * types counts once under each) and lists them as evidence in input order.
 */
export function leverageMix(classified: ClassifiedContribution[]): LeverageMix {
  const mix = Object.fromEntries(
    LEVERAGE_TYPES.map((type) => [type, { count: 0, evidence: [] as MixEvidence[] }]),
  ) as LeverageMix;
  for (const contribution of classified) {
    for (const { type, because } of contribution.leverage) {
      const entry = mix[type];
      entry.count += 1;
      entry.evidence.push({
        id: contribution.id,
        title: contribution.title,
        link: contribution.link,
        because,
      });
    }
  }
  return mix;
}
