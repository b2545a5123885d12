/**
 * The medians and time spans each compatibility mode uses, reproduced exactly.
 */

/**
 * DevLake's median: `max(x) WHERE percent_rank() <= 0.5`, which is the lower median
 * `sorted[⌊(n−1)/2⌋]` (ties included). Null when there are no values.
 */
export function lowerMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * BigQuery's `PERCENTILE_CONT(x, 0.5)` (Four Keys): linear interpolation between the two middle
 * values. Null when there are no values.
 */
export function interpolatedMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) / 2;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/**
 * DevLake's `computeTimeSpan`: `ceil` of the span in minutes; null when an end is missing or the
 * result is negative. A span of less than a minute backwards rounds to 0, not null (Go's
 * `math.Ceil(-0.5)` is −0, which is not < 0).
 */
export function spanMinutesCeil(start: number | null, end: number | null): number | null {
  if (start === null || end === null) return null;
  const minutes = Math.ceil((end - start) / 60);
  return minutes < 0 ? null : minutes + 0;
}

/** MySQL's `TIMESTAMPDIFF(MINUTE, start, end)` and BigQuery's `TIMESTAMP_DIFF(…, MINUTE)`: truncated. */
export function spanMinutesTruncated(start: number, end: number): number {
  return Math.trunc((end - start) / 60) + 0;
}

/** BigQuery's `TIMESTAMP_DIFF(end, start, HOUR)`: whole hours, truncated. */
export function spanHoursTruncated(start: number, end: number): number {
  return Math.trunc((end - start) / 3600) + 0;
}
