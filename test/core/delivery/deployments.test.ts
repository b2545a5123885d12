import { describe, expect, it } from "vitest";
import { normaliseDeployments } from "../../../src/core/delivery/index.js";
import { BASE, DAY, deployment, HOUR } from "./builders.js";

describe("normaliseDeployments", () => {
  it("keeps successful production deployments, each key once at its latest finish", () => {
    const result = normaliseDeployments([
      deployment("a", "c1", BASE + 2 * HOUR),
      deployment("a", "c1", BASE + HOUR),
      deployment("b", "c2", BASE + DAY, { environment: "Production" }),
      deployment("b", "c3", BASE + 2 * DAY, { result: "failure" }), // a failed retry changes nothing
      deployment("c", "c4", BASE + DAY, { environment: "staging" }),
      deployment("d", "c5", BASE + DAY, { result: "error" }),
      deployment("e", "c6", BASE + DAY, { result: "cancelled" }),
      deployment("f", "c7", BASE + DAY, { result: "in_progress" }),
      deployment("g", "c8", BASE + DAY, { result: "unknown" }),
      deployment("h", "c9", BASE + DAY, { environment: "" }),
      deployment("i", "c9", BASE + DAY, { repository: "" }),
    ]);
    expect(result.deployments.map((d) => [d.key, d.commitSha, d.finishedAt])).toEqual([
      ["a", "c1", BASE + 2 * HOUR],
      ["b", "c2", BASE + DAY],
    ]);
    expect(result.universe).toEqual({
      considered: 11,
      counted: 2,
      excluded: [
        { reason: "no repository", count: 1 },
        { reason: "no environment", count: 1 },
        { reason: "not production", count: 1 },
        { reason: "failed", count: 2 },
        { reason: "cancelled", count: 1 },
        { reason: "in progress", count: 1 },
        { reason: "result unknown", count: 1 },
        { reason: "duplicate key", count: 1 },
      ],
    });
  });

  it("links each deployment to the previous one of its repository and environment", () => {
    const { deployments } = normaliseDeployments(
      [
        deployment("web-2", "w2", BASE + 2 * DAY),
        deployment("api-1", "a1", BASE + DAY, { repository: "acme/api" }),
        deployment("web-1", "w1", BASE + DAY),
        deployment("web-s", "w1", BASE + DAY + HOUR, { environment: "staging" }),
        deployment("web-3", "w3", BASE + 3 * DAY),
        deployment("api-2", "a2", BASE + 3 * DAY, { repository: "acme/api" }),
      ],
      { environment: null },
    );
    expect(deployments.map((d) => [d.key, d.previous?.key ?? null])).toEqual([
      ["api-1", null],
      ["web-1", null],
      ["web-s", null],
      ["web-2", "web-1"],
      ["api-2", "api-1"],
      ["web-3", "web-2"],
    ]);
  });

  it("orders a tie on the finish by start time, then key", () => {
    const { deployments } = normaliseDeployments([
      deployment("b", "c2", BASE, { startedAt: BASE - 10 }),
      deployment("a", "c1", BASE, { startedAt: BASE - 5 }),
      deployment("c", "c3", BASE, { startedAt: BASE - 5 }),
    ]);
    expect(deployments.map((d) => [d.key, d.previous?.key ?? null])).toEqual([
      ["b", null],
      ["a", "b"],
      ["c", "a"],
    ]);
  });
});
