import { describe, expect, it } from "vitest";
import {
  CODE_MAAT_DEFAULTS,
  changeCoupling,
  teamsDistribution,
} from "../../../src/core/ownership/coordination.js";

const loose = { ...CODE_MAAT_DEFAULTS, minRevs: 1, minSharedRevs: 1, minCoupling: 0 };

describe("code-maat's logical coupling over areas", () => {
  it("degree = shared ÷ mean revisions × 100, truncated; average revisions rounded up", () => {
    // a: 3 change sets, b: 4, shared 2 → 2 ÷ 3.5 = 57.14… → 57; average-revs ceil(3.5) = 4.
    const result = changeCoupling([["a", "b"], ["a", "b"], ["a"], ["b"], ["b", "c"]], loose);
    expect(result.pairs).toEqual([
      { a: "a", b: "b", shared: 2, revsA: 3, revsB: 4, averageRevs: 4, degree: 57 },
      { a: "b", b: "c", shared: 1, revsA: 4, revsB: 1, averageRevs: 3, degree: 40 },
    ]);
    expect(result).toMatchObject({ changesets: 5, tooLarge: 0 });
  });

  it("keeps code-maat's thresholds: min-revs on the mean, min-shared-revs, min and max degree", () => {
    const sets = [["a", "b"], ["a", "b"], ["a"], ["b"], ["b", "c"]];
    expect(changeCoupling(sets, { ...loose, minRevs: 3 }).pairs.map((p) => p.b)).toEqual(["b"]);
    expect(changeCoupling(sets, { ...loose, minSharedRevs: 2 }).pairs.map((p) => p.b)).toEqual([
      "b",
    ]);
    expect(changeCoupling(sets, { ...loose, minCoupling: 50 }).pairs.map((p) => p.b)).toEqual([
      "b",
    ]);
    expect(changeCoupling(sets, { ...loose, maxCoupling: 50 }).pairs.map((p) => p.b)).toEqual([
      "c",
    ]);
    // The defaults (5 revisions, 5 shared, 30 %) keep nothing this small.
    expect(changeCoupling(sets, CODE_MAAT_DEFAULTS).pairs).toEqual([]);
  });

  it("leaves out change sets larger than the cap, from the revisions too; repeated areas count once", () => {
    const result = changeCoupling(
      [
        ["a", "b", "c"],
        ["a", "b"],
        ["a", "a", "b"],
      ],
      {
        ...loose,
        maxChangesetSize: 2,
      },
    );
    expect(result.tooLarge).toBe(1);
    expect(result.pairs).toEqual([
      { a: "a", b: "b", shared: 2, revsA: 2, revsB: 2, averageRevs: 2, degree: 100 },
    ]);
  });
});

describe("teams per change", () => {
  it("counts changes by owning teams; mean and multi-team share over changes with an owner", () => {
    expect(
      teamsDistribution([
        { teams: [] },
        { teams: ["a"] },
        { teams: ["a", "b"] },
        { teams: ["a", "b", "c"] },
      ]),
    ).toEqual({
      changes: 4,
      byTeams: { none: 1, one: 1, two: 1, threeOrMore: 1 },
      mean: 2,
      multiTeamShare: 0.67,
    });
    expect(teamsDistribution([])).toEqual({
      changes: 0,
      byTeams: { none: 0, one: 0, two: 0, threeOrMore: 0 },
      mean: null,
      multiTeamShare: null,
    });
  });
});
