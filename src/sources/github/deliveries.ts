/**
 * GitHub deployments (`GET /repos/{o}/{r}/deployments` with each one's statuses) and releases
 * (`GET /repos/{o}/{r}/releases`, each tag peeled to its commit through `GET …/git/ref/tags/{tag}`),
 * read into rows by the `github-deployments` and `github-releases` importers' own readers.
 *
 * Incremental: deployments are listed newest first down to the checkpoint, the creation time of
 * the oldest deployment still in progress in the last complete run (else the newest seen);
 * releases are listed whole (a repository has few) and only those published since the checkpoint
 * are resolved and delivered. Resumable: the next page is saved after each complete page.
 */
import type { DeploymentRow, RejectedRow } from "../../core/delivery/model.js";
import { LegibleError } from "../../errors.js";
import { githubDeploymentRow } from "../imports/deployments/github-deployments.js";
import { githubReleaseRow } from "../imports/deployments/github-releases.js";
import { rowOf } from "../live/rows.js";
import type { GitHubClient } from "./client.js";
import type { FetchState } from "./fetch.js";

export interface DeliveriesContext {
  client: GitHubClient;
  owner: string;
  name: string;
  /** owner/name as GitHub spells it. */
  repo: string;
  perPage: number;
  now: () => Date;
  aborted: () => boolean;
  setStep: (step: string, expected: string) => void;
  rejected: RejectedRow[];
  onDeployment: (row: DeploymentRow) => Promise<void> | void;
}

export interface DeliveriesResult {
  fetched: number;
  pages: number;
  incremental: boolean;
  resumed: boolean;
  updatedSince: string | null;
}

interface PageCursor {
  v: 1;
  page: number;
  since: string | null;
  newest: string | null;
  earliestOpen: string | null;
}

function parse(text: string | null | undefined): PageCursor | null {
  if (!text) return null;
  try {
    const c = JSON.parse(text) as PageCursor;
    return c.v === 1 && Number.isInteger(c.page) && c.page >= 1 ? c : null;
  } catch {
    return null;
  }
}

const FINAL = new Set(["success", "failure", "error", "inactive"]);

/** Deployments with their statuses, newest first, down to the checkpoint. */
export async function fetchDeployments(
  context: DeliveriesContext,
  state: FetchState,
): Promise<DeliveriesResult> {
  const { client, owner, name, perPage } = context;
  const saved = await state.load();
  const cursor = parse(saved?.cursor);
  const since = cursor ? cursor.since : (saved?.updatedSince ?? null);
  let page = cursor?.page ?? 1;
  let newest = cursor?.newest ?? null;
  let earliestOpen = cursor?.earliestOpen ?? null;
  let fetched = 0;
  let pages = 0;
  for (;;) {
    if (context.aborted()) throw new Error("aborted");
    context.setStep(`page ${page} of the deployment list`, "a JSON list of deployments");
    const response = await client.rest.repos.listDeployments({
      owner,
      repo: name,
      per_page: perPage,
      page,
    });
    pages += 1;
    const list = response.data as unknown as Record<string, unknown>[];
    if (!Array.isArray(list))
      throw new LegibleError(
        "BAD_INPUT",
        `GitHub's deployment list of ${context.repo} is not a list`,
      );
    let stop = false;
    for (const deployment of list) {
      const created = String(deployment.created_at ?? "");
      if (since !== null && Date.parse(created) < Date.parse(since)) {
        stop = true;
        break;
      }
      const id = Number(deployment.id);
      context.setStep(`the statuses of deployment ${id}`, "a JSON list of deployment statuses");
      const statuses: unknown[] = [];
      for await (const answer of client.paginate.iterator(
        client.rest.repos.listDeploymentStatuses,
        {
          owner,
          repo: name,
          deployment_id: id,
          per_page: perPage,
        },
      )) {
        statuses.push(...(answer.data as unknown[]));
        if (context.aborted()) throw new Error("aborted");
      }
      const row = rowOf(
        "deployments",
        githubDeploymentRow,
        { ...deployment, statuses },
        {
          file: `GitHub ${context.repo}`,
          repository: context.repo,
          now: Math.floor(context.now().getTime() / 1000),
        },
        `deployment ${id}`,
        context.rejected,
      );
      if (row) await context.onDeployment(row);
      fetched += 1;
      if (newest === null || Date.parse(created) > Date.parse(newest)) newest = created;
      const latest = statuses[0] as { state?: unknown } | undefined;
      const open = latest === undefined || !FINAL.has(String(latest.state));
      if (open && (earliestOpen === null || Date.parse(created) < Date.parse(earliestOpen)))
        earliestOpen = created;
    }
    const more = /rel="next"/.test(String(response.headers.link ?? ""));
    if (stop || !more) break;
    page += 1;
    await state.save({
      updatedSince: since,
      cursor: JSON.stringify({ v: 1, page, since, newest, earliestOpen } satisfies PageCursor),
    });
  }
  const updatedSince = earliestOpen ?? latestOf(newest, since);
  await state.save({ updatedSince, cursor: null });
  return { fetched, pages, incremental: since !== null, resumed: cursor !== null, updatedSince };
}

/** Published releases since the checkpoint, each at its tag's commit. */
export async function fetchReleases(
  context: DeliveriesContext,
  state: FetchState,
): Promise<DeliveriesResult> {
  const { client, owner, name, perPage } = context;
  const saved = await state.load();
  const since = saved?.updatedSince ?? null;
  let newest: string | null = null;
  let fetched = 0;
  let pages = 0;
  context.setStep("the release list", "a JSON list of releases");
  for await (const answer of client.paginate.iterator(client.rest.repos.listReleases, {
    owner,
    repo: name,
    per_page: perPage,
  })) {
    pages += 1;
    for (const release of answer.data as unknown as Record<string, unknown>[]) {
      if (context.aborted()) throw new Error("aborted");
      const published = typeof release.published_at === "string" ? release.published_at : null;
      if (release.draft === true || published === null) continue;
      if (since !== null && Date.parse(published) < Date.parse(since)) continue;
      const tag = String(release.tag_name ?? "");
      context.setStep(`the commit of tag ${tag}`, "a JSON git reference");
      const commit = await tagCommit(client, owner, name, tag);
      const row = rowOf(
        "deployments",
        githubReleaseRow,
        release,
        {
          file: `GitHub ${context.repo}`,
          repository: context.repo,
          ...(commit ? { tagCommits: new Map([[tag, commit]]) } : {}),
          now: Math.floor(context.now().getTime() / 1000),
        },
        `release ${tag}`,
        context.rejected,
      );
      if (row) await context.onDeployment(row);
      fetched += 1;
      if (newest === null || Date.parse(published) > Date.parse(newest)) newest = published;
    }
  }
  const updatedSince = latestOf(newest, since);
  await state.save({ updatedSince, cursor: null });
  return { fetched, pages, incremental: since !== null, resumed: false, updatedSince };
}

/** The commit a tag points to (an annotated tag peeled); null when the tag is gone. */
async function tagCommit(
  client: GitHubClient,
  owner: string,
  repo: string,
  tag: string,
): Promise<string | null> {
  try {
    let object = (await client.rest.git.getRef({ owner, repo, ref: `tags/${tag}` })).data.object;
    for (let depth = 0; object.type === "tag" && depth < 5; depth += 1) {
      object = (await client.rest.git.getTag({ owner, repo, tag_sha: object.sha })).data.object;
    }
    return object.type === "commit" ? object.sha : null;
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return null;
    throw error;
  }
}

function latestOf(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}
