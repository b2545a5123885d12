import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CommitRow } from "../../src/core/model.js";
import { SqliteStore } from "../../src/store/sqlite.js";

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "legible-count-"));
  db = join(dir, "legible.db");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const commit = (n: number): CommitRow => ({
  sha: n.toString(16).padStart(40, "0"),
  parents: n === 1 ? [] : [(n - 1).toString(16).padStart(40, "0")],
  author: { name: "A", email: "a@x" },
  authorTime: n,
  commitTime: n,
  subject: "s",
  coAuthors: [],
});
const batch = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    commit: commit(from + i),
    changes: [],
    skipped: null,
  }));

describe("the stored commit count", () => {
  it("follows writes, repeated writes and resets, and is counted once for an older database", () => {
    const store = SqliteStore.open(db);
    const info = { path: "/r", name: "r", bare: false, shallow: false, partial: false };
    const { id } = store.upsertRepository(info);
    const other = store.upsertRepository({ ...info, path: "/s", name: "s" });
    store.beginScan(id, "HEAD", "t", true, null);
    store.beginScan(other.id, "HEAD", "t", true, null);
    store.writeBatch(id, "HEAD", batch(1, 30));
    store.writeBatch(other.id, "HEAD", batch(1, 5));
    store.writeBatch(id, "HEAD", batch(20, 45)); // 20..30 already stored: only 15 are new
    expect(store.commitCount(id)).toBe(45);
    expect(store.commitCount(other.id)).toBe(5);
    expect(store.upsertRepository(info).id).toBe(id);
    store.close();

    // A database written before the count was kept: the first read counts.
    const raw = new Database(db);
    raw.prepare("UPDATE repositories SET commit_count = NULL").run();
    raw.close();
    const reopened = SqliteStore.open(db);
    expect(reopened.commitCount(id)).toBe(45);
    reopened.writeBatch(id, "HEAD", batch(46, 50));
    expect(reopened.commitCount(id)).toBe(50);
    reopened.resetHistory(id);
    expect(reopened.commitCount(id)).toBe(0);
    expect(reopened.commitCount(other.id)).toBe(5);
    reopened.close();
  });
});
