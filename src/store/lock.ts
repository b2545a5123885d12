import { setTimeout as sleep } from "node:timers/promises";
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

/**
 * Runs `attempt` until it is not refused for a lock, for up to `timeoutMs`, waiting a little longer
 * each time (1 ms doubling to 50 ms). For the statements SQLite refuses at once instead of calling
 * its busy handler: switching a file to WAL is one. It takes the file's exclusive lock from a read
 * lock it already holds, and waiting there could deadlock two connections doing the same, so SQLite
 * answers SQLITE_BUSY at once (eight processes creating one new database together meet it now and
 * then). Retrying from the start, holding nothing, is what SQLite leaves to the caller.
 */
export async function retryWhileBusy<T>(timeoutMs: number, attempt: () => T): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
    try {
      return attempt();
    } catch (error) {
      const left = deadline - Date.now();
      if (!isBusy(error) || left <= 0) throw error;
      await sleep(Math.min(wait, left));
    }
  }
}
