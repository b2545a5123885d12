import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import Database from "better-sqlite3";
import type { CommitRow, FileChangeRow } from "../core/model.js";
import { isLegibleError, LegibleError, storageError } from "../errors.js";
import type { BinaryCache } from "../sources/git/tree.js";
import { DeliveryStore } from "./delivery.js";
import { DEFAULT_BUSY_TIMEOUT_MS, WriteLock } from "./lock.js";
import { MIGRATIONS } from "./schema.js";
import { SignalStore } from "./signals.js";

export interface RepositoryRow {
  id: number;
  path: string;
  name: string;
  bare: boolean;
  shallow: boolean;
  partial: boolean;
}

export interface ScanRow {
  repositoryId: number;
  ref: string;
  tip: string | null;
  target: string | null;
  checkpoint: string | null;
  renames: boolean;
  mailmap: string | null;
  finishedAt: number | null;
}

/** A commit as loaded for analysis: metadata plus its file changes. */
export interface StoredCommit extends CommitRow {
  isMerge: boolean;
  skipped: string | null;
  changes: FileChangeRow[];
}

export interface StoreOptions {
  /**
   * How long a write waits for another process's write lock before failing with DATABASE_BUSY
   * (default one minute).
   */
  busyTimeoutMs?: number;
}

/**
 * The embedded store: one SQLite file (WAL mode). Every write that belongs together happens in one
 * transaction, so a killed process leaves the last committed state, never half a batch. Several
 * processes may use one file at once: readers never wait, and every write transaction takes the
 * write lock first (`BEGIN IMMEDIATE`), waiting for it up to the busy timeout (lock.ts).
 */
export class SqliteStore {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly lock: WriteLock;
  private deliveryStore: DeliveryStore | undefined;
  private signalStore: SignalStore | undefined;
  private insertChanges: Database.Statement | undefined;

  private constructor(path: string, db: Database.Database, lock: WriteLock) {
    this.path = path;
    this.db = db;
    this.lock = lock;
  }

