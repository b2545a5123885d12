/**
 * The HTTP client of the live sources other than GitHub (GitLab, PagerDuty, Opsgenie): JSON GETs to
 * one API origin through the same guarded transport as `fetch github` (no request, page link or
 * redirect to another origin; a stall timeout; answers read whole), with retries of server errors,
 * network failures and incomplete answers, and waits for rate limits as long as the server asks
 * (`Retry-After`, else the source's reset header) up to a limit. Every failure becomes a one-line
 * LegibleError naming the service, what was being read and what to do; the token never appears in
 * one (URLs are redacted and the token is cut out of whatever the server echoes).
 */
import { LegibleError } from "../../errors.js";
import { safeText } from "../github/api-url.js";
import {
  formatSeconds,
  GitHubProtocolError,
  guardedFetch,
  IncompleteAnswerError,
  sleep,
} from "../github/transport.js";

/** A wait for a rate limit, announced before it starts. */
export interface LiveRateLimitWait {
  seconds: number;
  /** When the request will be sent again (ISO). */
  until: string;
  /** The refused request: method and path, without the query. */
  request: string;
}

export interface LiveClientOptions {
  /** The service as messages name it: "GitLab", "PagerDuty", "Opsgenie". */
  service: string;
  /** The API base URL (checked by `parseApiUrl`), without a trailing slash. */
  baseUrl: string;
  /** Request headers, the credential included (sent to the API's origin only). */
  headers: Record<string, string>;
  /** The token, kept out of every message. */
  token: string | undefined;
  /** Where the token comes from, for hints: "GITLAB_TOKEN". */
  tokenVariable: string;
  maxRetries: number;
  maxWaitSeconds: number;
  timeoutMs: number;
  /** Milliseconds waited per second the server asks for, and per backoff unit (tests pass 1). */
  waitScale: number;
  signal: AbortSignal | undefined;
  now: () => Date;
  onWait: ((wait: LiveRateLimitWait) => void) | undefined;
  /**
   * Seconds to wait for a rate limit when the answer has no `Retry-After`, from the source's own
   * headers (GitLab's `RateLimit-Reset`, Opsgenie's `X-RateLimit-Period-In-Sec`); null: unknown.
   */
  resetSeconds: (headers: Headers, nowSeconds: number) => number | null;
}

/** One answer: its JSON, headers and URL. */
export interface LiveAnswer {
  data: unknown;
  headers: Headers;
  url: string;
}

/** What the client counted. */
export interface LiveStats {
  requests: number;
  /** Requests sent again after a server error, a network failure or an incomplete answer. */
  retries: number;
  rateLimitWaits: number;
}

/** What a request was for, named in failures. */
export interface Step {
  /** "page 2 of the incident list", "the log entries of incident PABC123". */
  what: string;
  /** What a good answer holds: "a JSON object with incidents". */
  expected: string;
  /** True when a 404 means the thing named on the command line does not exist. */
  notFound?: string;
  /** A 404 is an answer, not a failure (a deleted user or service): `data` is then null. */
  missingOk?: boolean;
}

/** Rate-limit waits of a few seconds are common; without any header, wait this long. */
const DEFAULT_LIMIT_WAIT_SECONDS = 60;

export class LiveClient {
  readonly stats: LiveStats = { requests: 0, retries: 0, rateLimitWaits: 0 };
  private readonly transport: typeof fetch;
  private readonly origin: string;

  constructor(private readonly options: LiveClientOptions) {
    this.origin = new URL(options.baseUrl).origin;
    this.transport = guardedFetch({
      origin: this.origin,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      onSend: () => {
        this.stats.requests += 1;
      },
      onAnswer: () => {},
    });
  }

  /** An absolute URL at the API's origin: `path` is relative to the base URL, or a full URL (a next-page link). */
  url(path: string): string {
    const url = /^https?:\/\//i.test(path)
      ? new URL(path)
      : new URL(`${this.options.baseUrl}${path}`);
    if (url.origin !== this.origin) {
      throw this.fail(
        `refused to follow a next-page link from ${this.origin} to another origin, ${safeText(url.origin, [])}: the token is sent only to the API's origin`,
        "the server at --api-url sent legible elsewhere; check --api-url",
      );
    }
    return url.href;
  }

