/** Times of the demo, counted back from its `now`. */

/** Unix seconds `daysAgo` days before `now`, to the minute. */
export function secondsAgo(now: Date, daysAgo: number): number {
  const seconds = Math.floor(now.getTime() / 1000) - Math.round(daysAgo * 1440) * 60;
  return seconds - (seconds % 60);
}

/** ISO 8601 in UTC without milliseconds, as the GitHub API writes times. */
export function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** YYYY-MM-DD (UTC) `daysAgo` days before `now`. */
export function dateAgo(now: Date, daysAgo: number): string {
  return iso(secondsAgo(now, daysAgo)).slice(0, 10);
}
