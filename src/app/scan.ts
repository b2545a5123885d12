import pLimit, { type LimitFunction } from "p-limit";
import type { CommitRow } from "../core/model.js";
import { uniqueRepositoryNames } from "../core/repositories/names.js";
import { storageError } from "../errors.js";
import { readChanges } from "../sources/git/changes.js";
import { readRawDates, streamCommits } from "../sources/git/commits.js";
import {
  type HistoryEntry,
  type HistoryList,
  type HistoryRange,
  type HistoryStream,
  splitList,
  splitRange,
  startHistory,
  unstoredCommits,
} from "../sources/git/history.js";
import {
  commitsExist,
  countCommits,
  isAncestor,
  openRepository,
  type RepositoryInfo,
  readFileAt,
} from "../sources/git/repository.js";
import { firstLine, interrupted } from "../sources/git/run.js";
import { PACK_COMMITS } from "../store/history-pack.js";
import type { Store } from "../store/store.js";

export interface ScanOptions {
  store: Store;
  /** Revision to scan in every repository; default HEAD. */
  ref?: string;
  /** git's rename limit (0 = unlimited). */
  renameLimit: number;
  /** How many git processes may run at once (default: the number of cores). */
  parallelism: number;
  signal?: AbortSignal;
  onProgress?: (event: ScanProgress) => void;
  /**
   * Called after each batch of commits is committed to the store (its checkpoint moved); the scan
   * waits for it, and a rejection stops the scan with that error. For the CLI's test hooks.
   */
  afterBatch?: () => Promise<void> | void;
  /** Git processes a scan may run at once, shared between repositories (default: `workers`). */
  slots?: GitSlots;
  /** Commits per stored batch (default 2500); small values only make tests of interruption fast. */
  batchSize?: number;
  /**
   * Read each repository's history as exactly this many ranges, however short (default: one per
   * worker, for a first-parent line of at least 2,000 commits per range). For tests.
   */
  ranges?: number;
  now: () => Date;
}

export interface ScanProgress {
  repository: string;
  done: number;
  total: number;
}

export type ScanMode = "up-to-date" | "full" | "incremental" | "resumed" | "rewritten";

/** A repository to scan: its path, and the display name legible.yaml gives it (null: none). */
export interface RepositoryTarget {
  path: string;
  name: string | null;
}

/** What one repository's scan did; the data behind `legible scan --json`. */
export interface RepositoryScan {
  path: string;
  /**
   * Display name, unique in the workspace: configured, else `owner/name` from the origin remote,
   * else the folder; colliding names are told apart by their folders (core/repositories/names.ts).
   */
  name: string;
  ref: string;
  head: string;
  mode: ScanMode;
  /** Commits read in this run (merges included). */
  newCommits: number;
  /** Commits stored for the repository after the run. */
  storedCommits: number;
  /** Commits whose trees or blobs git could not read; they carry no file changes. */
  skipped: { sha: string; reason: string }[];
  shallow: boolean;
  partial: boolean;
  /** False when renames could not be followed (a partial clone has no blobs to compare). */
  renames: boolean;
  /** Replace refs and a grafts file found in the repository; legible ignored them (see RepositoryInfo). */
  rewrites: RepositoryInfo["rewrites"];
  /** Files at the head whose content git lacks and legible needed (`.mailmap`); nothing is fetched. */
  unreadable: string[];
  seconds: number;
}

/** Commits stored in one transaction: one history pack each. */
const BATCH = PACK_COMMITS;
const RESUMES = "what was stored is consistent; the next scan continues from there";

/** Scans one repository into the store: only what is new since the last scan of the same ref. */
export async function scanRepository(
  target: string | RepositoryTarget,
  options: ScanOptions & { workers: number },
): Promise<RepositoryScan> {
  const [opened] = await openRepositories([target], options.ref);
  return scanOpened(opened!.info, opened!.name, options);
}

/**
 * Opens every repository at `ref` and decides its display name once for the whole workspace: no two
 * repositories share one, and the same set of repositories gets the same names on every run.
 */
