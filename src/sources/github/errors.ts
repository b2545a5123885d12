import { LegibleError } from "../../errors.js";
import { networkReason } from "../live/client.js";
import { safeText } from "./api-url.js";
import type { RateLimitWait } from "./client.js";
import { formatSeconds, GitHubProtocolError, IncompleteAnswerError } from "./transport.js";

/**
 * The shape of octokit's `RequestError` (name "HttpError"), matched structurally: the class lives in
 * a transitive package legible does not depend on directly.
 */
interface HttpError extends Error {
  cause?: unknown;
  status: number;
  request: { method: string; url: string };
  response?: { headers: Record<string, string | number | undefined>; data?: unknown };
}

function isHttpError(error: unknown): error is HttpError {
  return (
    error instanceof Error &&
    error.name === "HttpError" &&
    typeof (error as Partial<HttpError>).status === "number" &&
    typeof (error as Partial<HttpError>).request === "object"
  );
}

/** Where a fetch stood when a request failed; turned into the message and hint. */
export interface FailureContext {
  repo: string;
  baseUrl: string;
  authenticated: boolean;
  maxRetries: number;
  /** What was being read, e.g. "page 2 of the pull request list" or "the reviews of #4". */
  step: string;
  /** True while reading the repository itself (a 404 then means an unknown repository). */
  repositoryStep: boolean;
  /** What the step expects GitHub to answer, e.g. "a JSON list of reviews". */
  expected: string;
  /** The token, kept out of every message (a hostile server may echo it). */
  token: string | undefined;
  /** The rate-limit wait refused for exceeding `maxWaitSeconds`, if one was. */
  refusedWait: RateLimitWait | null;
  maxWaitSeconds: number;
}

/**
 * The typed error a failed GitHub request becomes: a LegibleError naming the repository, what was
 * being read and GitHub's status and message, with a hint. Every URL is redacted and every text
 * from the server cleaned (`safeText`): no credential, no control character. Errors that are not
 * request failures (a bug, or the `onPullRequest` callback's own error) are returned unchanged.
 */
