import type { PullRequestRow } from "../../core/delivery/model.js";
import { LegibleError } from "../../errors.js";
import { createGitHubClient, type GitHubClient, type RateLimitWait } from "./client.js";
import { encodeCursor, parseCursor } from "./cursor.js";
import { describeFailure } from "./errors.js";
import { GitHubRowError, toPullRequestRow } from "./rows.js";
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
}

const DEFAULT_BASE_URL = "https://api.github.com";
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
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, "");
  const maxRetries = options.maxRetries ?? 3;
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
  let repositoryStep = true;
  const aborted = () => signal?.aborted === true;
  const progress = (pageComplete: boolean, at = page) =>
    options.onProgress?.({ fetched, page: at, rateRemaining: stats.rateRemaining, pageComplete });

  try {
    if (aborted()) throw new Error("aborted");
    // The repository first: a clear 404, and its name as GitHub spells it (row keys stay stable
    // however --repo is capitalised, and a renamed repository is followed).
    const { data: repository } = await client.rest.repos.get({ owner: match[1]!, repo: match[2]! });
    repo = repository.full_name;
    const owner = repository.owner.login;
    const name = repository.name;
    repositoryStep = false;

    for (;;) {
      if (aborted()) throw new Error("aborted");
      step = `page ${page} of the pull request list`;
      const response = await client.rest.pulls.list({
        owner,
        repo: name,
        state: "all",
        sort: "updated",
        direction: "desc",
        per_page: perPage,
        page,
      });
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
          setStep: (s) => {
            step = s;
          },
          aborted,
        });
        await options.onPullRequest(rowOf(pull, extras, repo));
        fetched += 1;
        if (newest === null || updated > Date.parse(newest)) newest = pull.updated_at;
        after = pull.updated_at;
        progress(false);
      }
      if (reachedCheckpoint || !hasNextPage(response.headers.link)) break;
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
    return {
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
    });
  }
}

/** A pull request's reviews, commits, conversation comments and review comments, every page of each. */
async function fetchExtras(
  client: GitHubClient,
  { owner, repo }: { owner: string; repo: string },
  number: number,
  perPage: number,
  { setStep, aborted }: { setStep: (step: string) => void; aborted: () => boolean },
): Promise<GitHubPullExtras> {
  const params = { owner, repo, pull_number: number, per_page: perPage };
  const all = async <T>(step: string, pages: AsyncIterable<{ data: T[] }>): Promise<T[]> => {
    setStep(step);
    const items: T[] = [];
    for await (const response of pages) {
      items.push(...response.data);
      if (aborted()) throw new Error("aborted");
    }
    return items;
  };
  const reviews = await all(
    `the reviews of #${number}`,
    client.paginate.iterator(client.rest.pulls.listReviews, params),
  );
  // The API lists at most 250 commits per pull request; enough for when coding started.
  const commits = await all(
    `the commits of #${number}`,
    client.paginate.iterator(client.rest.pulls.listCommits, params),
  );
  const comments = await all(
    `the comments of #${number}`,
    client.paginate.iterator(client.rest.issues.listComments, {
      owner,
      repo,
      issue_number: number,
      per_page: perPage,
    }),
  );
  const reviewComments = await all(
    `the review comments of #${number}`,
    client.paginate.iterator(client.rest.pulls.listReviewComments, params),
  );
  return { reviews, commits, comments, reviewComments };
}

/** The row, or a LegibleError naming the pull request and field GitHub sent malformed. */
function rowOf(pull: GitHubPull, extras: GitHubPullExtras, repo: string): PullRequestRow {
  try {
    return toPullRequestRow(pull, extras, repo);
  } catch (error) {
    if (!(error instanceof GitHubRowError)) throw error;
    throw new LegibleError("BAD_INPUT", `GitHub sent ${repo}#${pull.number} with ${error.message}`);
  }
}

function hasNextPage(link: string | undefined): boolean {
  return link !== undefined && /<[^>]*>\s*;\s*rel="next"/.test(link);
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
