import { describe, expect, it } from "vitest";
import { analyseKnowledge } from "../../../src/core/knowledge/analyse.js";
import { aLargeRepository } from "./large-repository.js";

describe("analyseKnowledge at scale", () => {
  it("handles 20,000 files and 500,000 records", () => {
    const input = aLargeRepository();
    expect(input.records).toHaveLength(500_000);
    for (const mode of ["default", "avelino2016"] as const) {
      const result = analyseKnowledge({ ...input, mode, leave: ["person-0"] });
      expect(result.filesScored).toBe(20_000);
      expect(result.filesWithoutHistory).toBe(0);
      expect(result.repository.files).toBe(20_000);
      expect(result.areas).toHaveLength(6 + 60 + 1);
      expect(result.repository.truckFactor).toBeGreaterThan(0);
      expect(result.repository.allTimeTruckFactor).toBeGreaterThanOrEqual(
        result.repository.truckFactor,
      );
      expect(result.repository.truckFactorDevelopers).not.toContain("person-0");
      expect(result.repository.authors.length).toBeGreaterThan(1);
      const former = result.repository.authors.filter((author) => !author.active);
      expect(former.length).toBeGreaterThan(mode === "default" ? 50 : 0);
    }
  });
});
