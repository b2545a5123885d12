import type { DeliveryExclusion, DeliveryUniverse } from "./types.js";

/** Counts records per exclusion reason and lists them in a fixed order, zero counts left out. */
export class Tally {
  private readonly counts = new Map<string, number>();
  private readonly order: string[];

  /** `order`: the reasons in the order they are listed; unknown reasons follow, as first seen. */
  constructor(order: readonly string[] = []) {
    this.order = [...order];
  }

  /** Counts `count` records excluded for `reason`. */
  add(reason: string, count = 1): void {
    if (count <= 0) return;
    if (!this.order.includes(reason)) this.order.push(reason);
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + count);
  }

  /** The total excluded. */
  total(): number {
    let total = 0;
    for (const count of this.counts.values()) total += count;
    return total;
  }

  /** The non-zero exclusions in order. */
  list(): DeliveryExclusion[] {
    return this.order
      .filter((reason) => (this.counts.get(reason) ?? 0) > 0)
      .map((reason) => ({ reason, count: this.counts.get(reason)! }));
  }

  /** The universe of `counted` records plus these exclusions (`considered` is their sum). */
  universe(counted: number, links?: { linked: number; unlinked: number }): DeliveryUniverse {
    return {
      considered: counted + this.total(),
      counted,
      ...(links ?? {}),
      excluded: this.list(),
    };
  }
}
