/**
 * GitReads (app/workspace.ts): the git reads a trend starts ahead of the month it prepares, on a
 * real repository and a real store.
 */
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RepositoryScan } from "../../src/app/scan.js";
import { GitReads } from "../../src/app/workspace.js";
import { Store, type StoredCommit } from "../../src/store/store.js";
import { makeRepo, person, type TestRepo } from "../helpers/gitrepo.js";

const ADA = person("Ada");
const at = (iso: string) => Date.parse(iso) / 1000;

let repo: TestRepo;
let store: Store;
let first = "";
let second = "";

/** The scan fields GitReads reads. */
function scanOf(path: string, head: string): RepositoryScan {
  return {
    path,
    name: "repo",
    ref: "HEAD",
    head,
    mode: "full",
    newCommits: 0,
    storedCommits: 0,
    skipped: [],
    shallow: false,
    partial: false,
    renames: true,
    rewrites: { replaceRefs: 0, graftsFile: false },
    unreadable: [],
    seconds: 0,
  };
}

/** A stored commit with only what a date's commit is found by. */
const stored = (sha: string, parents: string[], time: number): StoredCommit => ({
  sha,
  parents,
  author: { name: "Ada", email: "ada@example.com" },
  authorTime: time,
  commitTime: time,
  subject: "",
  coAuthors: [],
  isMerge: false,
  skipped: null,
  changes: [],
});

beforeAll(async () => {
  repo = makeRepo();
  first = repo.commit({
    author: ADA,
    date: "2024-01-10T10:00:00Z",
    files: { "src/a.ts": "a\n", ".gitattributes": "vendor/** -linguist-vendored\n" },
  });
  second = repo.commit({
    author: ADA,
    date: "2024-03-10T10:00:00Z",
    files: { "src/b.ts": "b\n", "src/a.ts": null },
  });
  store = await Store.open(join(repo.root, "reads.db"));
});

afterAll(async () => {
  await store.close();
  repo.cleanup();
});

describe("GitReads", () => {
  it("gives each date's commit and that commit's files, read ahead or on demand", async () => {
    const reads = new GitReads(store);
    const scan = scanOf(repo.dir, second);
    const times = [
      at("2023-12-31T00:00:00Z"),
      at("2024-02-01T00:00:00Z"),
      at("2024-04-01T00:00:00Z"),
    ];
    reads.prefetch([scan], times);
    expect(await Promise.all(times.map((time) => reads.commitAt(scan, time)))).toEqual([
      null, // before the first commit
      first,
      second,
    ]);
    const february = await reads.takeTree(scan, first);
    expect(february.tree.map((file) => file.path).sort()).toEqual([".gitattributes", "src/a.ts"]);
    expect(february.gitattributes.text).toBe("vendor/** -linguist-vendored\n");
    // The next date at the same commit (a quiet repository) takes the same read; once another
    // commit was taken, the first is read again, with the same result.
    expect(await reads.takeTree(scan, first)).toBe(february);
    reads.startTree(scan, first); // nothing to start: the last read taken is this one
    expect(await reads.takeTree(scan, first)).toBe(february);
    expect((await reads.takeTree(scan, second)).tree.map((file) => file.path).sort()).toEqual([
      ".gitattributes",
      "src/b.ts",
    ]);
    const again = await reads.takeTree(scan, first);
    expect(again).not.toBe(february);
    expect(again.tree.map((file) => file.path).sort()).toEqual([".gitattributes", "src/a.ts"]);
  });

  it("reads a date's commit from the loaded history once there is one, and from git before", async () => {
    const loaded = new Map<string, readonly StoredCommit[]>();
    const reads = new GitReads(store, loaded);
    const scan = scanOf(repo.dir, second);
    const february = at("2024-02-01T00:00:00Z");
    expect(await reads.commitAt(scan, february)).toBe(first); // git: nothing loaded yet
    // A stored history that says otherwise than git, to tell where the answer came from.
    loaded.set(repo.dir, [
      stored("c0", [], at("2024-01-01T00:00:00Z")),
      stored(second, ["c0"], at("2024-03-10T10:00:00Z")),
    ]);
    expect(await reads.commitAt(scan, february)).toBe(first); // asked before: kept
    expect(await reads.commitAt(scan, at("2024-02-02T00:00:00Z"))).toBe("c0");
    // The history cannot tell (its head is not stored): git answers.
    expect(await reads.commitAt(scanOf(repo.dir, first), at("2024-02-02T00:00:00Z"))).toBe(first);
  });

  it("answers a read still queued for git from a history loaded meanwhile", async () => {
    const loaded = new Map<string, readonly StoredCommit[]>();
    const reads = new GitReads(store, loaded);
    const scan = scanOf(repo.dir, second);
    // As many reads as git slots, then one more: it waits for a slot.
    const busy = Array.from({ length: Math.max(2, availableParallelism()) }, (_, k) =>
      reads.commitAt(scan, at("2024-02-01T00:00:00Z") + k),
    );
    const queued = reads.commitAt(scan, at("2024-02-15T00:00:00Z"));
    // The first reads start on the next turn; git takes longer than that to answer.
    await new Promise((resolve) => setImmediate(resolve));
    // A stored history that says otherwise than git, to tell where the answer came from.
    loaded.set(repo.dir, [
      stored("c0", [], at("2024-01-01T00:00:00Z")),
      stored(second, ["c0"], at("2024-03-10T10:00:00Z")),
    ]);
    expect(await Promise.all(busy)).toEqual(busy.map(() => first)); // git, started at once
    expect(await queued).toBe("c0");
  });

  it("holds a failed read's error until it is awaited (no unhandled rejection)", async () => {
    const reads = new GitReads(store);
    const gone = scanOf(join(repo.root, "not-a-repository"), second);
    reads.prefetch([gone], [at("2024-02-01T00:00:00Z")]);
    // Let the prefetch fail first: vitest fails a run on an unhandled rejection.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(reads.commitAt(gone, at("2024-02-01T00:00:00Z"))).rejects.toThrow();
    await expect(reads.takeTree(gone, second)).rejects.toThrow();
  });
});
