import type { Config } from "../config/schema.js";
import type { Ancestry } from "../core/delivery/index.js";
import type {
  Account,
  DeploymentRow,
  IncidentRow,
  PullRequestRow,
} from "../core/delivery/model.js";
import { isBot } from "../core/identity/bots.js";
import type { AreaKnowledge } from "../core/knowledge/index.js";
import type { PersonId } from "../core/model.js";
import { matchRepositoryName } from "../core/repositories/names.js";
import { type GitTag, listTags, tagDeployments } from "../sources/git/tags.js";
import type { Store, StoredCommit } from "../store/store.js";
import { analyseRepository } from "./knowledge.js";
import { areaOfPath, configuredBotPatterns, roster } from "./roster.js";
import { historyGraph, type Workspace } from "./workspace.js";

/** Delivery records joined with the git history, people, roster and knowledge of a workspace. */
export interface DeliveryContext {
  workspace: Workspace;
  /** Imported pull requests; `repository` is the display name of the scanned repository holding their commits, or the matching name. */
  pullRequests: PullRequestRow[];
  deployments: DeploymentRow[];
  incidents: IncidentRow[];
  /** Parent map over every scanned repository's stored history (shas are global). */
  ancestry: Ancestry;
  /** Files a pull request changed: its merge commit's (squash, rebase) and its own commits' changes. */
  filesOf: (pr: PullRequestRow) => string[];
  /**
   * The scanned repository (display name) whose history holds the pull request's merge commit or
   * its own commits; null when none does.
   */
  repositoryOf: (pr: PullRequestRow) => string | null;
  /**
   * Areas a pull request touched: the directory of each changed file, down to `areas.depth`, as
   * area keys qualified by its repository (app/areas.ts).
   */
  areasOf: (pr: PullRequestRow) => string[];
  personOf: (account: Account) => PersonId;
  isBot: (account: Account) => boolean;
  teamOf: (person: PersonId) => string | null;
  teamOfArea: (area: string) => string | null;
  knowledgeStatus: (area: string) => AreaKnowledge["status"] | null;
  /** What the join could not do, said plainly in reports. */
  notes: string[];
}

