/**
 * UTC calendar arithmetic on day numbers (days since 1970-01-01). Deployment frequency counts
 * deployment *days*; DevLake's weeks start on Monday (MySQL `WEEKDAY`), Four Keys' on Sunday
 * (BigQuery `TIMESTAMP_TRUNC(…, WEEK)`).
 */
import { DAY, type DeliveryPeriod } from "./types.js";

/** The UTC day number of a Unix time. */
export function dayOf(time: number): number {
  return Math.floor(time / DAY);
}

/** The day numbers of every UTC day `[since, until)` touches, oldest first. */
export function daysOf(period: DeliveryPeriod): number[] {
  const days: number[] = [];
  if (period.until <= period.since) return days;
  const last = dayOf(period.until - 1);
  for (let day = dayOf(period.since); day <= last; day++) days.push(day);
  return days;
}

/** The first day of the week holding `day`: Monday-start or Sunday-start. */
export function weekOf(day: number, weekStart: "monday" | "sunday"): number {
  // 1970-01-01 was a Thursday: day 0 has weekday 3 (Monday = 0) or 4 (Sunday = 0).
  const offset = weekStart === "monday" ? 3 : 4;
  return day - ((((day + offset) % 7) + 7) % 7);
}

/** `YYYY-MM` of a day number. */
export function monthOfDay(day: number): string {
  const date = new Date(day * DAY * 1000);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** `YYYY-MM-DD` of a day number. */
export function isoDay(day: number): string {
  return new Date(day * DAY * 1000).toISOString().slice(0, 10);
}

/**
 * The day `months` calendar months before `day`, clamped to the end of a shorter month, as
 * BigQuery's `DATE_SUB(date, INTERVAL n MONTH)` does (March 31 − 1 month = February 28/29).
 */
export function monthsBefore(day: number, months: number): number {
  const date = new Date(day * DAY * 1000);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() - months;
  const lastOfTarget = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const target = Date.UTC(year, month, Math.min(date.getUTCDate(), lastOfTarget));
  return Math.round(target / 1000 / DAY);
}

/** Groups `days` by `keyOf`, keeping the keys in first-seen order, each with its count of marked days. */
export function countByGroup(
  days: readonly number[],
  keyOf: (day: number) => string | number,
  marked: ReadonlySet<number>,
): number[] {
  const counts = new Map<string | number, number>();
  for (const day of days) {
    const key = keyOf(day);
    counts.set(key, (counts.get(key) ?? 0) + (marked.has(day) ? 1 : 0));
  }
  return [...counts.values()];
}
