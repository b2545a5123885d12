import { describe, expect, it } from "vitest";
import {
  criteriaFor,
  findLevel,
  type Ladder,
  type LadderCriterion,
  levelsOnTrack,
  peerLevel,
  validateLadder,
} from "../../../src/core/ladder/model.js";
import type { LeverageType } from "../../../src/core/model.js";

function criterion(id: string, level: string, theme = "t"): LadderCriterion {
  return { id, theme, level, text: `text of ${id}`, examples: [], leverage: [] };
}

/** Two shared levels, then an IC and a manager track of two levels each, then a shared top. */
const SMALL: Ladder = {
  id: "small",
  name: "Small",
  source: "legible",
  levels: [
    { id: "junior", name: "Junior", track: "shared", rank: 1, scope: "tasks" },
    { id: "mid", name: "Mid", track: "shared", rank: 2, scope: "features" },
    { id: "senior", name: "Senior", track: "ic", rank: 3, scope: "systems" },
    { id: "staff", name: "Staff", track: "ic", rank: 4, scope: "outcomes" },
    { id: "em", name: "Engineering Manager", track: "manager", rank: 3, scope: "systems" },
    { id: "director", name: "Director", track: "manager", rank: 5, scope: "outcomes" },
    { id: "vp", name: "VP", track: "shared", rank: 6, scope: "outcomes" },
  ],
  themes: [{ id: "t", name: "Theme", summary: null, leverage: ["execution"] }],
  criteria: [
    criterion("s1", "senior"),
    criterion("j1", "junior"),
    criterion("e1", "em"),
    criterion("m1", "mid"),
    criterion("st1", "staff"),
    criterion("v1", "vp"),
  ],
};

describe("validateLadder", () => {
  it("finds nothing wrong with a sound ladder", () => {
    expect(validateLadder(SMALL)).toEqual([]);
  });

  it("names unknown themes and levels, duplicate ids, empty names and bad ranks", () => {
    const broken: Ladder = {
      ...SMALL,
      name: " ",
      levels: [...SMALL.levels, { id: "mid", name: "", track: "ic", rank: 0, scope: null }],
      themes: [...SMALL.themes, { id: "t", name: "Again", summary: null, leverage: [] }],
      criteria: [
        ...SMALL.criteria,
        criterion("s1", "senior"),
        criterion("x", "principal", "craft"),
        { ...criterion("y", "junior"), text: "" },
        { ...criterion("z", "junior"), leverage: ["heroics" as LeverageType] },
      ],
    };
    expect(validateLadder(broken)).toEqual([
      "the ladder has an empty name",
      "duplicate level id 'mid'",
      "duplicate theme id 't'",
      "duplicate criterion id 's1'",
      "level 'mid': empty name",
      "level 'mid': rank 0 is not a positive integer",
      "criterion 'x': unknown level 'principal'",
      "criterion 'x': unknown theme 'craft'",
      "criterion 'y': empty text",
      "criterion 'z': unknown leverage type 'heroics'",
    ]);
  });

  it("reports a ladder without levels", () => {
    expect(validateLadder({ ...SMALL, levels: [], criteria: [] })).toEqual([
      "the ladder has no levels",
    ]);
  });
});

describe("levelsOnTrack", () => {
  it("gives the track's own levels and the shared ones, most junior first", () => {
    expect(levelsOnTrack(SMALL, "ic").map((level) => level.id)).toEqual([
      "junior",
      "mid",
      "senior",
      "staff",
      "vp",
    ]);
    expect(levelsOnTrack(SMALL, "manager").map((level) => level.id)).toEqual([
      "junior",
      "mid",
      "em",
      "director",
      "vp",
    ]);
    expect(levelsOnTrack(SMALL, "shared").map((level) => level.id)).toEqual([
      "junior",
      "mid",
      "vp",
    ]);
  });
});

describe("peerLevel", () => {
  it("finds the level of the same rank on the other track", () => {
    expect(peerLevel(SMALL, "senior", "manager")?.id).toBe("em");
    expect(peerLevel(SMALL, "em", "ic")?.id).toBe("senior");
  });

  it("gives null when the other track has nothing at that rank, or the level is unknown", () => {
    expect(peerLevel(SMALL, "staff", "manager")).toBeNull();
    expect(peerLevel(SMALL, "director", "ic")).toBeNull();
    expect(peerLevel(SMALL, "nobody", "ic")).toBeNull();
  });

  it("treats a shared level as on both tracks, and a level as its own peer", () => {
    expect(peerLevel(SMALL, "mid", "manager")?.id).toBe("mid");
    expect(peerLevel(SMALL, "senior", "ic")?.id).toBe("senior");
  });
});

describe("criteriaFor", () => {
  it("gives a level's own criteria", () => {
    expect(criteriaFor(SMALL, "senior").map((c) => c.id)).toEqual(["s1"]);
    expect(criteriaFor(SMALL, "unknown")).toEqual([]);
  });

  it("adds the lower levels of the same track and the shared ones when cumulative", () => {
    expect(criteriaFor(SMALL, "staff", { cumulative: true }).map((c) => c.id)).toEqual([
      "j1",
      "m1",
      "s1",
      "st1",
    ]);
    expect(criteriaFor(SMALL, "em", { cumulative: true }).map((c) => c.id)).toEqual([
      "j1",
      "m1",
      "e1",
    ]);
  });

  it("gives a shared level above a split only the shared levels below it", () => {
    expect(criteriaFor(SMALL, "vp", { cumulative: true }).map((c) => c.id)).toEqual([
      "j1",
      "m1",
      "v1",
    ]);
  });
});

describe("findLevel", () => {
  it("finds a level by id or by name in any case", () => {
    expect(findLevel(SMALL, "em")?.id).toBe("em");
    expect(findLevel(SMALL, "engineering manager")?.id).toBe("em");
    expect(findLevel(SMALL, "STAFF")?.id).toBe("staff");
    expect(findLevel(SMALL, "cto")).toBeNull();
  });
});
