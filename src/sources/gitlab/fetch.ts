/**
 * GitLab as a live source: a project's merge requests (`GET /projects/:id/merge_requests`) with
 * their notes (approvals are system notes), commits and approvals, and its deployments
 * (`GET /projects/:id/deployments`), read into rows by the `gitlab` and `gitlab-deployments`
 * importers' own readers.
 */
import type { DeploymentRow, PullRequestRow, RejectedRow } from "../../core/delivery/model.js";
import { gitlabDeploymentRow } from "../imports/deployments/gitlab-deployments.js";
import { gitlabRow } from "../imports/prs/gitlab.js";
import type { LiveAnswer } from "../live/client.js";
import {
  type LiveFetchOptions,
  type LiveFetchResult,
  liveClient,
  resetAt,
  rowOf,
} from "../live/options.js";
import { interrupted, itemsOf, linkNext, readAll, runList } from "../live/run.js";

export interface GitLabFetchOptions extends LiveFetchOptions {
  /** The project's path, `group/sub/name`, or its numeric id. */
  project: string;
  onMergeRequest: (row: PullRequestRow) => Promise<void> | void;
  onDeployment: (row: DeploymentRow) => Promise<void> | void;
}

/**
 * Fetches merge requests, then deployments, each newest-updated first down to the checkpoint (the
 * newest `updated_at` of the last complete run, inclusive, asked of GitLab as `updated_after`).
 * Resumable from the last complete page of either list.
 */
export async function fetchGitLabProject(options: GitLabFetchOptions): Promise<LiveFetchResult> {
  const token = options.token;
  const { client } = liveClient(options, {
    service: "GitLab",
    defaultBaseUrl: "https://gitlab.com/api/v4",
    headers: token ? { "private-token": token } : {},
    tokenVariable: "GITLAB_TOKEN",
    resetSeconds: (headers, now) => resetAt(headers.get("ratelimit-reset"), now),
  });
  const perPage = options.perPage ?? 100;
  const now = options.now ?? (() => new Date());
  const rejected: RejectedRow[] = [];
  let name = options.project;
  try {
    const answer = await client.get(`/projects/${encodeURIComponent(options.project)}`, {
      what: `project ${options.project}`,
      expected: "a JSON project with id and path_with_namespace",
      notFound: `GitLab project "${options.project}"`,
    });
    const project = answer.data as { id?: unknown; path_with_namespace?: unknown };
    if (typeof project.id !== "number" || typeof project.path_with_namespace !== "string") {
      throw client.malformed(answer.url, "a project without id or path_with_namespace", {
        what: `project ${options.project}`,
        expected: "a JSON project with id and path_with_namespace",
      });
    }
    name = project.path_with_namespace;
    const base = `/projects/${project.id}`;
    const context = () => ({
      file: `GitLab ${name}`,
      repository: name,
      now: Math.floor(now().getTime() / 1000),
    });
    const page = (answer: LiveAnswer, step: { what: string; expected: string }) => ({
      items: itemsOf(client, answer, null, step),
      next: nextPage(answer),
    });
    const since = (checkpoint: string | null) =>
      checkpoint === null ? "" : `&updated_after=${encodeURIComponent(checkpoint)}`;

    const mergeRequests = await runList(
      client,
      options.state("merge requests"),
      {
        list: "merge request list",
        expected: "a JSON list of merge requests",
        start: (checkpoint) =>
          `${base}/merge_requests?state=all&order_by=updated_at&sort=desc&per_page=${perPage}&page=1${since(checkpoint)}`,
        page,
        handle: async (item, checkpoint) => {
          const mr = item as Record<string, unknown>;
          const updated = String(mr.updated_at ?? "");
          if (checkpoint !== null && Date.parse(updated) < Date.parse(checkpoint))
            return { time: updated, stop: true };
          const iid = String(mr.iid ?? "");
          const sub = (what: string) => ({
            what: `the ${what} of !${iid}`,
            expected: `a JSON list of ${what}`,
          });
          const list = (what: string, path: string) =>
            readAll(client, path, sub(what), (answer) => page(answer, sub(what)));
          const notes = await list(
            "notes",
            `${base}/merge_requests/${iid}/notes?sort=asc&order_by=created_at&per_page=${perPage}`,
          );
          const commits = await list(
            "commits",
            `${base}/merge_requests/${iid}/commits?per_page=${perPage}`,
          );
          const approvals = await client.get(`${base}/merge_requests/${iid}/approvals`, {
            what: `the approvals of !${iid}`,
            expected: "a JSON object with approved_by",
            missingOk: true,
          });
          const approvedBy = (approvals.data as { approved_by?: unknown } | null)?.approved_by;
          const row = rowOf(
            "prs",
            gitlabRow,
            {
              ...mr,
              notes,
              commits,
              ...(Array.isArray(approvedBy) ? { approved_by: approvedBy } : {}),
            },
            context(),
            `merge request !${iid}`,
            rejected,
          );
          if (row) await options.onMergeRequest(row);
          return { time: updated };
        },
      },
      (fetched, n) => options.onProgress?.({ list: "merge requests", fetched, page: n }),
    );

    const deployments = await runList(
      client,
      options.state("deployments"),
      {
        list: "deployment list",
        expected: "a JSON list of deployments",
        start: (checkpoint) =>
          `${base}/deployments?order_by=updated_at&sort=desc&per_page=${perPage}&page=1${since(checkpoint)}`,
        page,
        handle: async (item, checkpoint) => {
          const deployment = item as Record<string, unknown>;
          const updated = String(deployment.updated_at ?? deployment.created_at ?? "");
          if (checkpoint !== null && Date.parse(updated) < Date.parse(checkpoint))
            return { time: updated, stop: true };
          const row = rowOf(
            "deployments",
            gitlabDeploymentRow,
            deployment,
            context(),
            `deployment ${String(deployment.id ?? "")}`,
            rejected,
          );
          if (row) await options.onDeployment(row);
          // A deployment still running is read again by the next run.
          return { time: updated, open: row?.result === "in_progress" };
        },
      },
      (fetched, n) => options.onProgress?.({ list: "deployments", fetched, page: n }),
    );
    return {
      source: "gitlab",
      scope: name,
      lists: [
        { list: "merge requests", ...mergeRequests },
        { list: "deployments", ...deployments },
      ],
      rejected,
      ...client.stats,
    };
  } catch (error) {
    throw interrupted(error, `GitLab project ${name}`, "legible fetch gitlab");
  }
}

/** The next page: the `Link` header's, else GitLab's `x-next-page` number on the same URL. */
function nextPage(answer: LiveAnswer): string | null {
  const link = linkNext(answer.headers);
  if (link !== null) return link;
  const next = answer.headers.get("x-next-page");
  if (next === null || !/^\d+$/.test(next.trim())) return null;
  const url = new URL(answer.url);
  url.searchParams.set("page", next.trim());
  return url.href;
}
