/**
 * Test-only hooks, read from the injected environment, that let tests interrupt a scan at an exact
 * point whatever the machine's load (no sleeping, no polling). Not for users: they may change
 * without notice.
 *
 * - `LEGIBLE_TEST_STOP_AFTER_BATCHES=n`: once n batches are committed (over every repository), the
 *   scan is interrupted exactly as by Ctrl-C: the abort signal fires, git stops, exit code 130.
 * - `LEGIBLE_TEST_PAUSE_AFTER_BATCHES=n`: once n batches are committed, prints
 *   `legible: test hook: paused after n batches` on stderr and writes nothing more until a signal
 *   (SIGINT, SIGTERM) interrupts the scan.
 * - `LEGIBLE_TEST_BATCH_SIZE=n`: commits (scan, default 2500) or rows (import, default 1000) per
 *   stored batch, so that a small test repository or file has several batches.
 * - `LEGIBLE_TEST_SCAN_RANGES=n`: a scan reads each history as n ranges, one git process each, as
 *   it does for a long history, so that a small test repository is split too.
 * - `LEGIBLE_TEST_KILL_AFTER_IMPORT_BATCHES=n`: once an import has committed n batches, the process
 *   kills itself with SIGKILL (no cleanup, no message), as `kill -9` or a crash would.
 * - `LEGIBLE_TEST_BUSY_TIMEOUT_MS=n`: how long to wait for another process's write lock on the
 *   database (default 60 s), so that a test can force the timeout.
 * - `LEGIBLE_TEST_MAX_PAGE_COUNT=n`: caps the database at n pages (SQLite's `max_page_count`), so
 *   that a write past it fails with a real SQLITE_FULL, as on a full disk.
 * - `LEGIBLE_TEST_PAGE_SIZE=n`: items per page `legible fetch gitlab|pagerduty|opsgenie` asks for
 *   (default 100), so that recorded answers of a few items show pagination.
 */
import type { ImportOptions } from "../app/import.js";
import type { ScanOptions } from "../app/scan.js";
import { LegibleError } from "../errors.js";
import { interrupted } from "../sources/git/run.js";
import type { CliIo } from "./io.js";

/**
 * Queue timings for tests of workers (`LEGIBLE_TEST_QUEUE_POLL_SECONDS`,
 * `LEGIBLE_TEST_QUEUE_MAINTENANCE_SECONDS`), so that a lost job is found and retried within
 * seconds instead of minutes.
 */
export function queueTestHooks(io: CliIo): {
  pollSeconds?: number;
  maintenanceSeconds?: number;
} {
  const poll = positive(io.env, "LEGIBLE_TEST_QUEUE_POLL_SECONDS");
  const maintenance = positive(io.env, "LEGIBLE_TEST_QUEUE_MAINTENANCE_SECONDS");
  return {
    ...(poll === null ? {} : { pollSeconds: poll }),
    ...(maintenance === null ? {} : { maintenanceSeconds: maintenance }),
  };
}

/** The scan options the test hooks set, none when no hook variable is set. */
export function scanTestHooks(
  io: CliIo,
  controller: AbortController,
): Pick<ScanOptions, "afterBatch" | "batchSize" | "ranges"> {
  const size = positive(io.env, "LEGIBLE_TEST_BATCH_SIZE");
  const ranges = positive(io.env, "LEGIBLE_TEST_SCAN_RANGES");
  const stop = positive(io.env, "LEGIBLE_TEST_STOP_AFTER_BATCHES");
  const pause = positive(io.env, "LEGIBLE_TEST_PAUSE_AFTER_BATCHES");
  const hooks: Pick<ScanOptions, "afterBatch" | "batchSize" | "ranges"> =
    size === null ? {} : { batchSize: size };
  if (ranges !== null) hooks.ranges = ranges;
  if (stop === null && pause === null) return hooks;
  let committed = 0;
  hooks.afterBatch = async () => {
    committed += 1;
    if (committed === stop) {
      controller.abort();
      throw interrupted();
    }
    if (committed !== pause) return;
    io.stderr.write(`legible: test hook: paused after ${committed} batches\n`);
    await new Promise<void>((resolve) => {
      // An abort listener does not keep Node running; this timer does, until the signal comes.
      const alive = setInterval(() => undefined, 1 << 30);
      const wake = () => {
        clearInterval(alive);
        resolve();
      };
      if (controller.signal.aborted) wake();
      else controller.signal.addEventListener("abort", wake, { once: true });
    });
    throw interrupted();
  };
  return hooks;
}

/** The import options the test hooks set, none when no hook variable is set. */
export function importTestHooks(io: CliIo): Pick<ImportOptions, "afterBatch" | "batchSize"> {
  const size = positive(io.env, "LEGIBLE_TEST_BATCH_SIZE");
  const kill = positive(io.env, "LEGIBLE_TEST_KILL_AFTER_IMPORT_BATCHES");
  const hooks: Pick<ImportOptions, "afterBatch" | "batchSize"> =
    size === null ? {} : { batchSize: size };
  if (kill === null) return hooks;
  let committed = 0;
  hooks.afterBatch = () => {
    committed += 1;
    if (committed === kill) process.kill(process.pid, "SIGKILL");
  };
  return hooks;
}

/**
 * The store options the test hooks set: a short lock wait (to force DATABASE_BUSY) and a size cap
 * (to make SQLite's disk full happen).
 */
export function storeTestHooks(io: CliIo): { busyTimeoutMs?: number; maxPageCount?: number } {
  const timeout = positive(io.env, "LEGIBLE_TEST_BUSY_TIMEOUT_MS");
  const pages = positive(io.env, "LEGIBLE_TEST_MAX_PAGE_COUNT");
  return {
    ...(timeout === null ? {} : { busyTimeoutMs: timeout }),
    ...(pages === null ? {} : { maxPageCount: pages }),
  };
}

function positive(env: CliIo["env"], name: string): number | null {
  const value = env[name];
  if (value === undefined || value === "") return null;
  if (!/^[1-9]\d*$/.test(value))
    throw new LegibleError("BAD_USAGE", `${name}=${value}: expected a positive whole number`);
  return Number(value);
}

/** Items per page a live fetch asks for, when the test hook sets it. */
export function fetchPageSize(io: CliIo): { perPage?: number } {
  const size = positive(io.env, "LEGIBLE_TEST_PAGE_SIZE");
  return size === null ? {} : { perPage: size };
}
