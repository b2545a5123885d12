/** What every live fetch is given, and what it reports. */
import type { RejectedRow } from "../../core/delivery/model.js";
import { LegibleError } from "../../errors.js";
import { apiBase, parseApiUrl } from "../github/api-url.js";
import { FETCH_DEFAULTS, type FetchState } from "../github/fetch.js";
import { LiveClient, type LiveClientOptions, type LiveRateLimitWait } from "./client.js";

export interface LiveFetchOptions {
  /** The API base URL (a default per source). */
  baseUrl?: string;
  token: string | undefined;
  /** One state per list the source reads ("incidents", "merge requests", "deployments"). */
  state: (list: string) => FetchState;
  onWait?: (wait: LiveRateLimitWait) => void;
  onProgress?: (event: { list: string; fetched: number; page: number }) => void;
  signal?: AbortSignal;
  now?: () => Date;
  maxRetries?: number;
  maxWaitSeconds?: number;
  requestTimeoutSeconds?: number;
  /** Milliseconds per second asked for and per backoff unit (default 1000; tests pass 1). */
  waitScale?: number;
  /** Items per page (default 100). */
  perPage?: number;
}

/** What one list of a live fetch did. */
export interface LiveListResult {
  list: string;
  fetched: number;
  pages: number;
  incremental: boolean;
  resumed: boolean;
  updatedSince: string | null;
}

/** What a live fetch did; the data behind `legible fetch <source> --json`. */
export interface LiveFetchResult {
  source: string;
  /** What was read: the project, or the account's API host. */
  scope: string;
  lists: LiveListResult[];
  /** Records the source sent that legible could not read: skipped, with the reason. */
  rejected: RejectedRow[];
  requests: number;
  retries: number;
  rateLimitWaits: number;
}

/** The client for a source, its limits checked. */
export function liveClient(
  options: LiveFetchOptions,
  source: {
    service: string;
    defaultBaseUrl: string;
    headers: Record<string, string>;
    tokenVariable: string;
    resetSeconds: LiveClientOptions["resetSeconds"];
  },
): { client: LiveClient; baseUrl: string } {
  const baseUrl = apiBase(parseApiUrl(options.baseUrl ?? source.defaultBaseUrl));
  const maxRetries = options.maxRetries ?? FETCH_DEFAULTS.maxRetries;
  const maxWaitSeconds = options.maxWaitSeconds ?? FETCH_DEFAULTS.maxWaitSeconds;
  const timeout = options.requestTimeoutSeconds ?? FETCH_DEFAULTS.requestTimeoutSeconds;
  if (!Number.isInteger(maxRetries) || maxRetries < 0)
    throw new LegibleError(
      "BAD_USAGE",
      `maxRetries ${maxRetries}: expected a whole number, 0 or more`,
    );
  if (!(maxWaitSeconds >= 0))
    throw new LegibleError(
      "BAD_USAGE",
      `maxWaitSeconds ${maxWaitSeconds}: expected a number, 0 or more`,
    );
  if (!(timeout > 0))
    throw new LegibleError(
      "BAD_USAGE",
      `requestTimeoutSeconds ${timeout}: expected a number above 0`,
    );
  const client = new LiveClient({
    service: source.service,
    baseUrl,
    headers: source.headers,
    token: options.token,
    tokenVariable: source.tokenVariable,
    maxRetries,
    maxWaitSeconds,
    timeoutMs: timeout * 1000,
    waitScale: options.waitScale ?? 1000,
    signal: options.signal,
    now: options.now ?? (() => new Date()),
    onWait: options.onWait,
    resetSeconds: source.resetSeconds,
  });
  return { client, baseUrl };
}

/** Seconds until a reset given as Unix seconds (GitLab's `RateLimit-Reset`). */
export function resetAt(value: string | null, nowSeconds: number): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  const n = Number(value);
  // A small number is already a duration (PagerDuty's `ratelimit-reset`).
  return n > 1_000_000_000 ? Math.max(0, Math.ceil(n - nowSeconds)) : n;
}

export { rowOf } from "./rows.js";
