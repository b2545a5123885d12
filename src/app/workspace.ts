import { availableParallelism } from "node:os";
import pLimit from "p-limit";
import picomatch from "picomatch";
import type { Config } from "../config/schema.js";
import { impossibleTime, looksLikeDate, parseUserDate } from "../core/dates.js";
import {
  type AliasSpec,
  type IdentityResolution,
  type IdentityRule,
  type IdentitySource,
  type Person,
  resolveIdentities,
} from "../core/identity/resolve.js";
import type { KnowledgeResult, TallyMemo } from "../core/knowledge/index.js";
import type { AuthorshipRecord, PersonId } from "../core/model.js";
import { type CommitGraph, commitGraph } from "../core/signals/history.js";
import { LegibleError } from "../errors.js";
import { type FileFilterResult, filterFiles } from "../sources/files/filter.js";
import {
  commitAtTime,
  type FileAt,
  readBlob,
  readFileAt,
  readNamedBlob,
  resolveCommit,
} from "../sources/git/repository.js";
import { type BinaryCache, listTree, type TreeFile } from "../sources/git/tree.js";
import type { Store, StoredCommit } from "../store/store.js";
import { type AreaKeys, areaKeys } from "./areas.js";
import {
  appendChangeRecords,
  creditedPeople,
  type FileHistories,
  firstParentAt,
  type HistoryIndex,
  historyIndex,
  identitySource,
  markedCommits,
  markedHistories,
  reachableFrom,
} from "./history-index.js";
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
  loaded?: Map<string, readonly StoredCommit[]>;
  /** Map identities through each repository's `.mailmap` (default true; false in `--compat avelino2016`). */
  mailmap?: boolean;
  /** Overrides `config.identity.rule` (`--compat avelino2016` imposes the reference's rule). */
  identityRule?: IdentityRule;
  /** Git reads already started, for a caller that prepares several dates (see {@link GitReads}). */
  reads?: GitReads;
}

/** The files of a commit's tree and its `.gitattributes`, as scoring reads them. */
export interface TreeRead {
  tree: TreeFile[];
  gitattributes: FileAt;
}

/**
 * The git reads behind preparing a workspace at a date: the commit of the date and that commit's
 * files. A caller preparing several dates (the months of `knowledge --trend`) starts the next
 * dates' reads with {@link GitReads.prefetch} before preparing the current one, so git lists the
 * next months' trees while node analyses the current one instead of the two waiting on each
 * other. A few git processes run at once; a tree is kept only until a preparation takes it.
 */
export class GitReads {
  private readonly commits = new Map<string, Promise<string | null>>();
  private readonly trees = new Map<string, Promise<TreeRead>>();
  /** The read each repository's last preparation took, for the next date at the same commit. */
  private readonly taken = new Map<string, { key: string; read: Promise<TreeRead> }>();
  /** Git processes this reader runs at once (a workspace of 30 repositories has 390 reads to make). */
  private readonly slots = pLimit(Math.max(2, availableParallelism()));

  /**
   * `loaded`: the histories a caller has loaded, by repository path. Once a repository's is
   * there, commits at a date are read from it instead of from git (one process less per date).
   */
  constructor(
    private readonly store: Store,
    private readonly loaded?: ReadonlyMap<string, readonly StoredCommit[]>,
  ) {}

  /** The commit of the scanned ref at a time (the first-parent commit at or before it). */
  commitAt(scan: RepositoryScan, time: number): Promise<string | null> {
    const key = `${scan.path}\0${scan.head}\0${time}`;
    let found = this.commits.get(key);
    if (!found) {
      const fromHistory = () => {
        const all = this.loaded?.get(scan.path);
        return all ? firstParentAt(historyIndex(all), scan.head, time) : undefined;
      };
      const stored = fromHistory();
      // A read queued behind others may start after the history has loaded: it is answered there.
      found =
        stored !== undefined
          ? Promise.resolve(stored)
          : this.slots(() => {
              const later = fromHistory();
              return later !== undefined
                ? Promise.resolve(later)
                : commitAtTime(scan.path, scan.head, time);
            });
      this.commits.set(key, found);
    }
    return found;
  }

