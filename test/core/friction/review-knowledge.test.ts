import { describe, expect, it } from "vitest";
import type { PullRequestRow } from "../../../src/core/delivery/model.js";
import { reviewKnowledgeRecords } from "../../../src/core/friction/index.js";
import { analyseKnowledge } from "../../../src/core/knowledge/index.js";
import type { AuthorshipRecord } from "../../../src/core/model.js";
import { aPullRequest, at, isBot, personOf, review } from "./builders.js";

/** Files are kept in the builder's `areas` (labels) for these tests. */
const filesOf = (pr: PullRequestRow) => pr.labels;

describe("reviewKnowledgeRecords", () => {
  it("credits each reviewer of a merged pull request with an M change of every file", () => {
    const result = reviewKnowledgeRecords({
      pullRequests: [
        aPullRequest({
          number: 1,
          areas: ["src/b.ts", "src/a.ts", "src/a.ts"],
          reviews: [
            review("bob", 3, "CHANGES_REQUESTED"),
            review("cy", 2, "COMMENTED"),
            review("bob", 5),
            review("ada", 4), // the author
          ],
        }),
      ],
      filesOf,
      personOf,
      isBot,
    });
    expect(result.records).toEqual([
      { kind: "M", path: "src/a.ts", oldPath: null, people: ["cy"], time: at(2) },
      { kind: "M", path: "src/b.ts", oldPath: null, people: ["cy"], time: at(2) },
      { kind: "M", path: "src/a.ts", oldPath: null, people: ["bob"], time: at(5) },
      { kind: "M", path: "src/b.ts", oldPath: null, people: ["bob"], time: at(5) },
    ]);
    expect(result.lastReview).toEqual(
      new Map([
        ["bob", at(5)],
        ["cy", at(2)],
      ]),
    );
    expect(result.universe).toEqual({
      pullRequests: { considered: 1, counted: 1, excluded: [] },
      reviews: {
        considered: 4,
        counted: 2,
        excluded: [
          { reason: "by the author", count: 1 },
          { reason: "repeat review by the same reviewer", count: 1 },
        ],
      },
    });
  });

  it("credits nobody for unmerged, bot-authored, file-less or unreviewed pull requests", () => {
    const result = reviewKnowledgeRecords({
      pullRequests: [
        aPullRequest({ merged: null, reviews: [review("bob", 1)] }),
        aPullRequest({ created: 50, merged: 60, reviews: [review("bob", 55)] }),
        aPullRequest({ author: null, reviews: [review("bob", 1)] }),
        aPullRequest({ author: "dependabot[bot]", reviews: [review("bob", 1)] }),
        aPullRequest({ areas: [], reviews: [review("bob", 1)] }),
        aPullRequest({
          reviews: [
            review(null, 1),
            review("ci[bot]", 1),
            review("bob", 1, "PENDING"),
            review("cy", 45),
          ],
        }),
      ],
      filesOf,
      personOf,
      isBot,
      asOf: at(40),
    });
    expect(result.records).toEqual([]);
    expect(result.lastReview.size).toBe(0);
    expect(result.universe).toEqual({
      pullRequests: {
        considered: 6,
        counted: 0,
        excluded: [
          { reason: "not merged", count: 1 },
          { reason: "after the analysed date", count: 1 },
          { reason: "no author", count: 1 },
          { reason: "bot author", count: 1 },
          { reason: "no files", count: 1 },
          { reason: "no reviews", count: 1 },
        ],
      },
      reviews: {
        considered: 4,
        counted: 0,
        excluded: [
          { reason: "no account", count: 1 },
          { reason: "bot reviewer", count: 1 },
          { reason: "pending", count: 1 },
          { reason: "after the analysed date", count: 1 },
        ],
      },
    });
  });

  it("counts reviews after the merge: the reviewer still read the change", () => {
    const result = reviewKnowledgeRecords({
      pullRequests: [aPullRequest({ areas: ["a.ts"], merged: 10, reviews: [review("bob", 30)] })],
      filesOf,
      personOf,
    });
    expect(result.records).toEqual([
      { kind: "M", path: "a.ts", oldPath: null, people: ["bob"], time: at(30) },
    ]);
  });

  it("turns a knowledge island into a shared area once its reviewer's records are added", () => {
    const authored: AuthorshipRecord[] = ["x/a.ts", "x/b.ts"].map((path) => ({
      kind: "A",
      path,
      oldPath: null,
      people: ["ada"],
      time: at(0),
    }));
    const reviews = reviewKnowledgeRecords({
      pullRequests: [1, 2, 3, 4, 5].map((n) =>
        aPullRequest({
          areas: ["x/a.ts", "x/b.ts"],
          created: n,
          merged: n + 1,
          reviews: [review("bob", n)],
        }),
      ),
      filesOf,
      personOf,
    });
    const knowledge = (records: AuthorshipRecord[]) =>
      analyseKnowledge({
        records,
        files: ["x/a.ts", "x/b.ts"],
        lastActive: new Map([["ada", at(0)], ...reviews.lastReview]),
        asOf: at(10),
        activeDays: 180,
        mode: "default",
        depth: 1,
        components: [],
      }).areas.find((area) => area.id === "x");
    expect(knowledge(authored)?.status).toBe("knowledge-island");
    expect(reviews.records).toHaveLength(10);
    const withReviews = knowledge([...authored, ...reviews.records]);
    expect(withReviews?.activeAuthors).toBe(2);
    expect(withReviews?.status).toBe("shared");
  });
});
