import { type CompiledQuery, type Kysely, sql } from "kysely";
import type { CommitRow, FileChangeRow } from "../core/model.js";
import { isLegibleError, LegibleError } from "../errors.js";
import type { BinaryCache } from "../sources/git/tree.js";
import { DeliveryStore } from "./delivery.js";
import {
  type Engine,
  locateStore,
  type OpenedEngine,
  openPostgres,
  openSqlite,
  postgresError,
  type StoreLocation,
} from "./engine.js";
import { decodePack, encodePack, mergesOf, PACK_COMMITS } from "./history-pack.js";
import { SUMMARY_PREFIX, summarisePack } from "./history-summary.js";
import { busyError, DEFAULT_BUSY_TIMEOUT_MS, isBusy, retryWhileBusy } from "./lock.js";
import { MIGRATIONS } from "./schema.js";
import type { Tables } from "./tables.js";

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
   * How long a SQLite write waits for another process's write lock before failing with
   * DATABASE_BUSY (default one minute).
   */
  busyTimeoutMs?: number;
  /** Caps a SQLite file at this many pages (`max_page_count`): past it a write fails as on a full disk; for tests. */
  maxPageCount?: number;
}

/** The query builder inside one transaction. */
export type Tx = Kysely<Tables>;

/**
 * The store: one SQLite file (WAL mode, the embedded default) or one PostgreSQL database shared by
 * an organisation's workers and dashboards. Every query is built once with Kysely and runs on
 * either engine. Every write that belongs together happens in one transaction, so a killed process
 * leaves the last committed state, never half a batch. Several processes may write at once: on
 * SQLite a write transaction takes the file's write lock first (`BEGIN IMMEDIATE`), waiting up to
 * the busy timeout; on PostgreSQL it takes an advisory lock on what it writes (a repository's
 * history, the delivery records), so concurrent writers of the same records queue and the unique
 * keys keep anything from being stored twice.
 */
export class Store {
  readonly engine: Engine;
  /** The SQLite file or the PostgreSQL URL without its password: safe to print. */
  readonly path: string;
  readonly db: Kysely<Tables>;
  private readonly opened: OpenedEngine;
  private readonly timeoutMs: number;
  private deliveryStore: DeliveryStore | undefined;
  private readonly templates = new Map<string, CompiledQuery>();

  private constructor(location: StoreLocation, opened: OpenedEngine, timeoutMs: number) {
    this.engine = location.engine;
    this.path = location.label;
    this.opened = opened;
    this.db = opened.db;
    this.timeoutMs = timeoutMs;
  }

  /**
   * Opens the store at `location` (a SQLite path, a postgres:// URL, or a located store), creating
   * a SQLite file and its folder if needed and applying the migrations not yet run. Any path that
   * cannot hold a database, a server that cannot be reached and a schema newer than this legible
   * fail at once with a one-line error naming them.
   */
  static async open(location: StoreLocation | string, options: StoreOptions = {}): Promise<Store> {
    const where =
      typeof location === "string" ? locateStore(location, {}, process.cwd(), ".") : location;
    const timeout = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    if (where.engine === "sqlite") {
      const opened = openSqlite(where.target, timeout);
      const handle = opened.sqlite!;
      const store = new Store(where, opened, timeout);
      try {
        // WAL is a property of the file: once one process has switched it, this is a read.
        await retryWhileBusy(timeout, () => handle.pragma("journal_mode = WAL"));
        handle.pragma("synchronous = NORMAL");
        handle.pragma("foreign_keys = ON");
        await store.migrate();
      } catch (error) {
        handle.close();
        throw store.translate(error, true);
      }
      if (options.maxPageCount)
        handle.pragma(`max_page_count = ${Math.floor(options.maxPageCount)}`);
      return store;
    }
    const opened = await openPostgres(where.target);
    const store = new Store(where, opened, timeout);
    try {
      await store.migrate();
    } catch (error) {
      await opened.db.destroy().catch(() => undefined);
      throw store.translate(error, true);
    }
    return store;
  }