  /** GET `path` (relative to the base URL, or an absolute URL at its origin) as JSON. */
  async get(path: string, step: Step): Promise<LiveAnswer> {
    const { service, maxRetries } = this.options;
    const target = this.url(path);
    const where = `while reading ${step.what}`;
    let failures = 0;
    let waits = 0;
    for (;;) {
      this.checkAborted();
      let response: Response;
      try {
        response = await this.transport(target, {
          headers: { accept: "application/json", "user-agent": "legible", ...this.options.headers },
        });
      } catch (error) {
        this.checkAborted();
        if (error instanceof GitHubProtocolError) {
          throw this.fail(
            error.detail.kind === "origin"
              ? `refused to follow a redirect from ${this.origin} to another origin, ${this.clean(new URL(error.detail.target).origin)}, ${where}: the token is sent only to the API's origin`
              : `${service}'s answer to GET ${this.clean(error.detail.url)} was ${error.detail.got}, expected ${step.expected}, ${where}`,
            "check --api-url",
          );
        }
        failures += 1;
        if (failures <= maxRetries) {
          this.stats.retries += 1;
          await this.sleep(failures * failures * this.options.waitScale);
          continue;
        }
        if (error instanceof IncompleteAnswerError) {
          throw this.fail(
            `no complete answer from ${service} to GET ${this.clean(target)} ${where}, after ${failures === 1 ? "1 attempt" : `${failures} attempts`} (${error.message})`,
            `${service} or the network is having trouble; try again later, or raise fetch.requestTimeoutSeconds or fetch.maxRetries`,
          );
        }
        const host = new URL(target).host;
        throw this.fail(
          `cannot reach ${host} ${where} (${networkReason(error)}), after ${failures === 1 ? "1 attempt" : `${failures} attempts`}`,
          `check the network and --api-url; the next run resumes where this one stopped`,
        );
      }
      const status = response.status;
      if (status >= 200 && status < 300) return this.parse(response, target, step, where);
      const message = this.clean(await serverMessage(response));
      if (status === 429 || (status === 403 && isRateLimited(response))) {
        const nowSeconds = this.options.now().getTime() / 1000;
        const seconds = Math.max(
          0,
          retryAfter(response.headers, nowSeconds) ??
            this.options.resetSeconds(response.headers, nowSeconds) ??
            DEFAULT_LIMIT_WAIT_SECONDS,
        );
        const wait: LiveRateLimitWait = {
          seconds,
          until: new Date(this.options.now().getTime() + seconds * 1000).toISOString(),
          request: `GET ${new URL(target).pathname}`,
        };
        if (seconds > this.options.maxWaitSeconds) {
          throw this.fail(
            `${service}'s rate limit asks to wait ${Math.ceil(seconds)} s, more than the ${formatSeconds(this.options.maxWaitSeconds)} s allowed (--max-wait or fetch.maxWaitSeconds), ${where}; stopped`,
            `run again after ${wait.until}, or allow a longer wait; what was fetched is kept and the next run resumes from the last complete page`,
          );
        }
        waits += 1;
        if (waits > maxRetries) {
          throw this.fail(
            `${service} rate limit still exceeded after ${maxRetries} waits ${where} (${status}: ${message})`,
            "run again later; what was fetched is kept and the next run resumes from the last complete page",
          );
        }
        this.stats.rateLimitWaits += 1;
        this.options.onWait?.(wait);
        await this.sleep(seconds * this.options.waitScale);
        continue;
      }
      if (status >= 500) {
        failures += 1;
        if (failures <= maxRetries) {
          this.stats.retries += 1;
          await this.sleep(failures * failures * this.options.waitScale);
          continue;
        }
        throw this.fail(
          `${service} failed with ${status} ${where}, after ${maxRetries} retries (${message})`,
          `${service} is having trouble; try again later: what was fetched is kept and the next run resumes from the last complete page`,
        );
      }
      if (status === 401) {
        throw this.fail(
          `${service} rejected the token (401 ${message}) ${where}`,
          `check ${this.options.tokenVariable}: it may be missing, expired or revoked`,
        );
      }
      if (status === 404 && step.missingOk)
        return { data: null, headers: response.headers, url: target };
      if (status === 404 && step.notFound) {
        throw this.fail(
          `${step.notFound} not found at ${this.clean(this.options.baseUrl)} (404)`,
          `check the name, and that the token (${this.options.tokenVariable}) can read it`,
        );
      }
      throw this.fail(
        `${service} answered ${status} ${where} (${message})`,
        status === 403
          ? `the token (${this.options.tokenVariable}) may lack access`
          : `request: GET ${this.clean(target)}`,
      );
    }
  }

