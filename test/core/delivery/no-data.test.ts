import { describe, expect, it } from "vitest";
import {
  type DeliveryUniverse,
  type DoraOptions,
  type DoraReport,
  doraReport,
  type Figure,
} from "../../../src/core/delivery/index.js";
import {
  ancestryOf,
  BASE,
  DAY,
  deployment,
  HOUR,
  incident,
  linearHistory,
  pullRequest,
} from "./builders.js";

const period = { since: BASE, until: BASE + 7 * DAY };
const ancestry = ancestryOf(linearHistory(10));
const deployments = [
  deployment("d1", "c2", BASE + HOUR),
  deployment("d2", "c5", BASE + 2 * DAY),
  deployment("d3", "c7", BASE + 3 * DAY),
];
const MODES: DoraOptions["mode"][] = ["default", "devlake", "fourkeys"];

function figures(report: DoraReport): [string, Figure][] {
  return [
    ["deploymentFrequency", report.deploymentFrequency],
    ["leadTime", report.leadTime],
    ["changeFailureRate", report.changeFailureRate],
    ["recoveryTime", report.recoveryTime],
    ["reworkRate", report.reworkRate],
  ];
}

describe("doraReport with nothing to rest on", () => {
  it("bands nothing and says why, in every mode, when no record was imported", () => {
    for (const mode of MODES) {
      const report = doraReport(
        { deployments: [], pullRequests: [], incidents: [], ancestry },
        { mode, period },
      );
      const reasons = Object.fromEntries(
        figures(report).map(([name, f]) => [name, { value: f.value, band: f.band, why: f.reason }]),
      );
      expect(reasons).toEqual({
        deploymentFrequency: {
          value: null,
          band: null,
          why: "no deployment records imported: deployment frequency unknown",
        },
        leadTime: {
          value: null,
          band: null,
          why:
            mode === "fourkeys"
              ? "no deployment records imported: lead time unknown"
              : "no pull-request records imported: lead time unknown",
        },
        changeFailureRate: {
          value: null,
          band: null,
          why: "no incident records imported: change failure rate unknown",
        },
        recoveryTime: {
          value: null,
          band: null,
          why: "no incident records imported: recovery time unknown",
        },
        reworkRate: {
          value: null,
          band: null,
          why: "no incident records imported: rework rate unknown",
        },
      });
      expect(report.changeFailureRate.failures).toBeNull();
      expect(report.deploymentFrequency.detail.medianDeploymentDaysPerWeek).toBeNull();
    }
  });

  it("does not band deployment frequency when no deployment finished in the period", () => {
    const report = doraReport(
      { deployments, pullRequests: [], incidents: [], ancestry },
      { period: { since: BASE + 30 * DAY, until: BASE + 37 * DAY } },
    );
    expect(report.deploymentFrequency).toMatchObject({
      value: null,
      band: null,
      reason: "no production deployments in the period: deployment frequency unknown",
    });
  });

  it("says when the deployment records hold no successful production deployment", () => {
    const report = doraReport(
      {
        deployments: [deployment("s1", "c2", BASE + HOUR, { environment: "staging" })],
        pullRequests: [],
        incidents: [],
        ancestry,
      },
      { period },
    );
    expect(report.deploymentFrequency.reason).toBe(
      "no successful production deployment among the 1 deployment records: deployment frequency unknown",
    );
  });

  it("keeps a change failure rate unknown without an incident source, even with deployments", () => {
    const report = doraReport(
      { deployments, pullRequests: [], incidents: [], ancestry },
      { period },
    );
    expect(report.deploymentFrequency.band).not.toBeNull();
    expect(report.changeFailureRate).toMatchObject({
      value: null,
      band: null,
      failures: null,
      deployments: 3,
      reason: "no incident records imported: change failure rate unknown",
    });
  });

  it("gives a real 0 % when incidents were imported and none falls in the period", () => {
    const incidents = [incident("i1", BASE - 30 * DAY, BASE - 29 * DAY)];
    const report = doraReport({ deployments, pullRequests: [], incidents, ancestry }, { period });
    expect(report.changeFailureRate).toMatchObject({
      value: 0,
      band: "elite",
      failures: 0,
      reason: null,
    });
    expect(report.reworkRate).toMatchObject({
      value: 0,
      band: null,
      reason: "the 2024 report gives no bands for rework rate",
    });
    expect(report.recoveryTime.reason).toBe(
      "no incident resolved in the period is blamed on a deployment: recovery time unknown",
    );
  });

  it("takes an explicit incident source with no rows as a real 0", () => {
    const report = doraReport(
      { deployments, pullRequests: [], incidents: [], ancestry, incidentSource: true },
      { period },
    );
    expect(report.changeFailureRate).toMatchObject({ value: 0, band: "elite", failures: 0 });
  });
});

