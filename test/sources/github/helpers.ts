import type { PullRequestRow } from "../../../src/core/delivery/model.js";
import {
  type FetchCheckpoint,
  type FetchOptions,
  type FetchResult,
  fetchGitHubPullRequests,
} from "../../../src/sources/github/index.js";
import type { ReplayServer } from "./replay-server.js";

/** A FetchState in memory that remembers every checkpoint saved. */
export interface MemoryState {
  current: FetchCheckpoint | null;
  saves: FetchCheckpoint[];
  load(): Promise<FetchCheckpoint | null>;
  save(checkpoint: FetchCheckpoint): Promise<void>;
}

export function memoryState(initial: FetchCheckpoint | null = null): MemoryState {
  const state: MemoryState = {
    current: initial,
    saves: [],
    load: async () => state.current,
    save: async (checkpoint) => {
      state.current = checkpoint;
      state.saves.push(checkpoint);
    },
  };
  return state;
}

/** Runs a fetch of acme/widgets against the replay server, 2 per page, waits scaled to 1 ms a second. */
export async function fetchFrom(
  server: ReplayServer,
  state: MemoryState,
  options: Partial<FetchOptions> = {},
): Promise<{ result: FetchResult; rows: PullRequestRow[] }> {
  const rows: PullRequestRow[] = [];
  const result = await fetchGitHubPullRequests({
    repo: "acme/widgets",
    token: "ghp_replayToken0123456789",
    baseUrl: server.baseUrl,
    state,
    perPage: 2,
    waitScale: 1,
    onPullRequest: (row) => {
      rows.push(row);
    },
    ...options,
  });
  return { result, rows };
}

/** The page numbers of the pull request list requests the server received, in order. */
export function listPages(server: ReplayServer): number[] {
  return server.requests
    .filter((r) => r.path.startsWith("/repos/acme/widgets/pulls?"))
    .map((r) => Number(new URL(r.path, "http://x").searchParams.get("page")));
}

/** How many times a path (without query) was requested. */
export function requestsTo(server: ReplayServer, path: string): number {
  return server.requests.filter((r) => r.path.split("?")[0] === path).length;
}

/** The promise's rejection, for asserting on a typed error's fields. */
export async function rejection(
  promise: Promise<unknown>,
): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected the promise to reject");
}
