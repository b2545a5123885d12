import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { GitHubProtocolError, guardedFetch, sleep } from "./transport.js";

/**
 * Octokit with GitHub's recommended throttling and retries of server errors. Typed as the plain
 * REST client: the plugins add behaviour, not methods legible calls.
 */
const GitHubOctokit: typeof Octokit = Octokit.plugin(throttling, retry);

/** The client legible fetches with. */
export type GitHubClient = Octokit;

/** A wait for a rate limit, announced before it starts. */
export interface RateLimitWait {
  /** `primary`: the hourly quota is spent (`x-ratelimit-remaining: 0`, wait for `x-ratelimit-reset`); `secondary`: too many requests too fast (wait `retry-after`). */
  kind: "primary" | "secondary";
  /** How long GitHub asked to wait. */
  seconds: number;
  /** When the request will be sent again (by the injected clock). */
  until: string;
  /** The request that was refused, e.g. "GET /repos/acme/widgets/pulls" (path without the query). */
  request: string;
}

/** What the client counted; read by the fetcher for its result and progress. */
export interface ClientStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** Responses that were server errors (5xx) or requests that failed on the network. */
  serverErrors: number;
  /** Waits for a rate limit (each followed by a retry). */
  rateLimitWaits: number;
  /** `x-ratelimit-remaining` of the latest response that had it. */
  rateRemaining: number | null;
  /** The rate-limit wait refused for being longer than `maxWaitSeconds` (the fetch then stops). */
  refusedWait: RateLimitWait | null;
}

export interface ClientOptions {
  token: string | undefined;
  /** The API base URL, checked by `parseApiUrl`: requests go to its origin only. */
  baseUrl: string;
  /** Times one request may be retried after a server error, and after a rate limit. */
  maxRetries: number;
  /** Milliseconds actually waited per second GitHub asks for (rate limits) or per backoff unit (server errors: 1, 4, 9, ...). */
  waitScale: number;
  /** The longest rate-limit wait accepted, in seconds; a longer one is refused (`stats.refusedWait`). */
  maxWaitSeconds: number;
  /** Milliseconds a request may go without any data before it is abandoned and retried. */
  timeoutMs: number;
  signal: AbortSignal | undefined;
  now: () => Date;
  onWait: ((wait: RateLimitWait) => void) | undefined;
}

/** Statuses the retry plugin leaves alone: client errors, and rate limits (the throttling plugin's). */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * An Octokit client with the throttling plugin (on a primary or secondary rate limit: wait as long
 * as `x-ratelimit-reset` or `retry-after` says, at most `maxWaitSeconds`, then retry, at most
 * `maxRetries` times per request) and the retry plugin (server errors, network failures, requests
 * with no data for `timeoutMs` and answers cut short retried with a growing backoff, at most
 * `maxRetries` times; other client errors not retried). Rate-limit waits end early on abort.
 *
 * Credentials go to the API's origin only: a request, a `Link` page or a redirect to another origin
 * is refused before anything is sent there (`GitHubProtocolError`, never retried), and a successful
 * answer that is not a JSON object or list (invalid JSON, an HTML page, an empty body) is refused
 * the same way.
 */
