import { parseUserDate } from "../core/dates.js";
import { LegibleError } from "../errors.js";

/** `--since` / `--until` as Unix seconds: dates (YYYY-MM-DD) or ISO times; until defaults to now. */
export function parsePeriod(
  flags: { since?: string | undefined; until?: string | undefined },
  now: Date,
  defaultDays: number,
): { since: number; until: number; untilLabel: string } {
  let until = Math.floor(now.getTime() / 1000);
  if (flags.until !== undefined) {
    const parsed = parseUserDate(flags.until, "--until");
    // A bare date means up to the end of that day.
    until = Math.floor(parsed.ms / 1000) + (parsed.dateOnly ? 86_399 : 0);
  }
  let since = until - defaultDays * 86_400;
  // A bare date means from the start of that day.
  if (flags.since !== undefined)
    since = Math.floor(parseUserDate(flags.since, "--since").ms / 1000);
  if (since >= until) throw new LegibleError("BAD_USAGE", "--since must be before --until");
  return { since, until, untilLabel: flags.until ?? "now" };
}
