import { parseAsOf } from "../app/workspace.js";
import { LegibleError } from "../errors.js";

/** `--since` / `--until` as Unix seconds: dates (YYYY-MM-DD) or ISO times; until defaults to now. */
export function parsePeriod(
  flags: { since?: string | undefined; until?: string | undefined },
  now: Date,
  defaultDays: number,
): { since: number; until: number; untilLabel: string } {
  const until = parseAsOf(flags.until, now);
  if (until.rev !== null)
    throw new LegibleError("BAD_USAGE", `--until ${flags.until}: expected a date, YYYY-MM-DD`);
  let since = until.time - defaultDays * 86_400;
  if (flags.since !== undefined) {
    const parsed = parseAsOf(flags.since, now);
    if (parsed.rev !== null)
      throw new LegibleError("BAD_USAGE", `--since ${flags.since}: expected a date, YYYY-MM-DD`);
    // A bare date means from the start of that day.
    since = flags.since.length === 10 ? parsed.time - 86_399 : parsed.time;
  }
  if (since >= until.time) throw new LegibleError("BAD_USAGE", "--since must be before --until");
  return { since, until: until.time, untilLabel: until.label };
}