export async function openRepositories(
  targets: (string | RepositoryTarget)[],
  ref = "HEAD",
): Promise<{ info: RepositoryInfo; name: string }[]> {
  const normalised = targets.map((t) => (typeof t === "string" ? { path: t, name: null } : t));
  const limit = pLimit(8);
  const infos = await Promise.all(normalised.map((t) => limit(() => openRepository(t.path, ref))));
  const names = uniqueRepositoryNames(
    infos.map((info, i) => ({
      path: info.path,
      configured: normalised[i]!.name,
      originUrl: info.originUrl,
    })),
  );
  return infos.map((info, i) => ({ info, name: names[i]! }));
}

async function scanOpened(
  opened: RepositoryInfo,
  name: string,
  options: ScanOptions & { workers: number },
): Promise<RepositoryScan> {
  const started = performance.now();
  const info = { ...opened, name };
  const { store } = options;
  // git reads the .mailmap while the store is asked about the repository.
  const reading = readFileAt(info.path, info.head, ".mailmap");
  reading.catch(() => undefined); // awaited below
  const repository = await store.upsertRepository({
    path: info.path,
    name: info.name,
    bare: info.bare,
    shallow: info.shallow,
    partial: info.partial,
  });
  const previous = await store.scan(repository.id, info.ref);
  const renames = !info.partial;
  const result = async (
    mode: ScanMode,
    newCommits: number,
    skipped: RepositoryScan["skipped"],
  ): Promise<RepositoryScan> => ({
    path: info.path,
    name: info.name,
    ref: info.ref,
    head: info.head,
    mode,
    newCommits,
    storedCommits: await store.commitCount(repository.id),
    skipped,
    shallow: info.shallow,
    partial: info.partial,
    renames,
    rewrites: info.rewrites,
    unreadable: (await reading).missing ? [".mailmap"] : [],
    seconds: (performance.now() - started) / 1000,
  });
  if (previous?.tip === info.head && previous.target === null) return result("up-to-date", 0, []);

  let mode: ScanMode = previous?.tip ? "incremental" : previous?.checkpoint ? "resumed" : "full";
  // Both questions at once; the boundaries are asked again in the rare case of a rewrite.
  const descends = previous?.tip ? isAncestor(info.path, previous.tip, info.head) : true;
  const known = knownBoundaries(store, repository.id, info);
  known.catch(() => undefined); // awaited below
  let boundaries: string[];
  if (!(await descends)) {
    // Force-push or rebase: the stored history is no longer this ref's past. Start over.
    await known.catch(() => undefined);
    await store.resetHistory(repository.id);
    mode = "rewritten";
    boundaries = await knownBoundaries(store, repository.id, info);
  } else boundaries = await known;
  // A first scan of this ref that starts from commits another ref's scan stored reads only what is
  // new: incremental, not full.
  if (mode === "full" && boundaries.length > 0) mode = "incremental";
  const mailmap = await reading;
  await store.beginScan(repository.id, info.ref, info.head, renames, mailmap.text);

  const { read, skipped } = await readAndStore(
    info,
    { tip: info.head, exclude: boundaries },
    repository.id,
    { ...options, renames },
  );
  await store.finishScan(
    repository.id,
    info.ref,
    info.head,
    Math.floor(options.now().getTime() / 1000),
  );
  return result(mode, read, skipped);
}

/**
 * Commits whose whole past is already stored, to exclude from the walk. Normally the tips of
 * finished scans. After an interruption, the tips and the checkpoint are not enough: the walk is
 * topological, so commits of side branches stored before the cut are not ancestors of the
 * checkpoint, and excluding only the checkpoint re-read them (77,500 of 81,966 stored, 81,273
 * re-read). Then the boundaries are the stored heads — stored commits no stored commit descends
 * from — so the walk reads exactly what is not stored. Any that no longer exists is ignored.
 */
async function knownBoundaries(
  store: Store,
  repositoryId: number,
  info: RepositoryInfo,
): Promise<string[]> {
  const candidates = new Set<string>();
  const scans = await store.scans(repositoryId);
  for (const scan of scans) if (scan.tip) candidates.add(scan.tip);
  if (scans.some((scan) => scan.checkpoint))
    for (const sha of await store.storedHeads(repositoryId)) candidates.add(sha);
  const present = await commitsExist(info.path, [...candidates]);
  return [...candidates].filter((sha) => present.has(sha));
}

