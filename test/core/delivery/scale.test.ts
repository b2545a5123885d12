import { describe, expect, it } from "vitest";
import { doraReport } from "../../../src/core/delivery/index.js";
import { BASE, DAY } from "./builders.js";
import { aLargeDeliveryHistory } from "./scale.js";

describe("delivery metrics at scale", () => {
  it("computes every figure over 100,000 pull requests in each mode", () => {
    const input = aLargeDeliveryHistory();
    const period = { since: BASE, until: BASE + 700 * DAY };
    const dora = doraReport(input, { mode: "default", period });
    // The first batch of 20 reached production only with the first deployment (no range).
    expect(dora.leadTime.universe.pullRequests).toEqual({
      considered: 100_000,
      counted: 99_980,
      linked: 99_980,
      unlinked: 20,
      excluded: [{ reason: "shipped by the first deployment of a series: no range", count: 20 }],
    });
    // coding 1440 + open 1440 + the lower-median wait for the batch's deployment, 120.
    expect(dora.leadTime.value).toBe(3000);
    expect(dora.changeFailureRate.value).toBe(0.1);
    expect(doraReport(input, { mode: "devlake", period }).leadTime.value).toBe(3000);
    const fourkeys = doraReport(input, { mode: "fourkeys", period });
    expect(fourkeys.leadTime.universe.commits?.counted).toBeGreaterThan(10_000);
  });
});
