import { describe, expect, it } from "vitest";
import { otherTeamsPerChange } from "../../../src/app/coordination.js";
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

describe("other teams per change, per roster team", () => {
  it("counts owning teams other than the author's own, per quarter", () => {
    const change = (time: number, teams: string[], authorTeam: string | null) => ({
      id: String(time),
      time,
      areas: [],
      teams,
      authorTeam,
    });
    const figures = otherTeamsPerChange(
      {
        kind: "commits",
        changes: [
          change(10, ["a", "b", "c"], "a"),
          change(20, ["a", "b"], "a"),
          change(110, ["a"], "a"),
          change(120, ["a", "b"], "a"),
          change(130, ["b"], "b"),
          change(140, ["a"], null),
        ],
      },
      { now: { since: 100, until: 200 }, before: { since: 0, until: 100 } },
    );
    expect([...figures]).toEqual([
      ["a", { now: { changes: 2, mean: 0.5 }, before: { changes: 2, mean: 1.5 } }],
      ["b", { now: { changes: 1, mean: 0 }, before: { changes: 0, mean: null } }],
    ]);
  });
});