/**
 * The scan pipeline. An incremental scan first lists its new commits (unstoredCommits: no walk of
 * the stored history, which on git/git cost more than reading 1,000 new commits) and cuts a long
 * list into consecutive parts; a full scan, or an incremental one with more than LISTED_AT_MOST new
 * commits, splits its range along the tip's first-parent line into RANGES_PER_WORKER ranges per
 * worker (a small range stays whole). Each part is read by one `git log` process
 * that prints commits with their file changes (sources/git/history.ts); one git per worker runs at
 * a time, so git uses every core. Each git writes to its own spool file and never waits for node;
 * range 0 is stored as git writes it, each later range once the ranges before it are stored, so
 * what is stored is always closed under ancestry. Batches of BATCH commits go into the store in
 * walk order, each in one transaction that also moves the checkpoint.
 *
 * When a git process fails (a tree or blob git cannot read), the others are stopped, and
 * everything not yet stored is read by the batch pipeline below, which isolates the commits git
 * cannot read and skips only those.
 */
async function readAndStore(
  info: RepositoryInfo,
  range: { tip: string; exclude: string[] },
  repositoryId: number,
  options: ScanOptions & { workers: number; renames: boolean },
): Promise<{ read: number; skipped: RepositoryScan["skipped"] }> {
  const batchSize = options.batchSize ?? BATCH;
  // An incremental scan reads its new commits as a list (sources/git/history.ts's
  // unstoredCommits): no walk of the stored history; a long list is cut into parts like a range.
  const listed =
    range.exclude.length > 0
      ? await unstoredCommits(
          info.path,
          range.tip,
          (shas) => options.store.storedAmong(repositoryId, shas),
          { limit: LISTED_AT_MOST, ...(options.signal ? { signal: options.signal } : {}) },
        )
      : null;
  let total = listed?.length ?? 0;
  if (options.onProgress && !listed)
    countCommits(info.path, range).then(
      (n) => {
        total = n;
      },
      () => undefined,
    );
  // Stops this scan's git processes when the caller aborts or a write fails.
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  const historyOptions = {
    renames: options.renames,
    renameLimit: options.renameLimit,
    signal: stop.signal,
  };
  const splitting: Promise<(HistoryRange | HistoryList)[]> = listed
    ? Promise.resolve(
        splitList(
          listed,
          options.ranges ??
            Math.min(options.workers * RANGES_PER_WORKER, Math.floor(listed.length / BATCH)),
        ),
      )
    : options.ranges
      ? splitRange(info.path, range, options.ranges, 1)
      : splitRange(
          info.path,
          range,
          options.workers * RANGES_PER_WORKER,
          MIN_FIRST_PARENT_PER_RANGE,
        );
  splitting.catch(() => undefined); // awaited below
  // What is stored so far: a count, and its heads (the commits no stored commit names as a parent),
  // where a failed git's rest is read from. Not the commits themselves: holding git/git's 82,000
  // made every garbage collection slower.
  let stored = 0;
  const heads = new Set<string>();
  let writing: Promise<void> = Promise.resolve();
  let queued = 0;
  const write = (entries: HistoryEntry[]) => {
    queued += 1;
    writing = writing.then(async () => {
      const commits = entries.map((entry) => entry.commit);
      // Dates git's log cannot print (before 1970) come from the raw headers; rare.
      await readRawDates(info.path, commits);
      await options.store.writeBatch(
        repositoryId,
        info.ref,
        entries.map((entry) => ({ commit: entry.commit, changes: entry.changes, skipped: null })),
      );
      queued -= 1;
      for (const commit of commits) {
        // Parents come before their children: a commit's parents are no longer heads.
        for (const parent of commit.parents) heads.delete(parent);
        heads.add(commit.sha);
      }
      stored += commits.length;
      options.onProgress?.({
        repository: info.name,
        done: stored,
        total: Math.max(total, stored),
      });
      await options.afterBatch?.();
    });
    // Awaited below; a failed write (disk full, an interrupt from a hook) stops git meanwhile.
    writing.catch((error) => {
      writeError ??= error;
      stop.abort();
    });
  };
  // Reading waits while batches queue up for a store slower than git (PostgreSQL over a network),
  // so memory stays bounded; with SQLite a batch is written before the next chunk is read.
  const keepUp = () => (queued > 1 ? writing.catch(() => undefined) : undefined);
  let writeError: unknown = null;
  let failure: string | null = null;
  const streams: Promise<HistoryStream | null>[] = [];
  const launched: Promise<HistoryStream>[] = [];
  let ranges: (HistoryRange | HistoryList)[] = [];
  let closed = false;
  try {
    // Each range's git starts when one of the git slots is free (`workers` of them, or the slots
    // the whole workspace shares) and holds it until it ends, writing its spool file at full
    // speed. The ranges are read and stored in order: range 0 as git prints it, each later one
    // from where its git has got to.
    ranges = await splitting;
    const slots = options.slots ?? gitSlots(options.workers);
    for (const part of ranges) {
      const opening = new Promise<HistoryStream | null>((resolve, reject) => {
        const held = slots(async () => {
          if (closed || stop.signal.aborted) return resolve(null); // stopped meanwhile
          const started = startHistory(info.path, part, historyOptions);
          launched.push(started);
          started.then(resolve, reject);
          await started.then(
            (stream) => stream.ended,
            () => undefined,
          );
        });
        held.catch(() => undefined); // the task reports its own failures through `opening`
      });
      opening.catch(() => undefined); // awaited in order below
      streams.push(opening);
    }
    let batch: HistoryEntry[] = [];
    const add = (entry: HistoryEntry) => {
      batch.push(entry);
      if (batch.length >= batchSize) {
        write(batch);
        batch = [];
      }
    };
    let complete = true;
    for (let index = 0; index < ranges.length; index++) {
      const outcome = await streams[index]!.then((opened) => {
        // Not started: the scan was stopped (by the user, or by a failed write).
        if (opened === null) throw interrupted();
        return opened.read(add, keepUp);
      }).catch(async (error) => {
        // git was stopped: by a failed write (its error tells why) or by the user.
        await writing.catch(() => undefined);
        throw writeError ?? error;
      });
      if (outcome.code !== 0) {
        // The commits not yet written are read again below.
        failure = firstLine(outcome.stderr);
        complete = false;
        break;
      }
    }
    if (complete && batch.length > 0) write(batch);
    await writing;
    if (options.signal?.aborted) throw interrupted();
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    closed = true; // no git starts after this; ranges still waiting for a slot give it back
    await Promise.all(
      launched.map((stream) => stream.then((opened) => opened.dispose()).catch(() => undefined)),
    );
  }
  if (failure === null) return { read: stored, skipped: [] };
  // git could not read something: what is stored is a parents-first prefix of the walk; read the
  // rest commit batch by commit batch, skipping only what git cannot read.
  const rest = await readAndStoreInBatches(
    info,
    { tip: range.tip, exclude: [...range.exclude, ...heads] },
    repositoryId,
    options,
    stored,
  );
  return { read: stored + rest.read, skipped: rest.skipped };
}

