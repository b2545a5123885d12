import type { AsOf } from "../workspace.js";

/** A period the run functions look at: Unix seconds, both ends inclusive. */
export interface RunPeriod {
  since: number;
  until: number;
  /** How the user named the end ("now", a date), for reports. */
  untilLabel: string;
}

const DAY = 86_400;

/** The as-of points a period needs: its end, its start, and a quarter before its end. */
export function periodPoints(period: RunPeriod): { end: AsOf; start: AsOf; quarterAgo: AsOf } {
  return {
    end: { time: period.until, label: period.untilLabel, rev: null },
    start: { time: period.since, label: "period start", rev: null },
    quarterAgo: { time: period.until - 90 * DAY, label: "a quarter earlier", rev: null },
  };
}
