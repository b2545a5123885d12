import { describe, expect, it } from "vitest";
import { truckFactor } from "../../../src/core/knowledge/truck-factor.js";

/** `{ f1: ["a"], f2: ["a", "b"] }` → Map. */
function files(authors: Record<string, string[]>): Map<string, string[]> {
  return new Map(Object.entries(authors));
}

/** Files `prefix1..prefixN` all authored by `people`. */
function many(prefix: string, n: number, people: string[]): Record<string, string[]> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i + 1}`, people]));
}

const noDeliveries = new Map<string, number>();

describe("truckFactor", () => {
  it("is 0 when coverage starts below one half", () => {
    const result = truckFactor({
      authorsByFile: files({ f1: ["a"], f2: [], f3: [], f4: [] }),
      deliveries: noDeliveries,
      prune: false,
    });
    expect(result).toEqual({
      truckFactor: 0,
      developers: [],
      coverage: [0.25],
      files: 4,
      pruned: [],
    });
  });

  it("keeps removing while coverage is exactly one half", () => {
    // A: f1 f2 f3, B: f3 f4. Remove A → B covers 2/4 = 0.5 → remove B → 0.
    const result = truckFactor({
      authorsByFile: files({ f1: ["a"], f2: ["a"], f3: ["a", "b"], f4: ["b"] }),
      deliveries: noDeliveries,
      prune: false,
    });
    expect(result.truckFactor).toBe(2);
    expect(result.developers).toEqual(["a", "b"]);
    expect(result.coverage).toEqual([1, 0.5, 0]);
  });

  it("removes by total authored files, not by files only that developer covers", () => {
    // A: f1..f6, B: f1..f5, C: f7..f10, N = 10. By total: A (6), B (5) → C alone covers 0.4.
    // A marginal greedy would take C first (the only one whose removal uncovers 4 files).
    const result = truckFactor({
      authorsByFile: files({
        ...many("f", 5, ["a", "b"]),
        f6: ["a"],
        f7: ["c"],
        f8: ["c"],
        f9: ["c"],
        f10: ["c"],
      }),
      deliveries: noDeliveries,
      prune: false,
    });
    expect(result.developers).toEqual(["a", "b"]);
    expect(result.coverage).toEqual([1, 0.9, 0.4]);
    expect(result.truckFactor).toBe(2);
  });

  it("breaks ties by more deliveries, then by id", () => {
    const authorsByFile = files({ f1: ["a"], f2: ["a"], f3: ["b"], f4: ["b"] });
    const byDeliveries = truckFactor({
      authorsByFile,
      deliveries: new Map([
        ["a", 5],
        ["b", 9],
      ]),
      prune: false,
    });
    expect(byDeliveries.developers).toEqual(["b", "a"]);
    const byId = truckFactor({ authorsByFile, deliveries: noDeliveries, prune: false });
    expect(byId.developers).toEqual(["a", "b"]);
    const reversedInput = truckFactor({
      authorsByFile: new Map([...authorsByFile].reverse()),
      deliveries: noDeliveries,
      prune: false,
    });
    expect(reversedInput.developers).toEqual(["a", "b"]);
  });

  it("lets the tie-break decide the truck factor", () => {
    // N = 7. A: f1 f2 f3; B: f4 f5 f6; C: f1 f2; f7 has no author. A and B tie on 3 files.
    // B first: A and C cover 3/7 → TF 1. A first: B and C cover 5/7 → remove B → 2/7 → TF 2.
    const authorsByFile = files({
      f1: ["a", "c"],
      f2: ["a", "c"],
      f3: ["a"],
      f4: ["b"],
      f5: ["b"],
      f6: ["b"],
      f7: [],
    });
    const bDeliversMore = truckFactor({
      authorsByFile,
      deliveries: new Map([
        ["a", 4],
        ["b", 7],
      ]),
      prune: false,
    });
    expect(bDeliversMore.developers).toEqual(["b"]);
    expect(bDeliversMore.coverage).toEqual([6 / 7, 3 / 7]);
    const aDeliversMore = truckFactor({
      authorsByFile,
      deliveries: new Map([
        ["a", 7],
        ["b", 4],
      ]),
      prune: false,
    });
    expect(aDeliversMore.developers).toEqual(["a", "b"]);
    expect(aDeliversMore.coverage).toEqual([6 / 7, 5 / 7, 2 / 7]);
    const sameDeliveries = truckFactor({ authorsByFile, deliveries: noDeliveries, prune: false });
    expect(sameDeliveries.developers).toEqual(["a", "b"]);
  });

  it("prunes developers below 10 % of the top developer's files", () => {
    // A authors f1..f11; B1..B6 one file each among f1..f6.
    // Remove A → 6/11 → remove B1 → 5/11 < 0.5. B1: 1 file < 1.1 → pruned.
    const authorsByFile = files({
      ...many("f", 11, ["a"]),
      f1: ["a", "b1"],
      f2: ["a", "b2"],
      f3: ["a", "b3"],
      f4: ["a", "b4"],
      f5: ["a", "b5"],
      f6: ["a", "b6"],
    });
    const unpruned = truckFactor({ authorsByFile, deliveries: noDeliveries, prune: false });
    expect(unpruned).toMatchObject({ truckFactor: 2, developers: ["a", "b1"], pruned: [] });
    const pruned = truckFactor({ authorsByFile, deliveries: noDeliveries, prune: true });
    expect(pruned).toEqual({
      truckFactor: 1,
      developers: ["a"],
      coverage: [1, 6 / 11, 5 / 11],
      files: 11,
      pruned: ["b1"],
    });
  });

  it("keeps a developer at exactly 10 % of the top developer's files", () => {
    // Same shape with A at 10 files and B1..B5: 1 file is exactly 10 %.
    const authorsByFile = files({
      ...many("f", 10, ["a"]),
      f1: ["a", "b1"],
      f2: ["a", "b2"],
      f3: ["a", "b3"],
      f4: ["a", "b4"],
      f5: ["a", "b5"],
    });
    const result = truckFactor({ authorsByFile, deliveries: noDeliveries, prune: true });
    expect(result).toMatchObject({ truckFactor: 2, developers: ["a", "b1"], pruned: [] });
  });

  it("keeps 3 files of 30 and prunes 2 of 21", () => {
    // N = 30. top authors all; "three" t1..t3; 13 people one file each among t4..t16.
    // Remove top → 16/30 → remove three → 13/30 < 0.5 → TF 2.
    const authorsByFile = files({
      ...many("t", 30, ["top"]),
      t1: ["top", "three"],
      t2: ["top", "three"],
      t3: ["top", "three"],
      ...Object.fromEntries(
        Array.from({ length: 13 }, (_, i) => [`t${i + 4}`, ["top", `one${i}`]]),
      ),
    });
    const result = truckFactor({ authorsByFile, deliveries: noDeliveries, prune: true });
    expect(result).toMatchObject({ truckFactor: 2, developers: ["top", "three"], pruned: [] });
    expect(result.coverage).toEqual([1, 16 / 30, 13 / 30]);
    // N = 21. top authors all; "two" t1 t2; 9 people one file each among t3..t11.
    // Remove top → 11/21 → remove two → 9/21 → TF 2 unpruned; 2 files < 2.1 → pruned.
    const below = files({
      ...many("t", 21, ["top"]),
      t1: ["top", "two"],
      t2: ["top", "two"],
      ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`t${i + 3}`, ["top", `one${i}`]])),
    });
    expect(truckFactor({ authorsByFile: below, deliveries: noDeliveries, prune: true })).toEqual({
      truckFactor: 1,
      developers: ["top"],
      coverage: [1, 11 / 21, 9 / 21],
      files: 21,
      pruned: ["two"],
    });
  });

  it("treats files whose authors are all ineligible as uncovered from the start", () => {
    const authorsByFile = files({ f1: ["gone"], f2: ["b"], f3: ["b"], f4: ["gone"] });
    const result = truckFactor({
      authorsByFile,
      deliveries: noDeliveries,
      prune: false,
      eligible: (person) => person !== "gone",
    });
    expect(result).toEqual({
      truckFactor: 1,
      developers: ["b"],
      coverage: [0.5, 0],
      files: 4,
      pruned: [],
    });
    const nobody = truckFactor({
      authorsByFile,
      deliveries: noDeliveries,
      prune: true,
      eligible: () => false,
    });
    expect(nobody).toEqual({ truckFactor: 0, developers: [], coverage: [0], files: 4, pruned: [] });
  });

  it("is 0 with no files", () => {
    expect(
      truckFactor({ authorsByFile: new Map(), deliveries: noDeliveries, prune: true }),
    ).toEqual({ truckFactor: 0, developers: [], coverage: [0], files: 0, pruned: [] });
  });

  it("counts an author listed twice on a file once", () => {
    const result = truckFactor({
      authorsByFile: files({ f1: ["a", "a"], f2: ["b"], f3: ["b"] }),
      deliveries: noDeliveries,
      prune: false,
    });
    // Counted twice, A would tie B on two files and go first (id order), giving TF 2.
    expect(result.developers).toEqual(["b"]);
    expect(result.coverage).toEqual([1, 1 / 3]);
  });
});
