/**
 * Throughput figures: deployment frequency and lead time for changes, per mode.
 */
import { bandOf } from "./bands.js";
import { daysOf } from "./calendar.js";
import {
  type Context,
  deploymentUniverse,
  type Figure,
  type FrequencyFigure,
  inPeriod,
  noDeployments,
  reasonFor,
} from "./figure.js";
import { deploymentFrequency } from "./frequency.js";
import { interpolatedMedian, lowerMedian, spanMinutesTruncated } from "./stats.js";
import { Tally } from "./universe.js";

/** Deployment frequency in deployment days (every mode). */
export function frequencyFigure(context: Context): FrequencyFigure {
  const detail = deploymentFrequency(
    context.counted.map((d) => d.finishedAt),
    daysOf(context.period),
    context.mode,
  );
  const method =
    context.mode === "fourkeys"
      ? "Four Keys: deployment days per Sunday-start week over the 3-month window, interpolated median; bucket daily/weekly/monthly/yearly"
      : "deployment days per Monday-start week over the period (UTC), lower median";
  // With no deployment counted there is nothing to band: a median of empty weeks is not a figure.
  const none = noDeployments(context);
  const value = none === null ? detail.medianDeploymentDaysPerWeek : null;
  const band =
    none === null ? bandOf({ metric: "deploymentFrequency", ...detail }, context.year) : null;
  return {
    value,
    unit: "deployment days per week",
    band,
    reason: reasonFor(context, { name: "deployment frequency", value, band }, () => none ?? ""),
    method,
    universe: { deployments: deploymentUniverse(context) },
    detail:
      none === null
        ? detail
        : { ...detail, medianDeploymentDaysPerWeek: null, medianDeploymentDaysPerMonth: null },
  };
}

const PR_EXCLUSIONS = [
  "not merged",
  "no merge commit",
  "shipped by the first deployment of a series: no range",
  "merge commit in no deployment's range",
  "not deployed",
  "deployed outside the period",
  "merged after deployment",
];

/** Lead time for changes, `devlake` and `default`: median PR cycle time. */
export function leadTime(context: Context): Figure {
  const { data, mode, period } = context;
  const tally = new Tally(PR_EXCLUSIONS);
  tally.add("not merged", data.pullRequestExclusions.length);
  let linked = 0;
  const values: number[] = [];
  for (const pr of data.pullRequests) {
    if (pr.deployment === null) {
      const sha = data.mergeCommits.get(pr.key) ?? null;
      if (mode === "devlake") tally.add("not deployed");
      else if (sha === null) tally.add("no merge commit");
      else if (data.shippedByFirst.has(sha)) {
        tally.add("shipped by the first deployment of a series: no range");
      } else tally.add("merge commit in no deployment's range");
      continue;
    }
    linked++;
    if (!inPeriod(pr.deployment.finishedAt, period)) tally.add("deployed outside the period");
    else if (mode === "default" && pr.deployMinutes === null) tally.add("merged after deployment");
    else values.push(pr.cycleMinutes);
  }
  const value = lowerMedian(values);
  const band = bandOf({ metric: "leadTime", minutes: value }, context.year);
  return {
    value,
    unit: "minutes",
    band,
    reason: reasonFor(context, { name: "lead time", value, band }, () =>
      data.pullRequestRows.length === 0
        ? "no pull-request records imported"
        : (noDeployments(context) ?? "no pull request deployed in the period"),
    ),
    method:
      mode === "devlake"
        ? "DevLake: lower median of the cycle time of PRs whose deployment finished in the period"
        : "lower median of the cycle time of PRs whose deployment finished in the period; PRs merged after their deployment finished left out",
    // Linked and unlinked split every considered PR: one not merged is unlinked too.
    universe: {
      pullRequests: tally.universe(values.length, {
        linked,
        unlinked: data.pullRequests.length + data.pullRequestExclusions.length - linked,
      }),
    },
  };
}

/** Lead time for changes, `fourkeys`: per deployment × commit. */
export function fourKeysLeadTime(context: Context): Figure {
  const { data } = context;
  const deploymentTally = new Tally();
  const commitTally = new Tally(["commit time unknown", "lead time ≤ 0 (automated push)"]);
  const values: number[] = [];
  for (const deployment of context.counted) {
    if (deployment.commits === null) {
      deploymentTally.add(deployment.rangeStatus);
      continue;
    }
    for (const sha of deployment.commits) {
      const time = data.commitTime(sha);
      if (time === undefined) {
        commitTally.add("commit time unknown");
        continue;
      }
      const minutes = spanMinutesTruncated(time, deployment.finishedAt);
      if (minutes > 0) values.push(minutes);
      else commitTally.add("lead time ≤ 0 (automated push)");
    }
  }
  const value = interpolatedMedian(values);
  const band = bandOf({ metric: "leadTime", minutes: value }, context.year);
  return {
    value,
    unit: "minutes",
    band,
    reason: reasonFor(
      context,
      { name: "lead time", value, band },
      () => noDeployments(context) ?? "no commit with a known time shipped in the window",
    ),
    method:
      "Four Keys: for every deployment × commit it shipped, whole minutes from commit to deployment; values ≤ 0 left out; interpolated median",
    universe: {
      deployments: deploymentUniverse(context, deploymentTally),
      commits: commitTally.universe(values.length),
    },
  };
}
