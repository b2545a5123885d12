import { describe, expect, it } from "vitest";
import { bandOf, DORA_BANDS } from "../../../src/core/delivery/index.js";

const HOUR = 60;
const DAY = 24 * HOUR;

describe("DORA bands", () => {
  it("ships the 2024 report's table as data", () => {
    expect(Object.keys(DORA_BANDS)).toEqual(["2024"]);
    expect(DORA_BANDS[2024]!.levels.medium.wording.changeFailureRate).toBe("10 %");
  });

  it("bands deployment frequency by deployment days", () => {
    const band = (perWeek: number | null, perMonth: number | null) =>
      bandOf({
        metric: "deploymentFrequency",
        medianDeploymentDaysPerWeek: perWeek,
        medianDeploymentDaysPerMonth: perMonth,
      });
    expect(band(7, 30)).toBe("elite");
    expect(band(6, 26)).toBe("high");
    expect(band(1, 4)).toBe("high");
    expect(band(0, 2)).toBe("medium");
    expect(band(0, 0)).toBe("low");
    expect(band(null, null)).toBeNull();
  });

  it("bands lead time and recovery time below each bound", () => {
    const lead = (minutes: number) => bandOf({ metric: "leadTime", minutes });
    expect([lead(DAY - 1), lead(DAY), lead(7 * DAY), lead(30 * DAY)]).toEqual([
      "elite",
      "high",
      "medium",
      "low",
    ]);
    const recovery = (minutes: number) => bandOf({ metric: "recoveryTime", minutes });
    // 2024: medium's "less than one day" equals high's, so it is never the first one met.
    expect([recovery(59), recovery(60), recovery(DAY - 1), recovery(DAY)]).toEqual([
      "elite",
      "high",
      "high",
      "low",
    ]);
  });

  it("bands change failure rate at or below each rate", () => {
    const cfr = (ratio: number) => bandOf({ metric: "changeFailureRate", ratio });
    expect([cfr(0), cfr(0.05), cfr(0.08), cfr(0.2), cfr(0.21)]).toEqual([
      "elite",
      "elite",
      "high",
      "high",
      "low",
    ]);
  });

  it("has no band for a null figure or an unknown year", () => {
    expect(bandOf({ metric: "leadTime", minutes: null })).toBeNull();
    expect(bandOf({ metric: "leadTime", minutes: 10 }, 2019)).toBeNull();
  });
});
