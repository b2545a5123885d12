/**
 * What every DORA figure carries (value, unit, band, method, universe) and the context the figure
 * functions share: the joined records, the mode, the period and the deployments counted in it.
 */
import type { BandLevel } from "./bands.js";
import { dayOf, monthsBefore } from "./calendar.js";
import type { DeploymentFrequency } from "./frequency.js";
import type { DeliveryData } from "./prepare.js";
import type { RangedDeployment } from "./ranges.js";
import type { ReworkDeployment } from "./rework.js";
import {
  DAY,
  type DeliveryMode,
  type DeliveryPeriod,
  type DeliveryUniverse,
  type FigureUniverse,
} from "./types.js";
import { Tally } from "./universe.js";

/** One figure: its value, unit, band, how it was computed and what it rests on. */
export interface Figure {
  value: number | null;
  unit: "deployment days per week" | "minutes" | "ratio";
  band: BandLevel | null;
  /**
   * Why the value or the band is null, said plainly ("no incident records imported: change failure
   * rate unknown"); null when the figure has both. A figure that rests on no record is never banded.
   */
  reason: string | null;
  /** The rule applied, in one sentence. */
  method: string;
  universe: FigureUniverse;
}

/** Deployment frequency: the median deployment days per week, with the detail behind it. */
export interface FrequencyFigure extends Figure {
  detail: DeploymentFrequency;
}

/** Change failure rate with its numerator and denominator. */
export interface ChangeFailureFigure extends Figure {
  /** Deployments (Four Keys: incident rows) counted as failures; null when no incident was imported. */
  failures: number | null;
  deployments: number;
}

/** Rework rate with the rework deployments and why each is one. */
export interface ReworkFigure extends Figure {
  deployments: number;
  rework: ReworkDeployment[];
  /** Counted deployments whose range could not be checked for fixes (no range). */
  uncheckedForFixes: number;
}

/** What the figure functions share. */
export interface Context {
  data: DeliveryData;
  mode: DeliveryMode;
  period: DeliveryPeriod;
  year: number;
  windowReason: string;
  windowText: string;
  /** Deployments finished in the period. */
  counted: RangedDeployment[];
}

/** The window the figures cover. `fourkeys`: after midnight (UTC) of the day 3 months before `until`'s day, up to `until`. */
export function effectivePeriod(mode: DeliveryMode, period: DeliveryPeriod): DeliveryPeriod {
  if (mode !== "fourkeys") return period;
  const start = monthsBefore(dayOf(period.until - 1), 3) * DAY;
  return { since: start + 1, until: period.until };
}

/** Whether `time` falls in `[since, until)`. */
export function inPeriod(time: number, period: DeliveryPeriod): boolean {
  return time >= period.since && time < period.until;
}

/** "7 days", "36 hours", "90 seconds". */
export function describeSeconds(seconds: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (seconds % DAY === 0) return unit(seconds / DAY, "day");
  if (seconds % 3600 === 0) return unit(seconds / 3600, "hour");
  if (seconds % 60 === 0) return unit(seconds / 60, "minute");
  return unit(seconds, "second");
}

/** The deployment rows behind a figure counting `counted` deployments of the period. */
export function deploymentUniverse(context: Context, extra?: Tally): DeliveryUniverse {
  const { data } = context;
  const tally = new Tally();
  for (const exclusion of data.deploymentRows.excluded)
    tally.add(exclusion.reason, exclusion.count);
  tally.add("outside the period", data.deployments.length - context.counted.length);
  let counted = context.counted.length;
  if (extra !== undefined) {
    for (const exclusion of extra.list()) tally.add(exclusion.reason, exclusion.count);
    counted -= extra.total();
  }
  return tally.universe(counted);
}

/**
 * Why no deployment is counted in the period: no deployment record at all, none that is a
 * successful production deployment, or none finished in the period. Null when some are counted.
 */
export function noDeployments(context: Context): string | null {
  if (context.counted.length > 0) return null;
  const { data } = context;
  if (data.deploymentRows.considered === 0) return "no deployment records imported";
  if (data.deployments.length === 0) {
    return `no successful ${data.environment} deployment among the ${data.deploymentRows.considered} deployment records`;
  }
  return context.mode === "fourkeys"
    ? `no ${data.environment} deployment in the 3-month window`
    : `no ${data.environment} deployments in the period`;
}

/** The reason for a figure's null value or band (see {@link Figure.reason}). */
export function reasonFor(
  context: Context,
  figure: { name: string; value: number | null; band: BandLevel | null },
  missing: () => string,
): string | null {
  if (figure.value === null) return `${missing()}: ${figure.name} unknown`;
  if (figure.band === null) return `the ${context.year} report gives no bands for ${figure.name}`;
  return null;
}

/** The reason of a figure that needs incidents when no incident source was imported. */
export const NO_INCIDENTS = "no incident records imported";
