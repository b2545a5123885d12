import type { DeploymentRow, PullRequestRow, RejectedRow } from "../../core/delivery/model.js";
import { LegibleError } from "../../errors.js";
import { RecordError } from "../imports/fields.js";
import { checkRow } from "../imports/plausible.js";
import { apiBase, parseApiUrl } from "./api-url.js";
import { createGitHubClient, type GitHubClient, type RateLimitWait } from "./client.js";
import { encodeCursor, parseCursor } from "./cursor.js";
import {
  type DeliveriesContext,
  type DeliveriesResult,
  fetchDeployments,
  fetchReleases,
} from "./deliveries.js";
import { describeFailure } from "./errors.js";
import { GitHubRowError, toPullRequestRow } from "./rows.js";
import { GitHubProtocolError } from "./transport.js";
import type { GitHubPull, GitHubPullExtras } from "./types.js";

/** Where the last fetch of a repository stands; kept by the caller (the CLI: the SQLite store). */
export interface FetchCheckpoint {
  /** ISO time of the newest `updated_at` fully processed by the last complete run. */
  updatedSince: string | null;
  /** Resume point inside an interrupted run (see `ResumeCursor`), or null after a complete run. */
  cursor: string | null;
}

/** Loads and saves the checkpoint of one repository's fetch. */
export interface FetchState {
  load(): Promise<FetchCheckpoint | null>;
  save(checkpoint: FetchCheckpoint): Promise<void>;
}

/** Progress after each pull request, and after each complete page (`pageComplete`). */
export interface FetchProgress {
  /** Pull requests delivered in this run. */
  fetched: number;
  /** The list page being read (1-based). */
  page: number;
  /** `x-ratelimit-remaining` of the latest response. */
  rateRemaining: number | null;
  /** True once every pull request of `page` is delivered and the resume cursor saved. */
  pageComplete: boolean;
}

export interface FetchOptions {
  /** The repository, "owner/name". */
  repo: string;
  /** A token from GITHUB_TOKEN or GH_TOKEN; without one the fetch is unauthenticated (60 requests an hour). */
  token: string | undefined;
  /** Default https://api.github.com; GitHub Enterprise Server: https://HOST/api/v3. */
  baseUrl?: string;
  state: FetchState;
  /**
   * Called once per pull request, after its reviews, commits and comments are fetched, in list
   * order; awaited. The checkpoint that follows a page vouches for every row delivered before it,
   * so rows should be stored before (or together with) the next `state.save`.
   */
  onPullRequest: (row: PullRequestRow) => Promise<void> | void;
  onProgress?: (event: FetchProgress) => void;
  /** Called before each wait for a rate limit (the CLI can say how long and until when). */
  onWait?: (wait: RateLimitWait) => void;
  /** Aborting stops the run with a LegibleError "INTERRUPTED"; the saved cursor resumes it. */
  signal?: AbortSignal;
  /** The clock for the times `onWait` announces. */
  now?: () => Date;
  /** Retries of one request after a server error, and waits after a rate limit (default 3). */
  maxRetries?: number;
  /** Pull requests per list page, and items per page of reviews, commits and comments (1-100, default 100). */
  perPage?: number;
  /** Milliseconds waited per second GitHub asks for, and per backoff unit (default 1000). Tests pass 1. */
  waitScale?: number;
  /**
   * The longest rate-limit wait accepted, in seconds (default 3660: GitHub's hourly quota resets
   * within the hour). A longer one stops the fetch with a LegibleError; the saved cursor resumes it.
   */
  maxWaitSeconds?: number;
  /** Seconds a request may go without any data before it is abandoned and retried (default 60). */
  requestTimeoutSeconds?: number;
  /**
   * Also fetch the repository's deployments with their statuses (`state`: their own checkpoint),
   * after the pull requests; rows go to `onDeployment`.
   */
  deployments?: { state: FetchState };
  /** Also fetch its published releases (each at its tag's commit), with their own checkpoint. */
  releases?: { state: FetchState };
  onDeployment?: (row: DeploymentRow) => Promise<void> | void;
}

