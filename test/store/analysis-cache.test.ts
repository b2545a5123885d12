import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Store } from "../../src/store/store.js";

let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "legible-cache-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the analysis cache", async () => {
  it("keeps a value by key across opens, replaces it, and prunes rows older than a week", async () => {
    const path = join(dir, "legible.db");
    const day = 86_400;
    let store = await Store.open(path);
    expect(await store.cacheGet("k")).toBeNull();
    await store.cachePut("k", "one", 100 * day);
    await store.cachePut("k", "two", 100 * day);
    await store.cachePut("old", "x", 90 * day);
    await store.close();
    store = await Store.open(path);
    expect(await store.cacheGet("k")).toBe("two");
    expect(await store.cacheGet("old")).toBe("x");
    await store.cachePut("new", "y", 98 * day); // 90 is more than a week before 98
    expect(await store.cacheGet("old")).toBeNull();
    expect(await store.cacheGet("k")).toBe("two");
    await store.close();
  });
});
