import { describe, expect, it } from "vitest";
import { type DoraOptions, doraReport } from "../../../src/core/delivery/index.js";
import {
  ancestryOf,
  BASE,
  DAY,
  deployment,
  HOUR,
  incident,
  linearHistory,
  MINUTE,
  pullRequest,
} from "./builders.js";

// A week of delivery on acme/shop (history c1 ← … ← c10), computed by hand below.
const deployments = [
  deployment("d1", "c2", BASE + HOUR),
  deployment("d2", "c5", BASE + 2 * DAY - HOUR), // superseded by the later row of the same key
  deployment("d2", "c5", BASE + 2 * DAY),
  deployment("d3", "c7", BASE + 2 * DAY + 3 * HOUR),
  deployment("d4", "c10", BASE + 8 * DAY),
  deployment("s1", "c6", BASE + DAY, { environment: "staging" }),
  deployment("f1", "c6", BASE + DAY, { result: "failure" }),
];
const other = { login: "bob", email: null };
const pullRequests = [
  pullRequest("pr1", {
    createdAt: BASE - DAY,
    mergedAt: BASE + DAY,
    mergeCommitSha: "c4",
    labels: ["Fix"],
    commits: [{ sha: "x1", authoredAt: BASE - 2 * DAY, author: null }],
    reviews: [
      { id: "r1", author: other, state: "APPROVED", submittedAt: BASE - DAY + 30 * MINUTE },
    ],
  }),
  pullRequest("pr2", { createdAt: BASE - 3 * DAY, mergedAt: BASE - 2 * DAY, mergeCommitSha: "c1" }),
  pullRequest("pr3", {
    createdAt: BASE + DAY,
    mergedAt: BASE + 2 * DAY + 4 * HOUR,
    mergeCommitSha: "c6",
  }),
  pullRequest("pr4", { createdAt: BASE + 3 * DAY, mergedAt: BASE + 4 * DAY, mergeCommitSha: "c9" }),
  pullRequest("pr5", { createdAt: BASE, mergedAt: null, state: "open" }),
  pullRequest("pr6", { createdAt: BASE, mergedAt: BASE + HOUR, mergeCommitSha: null }),
];
const incidents = [
  incident("i1", BASE + 2 * DAY + 5 * HOUR, BASE + 2 * DAY + 7 * HOUR),
  incident("i2", BASE + 20 * DAY, BASE + 20 * DAY + HOUR),
  incident("i3", BASE - 10 * DAY, null),
  incident("i4", BASE + DAY + 12 * HOUR, BASE + 2 * DAY + HOUR),
];
const ancestry = ancestryOf(linearHistory(10), {
  c3: BASE + DAY,
  c4: BASE + DAY + HOUR,
  c5: BASE + DAY + 2 * HOUR,
  c6: BASE + 2 * DAY + HOUR,
  c7: BASE + 2 * DAY + 3 * HOUR, // committed as it deployed: an automated push
});
const input = { deployments, pullRequests, incidents, ancestry };
const period = { since: BASE, until: BASE + 7 * DAY };
const report = (mode: DoraOptions["mode"]) => doraReport(input, { mode, period });

describe("doraReport, default mode", () => {
  const dora = report("default");

  it("counts deployment days per Monday week, with the universe of deployment rows", () => {
    expect(dora.deploymentFrequency.value).toBe(2);
    expect(dora.deploymentFrequency.band).toBe("high");
    expect(dora.deploymentFrequency.detail).toMatchObject({
      deployments: 3,
      deploymentDays: 2,
      weeks: 1,
      months: 1,
      medianDeploymentDaysPerMonth: 2,
    });
    expect(dora.deploymentFrequency.universe.deployments).toEqual({
      considered: 7,
      counted: 3,
      excluded: [
        { reason: "not production", count: 1 },
        { reason: "failed", count: 1 },
        { reason: "duplicate key", count: 1 },
        { reason: "outside the period", count: 1 },
      ],
    });
  });

  it("takes the lower median cycle time, leaving out PRs merged after their deployment", () => {
    // pr1: coding 1440 + open 2880 + deploy 1440.
    expect(dora.leadTime.value).toBe(5760);
    expect(dora.leadTime.band).toBe("high");
    expect(dora.leadTime.universe.pullRequests).toEqual({
      considered: 6,
      counted: 1,
      // Linked and unlinked split all 6: pr5 (not merged) is unlinked too.
      linked: 3,
      unlinked: 3,
      excluded: [
        { reason: "not merged", count: 1 },
        { reason: "no merge commit", count: 1 },
        { reason: "shipped by the first deployment of a series: no range", count: 1 },
        { reason: "deployed outside the period", count: 1 },
        { reason: "merged after deployment", count: 1 },
      ],
    });
  });

  it("blames incidents within 7 days only", () => {
    // i4 → d1 (36 h before), i1 → d3; i2 is 12 days after d4; i3 precedes every deployment.
    expect(dora.changeFailureRate).toMatchObject({ value: 2 / 3, failures: 2, deployments: 3 });
    expect(dora.changeFailureRate.band).toBe("low");
    expect(dora.changeFailureRate.universe.incidents).toEqual({
      considered: 4,
      counted: 2,
      linked: 2,
      unlinked: 2,
      excluded: [
        { reason: "no earlier deployment", count: 1 },
        { reason: "no deployment within 7 days", count: 1 },
      ],
    });
  });

  it("measures recovery from the blamed deployment's finish", () => {
    // i1: 4 h after d3; i4: 2 days after d1 → lower median 240.
    expect(dora.recoveryTime.value).toBe(240);
    expect(dora.recoveryTime.band).toBe("high");
    expect(dora.recoveryTime.universe.incidents?.excluded).toEqual([
      { reason: "not resolved", count: 1 },
      { reason: "resolved outside the period", count: 1 },
    ]);
  });

  it("counts d2 as rework: first after open incident i4, and it ships fix-labelled pr1", () => {
    expect(dora.reworkRate.value).toBe(1 / 3);
    expect(dora.reworkRate.rework).toEqual([
      {
        key: "d2",
        reasons: ["first deployment after an open incident", "fix shipped after an incident"],
        incidents: ["i4"],
      },
    ]);
    expect(dora.reworkRate.uncheckedForFixes).toBe(1);
    expect(dora.reworkRate.band).toBeNull();
  });

  it("states its settings", () => {
    expect(dora.settings).toEqual({
      environment: "production",
      incidentWindowSeconds: 7 * DAY,
      matchRepository: true,
      reworkWindowSeconds: 7 * DAY,
      fixLabels: ["hotfix", "fix", "bugfix", "incident"],
    });
  });
});

