import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CommitRow } from "../../src/core/model.js";
import { Store } from "../../src/store/store.js";

let dir: string;
let db: string;
beforeEach(async () => {
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

describe("the stored commit count", async () => {
  it("follows writes, repeated writes and resets, and is counted once for an older database", async () => {
    const store = await Store.open(db);
    const info = { path: "/r", name: "r", bare: false, shallow: false, partial: false };
    const { id } = await store.upsertRepository(info);
    const other = await store.upsertRepository({ ...info, path: "/s", name: "s" });
    await store.beginScan(id, "HEAD", "t", true, null);
    await store.beginScan(other.id, "HEAD", "t", true, null);
    await store.writeBatch(id, "HEAD", batch(1, 30));
    await store.writeBatch(other.id, "HEAD", batch(1, 5));
    await store.writeBatch(id, "HEAD", batch(20, 45)); // 20..30 already stored: only 15 are new
    expect(await store.commitCount(id)).toBe(45);
    expect(await store.commitCount(other.id)).toBe(5);
    expect((await store.upsertRepository(info)).id).toBe(id);
    await store.close();

    // A database written before the count was kept: the first read counts.
    const raw = new Database(db);
    raw.prepare("UPDATE repositories SET commit_count = NULL").run();
    raw.close();
    const reopened = await Store.open(db);
    expect(await reopened.commitCount(id)).toBe(45);
    await reopened.writeBatch(id, "HEAD", batch(46, 50));
    expect(await reopened.commitCount(id)).toBe(50);
    await reopened.resetHistory(id);
    expect(await reopened.commitCount(id)).toBe(0);
    expect(await reopened.commitCount(other.id)).toBe(5);
    await reopened.close();
  });
});
