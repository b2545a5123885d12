import Database from "better-sqlite3";
import { LegibleError } from "../errors.js";

/** How long a write waits for another process's write lock by default: one minute. */
export const DEFAULT_BUSY_TIMEOUT_MS = 60_000;

/**
 * Runs every write of the store. Several processes may share a database (cron, CI and a dashboard
 * at once), so a write transaction takes SQLite's write lock first (`BEGIN IMMEDIATE`), waiting up
 * to the busy timeout for it. A deferred transaction that reads before it writes would hold a
 * snapshot that another writer can make stale, and then fail at once, without waiting.
 */
export class WriteLock {
  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    private readonly timeoutMs: number,
  ) {}

  /** Runs `fn` in one immediate transaction (a savepoint when already inside one). */
  run<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (error) {
      throw this.translate(error);
    }
  }

  /** A timed-out wait for the lock becomes DATABASE_BUSY; anything else is returned as it is. */
  translate(error: unknown): unknown {
    return isBusy(error) ? busyError(this.path, this.timeoutMs) : error;
  }
}

export function isBusy(error: unknown): boolean {
  return (
    error instanceof Database.SqliteError &&
    (error.code === "SQLITE_BUSY" || error.code.startsWith("SQLITE_BUSY_"))
  );
}

export function busyError(path: string, timeoutMs: number): LegibleError {
  return new LegibleError(
    "DATABASE_BUSY",
    `${path}: another legible process holds the database and did not release it within ${timeoutMs / 1000} s; try again when it has finished`,
  );
}