/** Loads imported records (plus deployments from git tags) and builds the joins the analyses take. */
export async function deliveryContext(
  workspace: Workspace,
  store: Store,
  config: Config,
  tags: (path: string) => Promise<GitTag[]> = listTags,
): Promise<DeliveryContext> {
  // A commit by hash, and the repository holding it (the last one when several hold it), read
  // from each history's index instead of a map of every commit made per workspace.
  const histories = workspace.repositories
    .map((repository) => ({ name: repository.scan.name, history: historyGraph(repository) }))
    .reverse();
  const commitOf = (sha: string): { commit: StoredCommit; repository: string } | undefined => {
    for (const { name, history } of histories) {
      const commit = history.reached(sha);
      if (commit) return { commit, repository: name };
    }
    return undefined;
  };
  // Records name repositories as their source does (`acme/shop-api`); rows carry the display name
  // of the scanned repository they belong to, so one repository is never counted as two.
  const names = workspace.repositories.map((repository) => repository.scan.name);
  const scanned = memo(
    (name: string) => name,
    (name: string) => matchRepositoryName(name, names) ?? name,
  );
  const deployments = (await store.delivery.deployments()).map((deployment) => ({
    ...deployment,
    repository: scanned(deployment.repository),
  }));
  if (config.delivery.deployTags) {
    for (const repository of workspace.repositories) {
      deployments.push(
        ...tagDeployments(await tags(repository.scan.path), {
          pattern: config.delivery.deployTags,
          repository: repository.scan.name,
          environment: config.delivery.productionEnvironment,
        }),
      );
    }
  }
  const nullableScanned = (name: string | null) => (name === null ? null : scanned(name));
  const incidents = (await store.delivery.incidents()).map((incident) => ({
    ...incident,
    repository: nullableScanned(
      incident.repository ??
        (incident.service ? (config.delivery.services[incident.service] ?? null) : null),
    ),
  }));
  const pullRequests = (await store.delivery.pullRequests()).map((pr) => ({
    ...pr,
    repository:
      [pr.mergeCommitSha, ...pr.commits.map((c) => c.sha)]
        .map((sha) => (sha ? commitOf(sha)?.repository : undefined))
        .find((name) => name !== undefined) ?? scanned(pr.repository),
  }));

  // The analyses ask about the same accounts and pull requests many times: answer each once.
  // An account (a login and maybe an email) resolves through every repository's .mailmap: the
  // first repository where it names a known person wins, in workspace order.
  const accountKey = (account: Account) => `${account.login}\0${account.email ?? ""}`;
  const paths = workspace.repositories.map((r) => r.scan.path);
  const personOf = memo(accountKey, (account: Account) => {
    const raw = { name: account.login, email: account.email ?? "" };
    const candidates = paths.map((path) => workspace.identities.personOf(path, raw));
    return candidates.find((id) => workspace.people.has(id)) ?? candidates[0] ?? account.login;
  });
  const botPatterns = configuredBotPatterns(config);
  const accountIsBot = memo(
    accountKey,
    (account: Account) =>
      isBot({ name: account.login, email: account.email ?? "" }, botPatterns) ||
      workspace.bots.has(personOf(account)),
  );

  const shasOf = (pr: PullRequestRow) => [pr.mergeCommitSha, ...pr.commits.map((c) => c.sha)];
  const filesOf = memo(
    (pr: PullRequestRow) => pr.key,
    (pr: PullRequestRow) => {
      const files = new Set<string>();
      for (const sha of shasOf(pr)) {
        if (!sha) continue;
        for (const change of commitOf(sha)?.commit.changes ?? []) files.add(change.path);
      }
      return [...files];
    },
  );
  const repositoryOf = memo(
    (pr: PullRequestRow) => pr.key,
    (pr: PullRequestRow) => {
      for (const sha of shasOf(pr)) {
        const where = sha ? commitOf(sha) : undefined;
        if (where) return where.repository;
      }
      return null;
    },
  );
  const depth = config.areas.depth;
  const areasOf = memo(
    (pr: PullRequestRow) => pr.key,
    (pr: PullRequestRow) => {
      const repository = repositoryOf(pr) ?? pr.repository;
      const areas = new Set<string>();
      for (const file of filesOf(pr))
        areas.add(workspace.areas.key(repository, areaOfPath(file, depth)));
      return [...areas].sort();
    },
  );

  const { teamOf, teamOfArea } = roster(config, workspace.people, workspace.areas);

  const statuses = new Map<string, AreaKnowledge["status"]>();
  for (const repository of workspace.repositories) {
    const result = analyseRepository(workspace, repository, { config, mode: "default" });
    const key = (area: string) => workspace.areas.key(repository.scan.name, area);
    statuses.set(key("."), result.repository.status);
    for (const area of result.areas) statuses.set(key(area.id), area.status);
  }

  // Join every pull request to its files and areas now, once, as part of loading.
  for (const pr of pullRequests) areasOf(pr);

  const notes: string[] = [];
  const unlinked = pullRequests.filter(
    (pr) => pr.state === "merged" && filesOf(pr).length === 0,
  ).length;
  if (unlinked > 0) {
    notes.push(
      `${unlinked} merged pull request(s) match no scanned commit (by merge SHA or their own commits), so no area is known for them.`,
    );
  }
  return {
    workspace,
    pullRequests,
    deployments,
    incidents,
    ancestry: {
      parents: (sha) => commitOf(sha)?.commit.parents,
      committedAt: (sha) => commitOf(sha)?.commit.commitTime,
    },
    filesOf,
    repositoryOf,
    areasOf,
    personOf,
    isBot: accountIsBot,
    teamOf,
    teamOfArea,
    knowledgeStatus: (area) => statuses.get(area) ?? null,
    notes,
  };
}

/** Wraps a function of one argument with a cache keyed by `key(argument)`. */
function memo<A, R>(key: (argument: A) => string, compute: (argument: A) => R): (argument: A) => R {
  const cache = new Map<string, R>();
  return (argument) => {
    const k = key(argument);
    let value = cache.get(k);
    if (value === undefined) {
      value = compute(argument);
      cache.set(k, value);
    }
    return value;
  };
}
