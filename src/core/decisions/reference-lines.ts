import type { Decision } from "./model.js";
import type { LocatedReference } from "./supersession.js";

/**
 * The line each raw reference was read from, kept beside a parsed decision (not in it, so the
 * decision stays plain data) for `resolveReferences` to name lines in its warnings.
 */
const referenceLines = new WeakMap<Decision, Map<string, number>>();

/** Keeps the lines of `decision`'s raw references for `referenceLine`. */
export function rememberReferenceLines(decision: Decision, references: LocatedReference[]): void {
  referenceLines.set(decision, new Map(references.map((r) => [r.reference, r.line])));
}

/** The line `reference` was read from; 1 when unknown (a decision not straight from the parser). */
export function referenceLine(decision: Decision, reference: string): number {
  return referenceLines.get(decision)?.get(reference) ?? 1;
}
