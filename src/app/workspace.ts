import picomatch from "picomatch";
import type { Config } from "../config/schema.js";
import { impossibleTime, looksLikeDate, parseUserDate } from "../core/dates.js";
import { parseMailmap } from "../core/identity/mailmap.js";
import {
  type IdentityResolution,
  type IdentityRule,
  type IdentitySource,
  type Person,
  resolveIdentities,
} from "../core/identity/resolve.js";
import type { KnowledgeResult } from "../core/knowledge/index.js";
import type { AuthorshipRecord, PersonId, RawIdentity } from "../core/model.js";
import { LegibleError } from "../errors.js";
import { type FileFilterResult, filterFiles } from "../sources/files/filter.js";
import { commitAtTime, readFileAt, resolveCommit } from "../sources/git/repository.js";
import { listTree } from "../sources/git/tree.js";
import type { Store, StoredCommit } from "../store/store.js";
import { type AreaKeys, areaKeys } from "./areas.js";
import { configuredBotPatterns } from "./roster.js";
import type { RepositoryScan } from "./scan.js";

/** When an analysis looks: the commit whose files are scored and the date activity is judged at. */
export interface AsOf {
  /** Unix seconds. */
  time: number;
  /** What the user asked for, for reports ("now", a date, or a revision). */
  label: string;
  /** A revision to analyse instead of the scanned head, when the user gave one. */
  rev: string | null;
}

/** One repository ready for the pure analyses. */
export interface PreparedRepository {
  scan: RepositoryScan;
  /** The commit analysed (null when the ref has no commit at or before the as-of date). */
  commit: string | null;
  /** Stored commits reachable from `commit`, merges included. */
  commits: StoredCommit[];
  files: FileFilterResult;
  /** Commits in `commits` whose file changes could not be read. */
  skipped: { sha: string; reason: string }[];
  /**
   * Files at `commit` whose content the object store lacks (binary detection, `.gitattributes`):
   * nothing is fetched, so what they would have told is unknown. Not known in a partial clone.
   */
  missingFiles: string[];
  /** Commits in `commits` dated at or before 1970 or over a year after the analysed date: no evidence of activity. */
  impossibleDates: { sha: string; authorTime: number; commitTime: number }[];
}

export interface Workspace {
  asOf: AsOf;
  repositories: PreparedRepository[];
  identities: IdentityResolution;
  /** Every resolved person by id. */
  people: Map<PersonId, Person>;
  /** Leader views show pseudonyms instead of names (privacy.people). */
  pseudonymous: boolean;
  /** Ids of people recognised as bots. */
  bots: Set<PersonId>;
  /** Latest authored or co-authored commit per person, over every repository, up to the as-of time. */
  lastActive: Map<PersonId, number>;
  /** Area keys qualified by repository (see app/areas.ts). */
  areas: AreaKeys;
  /**
   * Plain knowledge analyses already computed over this workspace, by repository path and mode: the
   * review, its exit paths, the delivery joins and the leader facts all ask for the same ones.
   */
  analyses: Map<string, KnowledgeResult>;
}

export interface WorkspaceOptions {
  store: Store;
  config: Config;
  asOf: AsOf;
  filesFrom: string[] | null;
  /** Commits already loaded from the store, by repository path (several analyses over one history). */
  loaded?: Map<string, Map<string, StoredCommit>>;
  /** Map identities through each repository's `.mailmap` (default true; false in `--compat avelino2016`). */
  mailmap?: boolean;
  /** Overrides `config.identity.rule` (`--compat avelino2016` imposes the reference's rule). */
  identityRule?: IdentityRule;
}

/** Parses `--as-of`: an ISO date (YYYY-MM-DD[Thh:mm...]) or a revision; absent means now. */
export function parseAsOf(value: string | undefined, now: Date): AsOf {
  if (value === undefined)
    return { time: Math.floor(now.getTime() / 1000), label: "now", rev: null };
  if (looksLikeDate(value)) {
    const date = parseUserDate(
      value,
      "--as-of",
      "expected YYYY-MM-DD, an ISO date-time such as 2026-02-28T09:30:00Z, or a git revision",
    );
    // A bare date means the end of that day.
    const time = Math.floor(date.ms / 1000) + (date.dateOnly ? 86_399 : 0);
    return { time, label: value, rev: null };
  }
  return { time: Number.NaN, label: value, rev: value };
}

