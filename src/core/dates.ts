/**
 * The one parser for dates a user types (`--since`, `--until`, `--as-of`, `LEGIBLE_NOW`): a calendar
 * date `YYYY-MM-DD` (a whole UTC day) or an ISO 8601 date-time `YYYY-MM-DDThh:mm[:ss[.fff]][zone]`
 * (no zone means UTC). Every part is checked, so `2026-02-30` is an error, not March 2.
 */
import { LegibleError } from "../errors.js";

export interface UserDate {
  /** Unix milliseconds: the instant given, or the first millisecond (UTC) of a bare date's day. */
  ms: number;
  /** True for a bare `YYYY-MM-DD`: the whole day is meant. */
  dateOnly: boolean;
}

const EXPECTED = "expected YYYY-MM-DD or an ISO date-time such as 2026-02-28T09:30:00Z";

const FORMAT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** True when `value` starts like a date (`YYYY-MM-DD...`): `--as-of` then reads it as one, not as a revision. */
export function looksLikeDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(value);
}

/**
 * Parses a date the user gave through `source` (a flag such as `--since`, or an environment variable
 * such as `LEGIBLE_NOW`, named in the error). Throws BAD_USAGE naming the source and the wrong part.
 */
export function parseUserDate(value: string, source: string, hint = EXPECTED): UserDate {
  const fail = (problem: string) =>
    new LegibleError(
      "BAD_USAGE",
      `${source.startsWith("-") ? `${source} ${value}` : `${source}=${value}`}: ${problem}`,
      hint,
    );
  const match = FORMAT.exec(value);
  if (!match) throw fail("not a date");
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) throw fail(`month ${mo} does not exist`);
  const days = daysInMonth(year, month);
  if (day < 1 || day > days)
    throw fail(`day ${d} does not exist in ${y}-${mo} (it has ${days} days)`);
  const hours = Number(h ?? 0);
  const minutes = Number(mi ?? 0);
  const seconds = Number(s ?? 0);
  if (hours > 23) throw fail(`hour ${h} does not exist`);
  if (minutes > 59) throw fail(`minute ${mi} does not exist`);
  if (seconds > 59) throw fail(`second ${s} does not exist`);
  let offsetMinutes = 0;
  if (zone !== undefined && zone.toUpperCase() !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    const zoneHours = Number(digits.slice(0, 2));
    const zoneMinutes = Number(digits.slice(2) || "0");
    if (zoneHours > 23 || zoneMinutes > 59) throw fail(`time zone offset ${zone} does not exist`);
    offsetMinutes = (zone.startsWith("-") ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC: it maps years 0–99 to 1900–1999
  date.setUTCHours(hours, minutes, seconds, Number((fraction ?? "").padEnd(3, "0").slice(0, 3)));
  return { ms: date.getTime() - offsetMinutes * 60_000, dateOnly: h === undefined };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Unix seconds JavaScript's Date can hold (±8.64e12 s, about ±275,000 years). */
const DATE_LIMIT = 8.64e12;

/**
 * Unix seconds as an ISO 8601 instant (`toISOString()`), for every date legible prints: a time git
 * recorded can lie beyond what a Date holds (year 3,000,000), which must never crash a report. Such
 * a time, or one that is not a number, is written as git's raw form `@<seconds>`.
 */
export function isoTime(unixSeconds: number): string {
  if (!Number.isFinite(unixSeconds) || Math.abs(unixSeconds) > DATE_LIMIT) return `@${unixSeconds}`;
  return new Date(unixSeconds * 1000).toISOString();
}

/** Unix seconds as the day `YYYY-MM-DD` (UTC), with the same fallback as `isoTime`. */
export function isoDay(unixSeconds: number): string {
  const iso = isoTime(unixSeconds);
  return iso.startsWith("@") ? iso : iso.slice(0, iso.indexOf("T"));
}

/**
 * True when a commit's time cannot be when it was made: at or before 1970-01-01 (git's epoch; a
 * broken or forged date), or more than a year after `reference` (the analysed date). Such commits
 * are kept and listed, but they are no evidence of activity.
 */
export function impossibleTime(unixSeconds: number, reference: number): boolean {
  return (
    !Number.isFinite(unixSeconds) || unixSeconds <= 0 || unixSeconds > reference + 366 * 86_400
  );
}
