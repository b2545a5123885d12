/**
 * Deployment frequency in deployment *days* (days with at least one deployment), per calendar week
 * and month of the period, as DevLake's DORA dashboard and Four Keys' bucket query compute it.
 */
import { countByGroup, dayOf, monthOfDay, weekOf } from "./calendar.js";
import { interpolatedMedian, lowerMedian } from "./stats.js";
import type { DeliveryMode } from "./types.js";

/** Four Keys' deployment-frequency bucket. */
export type FourKeysFrequency = "daily" | "weekly" | "monthly" | "yearly";

/** Deployment frequency over a period. */
export interface DeploymentFrequency {
  /** Deployments counted (each key once). */
  deployments: number;
  /** Distinct UTC days with a deployment. */
  deploymentDays: number;
  /** Calendar weeks the period touches (partial ones included, as DevLake and Four Keys do). */
  weeks: number;
  /** Calendar months the period touches. */
  months: number;
  /** Median over the weeks of their deployment days (DevLake: lower median, Monday weeks). */
  medianDeploymentDaysPerWeek: number | null;
  /** Median over the months of their deployment days. */
  medianDeploymentDaysPerMonth: number | null;
  /** Four Keys mode only: its bucket. */
  fourKeysBucket?: FourKeysFrequency;
}

/**
 * Frequency of deployments finishing at `finishTimes` over the UTC days `days` (day numbers, as
 * `daysOf` gives them). `devlake` and `default`: weeks start on Monday, lower medians. `fourkeys`:
 * weeks start on Sunday, interpolated medians, and the bucket: daily when the median week has at
 * least 3 deployment days, weekly when most weeks have one, monthly when the median of "weeks
 * with a deployment in the week's month" is at least 1, yearly otherwise.
 */
export function deploymentFrequency(
  finishTimes: readonly number[],
  days: readonly number[],
  mode: DeliveryMode,
): DeploymentFrequency {
  const inDays = new Set(days);
  const deployed = new Set<number>();
  for (const time of finishTimes) {
    const day = dayOf(time);
    if (inDays.has(day)) deployed.add(day);
  }
  const fourkeys = mode === "fourkeys";
  const median = fourkeys ? interpolatedMedian : lowerMedian;
  const weekStart = fourkeys ? "sunday" : "monday";
  const perWeek = countByGroup(days, (day) => weekOf(day, weekStart), deployed);
  const perMonth = countByGroup(days, monthOfDay, deployed);
  const result: DeploymentFrequency = {
    deployments: finishTimes.length,
    deploymentDays: deployed.size,
    weeks: perWeek.length,
    months: perMonth.length,
    medianDeploymentDaysPerWeek: median(perWeek),
    medianDeploymentDaysPerMonth: median(perMonth),
  };
  if (fourkeys) result.fourKeysBucket = fourKeysBucket(days, deployed);
  return result;
}

function fourKeysBucket(days: readonly number[], deployed: ReadonlySet<number>): FourKeysFrequency {
  const weeks = new Map<number, number>();
  for (const day of days) {
    const week = weekOf(day, "sunday");
    weeks.set(week, (weeks.get(week) ?? 0) + (deployed.has(day) ? 1 : 0));
  }
  const daysDeployed = [...weeks.values()];
  const weekDeployed = daysDeployed.map((count) => (count > 0 ? 1 : 0));
  // SUM(week_deployed) OVER (PARTITION BY TIMESTAMP_TRUNC(week, MONTH)), one value per week row.
  const monthOfWeek = [...weeks.keys()].map(monthOfDay);
  const perMonth = new Map<string, number>();
  monthOfWeek.forEach((month, i) => {
    perMonth.set(month, (perMonth.get(month) ?? 0) + weekDeployed[i]!);
  });
  const monthlyDeploys = monthOfWeek.map((month) => perMonth.get(month)!);
  if ((interpolatedMedian(daysDeployed) ?? 0) >= 3) return "daily";
  if ((interpolatedMedian(weekDeployed) ?? 0) >= 1) return "weekly";
  if ((interpolatedMedian(monthlyDeploys) ?? 0) >= 1) return "monthly";
  return "yearly";
}