describe("doraReport, devlake mode", () => {
  const dora = report("devlake");

  it("keeps PRs merged after their deployment (deploy time counted as 0)", () => {
    // pr3: open 1680, no coding, no deploy; pr1: 5760 → lower median 1680.
    expect(dora.leadTime.value).toBe(1680);
    expect(dora.leadTime.universe.pullRequests?.excluded).toEqual([
      { reason: "not merged", count: 1 },
      { reason: "not deployed", count: 2 },
      { reason: "deployed outside the period", count: 1 },
    ]);
  });

  it("blames an incident on the last earlier deployment however long ago", () => {
    // i2 → d4 (outside the period): d4 is not counted, so the rate is unchanged.
    expect(dora.changeFailureRate.value).toBe(2 / 3);
    expect(dora.changeFailureRate.universe.incidents).toMatchObject({
      linked: 3,
      unlinked: 1,
      excluded: [
        { reason: "no earlier deployment", count: 1 },
        { reason: "blamed on a deployment outside the period", count: 1 },
      ],
    });
    expect(dora.settings.incidentWindowSeconds).toBeNull();
  });

  it("takes the same recovery and frequency as the default here", () => {
    expect(dora.recoveryTime.value).toBe(240);
    expect(dora.deploymentFrequency.value).toBe(2);
  });
});

describe("doraReport, fourkeys mode", () => {
  const dora = report("fourkeys");

  it("uses the 3 months before the end", () => {
    expect(dora.period).toEqual({ since: Date.UTC(2023, 9, 7) / 1000 + 1, until: period.until });
  });

  it("takes lead time per deployment × commit, interpolated median, ≤ 0 left out", () => {
    // d2: c5 1320, c4 1380, c3 1440; d3: c6 120, c7 0 (left out) → (1320 + 1380) / 2.
    expect(dora.leadTime.value).toBe(1350);
    expect(dora.leadTime.universe.commits).toEqual({
      considered: 5,
      counted: 4,
      excluded: [{ reason: "lead time ≤ 0 (automated push)", count: 1 }],
    });
    expect(dora.leadTime.universe.deployments?.excluded).toContainEqual({
      reason: "first of series: no range",
      count: 1,
    });
  });

  it("divides incident rows by deployments that shipped commits", () => {
    // i1, i3, i4 created in the window; d2 and d3 shipped commits in it (d1 has no range).
    expect(dora.changeFailureRate).toMatchObject({ value: 1.5, failures: 3, deployments: 2 });
    expect(dora.changeFailureRate.universe.deployments).toMatchObject({
      counted: 2,
      excluded: expect.arrayContaining([{ reason: "first of series: no range", count: 1 }]),
    });
  });

  it("measures restore time from incident creation in whole hours", () => {
    // i1: 2 h, i4: 13 h → 7.5 h.
    expect(dora.recoveryTime.value).toBe(450);
  });

  it("buckets deployment frequency as Four Keys does", () => {
    expect(dora.deploymentFrequency.detail.fourKeysBucket).toBe("yearly");
    expect(dora.deploymentFrequency.value).toBe(0);
    expect(dora.deploymentFrequency.band).toBe("low");
  });
});