  /**
   * A commit's files (binary flags from the store's cache, else git) and its `.gitattributes`:
   * the read already started, which is then forgotten, or a new one.
   */
  takeTree(scan: RepositoryScan, commit: string): Promise<TreeRead> {
    const key = `${scan.path}\0${commit}`;
    const last = this.taken.get(scan.path);
    if (last?.key === key) return last.read; // dates of a quiet repository share their commit
    const found = this.trees.get(key) ?? this.readTree(scan, commit);
    this.trees.delete(key);
    this.taken.set(scan.path, { key, read: found });
    return found;
  }

  /** Starts reading a commit's files, unless that read is already started and not yet taken. */
  startTree(scan: RepositoryScan, commit: string): void {
    const key = `${scan.path}\0${commit}`;
    if (this.trees.has(key) || this.taken.get(scan.path)?.key === key) return;
    const read = this.readTree(scan, commit);
    read.catch(() => undefined); // held until taken
    this.trees.set(key, read);
  }

  /**
   * Starts the reads of every repository at each time. A read that fails fails again where it is
   * awaited; until then its error is held, not reported.
   */
  prefetch(scans: readonly RepositoryScan[], times: readonly number[]): void {
    for (const time of times)
      for (const scan of scans)
        this.commitAt(scan, time)
          .then((commit) => {
            if (commit === null) return;
            this.startTree(scan, commit);
            return this.trees.get(`${scan.path}\0${commit}`);
          })
          .catch(() => undefined);
  }

  private readTree(scan: RepositoryScan, commit: string): Promise<TreeRead> {
    return this.slots(() => readTree(this.store, scan, commit));
  }
}

export async function readTree(
  store: Store,
  scan: RepositoryScan,
  commit: string,
): Promise<TreeRead> {
  // The first time a repository's .gitattributes is needed, it is read beside the listing instead
  // of after it (one git process less on the way); later dates mostly list the same blob, kept.
  const early =
    !scan.partial && !attributesRead.has(scan.path)
      ? readNamedBlob(scan.path, commit, ".gitattributes")
      : null;
  early?.catch(() => undefined); // awaited below
  attributesRead.add(scan.path);
  const tree = await listTree(scan.path, commit, {
    partial: scan.partial,
    cache: rememberedBinaryFlags(store, await store.binaryCache()),
  });
  // The listing names the top-level .gitattributes' blob: only its content is left to read. One
  // the listing leaves out (none, or a symbolic link) is looked up as any file is.
  const listed = tree.find((file) => file.path === ".gitattributes");
  const read = await early?.catch(() => null);
  if (listed && read?.blob === listed.blob) {
    const found: FileAt = { text: read.text, missing: false };
    attributeBlobs.set(`${scan.path}\0${listed.blob}`, Promise.resolve(found));
    return { tree, gitattributes: found };
  }
  const gitattributes = listed
    ? await attributesBlob(scan.path, listed.blob)
    : await readFileAt(scan.path, commit, ".gitattributes");
  return { tree, gitattributes };
}

/** Repositories whose `.gitattributes` this process has begun to read (see {@link readTree}). */
const attributesRead = new Set<string>();

/**
 * `.gitattributes` contents already read, by repository and blob: the months of a trend mostly
 * list the same one, and a blob's content never changes. A few kilobytes each; an unreadable blob
 * is read again next time.
 */
const attributeBlobs = new Map<string, Promise<FileAt>>();

