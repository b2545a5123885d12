import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SqliteStore } from "../../src/store/sqlite.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "legible-cache-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the analysis cache", () => {
  it("keeps a value by key across opens, replaces it, and prunes rows older than a week", () => {
    const path = join(dir, "legible.db");
    const day = 86_400;
    let store = SqliteStore.open(path);
    expect(store.cacheGet("k")).toBeNull();
    store.cachePut("k", "one", 100 * day);
    store.cachePut("k", "two", 100 * day);
    store.cachePut("old", "x", 90 * day);
    store.close();
    store = SqliteStore.open(path);
    expect(store.cacheGet("k")).toBe("two");
    expect(store.cacheGet("old")).toBe("x");
    store.cachePut("new", "y", 98 * day); // 90 is more than a week before 98
    expect(store.cacheGet("old")).toBeNull();
    expect(store.cacheGet("k")).toBe("two");
    store.close();
  });
});
