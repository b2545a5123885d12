/**
 * Stability figures: change failure rate, failed deployment recovery time, rework rate, per mode.
 */
import { bandOf } from "./bands.js";
import {
  type ChangeFailureFigure,
  type Context,
  deploymentUniverse,
  describeSeconds,
  type Figure,
  inPeriod,
  NO_INCIDENTS,
  noDeployments,
  type ReworkFigure,
  reasonFor,
} from "./figure.js";
import { reworkDeployments } from "./rework.js";
import {
  interpolatedMedian,
  lowerMedian,
  spanHoursTruncated,
  spanMinutesTruncated,
} from "./stats.js";
import { Tally } from "./universe.js";

/** Change failure rate, `devlake` and `default`: deployments with a blamed incident. */
export function changeFailureRate(context: Context): ChangeFailureFigure {
  const { data } = context;
  const countedKeys = new Set(context.counted.map((d) => d.key));
  const failed = new Set<string>();
  const tally = new Tally([
    "no earlier deployment",
    context.windowReason,
    "blamed on a deployment outside the period",
  ]);
  let linked = 0;
  for (const link of data.incidents) {
    if (link.deployment === null) {
      tally.add(link.unlinked === "no earlier deployment" ? link.unlinked : context.windowReason);
      continue;
    }
    linked++;
    if (countedKeys.has(link.deployment.key)) failed.add(link.deployment.key);
    else tally.add("blamed on a deployment outside the period");
  }
  const deployments = context.counted.length;
  const known = data.incidentSource && deployments > 0;
  const value = known ? failed.size / deployments : null;
  const band = bandOf({ metric: "changeFailureRate", ratio: value }, context.year);
  const incidentsCounted = data.incidents.length - tally.total();
  return {
    value,
    unit: "ratio",
    band,
    reason: reasonFor(context, { name: "change failure rate", value, band }, () =>
      data.incidentSource ? (noDeployments(context) ?? "") : NO_INCIDENTS,
    ),
    method:
      context.mode === "devlake"
        ? "DevLake: deployments finished in the period with at least one incident blamed on them ÷ deployments finished in the period"
        : `deployments finished in the period with at least one incident blamed on them (an incident is blamed on the last deployment before it, if that finished at most ${context.windowText} earlier) ÷ deployments finished in the period`,
    universe: {
      deployments: deploymentUniverse(context),
      incidents: tally.universe(incidentsCounted, {
        linked,
        unlinked: data.incidents.length - linked,
      }),
    },
    failures: data.incidentSource ? failed.size : null,
    deployments,
  };
}

/** Change failure rate, `fourkeys`: incident rows ÷ deployments. */
export function fourKeysChangeFailureRate(context: Context): ChangeFailureFigure {
  const { data, period } = context;
  const tally = new Tally(["created outside the window"]);
  let incidents = 0;
  for (const link of data.incidents) {
    if (inPeriod(link.createdAt, period)) incidents++;
    else tally.add("created outside the window");
  }
  // Four Keys reads deployments through their changes (`FROM deployments d, d.changes`): a
  // deployment that shipped no commit is not in the denominator.
  const noChanges = new Tally();
  for (const deployment of context.counted) {
    if (deployment.commits === null) noChanges.add(deployment.rangeStatus);
    else if (deployment.commits.length === 0) noChanges.add("shipped no commit");
  }
  const deployments = context.counted.length - noChanges.total();
  const value = data.incidentSource && deployments > 0 ? incidents / deployments : null;
  const band = bandOf({ metric: "changeFailureRate", ratio: value }, context.year);
  return {
    value,
    unit: "ratio",
    band,
    reason: reasonFor(context, { name: "change failure rate", value, band }, () =>
      data.incidentSource
        ? (noDeployments(context) ?? "no deployment in the window shipped a commit")
        : NO_INCIDENTS,
    ),
    method:
      "Four Keys: incident rows ÷ deployments with at least one commit in the 3-month window (every incident created in the window is a row: the records carry no root-cause commit)",
    universe: {
      deployments: deploymentUniverse(context, noChanges),
      incidents: tally.universe(incidents),
    },
    failures: data.incidentSource ? incidents : null,
    deployments,
  };
}

