import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from "kysely";
import type { Engine } from "./engine.js";
import { encodePack, PACK_COMMITS, storedSignal } from "./history-pack.js";
import type { StoredCommit } from "./store.js";

/** One schema change, written once for both engines with Kysely's schema builder. */
export type Migration = (db: Kysely<any>, engine: Engine) => Promise<void>;

/** An autoincrementing integer key: SQLite's rowid alias, a PostgreSQL identity column. */
const identity =
  (engine: Engine) =>
  (column: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    engine === "sqlite" ? column.primaryKey() : column.primaryKey().generatedByDefaultAsIdentity();

/** A table keyed by its primary key alone: SQLite stores it without a rowid, PostgreSQL as usual. */
function keyed<T extends string, C extends string>(
  table: CreateTableBuilder<T, C>,
  engine: Engine,
): CreateTableBuilder<T, C> {
  return engine === "sqlite" ? table.modifyEnd(sql`without rowid`) : table;
}

/**
 * The schema, as ordered migrations. On SQLite `PRAGMA user_version` records how many have run, on
 * PostgreSQL the `legible_schema` table; opening a database applies the rest in one transaction.
 * Never edit a released migration: add one. Times are Unix seconds (BIGINT: commit dates past 2038
 * exist), booleans 0/1 integers, so both engines hold and return the same values.
 */
export const MIGRATIONS: Migration[] = [
  async (db, engine) => {
    await db.schema
      .createTable("repositories")
      .addColumn("id", "integer", identity(engine))
      .addColumn("path", "text", (c) => c.notNull().unique())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("bare", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("shallow", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("partial", "integer", (c) => c.notNull().defaultTo(0))
      .execute();
    // One row per (repository, ref) scanned. A complete scan stored every commit reachable from
    // tip. An interrupted one stored a prefix (parents before children) ending at checkpoint.
    await db.schema
      .createTable("scans")
      .addColumn("repository_id", "integer", (c) =>
        c.notNull().references("repositories.id").onDelete("cascade"),
      )
      .addColumn("ref", "text", (c) => c.notNull())
      .addColumn("tip", "text")
      .addColumn("target", "text")
      .addColumn("checkpoint", "text")
      .addColumn("renames", "integer", (c) => c.notNull().defaultTo(1))
      .addColumn("mailmap", "text")
      .addColumn("finished_at", "bigint")
      .addPrimaryKeyConstraint("scans_key", ["repository_id", "ref"])
      .execute();
    await db.schema
      .createTable("commits")
      .addColumn("id", "integer", identity(engine))
      .addColumn("repository_id", "integer", (c) =>
        c.notNull().references("repositories.id").onDelete("cascade"),
      )
      .addColumn("sha", "text", (c) => c.notNull())
      .addColumn("parents", "text", (c) => c.notNull())
      .addColumn("author_name", "text", (c) => c.notNull())
      .addColumn("author_email", "text", (c) => c.notNull())
      .addColumn("author_time", "bigint", (c) => c.notNull())
      .addColumn("commit_time", "bigint", (c) => c.notNull())
      .addColumn("subject", "text", (c) => c.notNull())
      .addColumn("is_merge", "integer", (c) => c.notNull())
      // git's message when it could not read this commit's trees or blobs (then no file changes).
      .addColumn("skipped", "text")
      .addUniqueConstraint("commits_sha", ["repository_id", "sha"])
      .execute();
    // Child rows of commits. No foreign key and no index on purpose: they are written in bulk and
    // read in bulk per repository; an index would cost a third of the scan's insert time, and a
    // foreign key without one would make deletes quadratic. Store.resetHistory deletes them.
    await db.schema
      .createTable("co_authors")
      .addColumn("commit_id", "integer", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("email", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createTable("file_changes")
      .addColumn("commit_id", "integer", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("path", "text", (c) => c.notNull())
      .addColumn("old_path", "text")
      .execute();
    // Content facts per blob, shared by every snapshot and repository (content-addressed).
    await keyed(
      db.schema
        .createTable("blobs")
        .addColumn("sha", "text", (c) => c.primaryKey())
        .addColumn("binary", "integer", (c) => c.notNull()),
      engine,
    ).execute();
  },
  async (db, engine) => {
    // Delivery records. Nested lists (reviews, commits, comments, responders, labels) are JSON text:
    // always read with their parent. Keys are the importers' stable keys, so a re-import upserts
    // and changes nothing.
    await keyed(
      db.schema
        .createTable("pull_requests")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("repository", "text", (c) => c.notNull())
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("author", "text")
        .addColumn("state", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("merged_at", "bigint")
        .addColumn("closed_at", "bigint")
        .addColumn("merge_commit_sha", "text")
        .addColumn("base_ref", "text")
        .addColumn("head_ref", "text")
        .addColumn("labels", "text", (c) => c.notNull())
        .addColumn("commits", "text", (c) => c.notNull())
        .addColumn("reviews", "text", (c) => c.notNull())
        .addColumn("comments", "text", (c) => c.notNull()),
      engine,
    ).execute();
    await keyed(
      db.schema
        .createTable("deployments")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("repository", "text", (c) => c.notNull())
        .addColumn("environment", "text", (c) => c.notNull())
        .addColumn("result", "text", (c) => c.notNull())
        .addColumn("commit_sha", "text", (c) => c.notNull())
        .addColumn("started_at", "bigint")
        .addColumn("finished_at", "bigint", (c) => c.notNull())
        .addColumn("name", "text"),
      engine,
    ).execute();
    await keyed(
      db.schema
        .createTable("incidents")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("resolved_at", "bigint")
        .addColumn("service", "text")
        .addColumn("severity", "text")
        .addColumn("responders", "text", (c) => c.notNull())
        .addColumn("repository", "text"),
      engine,
    ).execute();
    // Where an incremental, resumable fetch from an API stands.
    await keyed(
      db.schema
        .createTable("fetch_state")
        .addColumn("source", "text", (c) => c.notNull())
        .addColumn("scope", "text", (c) => c.notNull())
        .addColumn("updated_since", "text")
        .addColumn("cursor", "text")
        .addPrimaryKeyConstraint("fetch_state_key", ["source", "scope"]),
      engine,
    ).execute();
  },
  async (db, engine) => {
    // One row per run of an import of a file, written when it starts; finished_at is set when it
    // ends. A run left unfinished by a process that is gone was interrupted: its batches are
    // committed, the rest of the file is missing. The next import of the file completes it (rows
    // are idempotent upserts), says so, and removes the row. host and pid tell a run still under
    // way in another process from an interrupted one.
    await db.schema
      .createTable("imports")
      .addColumn("id", "integer", identity(engine))
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("file", "text", (c) => c.notNull())
      .addColumn("started_at", "bigint", (c) => c.notNull())
      .addColumn("finished_at", "bigint")
      .addColumn("host", "text", (c) => c.notNull())
      .addColumn("pid", "integer", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("imports_by_file")
      .on("imports")
      .columns(["file", "kind"])
      .execute();
  },
  async (db) => {
    // Commit-message signals (store/signals.ts): review and help trailers with the person they
    // name, and the commits a revert names (target). Child rows of commits like co_authors.
    // Histories stored before this table existed were read without their signals, so they are
    // dropped: the next scan reads them again in full.
    await db.schema
      .createTable("commit_signals")
      .addColumn("commit_id", "integer", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("email", "text", (c) => c.notNull())
      .addColumn("target", "text")
      .execute();
    for (const table of ["file_changes", "co_authors", "commits", "scans"])
      await db.deleteFrom(table).execute();
  },
  async (db) => {
    // How many commits are stored for the repository, kept by every write and delete of commits,
    // so that a re-scan with nothing new does not count 80,000 rows. NULL: not counted yet (a
    // database from before this column); the first read counts and fills it.
    await db.schema.alterTable("repositories").addColumn("commit_count", "integer").execute();
  },
  async (db, engine) => {
    // Analysis results kept by what they were computed from (app/result-cache.ts): the key names
    // the repositories' stored tips, the configuration and the question, so a changed input is a
    // new key. Old rows are pruned when new ones are written.
    await keyed(
      db.schema
        .createTable("analysis_cache")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("created_at", "bigint", (c) => c.notNull()),
      engine,
    ).execute();
  },
  async (db) => {
    // A counter every write of records moves (scans, imports, fetches; not caches): long-lived
    // readers (the dashboard) key their caches on it, the same way on both engines.
    await db.schema
      .createTable("store_state")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("version", "bigint", (c) => c.notNull())
      .execute();
    await db.insertInto("store_state").values({ id: 1, version: 0 }).execute();
  },
  async (db, engine) => {
    // History packs (store/history-pack.ts) replace the child rows of commits: the co-authors,
    // file changes and signals of the commits one write stored, with the commits' own fields, as
    // one JSON text, keyed by the highest commit row id it holds (a pack holds every commit of its
    // repository from first_id to last_id). The commits table keeps each commit's sha and parents:
    // its unique key keeps a resumed or concurrent scan from storing a commit twice, and the
    // parents find the stored heads. The rows already stored are packed here, PACK_COMMITS commits
    // a pack, and the child tables and the commits' other columns dropped.
    await keyed(
      db.schema
        .createTable("history_packs")
        .addColumn("repository_id", "integer", (c) =>
          c.notNull().references("repositories.id").onDelete("cascade"),
        )
        .addColumn("last_id", "integer", (c) => c.notNull())
        .addColumn("first_id", "integer", (c) => c.notNull())
        .addColumn("commits", "integer", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("history_packs_key", ["repository_id", "last_id"]),
      engine,
    ).execute();
    const repositories = await db.selectFrom("repositories").select("id").execute();
    for (const { id } of repositories) await packStoredRows(db, engine, Number(id));
    for (const table of ["file_changes", "co_authors", "commit_signals"])
      await db.schema.dropTable(table).execute();
    for (const column of COMMIT_FIELDS)
      await db.schema.alterTable("commits").dropColumn(column).execute();
  },
  async (db, engine) => {
    // History summaries (store/history-summary.ts): beside each history pack, keyed like it, what
    // the knowledge analyses at the head read from its commits. Packs stored before this
    // migration get theirs the next time their history is loaded whole (Store.loadCommits).
    await keyed(
      db.schema
        .createTable("history_summaries")
        .addColumn("repository_id", "integer", (c) =>
          c.notNull().references("repositories.id").onDelete("cascade"),
        )
        .addColumn("last_id", "integer", (c) => c.notNull())
        .addColumn("commits", "integer", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("history_summaries_key", ["repository_id", "last_id"]),
      engine,
    ).execute();
  },
];

/** The commits' columns that packs hold instead (the eighth migration drops them). */
const COMMIT_FIELDS = [
  "author_name",
  "author_email",
  "author_time",
  "commit_time",
  "subject",
  "is_merge",
  "skipped",
];

/** Packs a repository's commit rows and their child rows (the eighth migration). */
async function packStoredRows(db: Parameters<Migration>[0], engine: Engine, repositoryId: number) {
  const commits = await db
    .selectFrom("commits")
    .selectAll()
    .where("repository_id", "=", repositoryId)
    .orderBy("id")
    .execute();
  if (commits.length === 0) return;
  const byId = new Map<number, StoredCommit>();
  for (const row of commits)
    byId.set(Number(row.id), {
      sha: row.sha,
      parents: row.parents === "" ? [] : row.parents.split(" "),
      author: { name: row.author_name, email: row.author_email },
      authorTime: Number(row.author_time),
      commitTime: Number(row.commit_time),
      subject: row.subject,
      coAuthors: [],
      isMerge: Number(row.is_merge) === 1,
      skipped: row.skipped,
      changes: [],
    });
  // Child rows in the order they were written, as the store read them.
  const children = (table: string) => {
    const query = db
      .selectFrom(`${table} as a`)
      .innerJoin("commits as c", "c.id", "a.commit_id")
      .selectAll("a")
      .where("c.repository_id", "=", repositoryId);
    return (
      engine === "postgres" ? query.orderBy("a.commit_id").orderBy(sql`a.ctid`) : query
    ).execute();
  };
  for (const row of await children("co_authors"))
    byId.get(Number(row.commit_id))?.coAuthors.push({ name: row.name, email: row.email });
  for (const row of await children("commit_signals")) {
    const commit = byId.get(Number(row.commit_id));
    const signal = storedSignal(row.kind, row.name, row.email, row.target);
    if (!commit || !signal) continue;
    if (commit.signals) commit.signals.push(signal);
    else commit.signals = [signal];
  }
  for (const row of await children("file_changes")) {
    const commit = byId.get(Number(row.commit_id));
    commit?.changes.push({
      sha: commit.sha,
      kind: row.kind,
      path: row.path,
      oldPath: row.old_path,
    });
  }
  const ids = [...byId.keys()];
  for (let start = 0; start < ids.length; start += PACK_COMMITS) {
    const slice = ids.slice(start, start + PACK_COMMITS);
    await db
      .insertInto("history_packs")
      .values({
        repository_id: repositoryId,
        first_id: slice[0],
        last_id: slice.at(-1),
        commits: slice.length,
        body: encodePack(slice.map((id) => byId.get(id)!)),
      })
      .execute();
  }
}
