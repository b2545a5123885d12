/** Disjoint sets over 0..size-1; the smallest member is always the root, so results are stable. */
export class UnionFind {
  private readonly parent: number[];

  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, index) => index);
  }

  /** The root (smallest member) of the set containing `item`. */
  find(item: number): number {
    let root = item;
    while (this.parent[root] !== root) root = this.parent[root]!;
    let current = item;
    while (current !== root) {
      const next = this.parent[current]!;
      this.parent[current] = root;
      current = next;
    }
    return root;
  }

  /** Joins the sets of `a` and `b`. */
  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA < rootB) this.parent[rootB] = rootA;
    else if (rootB < rootA) this.parent[rootA] = rootB;
  }
}
