import { RecordError } from "./fields.js";
import type { ImportContext } from "./types.js";

/** `owner/name` from a GitHub API URL (`…/repos/o/r/…`, GHES `…/api/v3/repos/o/r/…`) or web URL. */
export function githubRepositoryFromUrl(url: string | null): string | null {
  if (url === null) return null;
  const api = /\/repos\/([^/\s]+)\/([^/\s?#]+)/.exec(url);
  if (api) return `${api[1]}/${api[2]}`;
  const web = /^https?:\/\/[^/]+\/([^/\s]+)\/([^/\s]+)\/(?:pull|releases|deployments)\b/.exec(url);
  return web ? `${web[1]}/${web[2]}` : null;
}

/** `group/sub/project` from a GitLab merge request's web URL (`…/group/project/-/merge_requests/12`). */
export function gitlabProjectFromUrl(url: string | null): string | null {
  if (url === null) return null;
  const match = /^https?:\/\/[^/]+\/(.+?)\/-\/merge_requests\/\d+/.exec(url);
  return match?.[1] ?? null;
}

/**
 * The record's repository if it names one, else the import's default; a record with neither is
 * rejected (its key would not say where it belongs).
 */
export function repositoryOf(
  fromRecord: string | null,
  context: ImportContext,
  where: string,
): string {
  const repository = fromRecord ?? context.repository?.trim() ?? "";
  if (repository === "") {
    throw new RecordError(
      `repository: the record does not name one (${where}) and no default repository was given`,
    );
  }
  return repository;
}
