import { describe, expect, it } from "vitest";
import { commitRanges, normaliseDeployments } from "../../../src/core/delivery/index.js";
import { ancestryOf, BASE, DAY, deployment, linearHistory } from "./builders.js";

const rangesOf = (
  rows: Parameters<typeof normaliseDeployments>[0],
  parents: Record<string, string[]>,
  mode: "default" | "devlake" | "fourkeys" = "default",
  watch?: Set<string>,
) =>
  commitRanges(normaliseDeployments(rows).deployments, ancestryOf(parents), {
    mode,
    ...(watch ? { watch } : {}),
  });

describe("commitRanges", () => {
  it("walks merges depth first, parents in order, as DevLake's refdiff", () => {
    // m merges f2 (feature: f1 ← f2) into c2; both branch from c1.
    const parents = { c1: [], c2: ["c1"], f1: ["c1"], f2: ["f1"], m: ["c2", "f2"], c3: ["m"] };
    const { deployments } = rangesOf(
      [deployment("d1", "c1", BASE), deployment("d2", "c3", BASE + DAY)],
      parents,
    );
    expect(deployments[1]!.commits).toEqual(["c3", "m", "c2", "f2", "f1"]);
  });

  it("gives the first deployment its whole history only in devlake mode", () => {
    const rows = [deployment("d1", "c3", BASE), deployment("d2", "c5", BASE + DAY)];
    const history = linearHistory(5);
    expect(rangesOf(rows, history, "devlake").deployments.map((d) => d.commits)).toEqual([
      ["c3", "c2", "c1"],
      ["c5", "c4"],
    ]);
    for (const mode of ["default", "fourkeys"] as const) {
      const { deployments, shippedByFirst } = rangesOf(rows, history, mode, new Set(["c2", "c4"]));
      expect(deployments.map((d) => [d.rangeStatus, d.commits])).toEqual([
        ["first of series: no range", null],
        ["range", ["c5", "c4"]],
      ]);
      expect([...shippedByFirst]).toEqual([["c2", "d1"]]);
    }
  });

  it("after a rollback, ships again what the rollback removed", () => {
    const { deployments } = rangesOf(
      [
        deployment("d1", "c2", BASE),
        deployment("d2", "c5", BASE + DAY),
        deployment("rollback", "c3", BASE + 2 * DAY),
        deployment("d3", "c6", BASE + 3 * DAY),
      ],
      linearHistory(6),
    );
    expect(deployments.map((d) => d.commits)).toEqual([
      null,
      ["c5", "c4", "c3"],
      [],
      ["c6", "c5", "c4"],
    ]);
  });

  it("redeploying the same commit ships nothing", () => {
    const { deployments } = rangesOf(
      [
        deployment("d1", "c2", BASE),
        deployment("d2", "c2", BASE + DAY),
        deployment("d3", "c3", BASE + 2 * DAY),
      ],
      linearHistory(3),
    );
    expect(deployments.map((d) => d.commits)).toEqual([null, [], ["c3"]]);
  });

  it("handles commits the history does not hold, per mode", () => {
    const rows = [
      deployment("d1", "c1", BASE),
      deployment("d2", "zz", BASE + DAY),
      deployment("d3", "c3", BASE + 2 * DAY),
    ];
    const history = linearHistory(3);
    expect(rangesOf(rows, history).deployments.map((d) => [d.rangeStatus, d.commits])).toEqual([
      ["first of series: no range", null],
      ["commit not in history", null],
      ["previous commit not in history", null],
    ]);
    // DevLake: an unknown commit is a node without parents.
    expect(rangesOf(rows, history, "devlake").deployments.map((d) => d.commits)).toEqual([
      ["c1"],
      ["zz"],
      ["c3", "c2", "c1"],
    ]);
  });

  it("walks a long history once per series, not once per deployment", () => {
    const n = 100_000;
    const parents = new Map<string, string[]>();
    for (let i = 1; i <= n; i++) parents.set(`c${i}`, i === 1 ? [] : [`c${i - 1}`]);
    let calls = 0;
    const ancestry = {
      parents: (sha: string) => {
        calls++;
        return parents.get(sha);
      },
    };
    const rows = Array.from({ length: 1_000 }, (_, i) =>
      deployment(`d${i}`, `c${(i + 1) * 100}`, BASE + i * 60),
    );
    const { deployments } = commitRanges(normaliseDeployments(rows).deployments, ancestry, {
      mode: "default",
    });
    expect(deployments.slice(1).every((d) => d.commits?.length === 100)).toBe(true);
    // One lookup per commit of each range, plus the walk of the first deployment's history.
    expect(calls).toBeLessThan(2 * n);
  });
});
