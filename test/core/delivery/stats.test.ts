import { describe, expect, it } from "vitest";
import {
  interpolatedMedian,
  lowerMedian,
  spanHoursTruncated,
  spanMinutesCeil,
  spanMinutesTruncated,
} from "../../../src/core/delivery/index.js";

/** DevLake's SQL: `max(x) WHERE percent_rank() OVER (ORDER BY x) <= 0.5`. */
function percentRankMedian(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let best: number | null = null;
  sorted.forEach((value) => {
    const rank = sorted.indexOf(value); // rank() − 1: ties share the first position
    const percentRank = n === 1 ? 0 : rank / (n - 1);
    if (percentRank <= 0.5 && (best === null || value > best)) best = value;
  });
  return best;
}

describe("medians", () => {
  it("lowerMedian is DevLake's percent_rank median, ties included", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let trial = 0; trial < 500; trial++) {
      const values = Array.from({ length: 1 + (random() % 12) }, () => random() % 6);
      expect(lowerMedian(values), values.join(",")).toBe(percentRankMedian(values));
    }
    expect(lowerMedian([4, 1, 3, 2])).toBe(2);
    expect(lowerMedian([])).toBeNull();
  });

  it("interpolatedMedian is PERCENTILE_CONT(0.5)", () => {
    expect(interpolatedMedian([4, 1, 3, 2])).toBe(2.5);
    expect(interpolatedMedian([5, 1, 3])).toBe(3);
    expect(interpolatedMedian([])).toBeNull();
  });
});

describe("time spans", () => {
  it("ceils minutes as DevLake's computeTimeSpan, null when negative", () => {
    expect(spanMinutesCeil(0, 61)).toBe(2);
    expect(spanMinutesCeil(0, 60)).toBe(1);
    expect(spanMinutesCeil(0, 0)).toBe(0);
    // Less than a minute backwards: ceil gives −0, which Go does not count as negative.
    expect(Object.is(spanMinutesCeil(30, 0), 0)).toBe(true);
    expect(spanMinutesCeil(61, 0)).toBeNull();
    expect(spanMinutesCeil(null, 10)).toBeNull();
    expect(spanMinutesCeil(10, null)).toBeNull();
  });

  it("truncates minutes and hours as TIMESTAMPDIFF and TIMESTAMP_DIFF", () => {
    expect(spanMinutesTruncated(0, 119)).toBe(1);
    expect(spanMinutesTruncated(119, 0)).toBe(-1);
    expect(spanHoursTruncated(0, 7199)).toBe(1);
  });
});
