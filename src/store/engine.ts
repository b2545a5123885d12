import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type SqliteStatement } from "kysely";
import { isLegibleError, LegibleError, storageError } from "../errors.js";
import type { Tables } from "./tables.js";

/** The two engines the store runs on: the embedded default and a shared server. */
export type Engine = "sqlite" | "postgres";

/** Where the store lives: a SQLite file, or a PostgreSQL database named by a URL. */
export interface StoreLocation {
  engine: Engine;
  /** The SQLite file, or the URL with any password replaced by `***` (safe to print). */
  label: string;
  /** The SQLite file's path, or the full connection URL. */
  target: string;
}

/** The environment variable that names the database when `--db` does not. */
export const DATABASE_URL_VARIABLE = "LEGIBLE_DATABASE_URL";

/**
 * Where a command's store is: `--db` (a file path or a postgres:// URL), else LEGIBLE_DATABASE_URL,
 * else `.legible/legible.db` beside the configuration.
 */
export function locateStore(
  given: string | undefined,
  env: Record<string, string | undefined>,
  cwd: string,
  baseDir: string,
): StoreLocation {
  const named = given ?? env[DATABASE_URL_VARIABLE];
  if (named === undefined || named === "") {
    const path = join(baseDir, ".legible", "legible.db");
    return { engine: "sqlite", label: path, target: path };
  }
  if (/^postgres(ql)?:/i.test(named)) return postgresLocation(named);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(named))
    throw new LegibleError(
      "BAD_USAGE",
      `${redact(named)}: not a database legible can use`,
      "give a SQLite file path or a postgres://user@host/database URL",
    );
  const path = named === ":memory:" ? named : resolve(cwd, named);
  return { engine: "sqlite", label: path, target: path };
}

function postgresLocation(url: string): StoreLocation {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badUrl(url, "it is not a URL");
  }
  if (parsed.hostname === "" && !parsed.searchParams.has("host"))
    throw badUrl(url, "it names no host");
  if (parsed.pathname.replace(/^\//, "") === "") throw badUrl(url, "it names no database");
  return { engine: "postgres", label: redact(url), target: url };
}

function badUrl(url: string, why: string): LegibleError {
  return new LegibleError(
    "BAD_USAGE",
    `${redact(url)}: not a usable PostgreSQL URL (${why})`,
    "expected postgres://user[:password]@host[:port]/database",
  );
}

/** The URL with its password, if any, replaced by `***`. */
export function redact(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, "$1:***@");
}

/** An open connection (a file handle or a pool) and the query builder over it. */
export interface OpenedEngine {
  db: Kysely<Tables>;
  /** The SQLite handle (pragmas, the busy timeout), null on PostgreSQL. */
  sqlite: Database.Database | null;
}

/**
 * Opens the SQLite file (creating it and its folder), WAL mode, foreign keys on. Any path that
 * cannot hold a database fails at once with a one-line error naming it.
 */
export function openSqlite(path: string, timeoutMs: number): OpenedEngine {
  let handle: Database.Database;
  try {
    if (path !== ":memory:") prepareFolder(path);
    // The timeout applies from the first statement: switching a new file to WAL takes a lock too.
    const nativeBinding = sqliteAddon();
    handle = new Database(path, {
      timeout: timeoutMs,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (error) {
    if (isLegibleError(error)) throw error;
    throw cannotOpen(error, path);
  }
  const db = new Kysely<Tables>({
    dialect: new SqliteDialect({ database: cachingStatements(handle) }),
  });
  return { db, sqlite: handle };
}

let addonPath: string | null | undefined;

/**
 * better-sqlite3's compiled addon where its build puts it, or null to let better-sqlite3 look for it
 * (its `bindings` helper tries a dozen paths, about 10 ms of every command that opens a store).
 */
function sqliteAddon(): string | null {
  if (addonPath !== undefined) return addonPath;
  addonPath = null;
  try {
    const packageDir = dirname(
      createRequire(import.meta.url).resolve("better-sqlite3/package.json"),
    );
    const built = join(packageDir, "build", "Release", "better_sqlite3.node");
    if (existsSync(built)) addonPath = built;
  } catch {
    // better-sqlite3 finds its addon itself
  }
  return addonPath;
}

/**
 * better-sqlite3 behind Kysely, with prepared statements kept by their SQL: the scan runs the same
 * few statements thousands of times, and compiling each again cost as much as running it. A
 * statement still being iterated is busy; a second use then gets a fresh one.
 */
function cachingStatements(handle: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => handle.close(),
    prepare: (text: string): SqliteStatement => {
      let statement = statements.get(text);
      if (statement === undefined || statement.busy) {
        statement = handle.prepare(text);
        if (statements.size >= 256) statements.clear();
        statements.set(text, statement);
      }
      return statement as unknown as SqliteStatement;
    },
  };
}

/** Opens a pool on the PostgreSQL database; the first query tells whether it can be reached. */
export async function openPostgres(url: string): Promise<OpenedEngine> {
  const [{ default: pg }, { default: Cursor }] = await Promise.all([
    import("pg"),
    import("pg-cursor"),
  ]);
  // Unix seconds and counts are BIGINT: read them as numbers (they are far below 2^53).
  const types = {
    getTypeParser: (oid: number, format?: "text" | "binary") =>
      oid === 20 || oid === 1700
        ? (value: string) => Number(value)
        : pg.types.getTypeParser(oid, format as "text"),
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    types,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client the server drops (a restart) must not crash the process.
  pool.on("error", () => undefined);
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  return { db, sqlite: null };
}

/** A failure to reach or use the PostgreSQL server, as one line that says what to do. */
export function postgresError(error: unknown, label: string): LegibleError | null {
  if (isLegibleError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = (error as Error | null)?.message ?? String(error);
  if (
    code === "ECONNREFUSED" ||
    code === "ENOTFOUND" ||
    code === "EHOSTUNREACH" ||
    code === "ETIMEDOUT" ||
    /timeout exceeded when trying to connect/i.test(message)
  )
    return new LegibleError(
      "DATABASE_UNREACHABLE",
      `${label}: cannot reach the PostgreSQL server (${typeof code === "string" ? code : message})`,
      `start the server or correct --db / ${DATABASE_URL_VARIABLE}`,
    );
  if (code === "28P01" || code === "28000")
    return new LegibleError(
      "DATABASE_UNREACHABLE",
      `${label}: the server refused the login (${message})`,
      "check the user and password in the URL",
    );
  if (code === "3D000")
    return new LegibleError(
      "DATABASE_UNREACHABLE",
      `${label}: ${message}`,
      "create it first (createdb) or name another database",
    );
  return null;
}

const OPEN_HINT = "point --db at a file in a folder you can write to";

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

/**
 * Refuses a directory, then creates the database's missing folders one level at a time; a new
 * `.legible/` folder gets a .gitignore so it never shows in git status. Not `mkdir -p`: Node's
 * recursive mkdir retries for ever when mkdir fails with ENOENT under a parent that exists (as
 * under /proc), so `--db /proc/nope/x.db` spun at 100 % CPU; one level at a time, it fails at once.
 */
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
      // Another process creating the same new store made it first: theirs writes the .gitignore.
      if (code === "EEXIST" && kindOf(create) === "directory") continue;
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