/** Loads the scanned history of each repository and resolves people across all of them. */
export async function prepareWorkspace(
  scans: RepositoryScan[],
  options: WorkspaceOptions,
): Promise<Workspace> {
  const { store, config } = options;
  const loaded: { scan: RepositoryScan; all: Map<string, StoredCommit>; mailmap: string | null }[] =
    [];
  for (const scan of scans) {
    const repository = await store.repository(scan.path);
    if (!repository) throw new LegibleError("NOT_SCANNED", `${scan.path}: not scanned`);
    let all = options.loaded?.get(scan.path);
    if (!all) {
      all = await store.loadCommits(repository.id);
      options.loaded?.set(scan.path, all);
    }
    const mailmap = (await store.scan(repository.id, scan.ref))?.mailmap ?? null;
    loaded.push({ scan, all, mailmap });
  }

  let asOf = options.asOf;
  const prepared: PreparedRepository[] = [];
  for (const { scan, all } of loaded) {
    let commit: string | null;
    if (asOf.rev !== null) {
      commit = await resolveCommit(scan.path, asOf.rev);
      const stored = all.get(commit);
      if (!stored) {
        throw new LegibleError(
          "UNKNOWN_REF",
          `${scan.path}: --as-of ${asOf.rev} is not in the history of ${scan.ref}`,
        );
      }
      if (Number.isNaN(asOf.time)) asOf = { ...asOf, time: stored.commitTime };
    } else {
      commit =
        asOf.label === "now" ? scan.head : await commitAtTime(scan.path, scan.head, asOf.time);
    }
    const commits = commit ? ancestors(all, commit) : [];
    const scored = commit
      ? await scoredFiles(store, scan, commit, config, options.filesFrom)
      : { files: emptyFilter(), missing: [] };
    const skipped = commits
      .filter((c) => c.skipped !== null)
      .map((c) => ({ sha: c.sha, reason: c.skipped ?? "" }));
    const reference = asOf.time;
    const impossibleDates = commits
      .filter(
        (c) => impossibleTime(c.authorTime, reference) || impossibleTime(c.commitTime, reference),
      )
      .map((c) => ({ sha: c.sha, authorTime: c.authorTime, commitTime: c.commitTime }));
    prepared.push({
      scan,
      commit,
      commits,
      files: scored.files,
      skipped,
      missingFiles: scored.missing,
      impossibleDates,
    });
  }

  const identities = resolveIdentities({
    sources: loaded.map(({ scan, all, mailmap }) =>
      identitySource(scan.path, all, options.mailmap === false ? null : mailmap, asOf.time),
    ),
    aliases: config.identity.aliases.map((alias) => ({
      name: alias.name,
      emails: alias.emails,
      names: alias.names,
    })),
    rule: options.identityRule ?? config.identity.rule,
    botPatterns: configuredBotPatterns(config),
  });
  const bots = new Set(
    identities.people.filter((person) => person.isBot).map((person) => person.id),
  );
  const lastActive = new Map<PersonId, number>();
  for (const repository of prepared) {
    for (const commit of repository.commits) {
      const author = identities.personOf(repository.scan.path, commit.author);
      for (const person of [
        author,
        ...commit.coAuthors.map((c) => identities.personOf(repository.scan.path, c)),
      ]) {
        if (bots.has(person) || commit.authorTime > asOf.time) continue;
        if (impossibleTime(commit.authorTime, asOf.time)) continue;
        if ((lastActive.get(person) ?? -Infinity) < commit.authorTime)
          lastActive.set(person, commit.authorTime);
      }
    }
  }
  const people = new Map(identities.people.map((person) => [person.id, person]));
  const pseudonymous = config.privacy.people === "pseudonymous";
  return {
    asOf,
    repositories: prepared,
    identities,
    people,
    pseudonymous,
    bots,
    lastActive,
    areas: areaKeys(prepared.map((r) => r.scan.name)),
    analyses: new Map(),
  };
}