  private async parse(
    response: Response,
    url: string,
    step: Step,
    where: string,
  ): Promise<LiveAnswer> {
    const text = await response.text();
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      const type = response.headers.get("content-type") ?? "";
      throw this.fail(
        `${this.options.service}'s answer to GET ${this.clean(url)} was ${
          text.trim() === ""
            ? "an empty body"
            : /html/i.test(type) || /^\s*</.test(text)
              ? "an HTML page"
              : `not JSON (${Buffer.byteLength(text)} bytes)`
        }, expected ${step.expected}, ${where}`,
        "check --api-url points at the API",
      );
    }
    if (typeof data !== "object" || data === null) {
      throw this.fail(
        `${this.options.service}'s answer to GET ${this.clean(url)} was a JSON ${data === null ? "null" : typeof data}, expected ${step.expected}, ${where}`,
        "check --api-url points at the API",
      );
    }
    return { data, headers: response.headers, url };
  }

  /** A malformed answer: the service sent something legible cannot read. */
  malformed(url: string, got: string, step: Step): LegibleError {
    return this.fail(
      `${this.options.service}'s answer to GET ${this.clean(url)} was ${got}, expected ${step.expected}, while reading ${step.what}`,
      "check --api-url points at the API",
    );
  }

  private fail(message: string, hint: string): LegibleError {
    return new LegibleError("BAD_INPUT", this.clean(message, 600), hint);
  }

  private clean(text: string, max = 200): string {
    return safeText(text, [this.options.token], max);
  }

  private checkAborted(): void {
    if (this.options.signal?.aborted) throw new LiveAborted();
  }

  private sleep(ms: number): Promise<void> {
    return sleep(ms, this.options.signal);
  }
}

/** Thrown when the caller aborted; the fetch turns it into an INTERRUPTED error. */
export class LiveAborted extends Error {
  constructor() {
    super("aborted");
    this.name = "LiveAborted";
  }
}

/** Seconds from `Retry-After` (seconds, or an HTTP date), else null. */
function retryAfter(headers: Headers, nowSeconds: number): number | null {
  const value = headers.get("retry-after");
  if (value === null) return null;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date / 1000 - nowSeconds);
}

function isRateLimited(response: Response): boolean {
  return (
    response.headers.get("retry-after") !== null ||
    response.headers.get("ratelimit-remaining") === "0" ||
    response.headers.get("x-ratelimit-remaining") === "0"
  );
}

/** The server's own words for a failure, when it gave them as JSON (`message`, `error`). */
async function serverMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const error = body.error;
    if (typeof body.message === "string") return body.message;
    if (typeof error === "string") return error;
    if (typeof error === "object" && error !== null) {
      const message = (error as Record<string, unknown>).message;
      if (typeof message === "string") return message;
    }
  } catch {
    // not JSON
  }
  return `HTTP ${response.status}`;
}

/** Why a request got no answer at all: the system's error code (ECONNREFUSED, ENOTFOUND, …). */
export function networkReason(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === "string" && code !== "") return code;
    if (current instanceof AggregateError && current.errors[0] !== undefined) {
      current = current.errors[0];
      continue;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.message : String(error);
}
