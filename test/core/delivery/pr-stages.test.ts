import { describe, expect, it } from "vitest";
import {
  commitRanges,
  normaliseDeployments,
  prStages,
  shippingDeployments,
} from "../../../src/core/delivery/index.js";
import {
  ancestryOf,
  BASE,
  DAY,
  deployment,
  HOUR,
  linearHistory,
  MINUTE,
  pullRequest,
} from "./builders.js";

const ada = { login: "Ada", email: "ada@example.com" };
const bob = { login: "bob", email: null };

describe("prStages", () => {
  it("links a squash merge by its merge SHA and starts coding at the PR's first commit", () => {
    const { deployments } = commitRanges(
      normaliseDeployments([deployment("d1", "c1", BASE), deployment("d2", "c3", BASE + 3 * DAY)])
        .deployments,
      ancestryOf(linearHistory(3)),
      { mode: "default" },
    );
    const pr = pullRequest("pr1", {
      createdAt: BASE + DAY,
      mergedAt: BASE + 2 * DAY,
      mergeCommitSha: "c2", // the squash commit: none of the PR's own commits reach main
      commits: [
        { sha: "b", authoredAt: BASE + DAY - 90, author: null },
        { sha: "a", authoredAt: BASE + DAY - 90, author: null },
        { sha: "z", authoredAt: BASE + DAY - 10, author: null },
      ],
    });
    const [row] = prStages([pr], shippingDeployments(deployments, "default")).rows;
    expect(row).toMatchObject({
      firstCommit: { sha: "a", authoredAt: BASE + DAY - 90 },
      codingMinutes: 2,
      openMinutes: 1440,
      deployment: { key: "d2", finishedAt: BASE + 3 * DAY },
      deployMinutes: 1440,
      cycleMinutes: 2 + 1440 + 1440,
    });
  });

  it("ends the pickup wait at the first review or comment by someone else", () => {
    const pr = pullRequest("pr1", {
      author: ada,
      createdAt: BASE,
      mergedAt: BASE + 2 * HOUR,
      reviews: [
        { id: "r2", author: bob, state: "APPROVED", submittedAt: BASE + 20 * MINUTE },
        { id: "r1", author: { login: "ada", email: null }, state: "COMMENTED", submittedAt: BASE },
      ],
      comments: [
        { id: "c1", author: { login: "x", email: "ADA@example.com" }, createdAt: BASE + MINUTE },
        { id: "c3", author: { login: "ci[bot]", email: null }, createdAt: BASE + 2 * MINUTE },
        { id: "c2", author: bob, createdAt: BASE + 20 * MINUTE },
      ],
    });
    const ignoreReviewer = (account: { login: string }) => account.login.endsWith("[bot]");
    const [row] = prStages([pr], new Map(), { ignoreReviewer }).rows;
    // The author's own review and comment (same login or email) and the bot's do not count; at
    // the same second a review goes before a comment.
    expect(row).toMatchObject({
      firstReview: { id: "r2", kind: "review", at: BASE + 20 * MINUTE },
      pickupMinutes: 20,
      reviewMinutes: 100,
      deployment: null,
      deployMinutes: null,
    });
    expect(prStages([pr], new Map()).rows[0]!.firstReview?.id).toBe("c3");
  });

  it("lets the caller say who is the same person", () => {
    const pr = pullRequest("pr1", {
      author: ada,
      createdAt: BASE,
      mergedAt: BASE + HOUR,
      comments: [
        { id: "c1", author: { login: "ada-work", email: null }, createdAt: BASE + MINUTE },
      ],
    });
    const sameAccount = () => true;
    expect(prStages([pr], new Map(), { sameAccount }).rows[0]!.firstReview).toBeNull();
  });

  it("leaves a stage null when it runs backwards, and counts it as 0 in the cycle", () => {
    const pr = pullRequest("pr1", {
      createdAt: BASE,
      mergedAt: BASE + HOUR,
      commits: [{ sha: "a", authoredAt: BASE + DAY, author: null }],
      comments: [{ id: "c1", author: bob, createdAt: BASE - DAY }],
    });
    expect(prStages([pr], new Map()).rows[0]).toMatchObject({
      codingMinutes: null,
      pickupMinutes: null,
      reviewMinutes: 1500,
      cycleMinutes: 60,
    });
  });
});