/**
 * Ranges per git that may run at once. Ranges cut evenly along the first-parent line are not even
 * in work: on git/git the newer half holds 60% of the commits and took git twice as long, so one
 * range per core left a core idle for the last third of the scan. With two ranges per core, taken
 * in turn by whichever git is free, the gits end within a second of each other (measured on
 * git/git: 8.6–8.7 s against 9.4–10.4 s, and 9.5–10.3 s for three per core, whose extra walks
 * cost more).
 */
const RANGES_PER_WORKER = 2;

/**
 * Commits `git rev-list` may print before an incremental scan gives up listing its new commits and
 * walks its range instead, split along the first-parent line. Listing prints before any diff
 * starts (all of git/git: 1.6 s), where the ranges' gits start at once: resuming a git/git scan
 * stopped at 10,000 commits took 9.4–9.6 s listed and 8.9–9.5 s by ranges.
 */
const LISTED_AT_MOST = 20_000;

/** A first-parent line shorter than this per range is not split (a small scan runs one git). */
const MIN_FIRST_PARENT_PER_RANGE = 2000;

/**
 * The batch pipeline, for histories git cannot read whole: the commit walk streams in; every
 * BATCH commits, the batch's file changes are read by a `git diff-tree` process (up to `workers`
 * at once), which isolates the commits whose trees or blobs are missing; batches are stored
 * strictly in walk order, each in one transaction that also moves the checkpoint.
 */
