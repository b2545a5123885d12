/** This week's headline cards: each question's figure and what it rests on, in plain English. */
import { describe, expect, it } from "vitest";
import type { ReviewReport } from "../../src/app/review.js";
import { reviewHeadlines } from "../../src/app/review-headlines.js";
import { FULL_REPORT } from "../render/html/fixture.js";

describe("the headline figures", () => {
  it("say what each rests on", () => {
    expect(reviewHeadlines(FULL_REPORT).map((h) => h.restsOn)).toMatchInlineSnapshot(`
      [
        "imported incidents; 1 where one responder handled most, 1 area where reviews wait for one person",
        "merged pull requests of 3 areas with friction now or in the previous period; 1 routed around",
        "2 islands, 1 orphaned; 1 decision made alone",
        "2 decision records dated in the period; 6 of 11 records overall state one",
        "2 areas concentrated now or a quarter ago, across 1 team group shown",
      ]
    `);
  });

  it("count one thing in the singular", () => {
    const one: ReviewReport = structuredClone(FULL_REPORT);
    const heroics = one.heroics.answer!;
    heroics.reviewRisks = heroics.reviewRisks.slice(0, 1);
    const friction = one.friction.answer!;
    friction.areas = friction.areas.slice(0, 1);
    one.trappedKnowledge.counts.islands = 1;
    one.trappedKnowledge.singleDecider = one.trappedKnowledge.singleDecider.slice(0, 1);
    one.tradeoffs.inPeriod = 1;
    one.tradeoffs.allRecords = { stated: 1, total: 1 };
    one.capability.teams = one.capability.teams
      .filter((t) => t.withheld === null)
      .slice(0, 1)
      .map((t) => ({ ...t, concentratedAreas: 1 }));
    expect(reviewHeadlines(one).map((h) => h.restsOn)).toMatchInlineSnapshot(`
      [
        "imported incidents; 1 where one responder handled most, 1 area where reviews wait for one person",
        "merged pull requests of 1 area with friction now or in the previous period; 1 routed around",
        "1 island, 1 orphaned; 1 decision made alone",
        "1 decision record dated in the period; 1 of 1 record overall states one",
        "1 area concentrated now or a quarter ago, across 1 team group shown",
      ]
    `);
  });
});
