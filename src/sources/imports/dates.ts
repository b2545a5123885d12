/**
 * Timestamps as delivery sources write them: ISO 8601 / RFC 3339 date-times with an offset
 * (`2024-05-01T12:00:00Z`, `2024-05-01T14:00:00.123+02:00`), and the plain
 * `YYYY-MM-DD HH:MM:SS` many exports use, read as UTC (as is any date-time without an offset).
 * Seconds and fractions are optional; a bare date means midnight UTC.
 */
const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/** What {@link parseTime} accepts, for rejection messages. */
export const TIME_EXPECTED =
  "an ISO 8601 date-time (e.g. 2024-05-01T12:00:00Z) or YYYY-MM-DD HH:MM:SS (UTC)";

/**
 * Parses a timestamp into Unix seconds (fractions dropped), or returns null when it is not one of
 * the accepted forms or names an impossible date (month 13, February 30, hour 25, ...).
 */
export function parseTime(text: string): number | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", , , sign, oh = "0", om = "0"] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  const offsetHours = Number(oh);
  const offsetMinutes = Number(om);
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const offset = (sign === "-" ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60;
  const seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  return seconds - offset; // fractions of a second are dropped
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Go's zero time, which Go-written exports (gh) print for an unset date: read as "no date". */
export function isZeroTime(text: string): boolean {
  return /^0001-01-01[T ]00:00:00(?:\.0+)?(?:Z|[+-]00:?00)?$/i.test(text.trim());
}