/** What a fetch did; the data behind `legible fetch github --json`. */
export interface FetchResult {
  /** The repository as GitHub names it (`full_name`), as used in row keys. */
  repository: string;
  /** Pull requests delivered to `onPullRequest`. */
  fetched: number;
  /** Pages of the pull request list read. */
  pages: number;
  /** Requests sent again after a server error or a network failure. */
  retries: number;
  /** Waits for a rate limit. */
  rateLimitWaits: number;
  /** HTTP requests sent, retries included. */
  requests: number;
  /** True when the run read only pull requests updated since the last complete run. */
  incremental: boolean;
  /** True when the run continued an interrupted one from its cursor. */
  resumed: boolean;
  /** False when no token was given (GitHub then allows 60 requests an hour). */
  authenticated: boolean;
  /** The checkpoint saved at the end: the newest `updated_at` processed. */
  updatedSince: string | null;
  rateRemaining: number | null;
  /** Deployments fetched, when asked for. */
  deployments?: DeliveriesResult;
  /** Releases fetched, when asked for. */
  releases?: DeliveriesResult;
  /** Deployments or releases GitHub sent that legible could not read: skipped, with the reason. */
  rejected?: RejectedRow[];
}

const DEFAULT_BASE_URL = "https://api.github.com";
/** Defaults of the limits a user can set (`fetch.*` in legible.yaml). */
export const FETCH_DEFAULTS = { maxRetries: 3, maxWaitSeconds: 3660, requestTimeoutSeconds: 60 };
const REPO = /^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)\/([A-Za-z0-9._-]+)$/;

/**
 * Fetches a repository's pull requests with their reviews, commits, conversation comments and
 * review (diff) comments from the GitHub REST API, newest-updated first, and hands each to `onPullRequest` as a row.
 *
 * Incremental: the list (`state=all&sort=updated&direction=desc`) is read until a pull request
 * updated before the checkpoint's `updatedSince`; the boundary is inclusive, so a pull request
 * updated in the same second is read again rather than missed. Resumable: after each complete page
 * a cursor is saved; an interrupted run (abort, crash, error) continues from the first incomplete
 * page. Only a complete run moves `updatedSince`, to the newest `updated_at` it processed.
 * Pull requests may be delivered more than once (the store upserts); none is lost: one updated
 * during the run moves ahead of the list position reached, and its new `updated_at` is newer than
 * the checkpoint the run saves, so the next run reads it.
 */
