import { describe, expect, it } from "vitest";
import { DEFAULT_LADDER } from "../../../src/core/ladder/default-ladder.js";
import {
  criteriaFor,
  levelsOnTrack,
  peerLevel,
  SCOPES,
  validateLadder,
} from "../../../src/core/ladder/model.js";
import { LEVERAGE_TYPES } from "../../../src/core/model.js";

const ladder = DEFAULT_LADDER;

describe("DEFAULT_LADDER", () => {
  it("validates", () => {
    expect(validateLadder(ladder)).toEqual([]);
    expect(ladder.source).toBe("legible");
  });

  it("has an IC track of six levels and a management track of four", () => {
    const names = (track: "ic" | "manager") =>
      levelsOnTrack(ladder, track).map((level) => [level.name, level.rank]);
    expect(names("ic")).toEqual([
      ["Engineer I", 1],
      ["Engineer II", 2],
      ["Senior Engineer", 3],
      ["Staff Engineer", 4],
      ["Senior Staff Engineer", 5],
      ["Principal Engineer", 6],
    ]);
    expect(names("manager")).toEqual([
      ["Engineering Manager", 3],
      ["Senior Engineering Manager", 4],
      ["Director of Engineering", 5],
      ["Senior Director of Engineering", 6],
    ]);
  });

  it("makes the tracks peers: every manager level has an IC peer of the same rank and scope", () => {
    const pairs = levelsOnTrack(ladder, "manager").map((manager) => {
      const peer = peerLevel(ladder, manager.id, "ic");
      expect(peer?.scope).toBe(manager.scope);
      return [manager.id, peer?.id];
    });
    expect(pairs).toEqual([
      ["engineering-manager", "senior"],
      ["senior-engineering-manager", "staff"],
      ["director", "senior-staff"],
      ["senior-director", "principal"],
    ]);
    expect(peerLevel(ladder, "principal", "manager")?.id).toBe("senior-director");
    expect(peerLevel(ladder, "engineer-2", "manager")).toBeNull();
  });

  it("grows scope with level: tasks → features → systems → outcomes", () => {
    expect(levelsOnTrack(ladder, "ic").map((level) => level.scope)).toEqual([
      "tasks",
      "features",
      "systems",
      "outcomes",
      "outcomes",
      "outcomes",
    ]);
    for (const track of ["ic", "manager"] as const) {
      const order = levelsOnTrack(ladder, track).map((level) => SCOPES.indexOf(level.scope!));
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it("has a theme for every leverage type, plus craft and communication", () => {
    for (const type of LEVERAGE_TYPES)
      expect(
        ladder.themes.some((theme) => theme.leverage.includes(type)),
        type,
      ).toBe(true);
    expect(ladder.themes.map((theme) => theme.name)).toEqual([
      "Execution",
      "Decision-making",
      "Coordination",
      "Capability building",
      "Strategic impact",
      "Craft",
      "Communication",
      "People and teams",
    ]);
  });

  it("has 3 to 5 criteria per theme at every level (people: management track only)", () => {
    for (const level of ladder.levels)
      for (const theme of ladder.themes) {
        const count = criteriaFor(ladder, level.id).filter((c) => c.theme === theme.id).length;
        if (theme.id === "people" && level.track === "ic") expect(count).toBe(0);
        else {
          expect(count, `${level.id} × ${theme.id}`).toBeGreaterThanOrEqual(3);
          expect(count, `${level.id} × ${theme.id}`).toBeLessThanOrEqual(5);
        }
      }
  });

  it("gives each criterion its theme's leverage and a stable id", () => {
    const leverageOf = new Map(ladder.themes.map((theme) => [theme.id, theme.leverage]));
    for (const criterion of ladder.criteria) {
      expect(criterion.leverage).toEqual(leverageOf.get(criterion.theme));
      expect(criterion.id).toMatch(new RegExp(`^${criterion.level}\\.${criterion.theme}\\.\\d$`));
    }
    expect(ladder.criteria.find((c) => c.id === "senior.capability-building.1")).toEqual({
      id: "senior.capability-building.1",
      theme: "capability-building",
      level: "senior",
      text: "Makes sure someone else can review, operate and change each system they own.",
      examples: [
        "new authors and reviewers in the system's areas",
        "the area's truck factor above one",
      ],
      leverage: ["capability"],
    });
  });
});
