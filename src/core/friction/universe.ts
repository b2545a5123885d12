import type { Exclusion, Guarded, Universe } from "./types.js";

/** Counts exclusions by reason and lists them in a fixed order, zero counts left out. */
export class ExclusionTally<R extends string> {
  private readonly counts = new Map<R, number>();

  constructor(private readonly order: readonly R[]) {}

  /** Counts `count` records excluded for `reason`. */
  add(reason: R, count = 1): void {
    if (count > 0) this.counts.set(reason, (this.counts.get(reason) ?? 0) + count);
  }

  /** Adds every count of another tally. */
  merge(other: ExclusionTally<R>): void {
    for (const [reason, count] of other.counts) this.add(reason, count);
  }

  /** The total excluded. */
  total(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  /** The exclusions in the tally's order. */
  list(): Exclusion<R>[] {
    return this.order
      .filter((reason) => (this.counts.get(reason) ?? 0) > 0)
      .map((reason) => ({ reason, count: this.counts.get(reason)! }));
  }

  /** The universe of `counted` records plus these exclusions. */
  universe(counted: number): Universe<R> {
    return { considered: counted + this.total(), counted, excluded: this.list() };
  }
}

/** The reason a group aggregate is withheld. */
export function withheldReason(minGroupSize: number): string {
  return `group smaller than ${minGroupSize}`;
}

/**
 * The guardrail on group aggregates: the figures when at least `minGroupSize` people stand behind
 * them, otherwise only the head count and the reason they are withheld.
 */
export function guard<T extends object>(
  people: number,
  minGroupSize: number,
  figures: () => T,
): Guarded<T> {
  if (people < minGroupSize) return { people, withheld: withheldReason(minGroupSize) };
  return { people, withheld: null, ...figures() };
}
