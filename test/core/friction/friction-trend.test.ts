import { describe, expect, it } from "vitest";
import type { PullRequestRow } from "../../../src/core/delivery/model.js";
import { compareReviewFriction } from "../../../src/core/friction/index.js";
import { aPullRequest, areasOf, days, isBot, personOf, review } from "./builders.js";

/** The period compared: the second week; the previous one is the first week. */
const period = days(7, 7);
const BEFORE = 0;
const NOW = 7 * 24;

/** One pull request per reviewer, created at `start`, picked up after `pickup` hours. */
function reviewedBy(
  area: string,
  start: number,
  reviewers: string[],
  pickup = 1,
): PullRequestRow[] {
  return reviewers.map((reviewer) =>
    aPullRequest({
      areas: [area],
      created: start,
      merged: start + pickup + 1,
      reviews: [review(reviewer, start + pickup)],
    }),
  );
}

function compare(pullRequests: PullRequestRow[]) {
  return compareReviewFriction({ pullRequests, period, areasOf, personOf, isBot });
}

const FIVE_BOBS = ["bob", "bob", "bob", "bob", "bob"];

describe("compareReviewFriction", () => {
  it("compares with the previous period of the same length and states both universes", () => {
    const result = compare([
      ...reviewedBy("api", BEFORE, ["bob"]),
      ...reviewedBy("api", NOW, ["cy", "dee"]),
    ]);
    expect(result.period).toEqual(days(7, 7));
    expect(result.previousPeriod).toEqual(days(0, 7));
    expect(result.universe.before.pullRequests).toEqual({
      considered: 3,
      counted: 1,
      excluded: [{ reason: "outside period", count: 2 }],
    });
    expect(result.universe.now.pullRequests).toEqual({
      considered: 3,
      counted: 2,
      excluded: [{ reason: "outside period", count: 1 }],
    });
    expect(result.areas).toEqual([
      {
        area: "api",
        before: {
          pullRequests: 1,
          pickupMedianHours: 1,
          reviewMedianHours: 1,
          reviews: 1,
          distinctReviewers: 1,
          topReviewerShare: 1,
          waitsForOnePerson: null,
          slow: { pickup: false, review: false },
          flagged: false,
        },
        now: {
          pullRequests: 2,
          pickupMedianHours: 1,
          reviewMedianHours: 1,
          reviews: 2,
          distinctReviewers: 2,
          topReviewerShare: 0.5,
          waitsForOnePerson: null,
          slow: { pickup: false, review: false },
          flagged: false,
        },
        change: "none",
        reason: "flagged in neither period",
        holder: null,
      },
    ]);
  });

  it("calls friction routed around when the wait shrank but the same reviewer still holds it", () => {
    const [area] = compare([
      ...reviewedBy("api", BEFORE, FIVE_BOBS, 10),
      ...reviewedBy("api", NOW, ["bob", "bob"], 2),
    ]).areas;
    expect(area?.change).toBe("routed-around");
    expect(area?.reason).toBe(
      "pickup median 10 h → 2 h improved, but the reviewer work waited for still did 100 % of " +
        "the reviews (2): the wait shrank, the dependency did not",
    );
    expect(area?.holder).toBe("bob");
    expect(area?.now.waitsForOnePerson).toBeNull();
  });

  it("calls friction removed when the flag cleared and more people review", () => {
    const [area] = compare([
      ...reviewedBy("api", BEFORE, FIVE_BOBS),
      ...reviewedBy("api", NOW, ["bob", "cy", "dee", "eve", "fay"]),
    ]).areas;
    expect(area?.change).toBe("removed");
    expect(area?.reason).toBe(
      "flagged before (waits for one person), not now; distinct reviewers 1 → 5: the knowledge spread",
    );
    expect(area?.holder).toBeNull();
  });

  it("calls a slow area removed when it is no longer slow and more people review", () => {
    const result = compare([
      ...reviewedBy("api", BEFORE, ["cy", "cy", "cy"]),
      ...reviewedBy("db", BEFORE, ["bob"], 10),
      ...reviewedBy("api", NOW, ["cy", "cy", "cy"]),
      ...reviewedBy("db", NOW, ["bob", "dee"]),
    ]);
    expect(result.areas.map(({ area, change, reason }) => ({ area, change, reason }))).toEqual([
      { area: "api", change: "none", reason: "flagged in neither period" },
      {
        area: "db",
        change: "removed",
        reason:
          "flagged before (slow pickup), not now; distinct reviewers 1 → 2: the knowledge spread",
      },
    ]);
  });

  it("calls friction persisting when flagged in both periods", () => {
    const [area] = compare([
      ...reviewedBy("api", BEFORE, FIVE_BOBS),
      ...reviewedBy("api", NOW, FIVE_BOBS),
    ]).areas;
    expect(area?.change).toBe("persisting");
    expect(area?.reason).toBe(
      "flagged in both periods (before: waits for one person; now: waits for one person)",
    );
    expect(area?.holder).toBe("bob");
  });

  it("keeps friction persisting when the flag cleared without more reviewers", () => {
    const result = compare([
      ...reviewedBy("api", BEFORE, FIVE_BOBS),
      ...reviewedBy("api", NOW, ["cy"]),
      ...reviewedBy("web", BEFORE, FIVE_BOBS),
    ]);
    expect(
      result.areas.map(({ area, change, reason, holder }) => ({ area, change, reason, holder })),
    ).toEqual([
      {
        area: "api",
        change: "persisting",
        reason:
          "flagged before (waits for one person), not now, but distinct reviewers 1 → 1: " +
          "nothing shows the dependency was removed",
        holder: null,
      },
      {
        area: "web",
        change: "persisting",
        reason:
          "flagged before (waits for one person), not now, but distinct reviewers 1 → 0: " +
          "nothing shows the dependency was removed",
        holder: null,
      },
    ]);
  });

  it("calls friction new when it appears this period", () => {
    const [area] = compare([
      ...reviewedBy("api", BEFORE, ["bob"]),
      ...reviewedBy("api", NOW, FIVE_BOBS),
    ]).areas;
    expect(area?.change).toBe("new");
    expect(area?.reason).toBe("not flagged before; now: waits for one person");
    expect(area?.holder).toBe("bob");
  });
});