export function describeFailure(error: unknown, context: FailureContext): unknown {
  const where = `while reading ${context.step} of ${context.repo}`;
  const resume = "what was fetched is kept; the next run resumes from the last complete page";
  const clean = (text: string) => safeText(text, [context.token]);
  const protocol = protocolError(error);
  if (protocol) {
    const api = new URL(context.baseUrl).origin;
    const { detail } = protocol;
    if (detail.kind === "origin") {
      const what = { request: "a request", link: "a next-page link", redirect: "a redirect" }[
        detail.via
      ];
      return new LegibleError(
        "BAD_INPUT",
        `refused to follow ${what} from ${api} to another origin, ${clean(new URL(detail.target).origin)}, ${where}: the token is sent only to the API's origin`,
        `the server at --api-url sent legible elsewhere; check --api-url; ${resume}`,
      );
    }
    return new LegibleError(
      "BAD_INPUT",
      `GitHub's answer to GET ${clean(detail.url)} was ${detail.got}, expected ${context.expected}, ${where}`,
      `check --api-url points at the GitHub REST API; ${resume}`,
    );
  }
  if (!isHttpError(error)) return error;
  const status = error.status;
  const message = clean(githubMessage(error));
  if (context.refusedWait !== null && (status === 403 || status === 429)) {
    const wait = context.refusedWait;
    return new LegibleError(
      "BAD_INPUT",
      `GitHub's rate limit (${wait.kind}) asks to wait ${Math.ceil(wait.seconds)} s, more than the ${formatSeconds(context.maxWaitSeconds)} s allowed (--max-wait or fetch.maxWaitSeconds), ${where}; stopped`,
      `run again after ${wait.until}, or allow a longer wait; ${resume}`,
    );
  }
  const incomplete = incompleteAnswer(error);
  if (incomplete !== null) {
    const tries = incomplete.attempts === 1 ? "1 attempt" : `${incomplete.attempts} attempts`;
    return new LegibleError(
      "BAD_INPUT",
      `no complete answer from GitHub to ${error.request.method} ${clean(error.request.url)} ${where}, after ${tries} (${incomplete.message})`,
      `GitHub or the network is having trouble; try again later, or raise fetch.requestTimeoutSeconds or fetch.maxRetries; ${resume}`,
    );
  }
  if (status === 404 && context.repositoryStep) {
    return new LegibleError(
      "BAD_INPUT",
      `GitHub repository "${context.repo}" not found at ${clean(context.baseUrl)} (404)`,
      context.authenticated
        ? "check --repo owner/name, and that the token (GITHUB_TOKEN or GH_TOKEN) can read the repository"
        : "check --repo owner/name; a private repository needs a token in GITHUB_TOKEN or GH_TOKEN",
    );
  }
  if (status === 401) {
    return new LegibleError(
      "BAD_INPUT",
      `GitHub rejected the token (401 ${message}) ${where}`,
      "check GITHUB_TOKEN or GH_TOKEN: it may be expired or revoked",
    );
  }
  if ((status === 403 || status === 429) && isRateLimit(error)) {
    const reset = error.response?.headers["x-ratelimit-reset"];
    const at =
      reset && /^\d+$/.test(String(reset)) ? new Date(Number(reset) * 1000).toISOString() : null;
    return new LegibleError(
      "BAD_INPUT",
      `GitHub rate limit still exceeded after ${context.maxRetries} waits ${where} (${status}: ${message})`,
      context.authenticated
        ? `run again${at ? ` after ${at}` : " later"}; ${resume}`
        : `set GITHUB_TOKEN or GH_TOKEN for 5,000 requests an hour instead of 60; ${resume}`,
    );
  }
  if (status >= 500 && error.response === undefined) {
    // No answer at all: octokit reports a network failure as a 500 without a response.
    return new LegibleError(
      "BAD_INPUT",
      `cannot reach ${new URL(context.baseUrl).host} ${where} (${clean(networkReason(error))}), after ${context.maxRetries === 1 ? "1 retry" : `${context.maxRetries} retries`}`,
      `check the network and --api-url; ${resume}`,
    );
  }
  if (status >= 500) {
    return new LegibleError(
      "BAD_INPUT",
      `GitHub failed with ${status} ${where}, after ${context.maxRetries} retries (${message})`,
      `GitHub or the network is having trouble; try again later: ${resume}`,
    );
  }
  return new LegibleError(
    "BAD_INPUT",
    `GitHub answered ${status} ${where} (${message})`,
    status === 403
      ? "the token may lack access to this repository's pull requests"
      : `request: ${error.request.method} ${clean(error.request.url)}`,
  );
}

/** The refusal, thrown by the client or (wrapped by octokit as a network failure) by the transport. */
function protocolError(error: unknown): GitHubProtocolError | null {
  if (error instanceof GitHubProtocolError) return error;
  const cause = (error as { cause?: unknown } | null)?.cause;
  return cause instanceof GitHubProtocolError ? cause : null;
}

/** What went wrong when a request got no complete answer (a timeout or a body cut short), else null. */
function incompleteAnswer(error: HttpError): IncompleteAnswerError | null {
  return error.cause instanceof IncompleteAnswerError ? error.cause : null;
}

function githubMessage(error: HttpError): string {
  const data = error.response?.data;
  if (typeof data === "object" && data !== null && "message" in data) {
    return String((data as { message: unknown }).message);
  }
  if (error.status >= 500 && error.response === undefined) return error.message; // network failure
  return error.response ? `HTTP ${error.status}` : error.message;
}

function isRateLimit(error: HttpError): boolean {
  const headers = error.response?.headers ?? {};
  return (
    headers["x-ratelimit-remaining"] === "0" ||
    headers["retry-after"] !== undefined ||
    /rate limit/i.test(githubMessage(error))
  );
}
