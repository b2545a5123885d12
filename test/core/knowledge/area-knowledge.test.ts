import { describe, expect, it } from "vitest";
import { compareAreasByRisk } from "../../../src/core/knowledge/area-knowledge.js";
import type { AreaKnowledge } from "../../../src/core/knowledge/knowledge-types.js";

function anArea(
  id: string,
  status: AreaKnowledge["status"],
  truckFactor: number,
  files: number,
): AreaKnowledge {
  return {
    id,
    kind: "directory",
    label: id,
    files,
    truckFactor,
    truckFactorDevelopers: [],
    allTimeTruckFactor: truckFactor,
    authors: [],
    activeAuthors: 0,
    status,
    orphanedFiles: 0,
    singleAuthorFiles: 0,
  };
}

describe("compareAreasByRisk", () => {
  it("puts orphaned areas first, then islands, then truck factor, size and id", () => {
    const areas = [
      anArea("shared-big", "shared", 3, 90),
      anArea("risk-b", "at-risk", 1, 10),
      anArea("island", "knowledge-island", 4, 5),
      anArea("shared-small", "shared", 3, 20),
      anArea("risk-a", "at-risk", 1, 10),
      anArea("orphan", "orphaned", 0, 1),
      anArea("shared-2", "shared", 2, 1),
      anArea("risk-large", "at-risk", 1, 50),
      anArea("zero", "at-risk", 0, 2),
    ];
    expect(areas.sort(compareAreasByRisk).map((area) => area.id)).toEqual([
      "orphan",
      "island",
      "zero",
      "risk-large",
      "risk-a",
      "risk-b",
      "shared-2",
      "shared-big",
      "shared-small",
    ]);
  });
});
