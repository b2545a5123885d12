import { describe, expect, it } from "vitest";
import { pullRequestFacts } from "../../../src/core/friction/pull-request-facts.js";
import { aPullRequest, areasOf, comment, days, HOUR, isBot, personOf, review } from "./builders.js";

const period = days(0, 7);

describe("pullRequestFacts", () => {
  it("counts merged pull requests by humans in an area, and tallies the rest by reason", () => {
    const { facts, excluded } = pullRequestFacts({
      pullRequests: [
        aPullRequest({ number: 1 }),
        aPullRequest({ number: 2, merged: null }),
        aPullRequest({ number: 3, state: "closed", merged: null }),
        aPullRequest({ number: 4, created: 200, merged: 200 }),
        aPullRequest({ number: 5, created: -30, merged: -1 }),
        aPullRequest({ number: 6, author: null }),
        aPullRequest({ number: 7, author: "renovate[bot]" }),
        aPullRequest({ number: 8, areas: [] }),
      ],
      period,
      areasOf,
      personOf,
      isBot,
    });
    expect(facts.map((fact) => fact.pr.number)).toEqual([1]);
    expect(excluded.universe(facts.length)).toEqual({
      considered: 8,
      counted: 1,
      excluded: [
        { reason: "not merged", count: 2 },
        { reason: "outside period", count: 2 },
        { reason: "no author", count: 1 },
        { reason: "bot author", count: 1 },
        { reason: "no area", count: 1 },
      ],
    });
  });

  it("ends pickup at the first review or comment by another human, before the merge", () => {
    const { facts } = pullRequestFacts({
      pullRequests: [
        aPullRequest({
          created: 0,
          merged: 10,
          areas: ["web", "api", "web"],
          comments: [
            comment("ada", 1), // the author
            comment("ci[bot]", 1.5), // a bot
            comment("cy", -1), // before creation: clock skew
            comment("bob", 4),
          ],
          reviews: [review("dee", 3, "PENDING"), review("eve", 6), review("fay", 12)],
        }),
      ],
      period,
      areasOf,
      personOf,
      isBot,
    });
    expect(facts).toHaveLength(1);
    const [fact] = facts;
    expect(fact?.areas).toEqual(["api", "web"]);
    expect(fact?.pickupSeconds).toBe(4 * HOUR);
    expect(fact?.reviewSeconds).toBe(6 * HOUR);
  });

  it("counts each reviewer once per pull request and tallies the other review records", () => {
    const { facts } = pullRequestFacts({
      pullRequests: [
        aPullRequest({
          created: 0,
          merged: 10,
          reviews: [
            review(null, 1),
            review("dependabot[bot]", 1),
            review("Ada", 2), // the author, under another spelling of the same person
            review("bob", 2, "PENDING"),
            review("cy", 11),
            review("eve", 3, "CHANGES_REQUESTED"),
            review("eve", 5),
            review("bob", 4, "COMMENTED"),
          ],
        }),
      ],
      period,
      areasOf,
      personOf,
      isBot,
    });
    const [fact] = facts;
    expect(fact?.reviewers).toEqual(["bob", "eve"]);
    expect(fact?.pickupSeconds).toBe(3 * HOUR);
    expect(fact?.reviewExclusions).toEqual([
      "no account",
      "bot reviewer",
      "by the author",
      "pending",
      "after the merge",
      "repeat review by the same reviewer",
    ]);
  });

  it("leaves pickup and review time null when nobody else looked before the merge", () => {
    const { facts } = pullRequestFacts({
      pullRequests: [aPullRequest({ comments: [comment("bob", 20)] })],
      period,
      areasOf,
      personOf,
      isBot,
    });
    expect(facts[0]?.pickupSeconds).toBeNull();
    expect(facts[0]?.reviewSeconds).toBeNull();
    expect(facts[0]?.reviewers).toEqual([]);
  });
});