export async function fetchGitHubPullRequests(options: FetchOptions): Promise<FetchResult> {
  const match = REPO.exec(options.repo);
  if (!match) {
    throw new LegibleError("BAD_USAGE", `--repo ${options.repo}: expected owner/name`);
  }
  const baseUrl = apiBase(parseApiUrl(options.baseUrl ?? DEFAULT_BASE_URL));
  const maxRetries = limit("maxRetries", options.maxRetries, { whole: true });
  const maxWaitSeconds = limit("maxWaitSeconds", options.maxWaitSeconds, {});
  const requestTimeoutSeconds = limit("requestTimeoutSeconds", options.requestTimeoutSeconds, {
    positive: true,
  });
  const authenticated = Boolean(options.token);
  const { signal } = options;
  const { client, stats } = createGitHubClient({
    token: options.token,
    baseUrl,
    maxRetries,
    waitScale: options.waitScale ?? 1000,
    signal,
    now: options.now ?? (() => new Date()),
    onWait: options.onWait,
    maxWaitSeconds,
    timeoutMs: requestTimeoutSeconds * 1000,
  });

  const checkpoint = await options.state.load();
  const since = validTime(checkpoint?.updatedSince);
  const cursor = parseCursor(checkpoint?.cursor);
  const perPage = cursor?.perPage ?? pageSize(options.perPage);
  let page = cursor?.page ?? 1;
  let newest = cursor?.newest ?? null;
  let after = cursor?.after ?? null;
  let fetched = 0;
  let pages = 0;
  let repo = `${match[1]}/${match[2]}`;
  let step = "the repository";
  let expected = "a JSON repository with full_name, name and owner.login";
  let repositoryStep = true;
  const aborted = () => signal?.aborted === true;
  const progress = (pageComplete: boolean, at = page) =>
    options.onProgress?.({ fetched, page: at, rateRemaining: stats.rateRemaining, pageComplete });

  try {
    if (aborted()) throw new Error("aborted");
    // The repository first: a clear 404, and its name as GitHub spells it (row keys stay stable
    // however --repo is capitalised, and a renamed repository is followed).
    const answer = await client.rest.repos.get({ owner: match[1]!, repo: match[2]! });
    const repository = checkRepository(answer);
    repo = repository.full_name;
    const owner = repository.owner;
    const name = repository.name;
    repositoryStep = false;

    for (;;) {
      if (aborted()) throw new Error("aborted");
      step = `page ${page} of the pull request list`;
      expected = "a JSON list of pull requests";
      const response = await client.rest.pulls.list({
        owner,
        repo: name,
        state: "all",
        sort: "updated",
        direction: "desc",
        per_page: perPage,
        page,
      });
      checkList(response);
      const more = hasNextPage(response.headers.link, baseUrl);
      pages += 1;
      let reachedCheckpoint = false;
      for (const pull of response.data) {
        if (aborted()) throw new Error("aborted");
        const updated = Date.parse(pull.updated_at);
        if (since !== null && updated < Date.parse(since)) {
          reachedCheckpoint = true;
          break;
        }
        // Newer than the last one processed, yet further down the list: an earlier page's pull
        // request pushed down by updates since; already delivered.
        if (after !== null && updated > Date.parse(after)) continue;
        const extras = await fetchExtras(client, { owner, repo: name }, pull.number, perPage, {
          setStep: (s, e) => {
            step = s;
            expected = e;
          },
          aborted,
        });
        const now = (options.now ?? (() => new Date()))().getTime() / 1000;
        await options.onPullRequest(rowOf(pull, extras, repo, now));
        fetched += 1;
        if (newest === null || updated > Date.parse(newest)) newest = pull.updated_at;
        after = pull.updated_at;
        progress(false);
      }
      if (reachedCheckpoint || !more) break;
      page += 1;
      await options.state.save({
        updatedSince: since,
        cursor: encodeCursor({ page, perPage, newest, after }),
      });
      progress(true, page - 1);
    }

    const updatedSince = latest(newest, since);
    await options.state.save({ updatedSince, cursor: null });
    progress(true);
    const rejected: RejectedRow[] = [];
    const deliveries: DeliveriesContext = {
      client,
      owner,
      name,
      repo,
      perPage,
      now: options.now ?? (() => new Date()),
      aborted,
      setStep: (s, e) => {
        step = s;
        expected = e;
      },
      rejected,
      onDeployment: (row) => options.onDeployment?.(row),
    };
    const deployments = options.deployments
      ? await fetchDeployments(deliveries, options.deployments.state)
      : undefined;
    const releases = options.releases
      ? await fetchReleases(deliveries, options.releases.state)
      : undefined;
    return {
      ...(deployments ? { deployments } : {}),
      ...(releases ? { releases } : {}),
      ...(deployments || releases ? { rejected } : {}),
      repository: repo,
      fetched,
      pages,
      retries: stats.serverErrors,
      rateLimitWaits: stats.rateLimitWaits,
      requests: stats.requests,
      incremental: since !== null,
      resumed: cursor !== null,
      authenticated,
      updatedSince,
      rateRemaining: stats.rateRemaining,
    };
  } catch (error) {
    if (aborted()) {
      throw new LegibleError(
        "INTERRUPTED",
        `fetch of ${repo} interrupted`,
        `${fetched} pull requests of ${repo} fetched; the next \`legible fetch github\` resumes at page ${page} of the list`,
      );
    }
    throw describeFailure(error, {
      repo,
      baseUrl,
      authenticated,
      maxRetries,
      step,
      repositoryStep,
      expected,
      token: options.token,
      refusedWait: stats.refusedWait,
      maxWaitSeconds,
    });
  }
}

/** A pull request's reviews, commits, conversation comments and review comments, every page of each. */
async function fetchExtras(
  client: GitHubClient,
  { owner, repo }: { owner: string; repo: string },
  number: number,
  perPage: number,
  {
    setStep,
    aborted,
  }: { setStep: (step: string, expected: string) => void; aborted: () => boolean },
): Promise<GitHubPullExtras> {
  const params = { owner, repo, pull_number: number, per_page: perPage };
  const all = async <T>(
    step: string,
    pages: AsyncIterable<{ data: T[]; url: string }>,
  ): Promise<T[]> => {
    setStep(`the ${step} of #${number}`, `a JSON list of ${step}`);
    const items: T[] = [];
    for await (const response of pages) {
      checkList(response);
      items.push(...response.data);
      if (aborted()) throw new Error("aborted");
    }
    return items;
  };
  const reviews = await all(
    "reviews",
    client.paginate.iterator(client.rest.pulls.listReviews, params),
  );
  // The API lists at most 250 commits per pull request; enough for when coding started.
  const commits = await all(
    "commits",
    client.paginate.iterator(client.rest.pulls.listCommits, params),
  );
  const comments = await all(
    "comments",
    client.paginate.iterator(client.rest.issues.listComments, {
      owner,
      repo,
      issue_number: number,
      per_page: perPage,
    }),
  );
  const reviewComments = await all(
    "review comments",
    client.paginate.iterator(client.rest.pulls.listReviewComments, params),
  );
  return { reviews, commits, comments, reviewComments };
}

