import type { Period } from "./types.js";

/** True when `time` falls in `[since, until)`. */
export function inPeriod(time: number, period: Period): boolean {
  return time >= period.since && time < period.until;
}

/** The period of the same length that ends where `period` starts. */
export function previousPeriod(period: Period): Period {
  return { since: period.since - (period.until - period.since), until: period.since };
}

/** `YYYY-MM` of a Unix time, in UTC. */
export function monthOf(time: number): string {
  const date = new Date(time * 1000);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The UTC calendar months `[since, until)` overlaps, oldest first, as `YYYY-MM`. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  if (period.until <= period.since) return months;
  const start = new Date(period.since * 1000);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  while (Date.UTC(year, month, 1) / 1000 < period.until) {
    months.push(`${year}-${String(month + 1).padStart(2, "0")}`);
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return months;
}