  /**
   * Opens (creating it and its folder if needed) the database at `path`. Any path that cannot hold
   * a database (a directory, a parent that is a file, /proc, a read-only or full disk) fails at
   * once with a one-line error naming it. `busyTimeoutMs` is how long a write waits for another
   * process's lock; `maxPageCount` caps the file's size in pages (SQLite's `max_page_count`): past
   * it a write fails with SQLITE_FULL, as on a full disk; for tests.
   */
  static open(path: string, options: StoreOptions & { maxPageCount?: number } = {}): SqliteStore {
    const timeout = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    let db: Database.Database;
    try {
      if (path !== ":memory:") prepareFolder(path);
      // The timeout applies from the first statement: switching a new file to WAL takes a lock too.
      db = new Database(path, { timeout });
    } catch (error) {
      if (isLegibleError(error)) throw error;
      throw cannotOpen(error, path);
    }
    const lock = new WriteLock(db, path, timeout);
    try {
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.pragma("foreign_keys = ON");
    } catch (error) {
      db.close();
      const translated = lock.translate(error);
      throw translated !== error ? translated : cannotOpen(error, path);
    }
    const store = new SqliteStore(path, db, lock);
    try {
      store.migrate();
    } catch (error) {
      db.close();
      throw lock.translate(error);
    }
    if (options.maxPageCount) db.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`);
    return store;
  }

  /** Pull requests, deployments, incidents, fetch checkpoints and import runs. */
  get delivery(): DeliveryStore {
    this.deliveryStore ??= new DeliveryStore(this.db, this.lock);
    return this.deliveryStore;
  }

  /** Commit-message signals (review and help trailers, reverts), written with their commits. */
  get signals(): SignalStore {
    this.signalStore ??= new SignalStore(this.db);
    return this.signalStore;
  }

  close(): void {
    this.db.close();
  }

  /**
   * SQLite's `PRAGMA data_version`: changes whenever another connection (another legible process:
   * a scan, an import, a fetch) commits to the file. A long-lived reader (the dashboard) keys its
   * caches on it.
   */
  dataVersion(): number {
    return this.db.pragma("data_version", { simple: true }) as number;
  }

  /**
   * Applies the migrations not yet run. The version is read again once the write lock is held, so
   * that of several processes opening a new file at once, exactly one migrates it.
   */
  private migrate(): void {
    const version = () => {
      const current = this.db.pragma("user_version", { simple: true }) as number;
      if (current > MIGRATIONS.length) {
        throw new LegibleError(
          "BAD_INPUT",
          `${this.path}: the database was written by a newer legible (schema ${current})`,
          "upgrade legible or point --db at another file",
        );
      }
      return current;
    };
    if (version() === MIGRATIONS.length) return;
    this.lock.run(() => {
      const current = version();
      for (const sql of MIGRATIONS.slice(current)) this.db.exec(sql);
      this.db.pragma(`user_version = ${MIGRATIONS.length}`);
    });
  }

  upsertRepository(info: Omit<RepositoryRow, "id">): RepositoryRow {
    const known = this.repository(info.path);
    if (
      known &&
      known.name === info.name &&
      known.bare === info.bare &&
      known.shallow === info.shallow &&
      known.partial === info.partial
    )
      return known; // unchanged: no write, no lock
    return this.lock.run(() => {
      this.db
        .prepare(
          `INSERT INTO repositories (path, name, bare, shallow, partial, commit_count) VALUES (@path, @name, @bare, @shallow, @partial, 0)
         ON CONFLICT(path) DO UPDATE SET name = excluded.name, bare = excluded.bare, shallow = excluded.shallow, partial = excluded.partial`,
        )
        .run({
          ...info,
          bare: Number(info.bare),
          shallow: Number(info.shallow),
          partial: Number(info.partial),
        });
      return this.repository(info.path)!;
    });
  }

  repository(path: string): RepositoryRow | null {
    const row = this.db.prepare("SELECT * FROM repositories WHERE path = ?").get(path) as
      | Record<string, unknown>
      | undefined;
    return row ? toRepository(row) : null;
  }

  repositories(): RepositoryRow[] {
    const rows = this.db.prepare("SELECT * FROM repositories ORDER BY path").all() as Record<
      string,
      unknown
    >[];
    return rows.map(toRepository);
  }

  scan(repositoryId: number, ref: string): ScanRow | null {
    const row = this.db
      .prepare("SELECT * FROM scans WHERE repository_id = ? AND ref = ?")
      .get(repositoryId, ref) as Record<string, unknown> | undefined;
    return row ? toScan(row) : null;
  }

  scans(repositoryId: number): ScanRow[] {
    const rows = this.db
      .prepare("SELECT * FROM scans WHERE repository_id = ?")
      .all(repositoryId) as Record<string, unknown>[];
    return rows.map(toScan);
  }

  /** Marks a scan of `ref` as under way towards `target`, keeping an earlier checkpoint. */
  beginScan(
    repositoryId: number,
    ref: string,
    target: string,
    renames: boolean,
    mailmap: string | null,
  ): void {
    const begin = this.db.prepare(
      `INSERT INTO scans (repository_id, ref, target, renames, mailmap) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(repository_id, ref) DO UPDATE SET target = excluded.target, renames = excluded.renames, mailmap = excluded.mailmap`,
    );
    this.lock.run(() => begin.run(repositoryId, ref, target, Number(renames), mailmap));
  }

  /** Stores a batch of commits (parents before children) and moves the scan's checkpoint, atomically. */
  writeBatch(
    repositoryId: number,
    ref: string,
    batch: { commit: CommitRow; changes: FileChangeRow[]; skipped: string | null }[],
  ): void {
    const insertCommit = this.db.prepare(
      `INSERT OR IGNORE INTO commits (repository_id, sha, parents, author_name, author_email, author_time, commit_time, subject, is_merge, skipped)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertCoAuthor = this.db.prepare(
      "INSERT INTO co_authors (commit_id, name, email) VALUES (?, ?, ?)",
    );
    const insertChange = this.db.prepare(
      "INSERT INTO file_changes (commit_id, kind, path, old_path) VALUES (?, ?, ?, ?)",
    );
    const insertSignals = this.signals.writer();
    // Change rows go CHANGE_ROWS at a time: one statement call per row cost as much as SQLite's work.
    this.insertChanges ??= this.db.prepare(
      `INSERT INTO file_changes (commit_id, kind, path, old_path) VALUES ${Array.from({ length: CHANGE_ROWS }, () => "(?, ?, ?, ?)").join(", ")}`,
    );
    const insertChanges = this.insertChanges;
    const pending: unknown[] = [];
    const moveCheckpoint = this.db.prepare(
      "UPDATE scans SET checkpoint = ? WHERE repository_id = ? AND ref = ?",
    );
    const addToCount = this.db.prepare(
      "UPDATE repositories SET commit_count = commit_count + ? WHERE id = ?",
    );
    let inserted = 0;
    this.lock.run(() => {
      for (const { commit, changes, skipped } of batch) {
        const result = insertCommit.run(
          repositoryId,
          commit.sha,
          commit.parents.join(" "),
          commit.author.name,
          commit.author.email,
          commit.authorTime,
          commit.commitTime,
          commit.subject,
          Number(commit.parents.length > 1),
          skipped,
        );
        if (result.changes === 0) continue; // already stored by an earlier, interrupted scan
        inserted += 1;
        const id = result.lastInsertRowid;
        for (const person of commit.coAuthors) insertCoAuthor.run(id, person.name, person.email);
        insertSignals(id, commit.signals);
        for (const change of changes) {
          pending.push(id, change.kind, change.path, change.oldPath);
          if (pending.length === CHANGE_ROWS * 4) {
            insertChanges.run(pending);
            pending.length = 0;
          }
        }
      }
      for (let i = 0; i < pending.length; i += 4)
        insertChange.run(pending[i], pending[i + 1], pending[i + 2], pending[i + 3]);
      const last = batch.at(-1);
      if (last) moveCheckpoint.run(last.commit.sha, repositoryId, ref);
      if (inserted > 0) addToCount.run(inserted, repositoryId); // NULL stays NULL: counted on read
    });
  }

