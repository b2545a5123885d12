/**
 * Worked examples of the Avelino et al. (ICPC 2016) rules that `--compat avelino2016` must keep, each chosen so
 * that breaking the rule changes the answer. (Histories, renames, thresholds, FA on re-adds and the
 * greedy loop have their own examples in doa.test.ts, truck-factor.test.ts and analyse.test.ts.)
 */
import { describe, expect, it } from "vitest";
import { analyseKnowledge } from "../../../src/core/knowledge/analyse.js";
import { fileAuthorship } from "../../../src/core/knowledge/doa.js";
import type { AuthorshipRecord } from "../../../src/core/model.js";
import { added, modified } from "../../builders.js";

const compat = (records: AuthorshipRecord[], files: string[]) =>
  analyseKnowledge({
    records,
    files,
    lastActive: new Map(),
    asOf: 1_800_000_000,
    activeDays: 180,
    mode: "avelino2016",
    depth: 0,
    components: [],
  });

describe("avelino2016: the rules of §1, one worked example each", () => {
  it("an add is neither a delivery nor an acceptance, even a re-add by someone else (§1.3)", () => {
    // X adds, the file is deleted, Y adds it again, Z modifies once. AC counts M and R only:
    // X: FA=1, DL=0, AC=1 → 4.168; Y the same; Z: FA=0, DL=1, AC=0 → 3.457; 3.457/4.168 = 0.829.
    // Were Y's add an acceptance, X would have AC=2 (4.038) and Z AC=1 (3.235 < 3.293, no FA).
    const file = fileAuthorship([added("a.ts", "x"), added("a.ts", "y"), modified("a.ts", "z")], {
      coAuthors: false,
    });
    expect(file?.doa.x).toBeCloseTo(4.168, 3);
    expect(file?.doa.y).toBeCloseTo(4.168, 3);
    expect(file?.doa.z).toBeCloseTo(3.457, 3);
    expect(file?.authors).toEqual(["x", "y", "z"]);
  });

  it("drops files with no record from the denominator (§1.1)", () => {
    // a.ts by x, b.ts by y; c.ts and d.ts exist at the ref but no record reaches them.
    // N = 2: remove x → 1/2, not below one half → remove y → 0 → TF 2.
    // Counting c.ts and d.ts (N = 4) would stop after x at 1/4 → TF 1.
    const result = compat(
      [added("a.ts", "x"), added("b.ts", "y")],
      ["a.ts", "b.ts", "c.ts", "d.ts"],
    );
    expect(result.filesScored).toBe(2);
    expect(result.filesWithoutHistory).toBe(2);
    expect(result.repository.truckFactor).toBe(2);
    expect(result.repository.truckFactorDevelopers).toEqual(["x", "y"]);
  });

  it("runs the greedy loop unpruned (§1.4): a developer with under 10 % of the top's files counts", () => {
    // x adds f01..f30; d01..d30 add one file each (g01..g30): N = 60.
    // Remove x (30 files) → 30/60, not below one half → remove d01 (1 file; ties by id) → 29/60 → TF 2.
    // The pruned variant would drop d01 (1 < 10 % of 30) and report TF 1.
    const pad = (i: number) => String(i).padStart(2, "0");
    const records: AuthorshipRecord[] = [];
    const files: string[] = [];
    for (let i = 1; i <= 30; i++) {
      records.push(added(`f${pad(i)}.ts`, "x"), added(`g${pad(i)}.ts`, `d${pad(i)}`));
      files.push(`f${pad(i)}.ts`, `g${pad(i)}.ts`);
    }
    const result = compat(records, files);
    expect(result.repository.truckFactor).toBe(2);
    expect(result.repository.truckFactorDevelopers).toEqual(["x", "d01"]);
  });
});