async function readAndStoreInBatches(
  info: RepositoryInfo,
  range: { tip: string; exclude: string[] },
  repositoryId: number,
  options: ScanOptions & { workers: number; renames: boolean },
  alreadyStored: number,
): Promise<{ read: number; skipped: RepositoryScan["skipped"] }> {
  const limit = pLimit(Math.max(1, options.workers));
  const total = options.onProgress ? alreadyStored + (await countCommits(info.path, range)) : 0;
  const skipped: RepositoryScan["skipped"] = [];
  const signal = options.signal ? { signal: options.signal } : {};
  let batch: CommitRow[] = [];
  let read = 0;
  let stored = alreadyStored;
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    const commits = batch;
    batch = [];
    const nonMerge = commits
      .filter((commit) => commit.parents.length < 2)
      .map((commit) => commit.sha);
    const changes = limit(() =>
      readChanges(info.path, nonMerge, {
        renames: options.renames,
        renameLimit: options.renameLimit,
        ...signal,
      }),
    );
    changes.catch(() => undefined); // awaited in order below; a failure must not go unhandled meanwhile
    // Dates git's log cannot print (before 1970) come from the raw headers; rare, so no process otherwise.
    const dated = readRawDates(info.path, commits);
    dated.catch(() => undefined);
    writing = writing.then(async () => {
      await dated;
      const outcome = await changes;
      const reasons = new Map(outcome.skipped.map((entry) => [entry.sha, entry.reason]));
      skipped.push(...outcome.skipped);
      await options.store.writeBatch(
        repositoryId,
        info.ref,
        commits.map((commit) => ({
          commit,
          changes: outcome.changes.get(commit.sha) ?? [],
          skipped: reasons.get(commit.sha) ?? null,
        })),
      );
      stored += commits.length;
      options.onProgress?.({ repository: info.name, done: stored, total: Math.max(total, read) });
      await options.afterBatch?.();
    });
    writing.catch(() => undefined); // awaited after the walk, likewise
  };
  await streamCommits(
    info.path,
    range,
    (commit) => {
      batch.push(commit);
      read += 1;
      if (batch.length >= (options.batchSize ?? BATCH)) flush();
    },
    options.signal,
  );
  if (batch.length > 0) flush();
  await writing;
  return { read, skipped };
}

/**
 * Scans several repositories (paths, or paths with a configured name), in parallel up to
 * `parallelism` git processes; results come in the order given, each with its display name.
 */
export async function scanRepositories(
  targets: (string | RepositoryTarget)[],
  options: ScanOptions,
): Promise<RepositoryScan[]> {
  const opened = await openRepositories(targets, options.ref);
  const lanes = Math.max(1, Math.min(options.parallelism, opened.length));
  // The git processes of every lane share the cores: when the small repositories of a workspace
  // are done, the long history still being read gets them all (a fixed share per lane left a core
  // idle while git/git was read beside express and flask).
  const workers = Math.max(1, options.parallelism);
  const slots = gitSlots(workers);
  const results: RepositoryScan[] = new Array(opened.length);
  let next = 0;
  const lane = async () => {
    while (next < opened.length) {
      const index = next++;
      const { info, name } = opened[index]!;
      results[index] = await scanOpened(info, name, { ...options, workers, slots });
    }
  };
  try {
    await options.store.bulkWrites(() => Promise.all(Array.from({ length: lanes }, lane)));
  } catch (error) {
    // The store's own failures (SQLITE_FULL on a full disk, read-only...): one line naming it.
    const sqlite = String((error as { code?: unknown } | null)?.code).startsWith("SQLITE_");
    throw (sqlite && storageError(error, options.store.path, RESUMES)) || error;
  }
  return results;
}

/**
 * Slots for the git processes that may run at once (p-limit): a task starts when a slot is free
 * and keeps it until the promise it returns settles; waiting tasks start in the order given.
 */
export type GitSlots = LimitFunction;

/** `size` git slots, at least one. */
export function gitSlots(size: number): GitSlots {
  return pLimit(Math.max(1, size));
}
