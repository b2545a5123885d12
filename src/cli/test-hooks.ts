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
 * - `LEGIBLE_TEST_BATCH_SIZE=n`: commits per stored batch (default 2500), so that a small test
 *   repository has several batches.
 * - `LEGIBLE_TEST_MAX_PAGE_COUNT=n`: caps the database at n pages (SQLite's `max_page_count`), so
 *   that a write past it fails with a real SQLITE_FULL, as on a full disk.
 */
import type { ScanOptions } from "../app/scan.js";
import { LegibleError } from "../errors.js";
import { interrupted } from "../sources/git/run.js";
import type { CliIo } from "./io.js";

/** The scan options the test hooks set, none when no hook variable is set. */
export function scanTestHooks(
  io: CliIo,
  controller: AbortController,
): Pick<ScanOptions, "afterBatch" | "batchSize"> {
  const size = positive(io.env, "LEGIBLE_TEST_BATCH_SIZE");
  const stop = positive(io.env, "LEGIBLE_TEST_STOP_AFTER_BATCHES");
  const pause = positive(io.env, "LEGIBLE_TEST_PAUSE_AFTER_BATCHES");
  const hooks: Pick<ScanOptions, "afterBatch" | "batchSize"> =
    size === null ? {} : { batchSize: size };
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

/** The store options the test hooks set (a size cap that makes SQLite's disk full happen). */
export function storeTestHooks(io: CliIo): { maxPageCount?: number } {
  const pages = positive(io.env, "LEGIBLE_TEST_MAX_PAGE_COUNT");
  return pages === null ? {} : { maxPageCount: pages };
}

function positive(env: CliIo["env"], name: string): number | null {
  const value = env[name];
  if (value === undefined || value === "") return null;
  if (!/^[1-9]\d*$/.test(value))
    throw new LegibleError("BAD_USAGE", `${name}=${value}: expected a positive whole number`);
  return Number(value);
}