describe("every breakdown adds up to its total", () => {
  // pr1 shipped by d2, pr2 by the first deployment (no range), pr3 not merged, pr4 with no merge
  // commit, pr5 in no range, pr6 deployed after the period.
  const pullRequests = [
    pullRequest("pr1", { createdAt: BASE, mergedAt: BASE + HOUR, mergeCommitSha: "c4" }),
    pullRequest("pr2", { createdAt: BASE - DAY, mergedAt: BASE - HOUR, mergeCommitSha: "c1" }),
    pullRequest("pr3", { createdAt: BASE, mergedAt: null, state: "open" }),
    pullRequest("pr4", { createdAt: BASE, mergedAt: BASE + HOUR, mergeCommitSha: null }),
    pullRequest("pr5", { createdAt: BASE, mergedAt: BASE + HOUR, mergeCommitSha: "zz" }),
    pullRequest("pr6", { createdAt: BASE, mergedAt: BASE + HOUR, mergeCommitSha: "c9" }),
  ];
  const incidents = [
    incident("i1", BASE - 10 * DAY, null),
    incident("i2", BASE + 2 * DAY + HOUR, BASE + 2 * DAY + 2 * HOUR),
    incident("i3", BASE + 20 * DAY, BASE + 21 * DAY),
  ];
  const all = [
    ...deployments,
    deployment("d4", "c10", BASE + 8 * DAY),
    deployment("s1", "c6", BASE + DAY, { environment: "staging" }),
    deployment("f1", "c6", BASE + DAY, { result: "failure" }),
  ];

  function check(name: string, u: DeliveryUniverse): void {
    const excluded = u.excluded.reduce((sum, e) => sum + e.count, 0);
    expect(`${name}: ${u.counted} + ${excluded}`).toBe(
      `${name}: ${u.considered - excluded} + ${excluded}`,
    );
    if (u.linked !== undefined || u.unlinked !== undefined) {
      expect(`${name}: ${u.linked} + ${u.unlinked}`).toBe(
        `${name}: ${u.linked} + ${u.considered - (u.linked ?? 0)}`,
      );
    }
    for (const e of u.excluded) expect(e.count).toBeGreaterThan(0);
  }

  it("counted + excluded = considered and linked + unlinked = considered, every figure, every mode", () => {
    for (const mode of MODES) {
      for (const input of [
        { deployments: all, pullRequests, incidents, ancestry },
        { deployments: [], pullRequests, incidents, ancestry },
        { deployments: all, pullRequests: [], incidents: [], ancestry },
      ]) {
        const report = doraReport(input, { mode, period });
        for (const [name, figure] of figures(report)) {
          for (const [kind, universe] of Object.entries(figure.universe)) {
            check(`${mode} ${name} ${kind}`, universe);
          }
        }
      }
    }
  });

  it("splits the pull requests of the lead time once: 6 considered, 6 linked or unlinked", () => {
    const report = doraReport({ deployments: all, pullRequests, incidents, ancestry }, { period });
    expect(report.leadTime.universe.pullRequests).toEqual({
      considered: 6,
      counted: 1,
      linked: 2,
      unlinked: 4,
      excluded: [
        { reason: "not merged", count: 1 },
        { reason: "no merge commit", count: 1 },
        { reason: "shipped by the first deployment of a series: no range", count: 1 },
        { reason: "merge commit in no deployment's range", count: 1 },
        { reason: "deployed outside the period", count: 1 },
      ],
    });
  });
});