  /** Pull requests, deployments, incidents, fetch checkpoints and import runs. */
  get delivery(): DeliveryStore {
    this.deliveryStore ??= new DeliveryStore(this);
    return this.deliveryStore;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /**
   * The store's state: a number every write of records moves (not caches), whichever process
   * wrote. A long-lived reader (the dashboard) keys its caches on it.
   */
  async state(): Promise<number> {
    const row = await this.db
      .selectFrom("store_state")
      .select("version")
      .where("id", "=", 1)
      .executeTakeFirst();
    return Number(row?.version ?? 0);
  }

  /**
   * Runs `work` in one write transaction. `scope` names what it writes (PostgreSQL queues writers
   * of the same scope); `records` says whether it changes records (moving {@link state}).
   */
  async write<T>(scope: string, records: boolean, work: (tx: Tx) => Promise<T>): Promise<T> {
    const bump = async (tx: Tx) => {
      if (records)
        await tx
          .updateTable("store_state")
          .set((eb) => ({ version: eb("version", "+", 1) }))
          .where("id", "=", 1)
          .execute();
    };
    try {
      if (this.engine === "postgres")
        return await this.db.transaction().execute(async (tx) => {
          await sql`SELECT pg_advisory_xact_lock(hashtext(${`legible:${scope}`}))`.execute(tx);
          const result = await work(tx);
          await bump(tx);
          return result;
        });
      return await this.db.connection().execute(async (tx) => {
        await sql`BEGIN IMMEDIATE`.execute(tx);
        try {
          const result = await work(tx);
          await bump(tx);
          await sql`COMMIT`.execute(tx);
          return result;
        } catch (error) {
          if (this.opened.sqlite!.inTransaction) await sql`ROLLBACK`.execute(tx);
          throw error;
        }
      });
    } catch (error) {
      throw this.translate(error, false);
    }
  }

  /** A driver's failure as legible's one-line error where it has one; anything else unchanged. */
  translate(error: unknown, opening: boolean): unknown {
    if (isLegibleError(error)) return error;
    if (this.engine === "sqlite")
      return isBusy(error) ? busyError(this.path, this.timeoutMs) : error;
    const known = postgresError(error, this.path);
    if (known) return known;
    if (opening)
      return new LegibleError(
        "DATABASE_UNREACHABLE",
        `${this.path}: cannot open the database: ${(error as Error).message}`,
        "check the URL and the server's log",
      );
    return error;
  }

  /**
   * Applies the migrations not yet run, in one transaction. The version is read again once the
   * write lock is held, so that of several processes opening a new database at once, exactly one
   * migrates it.
   */
  private async migrate(): Promise<void> {
    const newer = (current: number) =>
      new LegibleError(
        "BAD_INPUT",
        `${this.path}: the database was written by a newer legible (schema ${current}, this legible knows ${MIGRATIONS.length})`,
        "upgrade legible or point --db at another database",
      );
    if (this.engine === "sqlite") {
      const handle = this.opened.sqlite!;
      const version = () => {
        const current = handle.pragma("user_version", { simple: true }) as number;
        if (current > MIGRATIONS.length) throw newer(current);
        return current;
      };
      if (version() === MIGRATIONS.length) return;
      const upgraded = await this.write("schema", false, async (tx) => {
        const current = version();
        await runMigrations(tx, "sqlite", current, MIGRATIONS.length);
        await sql.raw(`PRAGMA user_version = ${MIGRATIONS.length}`).execute(tx);
        return current > 0;
      });
      // A migration of a store that held data may have rewritten or dropped tables: give the file
      // back its free space (after history packs, a third of it; 0.2 s for 70,000 commits). Only
      // space is at stake, so a busy file (another process reading it) or a full disk is let be.
      if (upgraded)
        try {
          handle.exec("VACUUM");
        } catch {}
      return;
    }
    const read = async (db: Kysely<Tables>) => {
      const found = await sql<{
        present: boolean;
      }>`SELECT to_regclass('legible_schema') IS NOT NULL AS present`.execute(db);
      if (!found.rows[0]?.present) return 0;
      const row = await db.selectFrom("legible_schema").select("version").executeTakeFirst();
      const current = row?.version ?? 0;
      if (current > MIGRATIONS.length) throw newer(current);
      return current;
    };
    if ((await read(this.db)) === MIGRATIONS.length) return;
    await this.write("schema", false, async (tx) => {
      const current = await read(tx);
      if (current === MIGRATIONS.length) return;
      await tx.schema
        .createTable("legible_schema")
        .ifNotExists()
        .addColumn("version", "integer", (c) => c.notNull())
        .execute();
      await runMigrations(tx, "postgres", current, MIGRATIONS.length);
      await tx.deleteFrom("legible_schema").execute();
      await tx.insertInto("legible_schema").values({ version: MIGRATIONS.length }).execute();
    });
  }

  async upsertRepository(info: Omit<RepositoryRow, "id">): Promise<RepositoryRow> {
    const known = await this.repository(info.path);
    if (
      known &&
      known.name === info.name &&
      known.bare === info.bare &&
      known.shallow === info.shallow &&
      known.partial === info.partial
    )
      return known; // unchanged: no write, no lock
    const values = {
      path: info.path,
      name: info.name,
      bare: Number(info.bare),
      shallow: Number(info.shallow),
      partial: Number(info.partial),
    };
    await this.write("repositories", true, (tx) =>
      tx
        .insertInto("repositories")
        .values({ ...values, commit_count: 0 })
        .onConflict((oc) => oc.column("path").doUpdateSet(values))
        .execute(),
    );
    return (await this.repository(info.path))!;
  }

  async repository(path: string): Promise<RepositoryRow | null> {
    const row = await this.db
      .selectFrom("repositories")
      .selectAll()
      .where("path", "=", path)
      .executeTakeFirst();
    return row ? toRepository(row) : null;
  }

  async repositories(): Promise<RepositoryRow[]> {
    const rows = await this.db.selectFrom("repositories").selectAll().orderBy("path").execute();
    return rows.map(toRepository);
  }

  async scan(repositoryId: number, ref: string): Promise<ScanRow | null> {
    const row = await this.db
      .selectFrom("scans")
      .selectAll()
      .where("repository_id", "=", repositoryId)
      .where("ref", "=", ref)
      .executeTakeFirst();
    return row ? toScan(row) : null;
  }

  async scans(repositoryId: number): Promise<ScanRow[]> {
    const rows = await this.db
      .selectFrom("scans")
      .selectAll()
      .where("repository_id", "=", repositoryId)
      .execute();
    return rows.map(toScan);
  }

  /** Marks a scan of `ref` as under way towards `target`, keeping an earlier checkpoint. */
  async beginScan(
    repositoryId: number,
    ref: string,
    target: string,
    renames: boolean,
    mailmap: string | null,
  ): Promise<void> {
    await this.write(`history:${repositoryId}`, false, (tx) =>
      tx
        .insertInto("scans")
        .values({ repository_id: repositoryId, ref, target, renames: Number(renames), mailmap })
        .onConflict((oc) =>
          oc
            .columns(["repository_id", "ref"])
            .doUpdateSet({ target, renames: Number(renames), mailmap }),
        )
        .execute(),
    );
  }

  /** Stores a batch of commits (parents before children) and moves the scan's checkpoint, atomically. */
  async writeBatch(
    repositoryId: number,
    ref: string,
    batch: { commit: CommitRow; changes: FileChangeRow[]; skipped: string | null }[],
  ): Promise<void> {
    await this.write(`history:${repositoryId}`, true, async (tx) => {
      const ids = new Map<string, number>();
      // Inserted in hash order: the unique key's index then takes the batch's 2,500 random hashes
      // page by page instead of all over the index (on git/git these inserts took 0.7–0.85 s
      // instead of 1.4 s). The rows' ids follow that order; the pack keeps the batch's own
      // (parents first), and its first and last ids still span exactly the batch's rows.
      const sorted = batch
        .map(({ commit }) => [repositoryId, commit.sha, commit.parents.join(" ")])
        .sort((a, b) => {
          const [x, y] = [a[1] as string, b[1] as string];
          return x < y ? -1 : x > y ? 1 : 0;
        });
      for (let start = 0; start < sorted.length; start += COMMIT_ROWS) {
        const rows = sorted.slice(start, start + COMMIT_ROWS);
        // Commits an earlier, interrupted scan stored are not returned: their rows stay as they are.
        const inserted = await this.insertMany(tx, "commits", COMMIT_COLUMNS, rows, ["id", "sha"]);
        for (const row of inserted) ids.set(row.sha as string, Number(row.id));
      }
      // One pack of what this batch stored (store/history-pack.ts), in batch order: parents first.
      const stored: StoredCommit[] = [];
      let firstId = Number.POSITIVE_INFINITY;
      let lastId = 0;
      for (const { commit, changes, skipped } of batch) {
        const id = ids.get(commit.sha);
        if (id === undefined) continue;
        // Spelled out: spreading the commit cost 0.3 s of a git/git scan.
        stored.push({
          sha: commit.sha,
          parents: commit.parents,
          author: commit.author,
          authorTime: commit.authorTime,
          commitTime: commit.commitTime,
          subject: commit.subject,
          coAuthors: commit.coAuthors,
          signals: commit.signals,
          isMerge: commit.parents.length > 1,
          skipped,
          changes,
        });
        firstId = Math.min(firstId, id);
        lastId = Math.max(lastId, id);
      }
      if (stored.length > 0) await this.insertPack(tx, repositoryId, firstId, lastId, stored);
      const last = batch.at(-1);
      if (last)
        await tx
          .updateTable("scans")
          .set({ checkpoint: last.commit.sha })
          .where("repository_id", "=", repositoryId)
          .where("ref", "=", ref)
          .execute();
      if (ids.size > 0)
        // NULL stays NULL: counted on read
        await tx
          .updateTable("repositories")
          .set((eb) => ({ commit_count: eb("commit_count", "+", ids.size) }))
          .where("id", "=", repositoryId)
          .execute();
    });
  }

  /**
   * Inserts rows (arrays in `columns` order), `MANY_ROWS` per statement; rows whose unique key is
   * already stored are skipped when `returning` is given, and the inserted rows' `returning`
   * columns come back. Each statement's shape is built with Kysely once and kept: only the
   * parameters change from one batch to the next.
   */
  async insertMany(
    tx: Tx,
    table: keyof Tables,
    columns: readonly string[],
    rows: unknown[][],
    returning?: readonly string[],
  ): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    const per = Math.max(1, Math.floor(MANY_PARAMETERS / columns.length));
    for (let start = 0; start < rows.length; start += per) {
      const chunk = rows.slice(start, start + per);
      const key = `${table}|${columns.join(",")}|${chunk.length}|${returning?.join(",") ?? ""}`;
      let template = this.templates.get(key);
      if (template === undefined) {
        let query = (tx as Kysely<any>)
          .insertInto(table)
          .values(chunk.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]]))));
        if (returning)
          query = query
            .onConflict((oc) => oc.doNothing())
            .returning(returning as string[]) as typeof query;
        template = query.compile();
        // One shape per table and chunk length: a batch's last chunk has any length.
        if (this.templates.size >= 256) this.templates.clear();
        this.templates.set(key, template);
      }
      // By hand: Array.prototype.flat cost more than SQLite's own work here.
      const parameters = new Array<unknown>(chunk.length * columns.length);
      let next = 0;
      for (const row of chunk) for (let i = 0; i < columns.length; i++) parameters[next++] = row[i];
      const result = await tx.executeQuery<Record<string, unknown>>({ ...template, parameters });
      if (returning) out.push(...result.rows);
    }
    return out;
  }

  /**
   * Runs `work` (a scan). On SQLite, automatic WAL checkpoints are off meanwhile: they copied the
   * same hot index pages back into the database after every batch (a third of the scan's write
   * time). Afterwards they resume, and closing the database (or the next write) checkpoints once.
   */
  async bulkWrites<T>(work: () => Promise<T>): Promise<T> {
    const handle = this.opened.sqlite;
    if (handle === null) return work();
    const previous = handle.pragma("wal_autocheckpoint", { simple: true }) as number;
    handle.pragma("wal_autocheckpoint = 0");
    try {
      return await work();
    } finally {
      handle.pragma(`wal_autocheckpoint = ${previous}`);
    }
  }

  /** Records that every commit reachable from `tip` is stored. */
  async finishScan(repositoryId: number, ref: string, tip: string, now: number): Promise<void> {
    await this.write(`history:${repositoryId}`, true, (tx) =>
      tx
        .updateTable("scans")
        .set({ tip, target: null, checkpoint: null, finished_at: now })
        .where("repository_id", "=", repositoryId)
        .where("ref", "=", ref)
        .execute(),
    );
  }

  /** Forgets everything stored for a repository's history (used when its history was rewritten). */
  async resetHistory(repositoryId: number): Promise<void> {
    await this.write(`history:${repositoryId}`, true, async (tx) => {
      await tx.deleteFrom("history_packs").where("repository_id", "=", repositoryId).execute();
      await tx.deleteFrom("history_summaries").where("repository_id", "=", repositoryId).execute();
      await tx.deleteFrom("commits").where("repository_id", "=", repositoryId).execute();
      await tx.deleteFrom("scans").where("repository_id", "=", repositoryId).execute();
      await tx
        .updateTable("repositories")
        .set({ commit_count: 0 })
        .where("id", "=", repositoryId)
        .execute();
    });
  }

  /**
   * The stored commits that no stored commit names as a parent. What is stored is closed under
   * ancestry (every scan stores a parents-first prefix of its walk), so it is exactly what these
   * heads reach: a walk that excludes them reads only what is not stored.
   */
  async storedHeads(repositoryId: number): Promise<string[]> {
    const shas: string[] = [];
    const parents = new Set<string>();
    await this.eachRow(
      this.db
        .selectFrom("commits")
        .select(["sha", "parents"])
        .where("repository_id", "=", repositoryId),
      (row) => {
        const [sha, parentList] = row as [string, string];
        shas.push(sha);
        if (parentList !== "") for (const parent of parentList.split(" ")) parents.add(parent);
      },
    );
    return shas.filter((sha) => !parents.has(sha));
  }

  /** Which of `shas` are stored for a repository (one query per MANY_PARAMETERS of them). */
  async storedAmong(repositoryId: number, shas: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (let start = 0; start < shas.length; start += MANY_PARAMETERS) {
      const rows = await this.db
        .selectFrom("commits")
        .select("sha")
        .where("repository_id", "=", repositoryId)
        .where("sha", "in", shas.slice(start, start + MANY_PARAMETERS))
        .execute();
      for (const row of rows) found.add(row.sha);
    }
    return found;
  }

  /** Commits stored for a repository: the count writes keep, counted once for an older database. */
  async commitCount(repositoryId: number): Promise<number> {
    const read = async () =>
      (
        await this.db
          .selectFrom("repositories")
          .select("commit_count")
          .where("id", "=", repositoryId)
          .executeTakeFirst()
      )?.commit_count ?? null;
    const kept = await read();
    if (kept !== null) return Number(kept);
    await this.write(`history:${repositoryId}`, false, (tx) =>
      tx
        .updateTable("repositories")
        .set({
          commit_count: (eb) =>
            eb
              .selectFrom("commits")
              .select((e) => e.fn.countAll<number>().as("n"))
              .where("repository_id", "=", repositoryId),
        })
        .where("id", "=", repositoryId)
        .execute(),
    );
    return Number((await read()) ?? 0);
  }

  /**
   * Every stored commit of a repository with its changes, for the pure analyses, in the order they
   * were stored (parents before children), read from its history packs (store/history-pack.ts).
   * Once more than {@link MAX_SMALL_PACKS} packs hold fewer than a batch of commits (a repository
   * scanned every hour), runs of them are merged into packs of about a batch.
   */
  async loadCommits(repositoryId: number): Promise<StoredCommit[]> {
    const commits: StoredCommit[] = [];
    const packs: StoredPack[] = [];
    await this.eachRow(
      this.db
        .selectFrom("history_packs")
        .select(["first_id", "last_id", "body"])
        .where("repository_id", "=", repositoryId)
        .orderBy("last_id"),
      (row) => {
        const held = decodePack(row[2] as string);
        if (held === null)
          throw new LegibleError(
            "BAD_INPUT",
            `${this.path}: a stored history pack of repository ${repositoryId} is not one this legible reads`,
            "the store was changed outside legible; scan into a new database (--db)",
          );
        packs.push({ first: Number(row[0]), last: Number(row[1]), commits: held });
        for (const commit of held) commits.push(commit);
      },
    );
    const small = packs.filter((pack) => pack.commits.length < PACK_COMMITS).length;
    const merges = small > MAX_SMALL_PACKS ? mergesOf(packs) : [];
    await this.summariseOlderPacks(repositoryId, packs, merges);
    if (merges.length > 0)
      await this.write(`history:${repositoryId}`, false, async (tx) => {
        const now = await tx
          .selectFrom("history_packs")
          .select((eb) => [eb.fn.countAll().as("packs"), eb.fn.max("last_id").as("last")])
          .where("repository_id", "=", repositoryId)
          .executeTakeFirst();
        // Another process merged or stored more since this read: a later load merges.
        const last = packs.at(-1)?.last ?? 0;
        if (Number(now?.packs ?? 0) !== packs.length || Number(now?.last ?? 0) !== last) return;
        for (const group of merges) {
          for (const table of ["history_summaries", "history_packs"] as const)
            await tx
              .deleteFrom(table)
              .where("repository_id", "=", repositoryId)
              .where(
                "last_id",
                "in",
                group.map((pack) => pack.last),
              )
              .execute();
          await this.insertPack(
            tx,
            repositoryId,
            group[0]!.first,
            group.at(-1)!.last,
            group.flatMap((pack) => pack.commits),
          );
        }
      });
    return commits;
  }

  /** Writes one history pack: `commits` in row order, with row ids from `firstId` to `lastId`. */
  private async insertPack(
    tx: Tx,
    repositoryId: number,
    firstId: number,
    lastId: number,
    commits: readonly StoredCommit[],
  ): Promise<void> {
    await tx
      .insertInto("history_packs")
      .values({
        repository_id: repositoryId,
        first_id: firstId,
        last_id: lastId,
        commits: commits.length,
        body: encodePack(commits),
      })
      .execute();
    await this.insertSummary(tx, repositoryId, lastId, commits);
  }

  /** Writes (or replaces) the summary of the pack ending at `lastId` (store/history-summary.ts). */
  private async insertSummary(
    tx: Tx,
    repositoryId: number,
    lastId: number,
    commits: readonly StoredCommit[],
  ): Promise<void> {
    const body = summarisePack(commits);
    await tx
      .insertInto("history_summaries")
      .values({ repository_id: repositoryId, last_id: lastId, commits: commits.length, body })
      .onConflict((oc) =>
        oc.columns(["repository_id", "last_id"]).doUpdateSet({ commits: commits.length, body }),
      )
      .execute();
  }

  /**
   * Summarises the packs stored before summaries existed (or whose summary is of another size or
   * another version), except those about to be merged (the merged pack gets its own): once, when
   * their history is loaded whole. A pack another process replaced meanwhile is left for a later load.
   */
  private async summariseOlderPacks(
    repositoryId: number,
    packs: readonly StoredPack[],
    merges: readonly StoredPack[][],
  ): Promise<void> {
    // By the number of commits it covers, if it is of this legible's version (its first bytes).
    const kept = new Map<number, number>();
    for (const row of await this.db
      .selectFrom("history_summaries")
      .select((eb) => [
        "last_id",
        "commits",
        eb.fn<string>("substr", ["body", eb.val(1), eb.val(SUMMARY_PREFIX.length)]).as("head"),
      ])
      .where("repository_id", "=", repositoryId)
      .execute())
      if (row.head === SUMMARY_PREFIX) kept.set(Number(row.last_id), Number(row.commits));
    const merged = new Set(merges.flat());
    const missing = packs.filter(
      (pack) => !merged.has(pack) && kept.get(pack.last) !== pack.commits.length,
    );
    if (missing.length === 0) return;
    try {
      await this.write(`history:${repositoryId}`, false, async (tx) => {
        for (const pack of missing) {
          const still = await tx
            .selectFrom("history_packs")
            .select("commits")
            .where("repository_id", "=", repositoryId)
            .where("last_id", "=", pack.last)
            .where("first_id", "=", pack.first)
            .executeTakeFirst();
          if (Number(still?.commits) !== pack.commits.length) continue;
          await this.insertSummary(tx, repositoryId, pack.last, pack.commits);
        }
      });
    } catch {
      // Summaries only save time: when they cannot be written now (another process holding the
      // write lock past the busy timeout, a full disk), the history is read whole, as it was, and
      // a later load writes them.
    }
  }

  /**
   * The summaries of every history pack of a repository, in stored order, with how many commits
   * they cover; null when a pack has none (stored before summaries existed: loading the history
   * whole writes them).
   */
  async loadSummaries(repositoryId: number): Promise<{ commits: number; bodies: string[] } | null> {
    const rows = await this.db
      .selectFrom("history_packs as p")
      .leftJoin("history_summaries as s", (join) =>
        join.onRef("s.repository_id", "=", "p.repository_id").onRef("s.last_id", "=", "p.last_id"),
      )
      .select(["p.commits as packed", "s.commits as summarised", "s.body as body"])
      .where("p.repository_id", "=", repositoryId)
      .orderBy("p.last_id")
      .execute();
    let commits = 0;
    const bodies: string[] = [];
    for (const row of rows) {
      if (row.body === null || Number(row.summarised) !== Number(row.packed)) return null;
      commits += Number(row.packed);
      bodies.push(row.body);
    }
    return { commits, bodies };
  }

  /**
   * Calls `visit` with each row of `query` as an array of the selected columns, in the order
   * selected. SQLite reads them in-process in better-sqlite3's raw mode, without an object per row
   * (reading git/git's 82,000 commits took half the time); PostgreSQL streams them through a
   * cursor, a few thousand at a time.
   */
  async eachRow(
    query: {
      compile(): { sql: string; parameters: readonly unknown[] };
      stream(chunkSize?: number): AsyncIterableIterator<unknown>;
    },
    visit: (row: unknown[]) => void,
  ): Promise<void> {
    const handle = this.opened.sqlite;
    if (handle !== null) {
      const { sql: text, parameters } = query.compile();
      for (const row of handle.prepare(text).raw(true).iterate(parameters) as Iterable<unknown[]>)
        visit(row);
      return;
    }
    for await (const row of query.stream(5000)) visit(Object.values(row as object));
  }

  /** A cached analysis result by its key, or null. */
  async cacheGet(key: string): Promise<string | null> {
    const row = await this.db
      .selectFrom("analysis_cache")
      .select("value")
      .where("key", "=", key)
      .executeTakeFirst();
    return row?.value ?? null;
  }

  /** Stores an analysis result under its key; rows written over a week before `now` are dropped. */
  async cachePut(key: string, value: string, now: number): Promise<void> {
    await this.write("cache", false, async (tx) => {
      await tx
        .deleteFrom("analysis_cache")
        .where("created_at", "<", now - 7 * 86_400)
        .execute();
      await tx
        .insertInto("analysis_cache")
        .values({ key, value, created_at: now })
        .onConflict((oc) => oc.column("key").doUpdateSet({ value, created_at: now }))
        .execute();
    });
  }

  binaryCache(): BinaryCache {
    return {
      get: async (blobs) => {
        const found = new Map<string, boolean>();
        const list = [...blobs];
        for (let start = 0; start < list.length; start += 500) {
          const rows = await this.db
            .selectFrom("blobs")
            .select(["sha", "binary"])
            .where("sha", "in", list.slice(start, start + 500))
            .execute();
          for (const row of rows) found.set(row.sha, Number(row.binary) === 1);
        }
        return found;
      },
      put: async (entries) => {
        const rows = [...entries].map(([sha, binary]) => ({ sha, binary: Number(binary) }));
        if (rows.length === 0) return;
        await this.write("blobs", false, async (tx) => {
          for (let start = 0; start < rows.length; start += 500)
            await tx
              .insertInto("blobs")
              .values(rows.slice(start, start + 500))
              .onConflict((oc) =>
                oc.column("sha").doUpdateSet((eb) => ({ binary: eb.ref("excluded.binary") })),
              )
              .execute();
        });
      },
    };
  }
}