  /**
   * Runs `work` (a scan) with SQLite's automatic WAL checkpoints off: they copied the same hot index
   * pages back into the database after every batch (a third of the scan's write time). Afterwards
   * automatic checkpoints resume, and closing the database (or the next write) checkpoints once.
   */
  async bulkWrites<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.db.pragma("wal_autocheckpoint", { simple: true }) as number;
    this.db.pragma("wal_autocheckpoint = 0");
    try {
      return await work();
    } finally {
      this.db.pragma(`wal_autocheckpoint = ${previous}`);
    }
  }

  /** Records that every commit reachable from `tip` is stored. */
  finishScan(repositoryId: number, ref: string, tip: string, now: number): void {
    const finish = this.db.prepare(
      "UPDATE scans SET tip = ?, target = NULL, checkpoint = NULL, finished_at = ? WHERE repository_id = ? AND ref = ?",
    );
    this.lock.run(() => finish.run(tip, now, repositoryId, ref));
  }

  /** Forgets everything stored for a repository's history (used when its history was rewritten). */
  resetHistory(repositoryId: number): void {
    this.lock.run(() => {
      const ofRepository = "SELECT id FROM commits WHERE repository_id = ?";
      this.signals.deleteFor(repositoryId);
      this.db
        .prepare(`DELETE FROM file_changes WHERE commit_id IN (${ofRepository})`)
        .run(repositoryId);
      this.db
        .prepare(`DELETE FROM co_authors WHERE commit_id IN (${ofRepository})`)
        .run(repositoryId);
      this.db.prepare("DELETE FROM commits WHERE repository_id = ?").run(repositoryId);
      this.db.prepare("DELETE FROM scans WHERE repository_id = ?").run(repositoryId);
      this.db.prepare("UPDATE repositories SET commit_count = 0 WHERE id = ?").run(repositoryId);
    });
  }

  /**
   * The stored commits that no stored commit names as a parent. What is stored is closed under
   * ancestry (every scan stores a parents-first prefix of its walk), so it is exactly what these
   * heads reach: a walk that excludes them reads only what is not stored.
   */
  storedHeads(repositoryId: number): string[] {
    const shas: string[] = [];
    const parents = new Set<string>();
    const rows = this.db
      .prepare("SELECT sha, parents FROM commits WHERE repository_id = ?")
      .raw()
      .iterate(repositoryId) as IterableIterator<[string, string]>;
    for (const [sha, parentList] of rows) {
      shas.push(sha);
      if (parentList !== "") for (const parent of parentList.split(" ")) parents.add(parent);
    }
    return shas.filter((sha) => !parents.has(sha));
  }

  /** Commits stored for a repository: the count writes keep, counted once for an older database. */
  commitCount(repositoryId: number): number {
    const read = () =>
      (
        this.db
          .prepare("SELECT commit_count AS n FROM repositories WHERE id = ?")
          .get(repositoryId) as { n: number | null } | undefined
      )?.n ?? null;
    const kept = read();
    if (kept !== null) return kept;
    this.lock.run(() =>
      this.db
        .prepare(
          "UPDATE repositories SET commit_count = (SELECT count(*) FROM commits WHERE repository_id = ?) WHERE id = ?",
        )
        .run(repositoryId, repositoryId),
    );
    return read() ?? 0;
  }

  /**
   * Every stored commit of a repository with its changes, for the pure analyses, in the order they
   * were stored (parents before children). A plain table scan in rowid order is twice as fast as
   * going through the (repository, sha) index and sorting.
   */
  loadCommits(repositoryId: number): Map<string, StoredCommit> {
    const commits = new Map<string, StoredCommit>();
    const byId = new Map<number, StoredCommit>();
    const rows = this.db
      .prepare(
        "SELECT id, sha, parents, author_name, author_email, author_time, commit_time, subject, is_merge, skipped FROM commits NOT INDEXED WHERE repository_id = ?",
      )
      .raw()
      .iterate(repositoryId) as IterableIterator<unknown[]>;
    for (const row of rows) {
      const [id, sha, parents, name, email, authorTime, commitTime, subject, isMerge, skipped] =
        row as [
          number,
          string,
          string,
          string,
          string,
          number,
          number,
          string,
          number,
          string | null,
        ];
      const commit: StoredCommit = {
        sha,
        parents: parents === "" ? [] : parents.split(" "),
        author: { name, email },
        authorTime,
        commitTime,
        subject,
        coAuthors: [],
        isMerge: isMerge === 1,
        skipped,
        changes: [],
      };
      commits.set(sha, commit);
      byId.set(id, commit);
    }
    const coAuthors = this.db
      .prepare(
        "SELECT a.commit_id, a.name, a.email FROM co_authors a JOIN commits c ON c.id = a.commit_id WHERE c.repository_id = ?",
      )
      .raw()
      .iterate(repositoryId) as IterableIterator<[number, string, string]>;
    for (const [id, name, email] of coAuthors) byId.get(id)?.coAuthors.push({ name, email });
    this.signals.load(repositoryId, (id, signal) => {
      const commit = byId.get(id);
      if (!commit) return;
      if (commit.signals) commit.signals.push(signal);
      else commit.signals = [signal];
    });
    const changes = this.db
      .prepare(
        "SELECT f.commit_id, f.kind, f.path, f.old_path FROM file_changes f JOIN commits c ON c.id = f.commit_id WHERE c.repository_id = ?",
      )
      .raw()
      .iterate(repositoryId) as IterableIterator<
      [number, FileChangeRow["kind"], string, string | null]
    >;
    for (const [id, kind, path, oldPath] of changes) {
      const commit = byId.get(id);
      commit?.changes.push({ sha: commit.sha, kind, path, oldPath });
    }
    return commits;
  }

  /** A cached analysis result by its key, or null. */
  cacheGet(key: string): string | null {
    const row = this.db.prepare("SELECT value FROM analysis_cache WHERE key = ?").get(key) as
      | { value: string }
      | undefined;
    return row?.value ?? null;
  }

  /** Stores an analysis result under its key; rows written over a week before `now` are dropped. */
  cachePut(key: string, value: string, now: number): void {
    this.lock.run(() => {
      this.db.prepare("DELETE FROM analysis_cache WHERE created_at < ?").run(now - 7 * 86_400);
      this.db
        .prepare(
          "INSERT INTO analysis_cache (key, value, created_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at",
        )
        .run(key, value, now);
    });
  }

  binaryCache(): BinaryCache {
    const select = this.db.prepare("SELECT sha, binary FROM blobs WHERE sha = ?");
    const insert = this.db.prepare("INSERT OR REPLACE INTO blobs (sha, binary) VALUES (?, ?)");
    return {
      get: (blobs) => {
        const found = new Map<string, boolean>();
        for (const sha of blobs) {
          const row = select.get(sha) as { sha: string; binary: number } | undefined;
          if (row) found.set(row.sha, row.binary === 1);
        }
        return found;
      },
      put: (entries) => {
        this.lock.run(() => {
          for (const [sha, binary] of entries) insert.run(sha, Number(binary));
        });
      },
    };
  }
}