export function createGitHubClient(options: ClientOptions): {
  client: GitHubClient;
  stats: ClientStats;
} {
  const stats: ClientStats = {
    requests: 0,
    serverErrors: 0,
    rateLimitWaits: 0,
    rateRemaining: null,
    refusedWait: null,
  };
  const { signal } = options;
  const origin = new URL(options.baseUrl).origin;
  const transport = guardedFetch({
    origin,
    timeoutMs: options.timeoutMs,
    signal,
    onSend: () => {
      stats.requests += 1;
    },
    onAnswer: (response) => {
      const remaining = response.headers.get("x-ratelimit-remaining");
      if (remaining !== null && /^\d+$/.test(remaining)) stats.rateRemaining = Number(remaining);
    },
  });
  /** `x-ratelimit-reset` of the latest refusal (requests are sequential: the one being handled). */
  let limitReset: number | null = null;
  const countingFetch: typeof fetch = async (input, init) => {
    let response: Response;
    try {
      response = await transport(input, init);
    } catch (error) {
      if (!signal?.aborted) stats.serverErrors += 1;
      throw error;
    }
    if (response.status >= 500) stats.serverErrors += 1;
    if (response.status === 403 || response.status === 429) {
      const reset = response.headers.get("x-ratelimit-reset");
      limitReset = reset !== null && /^\d+$/.test(reset) ? Number(reset) : null;
    }
    return response;
  };

  const onLimit =
    (kind: RateLimitWait["kind"]) =>
    async (
      retryAfter: number,
      request: Record<string, unknown>,
      _octokit: unknown,
      retryCount: number,
    ): Promise<boolean> => {
      if (retryCount >= options.maxRetries || signal?.aborted) return false;
      // The plugin reads x-ratelimit-reset as a 32-bit integer: a reset after 2038 becomes a wait of 0 s.
      const seconds =
        kind === "primary" && limitReset !== null
          ? Math.max(0, retryAfter, Math.ceil(limitReset - Date.now() / 1000) + 1)
          : Math.max(0, retryAfter);
      const wait: RateLimitWait = {
        kind,
        seconds,
        until: new Date(options.now().getTime() + seconds * 1000).toISOString(),
        request: describe(request),
      };
      if (seconds > options.maxWaitSeconds) {
        stats.refusedWait = wait;
        return false;
      }
      stats.rateLimitWaits += 1;
      options.onWait?.(wait);
      await sleep(seconds * options.waitScale, signal);
      return !signal?.aborted;
    };

  const client = new GitHubOctokit({
    ...(options.token ? { auth: options.token } : {}),
    baseUrl: options.baseUrl,
    userAgent: "legible",
    log: silent,
    request: { fetch: countingFetch, ...(signal ? { signal } : {}) },
    throttle: {
      onRateLimit: onLimit("primary"),
      onSecondaryRateLimit: onLimit("secondary"),
      // The handlers above do the waiting (abortably); the plugin itself then waits 0 ms.
      retryAfterBaseValue: 0,
    },
    retry: {
      retries: options.maxRetries,
      retryAfterBaseValue: options.waitScale,
      doNotRetry: DO_NOT_RETRY,
    },
  });
  /** The refused request's method and path, its parameters filled in (pages carry absolute URLs). */
  const describe = (request: Record<string, unknown>): string => {
    const endpoint = client.request.endpoint as (o: Record<string, unknown>) => {
      method: string;
      url: string;
    };
    const { method, url } = endpoint(request);
    return `${method} ${new URL(url, options.baseUrl).pathname}`;
  };
  // The REST API version the recorded fields and this code were written against.
  client.hook.before("request", (request) => {
    request.headers["x-github-api-version"] = "2022-11-28";
  });
  // Registered last, so outermost: outside the retry and throttling plugins, whose retries resend
  // the request checked here; what it throws is never retried.
  client.hook.wrap("request", async (request, requestOptions) => {
    const { url } = client.request.endpoint(requestOptions as never) as { url: string };
    const target = new URL(url, options.baseUrl);
    if (target.origin !== origin) {
      // Absolute URLs come from GitHub's Link headers (the next page).
      throw new GitHubProtocolError({ kind: "origin", via: "link", target: target.href });
    }
    const response = await request(requestOptions);
    if (response.status >= 300 && response.status < 400) {
      const location = String(response.headers.location ?? "");
      const next = location === "" ? null : new URL(location, target);
      if (next !== null && next.origin !== origin) {
        throw new GitHubProtocolError({ kind: "origin", via: "redirect", target: next.href });
      }
      throw new GitHubProtocolError({
        kind: "malformed",
        url: response.url || target.href,
        got:
          next === null ? `a ${response.status} redirect with no Location` : "too many redirects",
      });
    }
    if (typeof response.data !== "object" || response.data === null || isBinary(response.data)) {
      throw new GitHubProtocolError({
        kind: "malformed",
        url: response.url || target.href,
        got: describeBody(response.data, String(response.headers["content-type"] ?? "")),
      });
    }
    return response;
  });
  return { client, stats };
}

function isBinary(data: unknown): boolean {
  return data instanceof ArrayBuffer || ArrayBuffer.isView(data);
}

/** What an answer held instead of a JSON object or list, without quoting it (it may echo secrets). */
function describeBody(data: unknown, contentType: string): string {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (isBinary(data))
    return `${(data as ArrayBuffer).byteLength} bytes of ${type || "binary data"}`;
  if (data === null) return "JSON null";
  if (typeof data !== "string") return `a JSON ${typeof data}`;
  if (data.trim() === "") return "an empty body";
  if (type.includes("html") || /^\s*</.test(data)) return "an HTML page";
  if (type === "application/json" || type.endsWith("+json")) {
    try {
      JSON.parse(data);
      return "a JSON string";
    } catch {
      return `invalid JSON (${Buffer.byteLength(data)} bytes)`;
    }
  }
  return `${type || "untyped"} text`;
}