/** Parameters per multi-row INSERT: well under SQLite's and PostgreSQL's limits. */
const MANY_PARAMETERS = 1000;
/**
 * More packs smaller than a batch than this in one repository, and the next load merges runs of
 * them (a repository scanned every hour would otherwise pile up thousands of packs).
 */
const MAX_SMALL_PACKS = 16;

/** A stored pack as loaded: the row ids it spans and its commits. */
interface StoredPack {
  first: number;
  last: number;
  commits: StoredCommit[];
}

/** Commits per INSERT in `writeBatch`. */
const COMMIT_ROWS = 100;

/** A commit's row: what keeps it stored once and finds the stored heads; the rest is in its pack. */
const COMMIT_COLUMNS = ["repository_id", "sha", "parents"] as const;

/** Applies migrations `from` (the count already run) up to `to`. */
async function runMigrations(
  db: Kysely<any>,
  engine: Engine,
  from: number,
  to: number,
): Promise<void> {
  for (const migration of MIGRATIONS.slice(from, to)) await migration(db, engine);
}

function toRepository(row: {
  id: number;
  path: string;
  name: string;
  bare: number;
  shallow: number;
  partial: number;
}): RepositoryRow {
  return {
    id: Number(row.id),
    path: row.path,
    name: row.name,
    bare: Number(row.bare) === 1,
    shallow: Number(row.shallow) === 1,
    partial: Number(row.partial) === 1,
  };
}

function toScan(row: Tables["scans"]): ScanRow {
  return {
    repositoryId: Number(row.repository_id),
    ref: row.ref,
    tip: row.tip ?? null,
    target: row.target ?? null,
    checkpoint: row.checkpoint ?? null,
    renames: Number(row.renames) === 1,
    mailmap: row.mailmap ?? null,
    finishedAt: row.finished_at === null ? null : Number(row.finished_at),
  };
}
