import { describe, expect, it } from "vitest";
import type { PullRequestRow } from "../../../src/core/delivery/model.js";
import {
  analyseReviewFriction,
  DEFAULT_REVIEW_THRESHOLDS,
  type KnowledgeStatus,
  NO_PICKUP,
  type ReviewFrictionOptions,
} from "../../../src/core/friction/index.js";
import { aPullRequest, areasOf, comment, days, isBot, personOf, review } from "./builders.js";

const period = days(0, 7);

function analyse(pullRequests: PullRequestRow[], extra: Partial<ReviewFrictionOptions> = {}) {
  return analyseReviewFriction({ pullRequests, period, areasOf, personOf, isBot, ...extra });
}

/** A pull request picked up by `reviewer` after `pickup` hours and merged `reviewTime` later. */
function reviewed(area: string, reviewer: string, pickup = 1, reviewTime = 1, author = "ada") {
  return aPullRequest({
    author,
    areas: [area],
    created: 0,
    merged: pickup + reviewTime,
    reviews: [review(reviewer, pickup)],
  });
}

describe("analyseReviewFriction", () => {
  it("gives medians in hours, reviews, reviewers and the top share per area, with their universe", () => {
    const result = analyse([
      aPullRequest({ areas: ["api"], created: 0, merged: 10, reviews: [review("bob", 2)] }),
      aPullRequest({
        areas: ["api", "web"],
        created: 0,
        merged: 20,
        reviews: [review("bob", 4), review("cy", 6)],
      }),
      aPullRequest({ areas: ["api"], created: 0, merged: 5 }),
    ]);
    expect(result.areas.map((area) => area.area)).toEqual(["api", "web"]);
    expect(result.areas[0]).toEqual({
      area: "api",
      people: 3,
      pullRequests: 3,
      pickupMedianHours: 3,
      reviewMedianHours: 12,
      reviews: 3,
      distinctReviewers: 2,
      topReviewerShare: 2 / 3,
      waitsForOnePerson: null,
      universe: {
        pullRequests: { considered: 3, counted: 2, excluded: [{ reason: NO_PICKUP, count: 1 }] },
        reviews: { considered: 3, counted: 3, excluded: [] },
      },
      knowledgeStatus: null,
      slow: { pickup: false, review: false },
      explanation: null,
    });
    expect(result.areas[1]).toMatchObject({
      area: "web",
      pullRequests: 1,
      pickupMedianHours: 4,
      reviewMedianHours: 16,
      reviews: 2,
      distinctReviewers: 2,
      topReviewerShare: 0.5,
    });
    expect(result.overall).toMatchObject({ pullRequests: 3, pickupMedianHours: 3, people: 3 });
  });

  it("flags work that waits for one person at ≥ 70 % of ≥ 5 reviews, naming only that holder", () => {
    const result = analyse([
      ...["bob", "bob", "bob", "bob", "cy"].map((reviewer) => reviewed("api", reviewer)),
      ...["bob", "bob", "bob", "bob"].map((reviewer) => reviewed("web", reviewer)),
      ...["bob", "bob", "bob", "bob", "bob", "bob", "bob", "cy", "dee", "eve"].map((reviewer) =>
        reviewed("db", reviewer),
      ),
      ...["bob", "bob", "bob", "cy", "cy"].map((reviewer) => reviewed("ui", reviewer)),
    ]);
    const byArea = new Map(result.areas.map((area) => [area.area, area]));
    expect(byArea.get("api")?.waitsForOnePerson).toEqual({
      risk: "work here waits for one person",
      holder: "bob",
      share: 0.8,
      reviews: 5,
    });
    expect(byArea.get("db")?.waitsForOnePerson).toEqual({
      risk: "work here waits for one person",
      holder: "bob",
      share: 0.7,
      reviews: 10,
    });
    expect(byArea.get("web")?.topReviewerShare).toBe(1);
    expect(byArea.get("web")?.waitsForOnePerson).toBeNull();
    expect(byArea.get("ui")?.topReviewerShare).toBe(0.6);
    expect(byArea.get("ui")?.waitsForOnePerson).toBeNull();
    // Unflagged records never name the top reviewer.
    expect(JSON.stringify(byArea.get("web"))).not.toContain("bob");
    expect(JSON.stringify(byArea.get("ui"))).not.toContain("bob");
  });

  it("honours other thresholds and reports the ones it used", () => {
    const pullRequests = ["bob", "bob", "cy"].map((reviewer) => reviewed("api", reviewer));
    expect(analyse(pullRequests).thresholds).toEqual(DEFAULT_REVIEW_THRESHOLDS);
    const result = analyse(pullRequests, {
      thresholds: { oneReviewerShare: 0.6, oneReviewerMinReviews: 3 },
    });
    expect(result.thresholds).toEqual({
      ...DEFAULT_REVIEW_THRESHOLDS,
      oneReviewerShare: 0.6,
      oneReviewerMinReviews: 3,
    });
    expect(result.areas[0]?.waitsForOnePerson?.holder).toBe("bob");
  });

  it("explains a slow knowledge island by knowledge concentration, and only that", () => {
    const status: Record<string, KnowledgeStatus> = {
      api: "knowledge-island",
      db: "knowledge-island",
      web: "shared",
    };
    const result = analyse(
      [
        reviewed("api", "bob", 1, 1),
        reviewed("api", "bob", 1, 1),
        reviewed("api", "cy", 1, 1),
        reviewed("db", "bob", 10, 1),
        reviewed("web", "cy", 1, 10),
      ],
      { knowledgeStatus: (area) => status[area] ?? null },
    );
    expect(result.overall.pickupMedianHours).toBe(1);
    expect(result.overall.reviewMedianHours).toBe(1);
    expect(
      result.areas.map(({ area, slow, knowledgeStatus, explanation }) => ({
        area,
        slow,
        knowledgeStatus,
        explanation,
      })),
    ).toEqual([
      {
        area: "api",
        slow: { pickup: false, review: false },
        knowledgeStatus: "knowledge-island",
        explanation: null,
      },
      {
        area: "db",
        slow: { pickup: true, review: false },
        knowledgeStatus: "knowledge-island",
        explanation: "the wait is explained by knowledge concentration",
      },
      {
        area: "web",
        slow: { pickup: false, review: true },
        knowledgeStatus: "shared",
        explanation: null,
      },
    ]);
  });

  it("treats a median exactly 1.5 times the overall one as not slow", () => {
    const result = analyse([
      reviewed("api", "bob", 2, 2),
      reviewed("api", "bob", 2, 2),
      reviewed("api", "bob", 2, 2),
      reviewed("web", "bob", 3, 2),
      reviewed("db", "bob", 4, 2),
    ]);
    expect(result.overall.pickupMedianHours).toBe(2);
    expect(result.areas.map((area) => [area.area, area.slow.pickup])).toEqual([
      ["api", false],
      ["db", true],
      ["web", false],
    ]);
  });

  it("aggregates by owning team and withholds teams with fewer than 5 people", () => {
    const teamOfArea = (area: string) =>
      (({ api: "platform", web: "product" }) as Record<string, string>)[area] ?? null;
    const result = analyse(
      [
        reviewed("api", "rae", 1, 1, "a1"),
        reviewed("api", "rae", 3, 1, "a2"),
        reviewed("api", "sam", 5, 1, "a3"),
        reviewed("web", "rae", 1, 1, "a1"),
        reviewed("db", "rae", 1, 1, "a1"),
      ],
      { teamOfArea },
    );
    expect(result.teamBy).toBe("owning-team");
    expect(result.teams).toEqual([
      {
        team: "platform",
        people: 5,
        withheld: null,
        pullRequests: 3,
        pickupMedianHours: 3,
        reviewMedianHours: 1,
        reviews: 3,
        distinctReviewers: 2,
        topReviewerShare: 2 / 3,
        waitsForOnePerson: null,
        universe: {
          pullRequests: { considered: 3, counted: 3, excluded: [] },
          reviews: { considered: 3, counted: 3, excluded: [] },
        },
      },
      { team: "product", people: 2, withheld: "group smaller than 5" },
    ]);
  });

  it("aggregates by the author's team when asked, and honours another minimum group size", () => {
    const teamOf = (person: string) =>
      (({ a1: "blue", a2: "blue", a3: "green" }) as Record<string, string>)[person] ?? null;
    const result = analyse(
      [
        reviewed("api", "rae", 1, 1, "a1"),
        reviewed("web", "sam", 3, 1, "a2"),
        reviewed("api", "rae", 5, 1, "a3"),
        reviewed("api", "rae", 5, 1, "a4"),
      ],
      { teamOf, teamBy: "author-team", thresholds: { minGroupSize: 3 } },
    );
    expect(result.teams).toEqual([
      expect.objectContaining({ team: "blue", people: 4, withheld: null, pickupMedianHours: 2 }),
      { team: "green", people: 2, withheld: "group smaller than 3" },
    ]);
  });

  it("has no teams without a roster", () => {
    expect(analyse([reviewed("api", "bob")]).teams).toEqual([]);
  });

  it("states the universe of pull requests and reviews it rests on", () => {
    const result = analyse([
      aPullRequest({
        areas: ["api"],
        reviews: [review("bob", 1), review("bob", 2), review("ci[bot]", 1), review("cy", 30)],
        comments: [comment("dee", 0.5)],
      }),
      aPullRequest({ merged: null }),
      aPullRequest({ author: "renovate[bot]" }),
    ]);
    expect(result.universe).toEqual({
      pullRequests: {
        considered: 3,
        counted: 1,
        excluded: [
          { reason: "not merged", count: 1 },
          { reason: "bot author", count: 1 },
        ],
      },
      reviews: {
        considered: 4,
        counted: 1,
        excluded: [
          { reason: "bot reviewer", count: 1 },
          { reason: "after the merge", count: 1 },
          { reason: "repeat review by the same reviewer", count: 1 },
        ],
      },
    });
    expect(result.overall.pickupMedianHours).toBe(0.5);
    expect(result.overall.reviewMedianHours).toBe(9.5);
  });
});