function attributesBlob(dir: string, blob: string): Promise<FileAt> {
  const key = `${dir}\0${blob}`;
  let read = attributeBlobs.get(key);
  if (!read) {
    read = readBlob(dir, blob);
    attributeBlobs.set(key, read);
    read.then(
      (found) => found.missing && attributeBlobs.delete(key),
      () => attributeBlobs.delete(key),
    );
  }
  return read;
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

/** What each prepared repository reaches, as marks over its history's index. */
const reachable = new WeakMap<PreparedRepository, { index: HistoryIndex; marks: Uint8Array }>();

/** Loads the scanned history of each repository and resolves people across all of them. */
export async function prepareWorkspace(
  scans: RepositoryScan[],
  options: WorkspaceOptions,
): Promise<Workspace> {
  const { store, config } = options;
  const loaded: { scan: RepositoryScan; all: readonly StoredCommit[]; mailmap: string | null }[] =
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
      const at = historyIndex(all).position.get(commit);
      const stored = at === undefined ? undefined : all[at];
      if (!stored) {
        throw new LegibleError(
          "UNKNOWN_REF",
          `${scan.path}: --as-of ${asOf.rev} is not in the history of ${scan.ref}`,
        );
      }
      if (Number.isNaN(asOf.time)) asOf = { ...asOf, time: stored.commitTime };
    } else {
      commit =
        asOf.label === "now"
          ? scan.head
          : await (options.reads?.commitAt(scan, asOf.time) ??
              commitAtTime(scan.path, scan.head, asOf.time));
    }
    const index = historyIndex(all);
    const marks = commit ? reachableFrom(index, commit) : new Uint8Array(index.commits.length);
    const scored = commit
      ? await scoredFiles(
          await (options.reads?.takeTree(scan, commit) ?? readTree(store, scan, commit)),
          config,
          options.filesFrom,
        )
      : { files: emptyFilter(), missing: [] };
    const skipped: PreparedRepository["skipped"] = [];
    const impossibleDates: PreparedRepository["impossibleDates"] = [];
    const reference = asOf.time;
    for (let i = 0; i < marks.length; i++) {
      if (marks[i] === 0) continue;
      const c = index.commits[i]!;
      if (c.skipped !== null) skipped.push({ sha: c.sha, reason: c.skipped });
      if (impossibleTime(c.authorTime, reference) || impossibleTime(c.commitTime, reference))
        impossibleDates.push({ sha: c.sha, authorTime: c.authorTime, commitTime: c.commitTime });
    }
    // Listed when first asked for: the months of a trend read their commits through the marks.
    let commits: StoredCommit[] | undefined;
    const repository: PreparedRepository = {
      scan,
      commit,
      get commits() {
        commits ??= markedCommits(index, marks);
        return commits;
      },
      files: scored.files,
      skipped,
      missingFiles: scored.missing,
      impossibleDates,
    };
    reachable.set(repository, { index, marks });
    prepared.push(repository);
  }

  const identities = resolvedIdentities(
    loaded.map(({ scan, all, mailmap }) =>
      identitySource(
        historyIndex(all),
        scan.path,
        options.mailmap === false ? null : mailmap,
        asOf.time,
      ),
    ),
    identitySettings(options),
  );
  const bots = new Set(
    identities.people.filter((person) => person.isBot).map((person) => person.id),
  );
  const lastActive = new Map<PersonId, number>();
  for (const repository of prepared) {
    const { index, marks } = reachable.get(repository)!;
    const credits = creditedPeople(index, repository.scan.path, identities, bots);
    const { personStart, personList } = credits;
    // By person number; the map gets people in the order their first commit counted.
    const latest = new Float64Array(credits.ids.length).fill(Number.NEGATIVE_INFINITY);
    const order: number[] = [];
    for (let i = 0; i < marks.length; i++) {
      if (marks[i] === 0) continue;
      const time = index.commits[i]!.authorTime;
      if (time > asOf.time || impossibleTime(time, asOf.time)) continue;
      for (let k = personStart[i]!; k < personStart[i + 1]!; k++) {
        const person = personList[k]!;
        if (latest[person] === Number.NEGATIVE_INFINITY) order.push(person);
        if (latest[person]! < time) latest[person] = time;
      }
    }
    for (const person of order) {
      const id = credits.ids[person]!;
      if ((lastActive.get(id) ?? -Infinity) < latest[person]!) lastActive.set(id, latest[person]!);
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
  const out: AuthorshipRecord[] = [];
  eachAuthorshipRecord(workspace, repository, (record) => out.push(record));
  return out;
}

/** Calls `visit` with each of {@link authorshipRecords}, in order, without listing them first. */
export function eachAuthorshipRecord(
  workspace: Workspace,
  repository: PreparedRepository,
  visit: (record: AuthorshipRecord) => void,
): void {
  const { identities, bots } = workspace;
  const known = reachable.get(repository);
  if (known) {
    // Built once per history and identity resolution, then only filtered by what this date reaches.
    const { records, recordCommit } = creditedPeople(
      known.index,
      repository.scan.path,
      identities,
      bots,
    );
    for (let r = 0; r < records.length; r++)
      if (known.marks[recordCommit[r]!] === 1) visit(records[r]!);
    return;
  }
  const records: AuthorshipRecord[] = [];
  for (const commit of repository.commits) {
    if (commit.isMerge || commit.changes.length === 0) continue;
    const people: PersonId[] = [];
    for (const raw of [commit.author, ...commit.coAuthors]) {
      const person = identities.personOf(repository.scan.path, raw);
      if (!bots.has(person) && !people.includes(person)) people.push(person);
    }
    if (people.length > 0) appendChangeRecords(commit, people, records);
  }
  for (const record of records) visit(record);
}

/**
 * Each file's history over the repository's authorship records (what `buildHistories` gives over
 * {@link authorshipRecords}), read from the records of the whole history indexed once: null for a
 * repository prepared without an index.
 */
export function fileHistories(
  workspace: Workspace,
  repository: PreparedRepository,
): FileHistories | null {
  const known = reachable.get(repository);
  if (!known) return null;
  const credits = creditedPeople(
    known.index,
    repository.scan.path,
    workspace.identities,
    workspace.bots,
  );
  return markedHistories(credits, known.marks);
}

/** A prepared repository's history as a graph, and whether the analysed commit reaches a commit. */
export interface HistoryGraph {
  graph: CommitGraph<StoredCommit>;
  reaches: (sha: string) => boolean;
  /** The commit of this hash if the analysed commit reaches it. */
  reached: (sha: string) => StoredCommit | undefined;
}

/**
 * The whole loaded history a prepared repository was cut from, as a graph (its index, already
 * built), and which commits it reaches; a graph of its own commits for one prepared otherwise.
 */
export function historyGraph(repository: PreparedRepository): HistoryGraph {
  const known = reachable.get(repository);
  if (known) {
    const { index, marks } = known;
    const reached = (sha: string) => {
      const at = index.position.get(sha);
      return at !== undefined && marks[at] === 1 ? index.commits[at] : undefined;
    };
    return { graph: index, reaches: (sha) => reached(sha) !== undefined, reached };
  }
  const graph = commitGraph(repository.commits);
  const reached = (sha: string) => {
    const at = graph.position.get(sha);
    return at === undefined ? undefined : graph.commits[at];
  };
  return { graph, reaches: (sha) => graph.position.has(sha), reached };
}

/**
 * Calls `visit` for each commit the repository reaches, in stored order, with the people it
 * credits (its author and co-authors, resolved, bots left out, each once) and whether its author
 * is a bot: read from the credits resolved once per history when there are some.
 */
export function eachCredit(
  workspace: Workspace,
  repository: PreparedRepository,
  visit: (commit: StoredCommit, people: readonly PersonId[], authorIsBot: boolean) => void,
): void {
  const { identities, bots } = workspace;
  const known = reachable.get(repository);
  if (known) {
    const { index, marks } = known;
    const credits = creditedPeople(index, repository.scan.path, identities, bots);
    for (let i = 0; i < marks.length; i++)
      if (marks[i] === 1)
        visit(index.commits[i]!, credits.people[i]!, credits.authorIsBot[i] === 1);
    return;
  }
  for (const commit of repository.commits) {
    const people: PersonId[] = [];
    const author = identities.personOf(repository.scan.path, commit.author);
    if (!bots.has(author)) people.push(author);
    for (const raw of commit.coAuthors) {
      const person = identities.personOf(repository.scan.path, raw);
      if (!bots.has(person) && !people.includes(person)) people.push(person);
    }
    visit(commit, people, bots.has(author));
  }
}

/** The newest author time of the commits a prepared repository reaches (-Infinity: none). */
export function newestAuthorTime(repository: PreparedRepository): number {
  const known = reachable.get(repository);
  let newest = Number.NEGATIVE_INFINITY;
  if (!known) {
    for (const commit of repository.commits) newest = Math.max(newest, commit.authorTime);
    return newest;
  }
  const { index, marks } = known;
  for (let i = 0; i < marks.length; i++)
    if (marks[i] === 1) newest = Math.max(newest, index.commits[i]!.authorTime);
  return newest;
}

/** The index of the whole loaded history a prepared repository was cut from. */
export function historyOf(repository: PreparedRepository): HistoryIndex | undefined {
  return reachable.get(repository)?.index;
}

/** Tallies kept for the repository's history (see TallyMemo), shared by every date analysed. */
export function tallyMemo(repository: PreparedRepository): TallyMemo | undefined {
  return reachable.get(repository)?.index.tallies;
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
 * (`team:<name>`), so every result rolls up by team. In a workspace of several repositories, a
 * team glob written `<repository>:<glob>` applies to that repository alone, as in the roster
 * (app/roster.ts): `repository` names the repository whose files are matched.
 */
export function componentMatchers(
  config: Config,
  repository?: { keys: AreaKeys; name: string },
): { name: string; matches: (path: string) => boolean }[] {
  const components = Object.entries(config.areas.components).map(([name, globs]) => ({
    name,
    matches: picomatch(globs, { dot: true }),
  }));
  const teams = Object.entries(config.teams).flatMap(([name, team]) => {
    const globs = team.areas.flatMap((glob) => {
      if (!repository?.keys.qualified) return [glob];
      const scoped = repository.keys.split(glob);
      return scoped.repository === null || scoped.repository === repository.name
        ? [scoped.area]
        : [];
    });
    return globs.length === 0
      ? []
      : [{ name: `team:${name}`, matches: picomatch(globs, { dot: true }) }];
  });
  return [...components, ...teams];
}

/** Stored commits reachable from `tip`, in stored (parents-first) order. */
export function ancestors(all: readonly StoredCommit[], tip: string): StoredCommit[] {
  const index = historyIndex(all);
  return markedCommits(index, reachableFrom(index, tip));
}

export function scoredFiles(
  { tree, gitattributes }: TreeRead,
  config: Config,
  filesFrom: string[] | null,
): { files: FileFilterResult; missing: string[] } {
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

/** Binary flags already read in this process, by store: each date analysed lists mostly the same blobs. */
const binaryFlags = new WeakMap<object, Map<string, boolean>>();

function rememberedBinaryFlags(store: object, cache: BinaryCache): BinaryCache {
  let known = binaryFlags.get(store);
  if (!known) {
    known = new Map();
    binaryFlags.set(store, known);
  }
  const memo = known;
  return {
    async get(blobs) {
      const found = new Map<string, boolean>();
      const asked: string[] = [];
      for (const blob of blobs) {
        const binary = memo.get(blob);
        if (binary === undefined) asked.push(blob);
        else found.set(blob, binary);
      }
      if (asked.length > 0) {
        for (const [blob, binary] of await cache.get(asked)) {
          memo.set(blob, binary);
          found.set(blob, binary);
        }
      }
      return found;
    },
    async put(entries) {
      for (const [blob, binary] of entries) memo.set(blob, binary);
      await cache.put(entries);
    },
  };
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

/** How identities are resolved: the configured aliases and bot patterns, the rule in force. */
export function identitySettings(options: Pick<WorkspaceOptions, "config" | "identityRule">): {
  aliases: AliasSpec[];
  rule: IdentityRule;
  botPatterns: RegExp[];
} {
  const { config } = options;
  return {
    aliases: config.identity.aliases.map((alias) => ({
      name: alias.name,
      emails: alias.emails,
      names: alias.names,
    })),
    rule: options.identityRule ?? config.identity.rule,
    botPatterns: configuredBotPatterns(config),
  };
}

/**
 * Identity resolutions already made, by their inputs: the sources (shared objects, see
 * history-index.ts) and the configured aliases, rule and bot patterns. Every date of a trend or a
 * review whose sources are the same gets the same resolution, computed once.
 */
const resolutions = new WeakMap<
  IdentitySource,
  Map<string, { sources: IdentitySource[]; resolution: IdentityResolution }>
>();

export function resolvedIdentities(
  sources: IdentitySource[],
  settings: { aliases: AliasSpec[]; rule: IdentityRule; botPatterns: RegExp[] },
): IdentityResolution {
  const first = sources[0];
  if (!first) return resolveIdentities({ sources, ...settings });
  const key = JSON.stringify([
    settings.aliases,
    settings.rule,
    settings.botPatterns.map((pattern) => `${pattern.source}/${pattern.flags}`),
  ]);
  let byKey = resolutions.get(first);
  if (!byKey) {
    byKey = new Map();
    resolutions.set(first, byKey);
  }
  const kept = byKey.get(key);
  const same =
    kept !== undefined &&
    kept.sources.length === sources.length &&
    kept.sources.every((source, i) => source === sources[i]);
  if (same) return kept.resolution;
  const resolution = resolveIdentities({ sources, ...settings });
  byKey.set(key, { sources, resolution });
  return resolution;
}