/** The authorship records of one repository: A/M/R changes of non-merge commits, credited to people (bots removed). */
export function authorshipRecords(
  workspace: Workspace,
  repository: PreparedRepository,
): AuthorshipRecord[] {
  const { identities, bots } = workspace;
  const records: AuthorshipRecord[] = [];
  for (const commit of repository.commits) {
    if (commit.isMerge || commit.changes.length === 0) continue;
    const people: PersonId[] = [];
    for (const raw of [commit.author, ...commit.coAuthors]) {
      const person = identities.personOf(repository.scan.path, raw);
      if (!bots.has(person) && !people.includes(person)) people.push(person);
    }
    if (people.length === 0) continue;
    for (const change of commit.changes) {
      if (change.kind !== "A" && change.kind !== "M" && change.kind !== "R") continue;
      records.push({
        kind: change.kind,
        path: change.path,
        oldPath: change.oldPath,
        people,
        time: commit.authorTime,
      });
    }
  }
  return records;
}

/** Files present at the analysed commit, before any filter. */
export function filesAtRef(repository: PreparedRepository): number {
  return (
    repository.files.kept.length +
    Object.values(repository.files.removed).reduce((a, b) => a + b, 0)
  );
}

/**
 * Component matchers from config globs. Each team's owned areas form a component too
 * (`team:<name>`), so every result rolls up by team.
 */
export function componentMatchers(
  config: Config,
): { name: string; matches: (path: string) => boolean }[] {
  const components = Object.entries(config.areas.components).map(([name, globs]) => ({
    name,
    matches: picomatch(globs, { dot: true }),
  }));
  const teams = Object.entries(config.teams)
    .filter(([, team]) => team.areas.length > 0)
    .map(([name, team]) => ({
      name: `team:${name}`,
      matches: picomatch(team.areas, { dot: true }),
    }));
  return [...components, ...teams];
}

/** Stored commits reachable from `tip`, in stored (parents-first) order. */
export function ancestors(all: Map<string, StoredCommit>, tip: string): StoredCommit[] {
  const seen = new Set<string>();
  const stack = [tip];
  while (stack.length > 0) {
    const sha = stack.pop()!;
    if (seen.has(sha)) continue;
    const commit = all.get(sha);
    if (!commit) continue; // beyond a shallow boundary or a commit git could not walk
    seen.add(sha);
    for (const parent of commit.parents) if (!seen.has(parent)) stack.push(parent);
  }
  return [...all.values()].filter((commit) => seen.has(commit.sha));
}

async function scoredFiles(
  store: Store,
  scan: RepositoryScan,
  commit: string,
  config: Config,
  filesFrom: string[] | null,
): Promise<{ files: FileFilterResult; missing: string[] }> {
  const tree = await listTree(scan.path, commit, {
    partial: scan.partial,
    cache: store.binaryCache(),
  });
  const gitattributes = await readFileAt(scan.path, commit, ".gitattributes");
  const missing = tree.filter((file) => file.missing).map((file) => file.path);
  if (gitattributes.missing && !missing.includes(".gitattributes")) missing.push(".gitattributes");
  const files = filterFiles(
    tree.map((file) => ({ path: file.path, size: file.size, binary: file.binary })),
    {
      linguist: config.files.linguist,
      exclude: config.files.exclude,
      include: config.files.include,
      filesFrom,
      gitattributes: gitattributes.text,
    },
  );
  return { files, missing: missing.sort() };
}

function emptyFilter(): FileFilterResult {
  return filterFiles([], {
    linguist: false,
    exclude: [],
    include: [],
    filesFrom: null,
    gitattributes: null,
  });
}

function identitySource(
  repo: string,
  all: Map<string, StoredCommit>,
  mailmapText: string | null,
  asOf: number,
): IdentitySource {
  const counts = new Map<string, { identity: RawIdentity; commits: number; lastTime: number }>();
  const count = (identity: RawIdentity, time: number) => {
    const key = `${identity.name}\0${identity.email}`;
    const entry = counts.get(key) ?? { identity, commits: 0, lastTime: 0 };
    entry.commits += 1;
    if (!impossibleTime(time, asOf)) entry.lastTime = Math.max(entry.lastTime, time);
    counts.set(key, entry);
  };
  for (const commit of all.values()) {
    count(commit.author, commit.authorTime);
    for (const coAuthor of commit.coAuthors) count(coAuthor, commit.authorTime);
    // People named by review and help trailers resolve like authors (sources/git/signals.ts).
    for (const signal of commit.signals ?? [])
      if (signal.kind !== "reverts") count(signal.person, commit.authorTime);
  }
  return {
    repo,
    mailmap: mailmapText ? parseMailmap(mailmapText).entries : [],
    identities: [...counts.values()],
  };
}
