/**
 * The store under another connection's write lock, in one process: every write waits for the lock
 * up to the busy timeout and then fails with DATABASE_BUSY, writing nothing. The lock is held by the
 * test until the write has given up, so nothing here depends on timing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { scanRepositories } from "../../src/app/scan.js";
import type { IncidentRow } from "../../src/core/delivery/model.js";
import { isLegibleError } from "../../src/errors.js";
import { MIGRATIONS } from "../../src/store/schema.js";
import { Store } from "../../src/store/store.js";
import { makeRepo, person } from "../helpers/gitrepo.js";

let dir: string;
let db: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "legible-store-"));
  db = join(dir, "legible.db");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const anIncident = (): IncidentRow => ({
  key: "csv:INC-1",
  source: "csv",
  title: "Checkout down",
  createdAt: 1_700_000_000,
  resolvedAt: null,
  service: null,
  severity: null,
  responders: [],
  repository: null,
});

/** Another connection that holds the write lock until released. */
function holdLock(path: string): () => void {
  const holder = new Database(path);
  holder.pragma("journal_mode = WAL");
  holder.exec("BEGIN IMMEDIATE");
  return () => {
    holder.exec("ROLLBACK");
    holder.close();
  };
}

async function busyCode(action: () => Promise<unknown>): Promise<string | null> {
  try {
    await action();
    return null;
  } catch (error) {
    if (isLegibleError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
}

const BUSY = (path: string) =>
  `DATABASE_BUSY: ${path}: another legible process holds the database and did not release it within 0.02 s; try again when it has finished`;

describe("a write while another process holds the lock", () => {
  it("fails with DATABASE_BUSY on every write path, and writes nothing", async () => {
    await (await Store.open(db)).close();
    const store = await Store.open(db, { busyTimeoutMs: 20 });
    const repository = await store.upsertRepository({
      path: "/r",
      name: "r",
      bare: false,
      shallow: false,
      partial: false,
    });
    const release = holdLock(db);
    const commit = {
      sha: "a".repeat(40),
      parents: [],
      author: { name: "A", email: "a@x" },
      authorTime: 1,
      commitTime: 1,
      subject: "s",
      coAuthors: [],
    };
    const writes: Record<string, () => Promise<unknown>> = {
      upsertRepository: () =>
        store.upsertRepository({
          path: "/s",
          name: "s",
          bare: false,
          shallow: false,
          partial: false,
        }),
      beginScan: () => store.beginScan(repository.id, "HEAD", "b".repeat(40), true, null),
      writeBatch: () =>
        store.writeBatch(repository.id, "HEAD", [{ commit, changes: [], skipped: null }]),
      finishScan: () => store.finishScan(repository.id, "HEAD", "b".repeat(40), 1),
      resetHistory: () => store.resetHistory(repository.id),
      binaryCache: () => store.binaryCache().put(new Map([["c".repeat(40), false]])),
      upsertIncidents: () => store.delivery.upsertIncidents([anIncident()]),
      saveFetchState: () =>
        store.delivery.saveFetchState("github", "o/r", { updatedSince: null, cursor: null }),
      beginImport: () =>
        store.delivery.beginImport({
          kind: "incidents",
          file: "/f.csv",
          startedAt: 1,
          host: "h",
          pid: 1,
        }),
    };
    const outcomes: Record<string, string | null> = {};
    for (const [name, write] of Object.entries(writes)) outcomes[name] = await busyCode(write);
    release();
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(writes).map((n) => [n, BUSY(db)])));
    expect((await store.repositories()).map((r) => r.path)).toEqual(["/r"]);
    expect(await store.commitCount(repository.id)).toBe(0);
    expect(await store.delivery.counts()).toEqual({
      pullRequests: 0,
      deployments: 0,
      incidents: 0,
    });
    expect(await store.state()).toBe(1); // the repository's row, and nothing since
    // Once the lock is free, the same write goes through.
    expect(await store.delivery.upsertIncidents([anIncident()])).toEqual({
      inserted: 1,
      updated: 0,
      unchanged: 0,
    });
    await store.close();
  });

  it("opening a new database whose creation another connection holds fails the same way", async () => {
    const release = holdLock(db);
    const outcome = await busyCode(() => Store.open(db, { busyTimeoutMs: 20 }));
    release();
    expect(outcome).toBe(BUSY(db));
    // Nothing half-migrated: the next open migrates from scratch.
    const store = await Store.open(db);
    await store.close();
    const check = new Database(db, { readonly: true });
    expect(check.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    check.close();
  });

  it("opening a new file another connection is writing before its switch to WAL waits for it", async () => {
    // SQLite refuses the switch to WAL at once, without its busy handler, while another connection
    // holds the file's write lock in its first journal mode: the open must wait and retry itself.
    const holder = new Database(db);
    holder.exec("BEGIN IMMEDIATE");
    let settled = false;
    const opening = Store.open(db).finally(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(settled).toBe(false);
    holder.exec("ROLLBACK");
    holder.close();
    const store = await opening;
    await store.close();
    const check = new Database(db, { readonly: true });
    expect(check.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(check.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    check.close();
  });

  it("gives up on that switch at the busy timeout with the same error", async () => {
    const holder = new Database(db);
    holder.exec("BEGIN IMMEDIATE");
    const outcome = await busyCode(() => Store.open(db, { busyTimeoutMs: 20 }));
    holder.exec("ROLLBACK");
    holder.close();
    expect(outcome).toBe(BUSY(db));
  });

  it("opening a database that is already migrated needs no write lock", async () => {
    await (await Store.open(db)).close();
    const release = holdLock(db);
    const outcome = await busyCode(async () =>
      (await Store.open(db, { busyTimeoutMs: 20 })).close(),
    );
    release();
    expect(outcome).toBeNull();
  });
});

describe("import runs", () => {
  it("returns the unfinished runs of the same file, and forgets those a finished run completed", async () => {
    const store = await Store.open(db);
    const run = (startedAt: number, pid: number, file = "/f.csv") =>
      store.delivery.beginImport({ kind: "incidents", file, startedAt, host: "h", pid });
    const first = await run(10, 1);
    expect(first.unfinished).toEqual([]);
    const second = await run(20, 2);
    expect(second.unfinished).toEqual([
      { id: first.id, kind: "incidents", file: "/f.csv", startedAt: 10, host: "h", pid: 1 },
    ]);
    expect((await run(30, 3, "/other.csv")).unfinished).toEqual([]);
    await store.delivery.finishImport(second.id, 40, [first.id]);
    expect((await run(50, 4)).unfinished).toEqual([]);
    await store.close();
    const check = new Database(db, { readonly: true });
    expect(
      check.prepare("SELECT file, started_at, finished_at FROM imports ORDER BY id").all(),
    ).toEqual([
      { file: "/f.csv", started_at: 20, finished_at: 40 },
      { file: "/other.csv", started_at: 30, finished_at: null },
      { file: "/f.csv", started_at: 50, finished_at: null },
    ]);
    check.close();
  });
});

describe("history summaries under another process's lock", () => {
  it("loads the history whole without them, and writes them at a later load", async () => {
    const repo = makeRepo();
    try {
      repo.commit({ author: person("Ada"), date: "2024-01-10T10:00:00Z", files: { "a.ts": "a" } });
      const store = await Store.open(db, { busyTimeoutMs: 20 });
      await scanRepositories([repo.dir], {
        store,
        renameLimit: 0,
        parallelism: 2,
        now: () => new Date("2025-01-01T00:00:00Z"),
      });
      const id = (await store.repository(repo.dir))!.id;
      await store.db.deleteFrom("history_summaries").execute();
      const release = holdLock(db);
      try {
        expect(await store.loadCommits(id)).toHaveLength(1);
      } finally {
        release();
      }
      expect(await store.loadSummaries(id)).toBeNull();
      await store.loadCommits(id);
      expect((await store.loadSummaries(id))?.commits).toBe(1);
      await store.close();
    } finally {
      repo.cleanup();
    }
  });
});
