import { LegibleError } from "../../errors.js";

/**
 * The shape of octokit's `RequestError` (name "HttpError"), matched structurally: the class lives in
 * a transitive package legible does not depend on directly.
 */
interface HttpError extends Error {
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
}

/**
 * The typed error a failed GitHub request becomes: a LegibleError naming the repository, what was
 * being read and GitHub's status and message, with a hint. Errors that are not HTTP failures (a
 * bug, or the `onPullRequest` callback's own error) are returned unchanged.
 */
export function describeFailure(error: unknown, context: FailureContext): unknown {
  if (!isHttpError(error)) return error;
  const status = error.status;
  const message = githubMessage(error);
  const where = `while reading ${context.step} of ${context.repo}`;
  const resume = "what was fetched is kept; the next run resumes from the last complete page";
  if (status === 404 && context.repositoryStep) {
    return new LegibleError(
      "BAD_INPUT",
      `GitHub repository "${context.repo}" not found at ${context.baseUrl} (404)`,
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
      : `request: ${error.request.method} ${error.request.url}`,
  );
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
