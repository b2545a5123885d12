/**
 * Display names of repositories: the configured name, else `owner/name` from the origin remote,
 * else the folder; then made unique across the workspace. Pure: the caller reads the remote URL.
 */

/** What naming a repository needs to know about it. */
export interface RepositoryNaming {
  /** Absolute path of the work tree top or of the bare repository. */
  path: string;
  /** The name given in legible.yaml, if any. */
  configured: string | null;
  /** `remote.origin.url`, if any. */
  originUrl: string | null;
}

/**
 * The repository path of a remote URL (`owner/name`, or `group/sub/name` on GitLab), without
 * credentials, host or `.git`; null for a local path or `file://` URL, which names no project.
 */
export function nameFromRemoteUrl(url: string): string | null {
  const text = url.trim();
  let path: string | null = null;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(text);
  if (scheme) {
    if (scheme[1]!.toLowerCase() === "file" || scheme[2] === "") return null;
    path = scheme[3] ?? "";
  } else {
    // scp-like syntax: [user@]host:path, where no slash comes before the first colon.
    const scp = /^(?:[^@/]+@)?([^:/]+):(.*)$/.exec(text);
    // A one-letter "host" is a Windows drive (C:\repo), not a remote.
    if (!scp || scp[1]!.length < 2) return null;
    path = scp[2]!;
  }
  const segments = path
    .split("/")
    .filter((segment) => segment !== "" && segment !== "." && segment !== "..");
  const last = segments.length - 1;
  if (last < 0) return null;
  segments[last] = segments[last]!.replace(/\.git$/i, "");
  if (segments[last] === "") segments.pop();
  if (segments.length > 0 && segments[0]!.startsWith("~")) segments.shift();
  return segments.length > 0 ? segments.join("/") : null;
}

/** The folders of a repository path, innermost last; `x.git` counts as `x`, `x/.git` as `x`. */
function folders(path: string): string[] {
  const segments = path.split(/[\\/]+/).filter((segment) => segment !== "");
  if (segments.at(-1) === ".git") segments.pop();
  const last = segments.length - 1;
  if (last >= 0) segments[last] = segments[last]!.replace(/\.git$/i, "") || segments[last]!;
  return segments;
}

/** The name of a repository before it is made unique: configured, remote, else folder. */
export function baseRepositoryName(repository: RepositoryNaming): string {
  if (repository.configured !== null && repository.configured.trim() !== "")
    return repository.configured.trim();
  const remote = repository.originUrl === null ? null : nameFromRemoteUrl(repository.originUrl);
  if (remote !== null) return remote;
  return folders(repository.path).at(-1) ?? repository.path;
}

/**
 * Display names for a workspace, in the order given; no two are equal. The result depends only on
 * the set of repositories, not on their order. Repositories whose names collide are told apart by
 * their folders: a name taken from the folder grows to `parent/folder` (`a/repo`, `b/repo`), a
 * configured or remote name gets the shortest distinguishing folder path in parentheses
 * (`acme/shop (shop-copy)`); a numeric suffix (`repo-2`) is the last resort.
 */
export function uniqueRepositoryNames(repositories: RepositoryNaming[]): string[] {
  const order = repositories
    .map((repository, index) => ({ repository, index }))
    .sort((a, b) => compare(a.repository.path, b.repository.path));
  const bases = repositories.map(baseRepositoryName);
  const names = [...bases];
  const groups = new Map<string, number[]>();
  for (const { index } of order) {
    const group = groups.get(bases[index]!) ?? [];
    group.push(index);
    groups.set(bases[index]!, group);
  }
  for (const [base, group] of groups) {
    if (group.length < 2) continue;
    for (const index of group)
      names[index] = qualified(base, repositories[index]!, group, repositories);
  }
  // Last resort: whatever still collides (the same folder path, or a qualified name equal to
  // another repository's name) is numbered in path order; the first keeps its name.
  const taken = new Set<string>();
  for (const { index } of order) {
    let name = names[index]!;
    for (let n = 2; taken.has(name); n++) name = `${names[index]}-${n}`;
    names[index] = name;
    taken.add(name);
  }
  return names;
}

function qualified(
  base: string,
  repository: RepositoryNaming,
  group: number[],
  repositories: RepositoryNaming[],
): string {
  const fromFolder = base === folders(repository.path).at(-1);
  const tail = (r: RepositoryNaming, k: number) => folders(r.path).slice(-k).join("/");
  const longest = Math.max(...group.map((i) => folders(repositories[i]!.path).length));
  for (let k = fromFolder ? 2 : 1; k <= longest; k++) {
    const tails = group.map((i) => tail(repositories[i]!, k));
    if (new Set(tails).size === tails.length) {
      const own = tail(repository, k);
      return fromFolder ? own : `${base} (${own})`;
    }
  }
  return base;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The display name of the scanned repository an imported record's repository (e.g. `acme/shop-api`
 * from a pull request export) refers to: the repository of that exact name, else the only one whose
 * last name segment is the record's (`shop-api`, named by its folder, is `acme/shop-api`). Null when
 * none or several match.
 */
export function matchRepositoryName(record: string, displayNames: string[]): string | null {
  const wanted = record.trim();
  if (displayNames.includes(wanted)) return wanted;
  const lower = wanted.toLowerCase();
  const exact = displayNames.filter((name) => name.toLowerCase() === lower);
  if (exact.length === 1) return exact[0]!;
  const lastOf = (name: string) => name.toLowerCase().split("/").at(-1) ?? "";
  const last = lastOf(wanted);
  const byLast = displayNames.filter((name) => lastOf(name) === last);
  return byLast.length === 1 ? byLast[0]! : null;
}
