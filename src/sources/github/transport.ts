/**
 * The one place legible's GitHub requests reach the network: a `fetch` for octokit that sends
 * requests only to the API's origin, follows redirects itself (same origin only), reads every
 * answer to its end under a stall timeout, and counts what it sent.
 */

/** Where a refused request, link or redirect led, or what a malformed answer held instead of JSON. */
export type ProtocolDetail =
  | { kind: "origin"; via: "request" | "link" | "redirect"; target: string }
  | { kind: "malformed"; url: string; got: string };

/** A request or answer refused (another origin, a malformed answer); never retried. */
export class GitHubProtocolError extends Error {
  readonly detail: ProtocolDetail;

  constructor(detail: ProtocolDetail) {
    super(
      detail.kind === "origin"
        ? `${detail.via} to another origin: ${detail.target}`
        : `malformed answer to ${detail.url}: ${detail.got}`,
    );
    this.name = "GitHubProtocolError";
    this.detail = detail;
  }
}

/** A request that got no complete answer: no data for the timeout, or the answer cut short. Retried. */
export class IncompleteAnswerError extends Error {
  /** How many times this URL was sent so far in the run, this time included. */
  readonly attempts: number;

  constructor(message: string, attempts: number) {
    super(message);
    this.name = "IncompleteAnswerError";
    this.attempts = attempts;
  }
}

export interface TransportOptions {
  /** The API's origin, e.g. "https://api.github.com": the only one a request goes to. */
  origin: string;
  /** Milliseconds without any data (before the headers, or between parts of the body) before a request is abandoned. */
  timeoutMs: number;
  /** The caller's abort: passed through as an AbortError (not retried). */
  signal: AbortSignal | undefined;
  /** Called once per request sent (redirect hops included). */
  onSend: () => void;
  /** Called with each answer's headers (rate-limit bookkeeping). */
  onAnswer: (response: Response) => void;
}

/** Redirects followed within the API's origin before giving up. */
const MAX_REDIRECTS = 5;
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function guardedFetch(options: TransportOptions): typeof fetch {
  const { origin, signal } = options;
  const seconds = formatSeconds(options.timeoutMs / 1000);
  const attempts = new Map<string, number>();

  /** One request, its whole body read: the answer as a Response whose body is already in memory. */
  const once = async (url: string, init: RequestInit | undefined): Promise<Response> => {
    const timeout = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => timeout.abort(), options.timeoutMs);
    };
    const combined = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    let received = 0;
    const attempt = (attempts.get(url) ?? 0) + 1;
    attempts.set(url, attempt);
    try {
      arm();
      options.onSend();
      const response = await fetch(url, { ...init, redirect: "manual", signal: combined });
      arm();
      const chunks: Uint8Array[] = [];
      if (response.body) {
        const reader = response.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          received += value.byteLength;
          arm();
        }
      }
      options.onAnswer(response);
      const body = NULL_BODY.has(response.status) ? null : Buffer.concat(chunks);
      const copy = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
      Object.defineProperty(copy, "url", { value: response.url || url });
      return copy;
    } catch (error) {
      if (signal?.aborted) throw error; // the caller's abort: an AbortError, passed through
      if (timeout.signal.aborted) {
        throw new IncompleteAnswerError(`no data for ${seconds} s`, attempt);
      }
      if (received > 0 || isTerminated(error)) {
        throw new IncompleteAnswerError("the answer was cut short", attempt);
      }
      throw error; // a network failure: octokit turns it into a retried 500
    } finally {
      clearTimeout(timer);
    }
  };

  return async (input, init) => {
    let url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    for (let hop = 0; ; hop += 1) {
      // The last gate before the network (the client refuses such requests earlier, with context).
      if (new URL(url).origin !== origin) {
        throw new GitHubProtocolError({ kind: "origin", via: "request", target: url });
      }
      const response = await once(url, init);
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || location === null) return response;
      const next = new URL(location, url);
      // Another origin, or too many hops: the client refuses the 3xx answer, naming where it led.
      if (next.origin !== origin || hop >= MAX_REDIRECTS) return response;
      url = next.href;
    }
  };
}

function isTerminated(error: unknown): boolean {
  return error instanceof TypeError && error.message === "terminated";
}

/** 0.05 → "0.05", 60 → "60". */
export function formatSeconds(seconds: number): string {
  return String(Number(seconds.toFixed(3)));
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