/** File-change rows per INSERT statement in `writeBatch`. */
const CHANGE_ROWS = 100;

const OPEN_HINT = "point --db at a file in a folder you can write to";

/**
 * Refuses a directory, then creates the database's missing folders one level at a time; a new
 * `.legible/` folder gets a .gitignore so it never shows in git status. Not `mkdir -p`: Node's
 * recursive mkdir retries for ever when mkdir fails with ENOENT under a parent that exists (as
 * under /proc), so `--db /proc/nope/x.db` spun at 100 % CPU; one level at a time, it fails at once.
 */
/** Why a database cannot be opened, in one line: a storage failure by name, else the driver's words. */
function cannotOpen(error: unknown, path: string): LegibleError {
  return (
    storageError(error, path, OPEN_HINT) ??
    new LegibleError(
      "BAD_INPUT",
      `${path}: cannot open the database: ${(error as Error).message}`,
      OPEN_HINT,
    )
  );
}

function prepareFolder(path: string): void {
  if (kindOf(path) === "directory")
    throw new LegibleError("STORAGE", `${path}: is a directory, not a database file`, OPEN_HINT);
  const missing: string[] = [];
  let folder = dirname(path);
  let kind = kindOf(folder);
  while (kind === null && dirname(folder) !== folder) {
    missing.unshift(folder);
    folder = dirname(folder);
    kind = kindOf(folder);
  }
  if (kind !== "directory")
    throw new LegibleError("STORAGE", `${path}: ${folder} is not a directory`, OPEN_HINT);
  for (const create of missing) {
    try {
      mkdirSync(create);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new LegibleError(
        "STORAGE",
        `${path}: cannot create the folder ${create} (${code})`,
        OPEN_HINT,
      );
    }
    if (basename(create) === ".legible") writeFileSync(join(create, ".gitignore"), "*\n");
  }
}

function kindOf(path: string): "directory" | "other" | null {
  try {
    return statSync(path).isDirectory() ? "directory" : "other";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR" ? null : "other";
  }
}

function toRepository(row: Record<string, unknown>): RepositoryRow {
  return {
    id: row.id as number,
    path: row.path as string,
    name: row.name as string,
    bare: row.bare === 1,
    shallow: row.shallow === 1,
    partial: row.partial === 1,
  };
}

function toScan(row: Record<string, unknown>): ScanRow {
  return {
    repositoryId: row.repository_id as number,
    ref: row.ref as string,
    tip: (row.tip as string | null) ?? null,
    target: (row.target as string | null) ?? null,
    checkpoint: (row.checkpoint as string | null) ?? null,
    renames: row.renames === 1,
    mailmap: (row.mailmap as string | null) ?? null,
    finishedAt: (row.finished_at as number | null) ?? null,
  };
}