/**
 * The row, or a LegibleError naming the pull request and field GitHub sent malformed. A field of
 * the wrong type (a number for a state, a string for a user) is the server's fault too, not a bug.
 */
function rowOf(
  pull: GitHubPull,
  extras: GitHubPullExtras,
  repo: string,
  now: number,
): PullRequestRow {
  const number = Number.isInteger(pull.number) ? `#${pull.number}` : "a pull request";
  try {
    // The same plausibility rules as an imported export (implausible times, reversed intervals,
    // unknown review states): a fetched and an imported pull request make the same row or none.
    return checkRow("prs", toPullRequestRow(pull, extras, repo), now).row;
  } catch (error) {
    if (error instanceof RecordError) {
      throw new LegibleError("BAD_INPUT", `GitHub sent ${repo}${number} with ${error.message}`);
    }
    if (error instanceof GitHubRowError) {
      throw new LegibleError("BAD_INPUT", `GitHub sent ${repo}${number} with ${error.message}`);
    }
    if (error instanceof TypeError) {
      throw new LegibleError(
        "BAD_INPUT",
        `GitHub sent ${repo}${number} with a field of the wrong type (${error.message})`,
      );
    }
    throw error;
  }
}

/** The repository's names, or a refusal when GitHub's answer lacks them. */
function checkRepository(answer: { data: unknown; url: string }): {
  full_name: string;
  name: string;
  owner: string;
} {
  const data = answer.data as Record<string, unknown>;
  const owner = data.owner as Record<string, unknown> | null | undefined;
  const missing = Array.isArray(data)
    ? "a JSON list"
    : typeof data.full_name !== "string" || !REPO.test(data.full_name)
      ? "a repository without a valid full_name"
      : typeof data.name !== "string" || data.name === ""
        ? "a repository without a name"
        : typeof owner !== "object" ||
            owner === null ||
            typeof owner.login !== "string" ||
            owner.login === ""
          ? "a repository without owner.login"
          : null;
  if (missing !== null) {
    throw new GitHubProtocolError({ kind: "malformed", url: answer.url, got: missing });
  }
  return {
    full_name: data.full_name as string,
    name: data.name as string,
    owner: (owner as { login: string }).login,
  };
}

/** Refuses a page that is not a list of objects. */
function checkList(answer: { data: unknown; url: string }): void {
  const data = answer.data;
  const got = !Array.isArray(data)
    ? "a JSON object"
    : data.some((item) => typeof item !== "object" || item === null || Array.isArray(item))
      ? "a list with an item that is not an object"
      : null;
  if (got !== null) throw new GitHubProtocolError({ kind: "malformed", url: answer.url, got });
}

/** Whether the Link header announces a next page; one at another origin is refused. */
function hasNextPage(link: string | undefined, baseUrl: string): boolean {
  const next = link === undefined ? null : /<([^>]*)>\s*;\s*rel="next"/.exec(link);
  if (!next) return false;
  const target = new URL(next[1] ?? "", baseUrl);
  if (target.origin !== new URL(baseUrl).origin) {
    throw new GitHubProtocolError({ kind: "origin", via: "link", target: target.href });
  }
  return true;
}

/** A limit from the options: its default when absent, else a finite number of the right kind. */
function limit(
  name: keyof typeof FETCH_DEFAULTS,
  value: number | undefined,
  { whole = false, positive = false }: { whole?: boolean; positive?: boolean },
): number {
  if (value === undefined) return FETCH_DEFAULTS[name];
  const valid =
    Number.isFinite(value) &&
    (positive ? value > 0 : value >= 0) &&
    (!whole || Number.isInteger(value));
  if (!valid) {
    const kind = whole
      ? "a whole number, 0 or more"
      : positive
        ? "a number above 0"
        : "a number, 0 or more";
    throw new LegibleError("BAD_USAGE", `${name} ${value}: expected ${kind}`);
  }
  return value;
}

function pageSize(value: number | undefined): number {
  if (value === undefined) return 100;
  if (!Number.isInteger(value) || value < 1 || value > 100) {
    throw new LegibleError("BAD_USAGE", `perPage ${value}: expected a whole number from 1 to 100`);
  }
  return value;
}

function validTime(value: string | null | undefined): string | null {
  return value && !Number.isNaN(Date.parse(value)) ? value : null;
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
