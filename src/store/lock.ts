import Database from "better-sqlite3";
import { LegibleError } from "../errors.js";

/** How long a write waits for another process's write lock by default: one minute. */
export const DEFAULT_BUSY_TIMEOUT_MS = 60_000;

/** SQLite gave up waiting for another connection's lock. */
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
