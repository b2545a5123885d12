import { describe, expect, it } from "vitest";
import { inPeriod, median, monthsOf, previousPeriod } from "../../../src/core/friction/index.js";
import { guard } from "../../../src/core/friction/universe.js";
import { DAY, days, T0 } from "./builders.js";

describe("median", () => {
  it("is the middle value, the mean of the two middle ones for an even count, null for none", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });
});

describe("periods", () => {
  it("are half-open", () => {
    const period = days(0, 7);
    expect(inPeriod(T0, period)).toBe(true);
    expect(inPeriod(T0 + 7 * DAY - 1, period)).toBe(true);
    expect(inPeriod(T0 + 7 * DAY, period)).toBe(false);
  });

  it("have a previous period of the same length ending where they start", () => {
    expect(previousPeriod(days(7, 7))).toEqual(days(0, 7));
  });

  it("list the UTC months they overlap", () => {
    const since = Date.UTC(2025, 10, 20) / 1000;
    const until = Date.UTC(2026, 1, 1) / 1000;
    expect(monthsOf({ since, until })).toEqual(["2025-11", "2025-12", "2026-01"]);
    expect(monthsOf({ since: until, until })).toEqual([]);
  });
});

describe("the group-size guardrail", () => {
  it("withholds figures below the minimum and keeps the head count", () => {
    expect(guard(4, 5, () => ({ median: 3 }))).toEqual({
      people: 4,
      withheld: "group smaller than 5",
    });
    expect(guard(5, 5, () => ({ median: 3 }))).toEqual({ people: 5, withheld: null, median: 3 });
  });
});