/** Failed deployment recovery time, `devlake` and `default`. */
export function recoveryTime(context: Context): Figure {
  const { data, mode, period } = context;
  const tally = new Tally([
    "not resolved",
    "resolved outside the period",
    "resolved before it was created",
    "no earlier deployment",
    context.windowReason,
    "blamed on a deployment outside the period",
  ]);
  let linked = 0;
  const values: number[] = [];
  for (const link of data.incidents) {
    if (link.deployment !== null) linked++;
    if (link.resolvedAt === null) tally.add("not resolved");
    else if (!inPeriod(link.resolvedAt, period)) tally.add("resolved outside the period");
    else if (mode === "default" && link.resolvedAt < link.createdAt) {
      tally.add("resolved before it was created");
    } else if (link.deployment === null) {
      tally.add(link.unlinked === "no earlier deployment" ? link.unlinked : context.windowReason);
    } else if (mode === "devlake" && !inPeriod(link.deployment.finishedAt, period)) {
      tally.add("blamed on a deployment outside the period");
    } else values.push(spanMinutesTruncated(link.deployment.finishedAt, link.resolvedAt));
  }
  const value = lowerMedian(values);
  const band = bandOf({ metric: "recoveryTime", minutes: value }, context.year);
  return {
    value,
    unit: "minutes",
    band,
    reason: reasonFor(context, { name: "recovery time", value, band }, () =>
      data.incidentSource
        ? "no incident resolved in the period is blamed on a deployment"
        : NO_INCIDENTS,
    ),
    method:
      mode === "devlake"
        ? "DevLake: lower median of whole minutes from the blamed deployment's finish to the incident's resolution, incidents resolved in the period blamed on deployments finished in it"
        : "lower median of whole minutes from the blamed deployment's finish to the incident's resolution, incidents resolved in the period",
    universe: {
      incidents: tally.universe(values.length, {
        linked,
        unlinked: data.incidents.length - linked,
      }),
    },
  };
}

/** Time to restore, `fourkeys`: incident creation → resolution. */
export function fourKeysRecoveryTime(context: Context): Figure {
  const { data, period } = context;
  const tally = new Tally(["created outside the window", "not resolved"]);
  const hours: number[] = [];
  for (const link of data.incidents) {
    if (!inPeriod(link.createdAt, period)) tally.add("created outside the window");
    else if (link.resolvedAt === null) tally.add("not resolved");
    else hours.push(spanHoursTruncated(link.createdAt, link.resolvedAt));
  }
  const median = interpolatedMedian(hours);
  const value = median === null ? null : median * 60;
  const band = bandOf({ metric: "recoveryTime", minutes: value }, context.year);
  return {
    value,
    unit: "minutes",
    band,
    reason: reasonFor(context, { name: "recovery time", value, band }, () =>
      data.incidentSource ? "no incident created in the window was resolved" : NO_INCIDENTS,
    ),
    method:
      "Four Keys: interpolated median of whole hours from incident creation to resolution, incidents created in the 3-month window (shown in minutes)",
    universe: { incidents: tally.universe(hours.length) },
  };
}

/** Rework rate, legible's rule in every mode (see rework.ts). */
export function reworkRate(
  context: Context,
  window: number,
  fixLabels: readonly string[] | undefined,
): ReworkFigure {
  const { data } = context;
  const rework = reworkDeployments(
    context.counted,
    data.deployments,
    data.incidentRows,
    data.pullRequestRows,
    { windowSeconds: window, ...(fixLabels === undefined ? {} : { fixLabels }) },
  );
  const deployments = context.counted.length;
  const explaining = new Set(rework.flatMap((r) => r.incidents));
  const tally = new Tally();
  tally.add("explains no deployment of the period", data.incidentRows.length - explaining.size);
  // Both rules start from an incident: with no incident source the rate is unknown, not 0.
  const value = data.incidentSource && deployments > 0 ? rework.length / deployments : null;
  return {
    value,
    unit: "ratio",
    band: null,
    reason: reasonFor(context, { name: "rework rate", value, band: null }, () =>
      data.incidentSource ? (noDeployments(context) ?? "") : NO_INCIDENTS,
    ),
    method: `legible (every mode): deployments of the period that are the first after an open incident or ship a fix-labelled PR, within ${describeSeconds(window)} of the incident's creation ÷ deployments of the period`,
    universe: {
      deployments: deploymentUniverse(context),
      incidents: tally.universe(explaining.size),
    },
    deployments,
    rework,
    uncheckedForFixes: context.counted.filter(
      (d) => d.commits === null || d.rangeStatus !== "range",
    ).length,
  };
}
