import { createHash } from "node:crypto";
import { resolveCommit } from "../sources/git/repository.js";
import type { HistoryIndex } from "./history-index.js";
import type { AnalysisSession } from "./session.js";
import type { AsOf } from "./workspace.js";

/**
 * Analysis results kept in the store (table analysis_cache), keyed by every input that can change
 * them: legible's version, the command and its options, the effective configuration, `--files-from`,
 * each repository's stored scans (tips of every ref, commit count, mailmap) and head, and the
 * analysed date or the commits an `--as-of` revision names. Any change makes a new key.
 *
 * "now" moves every second, so an analysis at "now" is stored with the span of dates over which it
 * stays the same: it changes only when a date it depends on is crossed (someone's last commit
 * leaving the `activeDays` window, a future-dated commit coming into the past, a date a year ahead
 * stopping being impossible, the next UTC day). A later run inside that span reuses it, with the
 * analysed date itself re-stamped; outside it, the analysis runs again.
 */
export interface ResultCacheSettings {
  /** legible's version: results of another version are never reused. */
  version: string;
  /** Unix seconds, for dropping rows over a week old. */
  now: number;
}

interface Stored<T> {
  validFrom: number;
  validUntil: number;
  value: T;
}

/** What an analysis computes: its value and, for "now", the last second it stays valid. */
export interface Computed<T> {
  value: T;
  validUntil: number;
}

export interface CachedRequest<T> {
  command: string;
  /** Every option of the command that can change its result. */
  options: unknown;
  asOf: AsOf;
  /** null: compute without reading or writing the cache (`--no-cache`). */
  settings: ResultCacheSettings | null;
  /** Puts the analysed date into a value computed at an earlier second of its valid span. */
  restamp?: (value: T, asOf: AsOf) => T;
}

/** The cached value for this request if it is still valid, else `compute()`'s, then stored. */
export async function cachedAnalysis<T>(
  session: AnalysisSession,
  request: CachedRequest<T>,
  compute: () => Promise<Computed<T>>,
): Promise<T> {
  const { settings, asOf } = request;
  if (!settings) return (await compute()).value;
  const key = await resultKey(session, request, settings.version);
  const floating = asOf.label === "now" && asOf.rev === null;
  const stored = parse<T>(await session.store.cacheGet(key));
  if (stored) {
    const valid = !floating || (stored.validFrom <= asOf.time && asOf.time <= stored.validUntil);
    if (valid)
      return floating && request.restamp ? request.restamp(stored.value, asOf) : stored.value;
  }
  const computed = await compute();
  const entry: Stored<T> = {
    validFrom: asOf.time,
    validUntil: floating ? computed.validUntil : asOf.time,
    value: computed.value,
  };
  try {
    await session.store.cachePut(key, JSON.stringify(entry), settings.now);
  } catch {
    // The result stands without being kept (a full disk, another process holding the write lock
    // past the busy timeout): the next run computes it again.
  }
  return computed.value;
}

/** A stored entry, or null when there is none or it cannot be read (then it is computed again). */
function parse<T>(text: string | null): Stored<T> | null {
  if (text === null) return null;
  try {
    const stored = JSON.parse(text) as Stored<T>;
    return typeof stored.validFrom === "number" && typeof stored.validUntil === "number"
      ? stored
      : null;
  } catch {
    return null;
  }
}

/** The cache key: a digest of every input of the request (see {@link cachedAnalysis}). */
export async function resultKey(
  session: AnalysisSession,
  request: Pick<CachedRequest<unknown>, "command" | "options" | "asOf">,
  version: string,
): Promise<string> {
  const { store, config } = session;
  const repositories = [];
  for (const scan of session.scans) {
    const row = await store.repository(scan.path);
    const scans = row ? await store.scans(row.id) : [];
    repositories.push({
      path: scan.path,
      name: scan.name,
      ref: scan.ref,
      head: scan.head,
      shallow: scan.shallow,
      partial: scan.partial,
      renames: scan.renames,
      rewrites: scan.rewrites,
      unreadable: scan.unreadable,
      repository: row,
      commits: row ? await store.commitCount(row.id) : 0,
      // Every ref's tip: all stored commits feed identity resolution.
      scans: scans.map((s) => ({ ...s, finishedAt: null })),
      asOfCommit:
        request.asOf.rev === null ? null : await resolveCommit(scan.path, request.asOf.rev),
    });
  }
  const floating = request.asOf.label === "now" && request.asOf.rev === null;
  const inputs = {
    version,
    command: request.command,
    options: request.options,
    asOf: floating ? "now" : request.asOf,
    // The folder of legible.yaml is left out: these analyses read no path relative to it, and the
    // same repositories analysed from another folder give the same result.
    config,
    filesFrom: session.filesFrom,
    repositories,
  };
  const digest = createHash("sha256").update(JSON.stringify(inputs)).digest("hex");
  return `${request.command}:${digest}`;
}

const DAY = 86_400;
const IMPOSSIBLE_AFTER = 366 * DAY;

/**
 * The last second from `from` on at which an analysis of histories with these author and commit
 * times (see {@link historyTimes}) at "now" still gives what
 * it gives at `from` (dates aside): before any commit dated later comes into the past, any date over
 * a year ahead stops being impossible (core/dates.ts), anyone's last commit leaves the
 * `activeDays` window, or the UTC day changes. Every commit's dates count, reachable or not, so
 * this may end early, never late.
 */
export function validUntil(times: Iterable<number>, from: number, activeDays: number): number {
  let until = Math.floor(from / DAY) * DAY + DAY - 1;
  const consider = (limit: number) => {
    if (limit >= from && limit < until) until = limit;
  };
  for (const time of times) {
    if (!Number.isFinite(time)) continue;
    consider(time - 1);
    consider(time - IMPOSSIBLE_AFTER - 1);
    consider(time + activeDays * DAY);
  }
  return until;
}

/** Every author and commit time of these histories (for {@link validUntil}). */
export function* historyTimes(histories: Iterable<HistoryIndex>): Iterable<number> {
  for (const history of histories)
    for (const commit of history.commits) {
      yield commit.authorTime;
      yield commit.commitTime;
    }
}

/**
 * The last second from `from` on at which no comparison of these times with a window bound that
 * lies `offset` seconds before "now" (negative: after it) can flip, nor the UTC day change. A bound
 * compared with `<`, `<=` or a second off either way flips within a few seconds of `time + offset`,
 * so the span ends three seconds before each such moment (at `from` itself when that is sooner):
 * it may end early, never late. For analyses whose windows all move with "now" (the review).
 */
export function windowsValidUntil(
  times: Iterable<number>,
  from: number,
  offsets: readonly number[],
): number {
  let until = Math.floor(from / DAY) * DAY + DAY - 1;
  const distinct = [...new Set(offsets)];
  for (const time of times) {
    if (!Number.isFinite(time)) continue;
    for (const offset of distinct) {
      const crossing = time + offset;
      if (crossing + 3 <= from) continue;
      const limit = Math.max(from, crossing - 3);
      if (limit < until) until = limit;
    }
  }
  return until;
}
