/**
 * History packs (store/history-pack.ts) on both engines: what the analyses load from packs is what
 * the commit rows hold, whether the packs were written by scans, by a load that packed rows stored
 * before packs existed, or merged from many; a pack this legible cannot read is replaced from rows.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanRepositories } from "../../src/app/scan.js";
import { Store, type StoredCommit } from "../../src/store/store.js";
import { makeRepo, person, type TestRepo } from "../helpers/gitrepo.js";
import { freshDatabase, POSTGRES_SKIP } from "../helpers/postgres.js";

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "legible-packs-"));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const engines = [
  { engine: "sqlite", skip: "", open: async () => join(folder, `${Math.random()}.db`) },
  { engine: "postgres", skip: POSTGRES_SKIP, open: () => freshDatabase("packs") },
] as const;

const ALICE = person("Alice");
const BOB = person("Bob");

/** `n` commits with co-authors, a rename, a review trailer and a revert among them. */
function history(repo: TestRepo, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const sha = i === 12 ? repo.git("rev-parse", "HEAD").trim() : "";
    repo.commit({
      author: i % 3 === 0 ? BOB : ALICE,
      date: `2024-01-${String(1 + (i % 28)).padStart(2, "0")}T10:${String(i % 60).padStart(2, "0")}:00Z`,
      files: { [`${i % 2 ? "api" : "web"}/f${i % 7}.ts`]: `v${i}\n` },
      ...(i === 5 ? { coAuthors: [BOB] } : {}),
      ...(i === 9 ? { renames: { "web/f0.ts": "web/zero.ts" } } : {}),
      message:
        i === 7
          ? "fix\n\nReviewed-by: Bob <bob@example.com>"
          : i === 12
            ? `Revert "change 11"\n\nThis reverts commit ${sha}.`
            : `change ${i}`,
    });
  }
}

const scan = (store: Store, repo: TestRepo, batchSize = 2500) =>
  scanRepositories([repo.dir], {
    store,
    renameLimit: 0,
    parallelism: 2,
    batchSize,
    now: () => new Date("2025-01-01T00:00:00Z"),
  });

async function load(store: Store, repo: TestRepo): Promise<StoredCommit[]> {
  const repository = await store.repository(repo.dir);
  return [...(await store.loadCommits(repository!.id)).values()];
}

/** The commits as read from their rows alone: the packs dropped first (the load packs them again). */
async function fromRows(store: Store, repo: TestRepo): Promise<StoredCommit[]> {
  await store.db.deleteFrom("history_packs").execute();
  return load(store, repo);
}

const packs = async (store: Store) =>
  (
    await store.db
      .selectFrom("history_packs")
      .select(["first_id", "last_id", "commits"])
      .orderBy("last_id")
      .execute()
  ).map((row) => ({
    first: Number(row.first_id),
    last: Number(row.last_id),
    commits: Number(row.commits),
  }));

describe.each(engines)("history packs on $engine", ({ skip, open }) => {
  const test = skip ? it.skip : it;

  test(`a scan packs each batch, and loading the packs gives what the rows hold${skip}`, async () => {
    const repo = makeRepo();
    history(repo, 0, 30);
    const store = await Store.open(await open());
    try {
      await scan(store, repo, 7);
      const packed = await packs(store);
      expect(packed.map((p) => p.commits)).toEqual([7, 7, 7, 7, 2]);
      // Each pack holds a contiguous run of row ids, following the one before.
      for (let k = 1; k < packed.length; k++)
        expect(packed[k]!.first).toBe(packed[k - 1]!.last + 1);
      const loaded = await load(store, repo);
      expect(loaded).toHaveLength(30);
      expect(loaded.some((c) => c.coAuthors.length > 0)).toBe(true);
      expect(loaded.some((c) => c.changes.some((ch) => ch.kind === "R"))).toBe(true);
      expect(loaded.flatMap((c) => c.signals ?? []).map((s) => s.kind)).toEqual([
        "reviewed-by",
        "reverts",
      ]);
      expect(loaded).toEqual(await fromRows(store, repo));
      // Read from rows, then packed whole by that load.
      expect((await packs(store)).map((p) => p.commits)).toEqual([30]);
      expect(await load(store, repo)).toEqual(loaded);
    } finally {
      await store.close();
      repo.cleanup();
    }
  });

  test(`commits stored before packs existed are read from rows, before the packed ones${skip}`, async () => {
    const repo = makeRepo();
    history(repo, 0, 20);
    const store = await Store.open(await open());
    try {
      await scan(store, repo);
      // A store from a legible without packs: the rows alone.
      await store.db.deleteFrom("history_packs").execute();
      history(repo, 20, 26);
      const rescan = await scan(store, repo);
      expect(rescan[0]).toMatchObject({ mode: "incremental", newCommits: 6 });
      expect((await packs(store)).map((p) => p.commits)).toEqual([6]);
      const loaded = await load(store, repo);
      expect(loaded).toHaveLength(26);
      const seen = new Set<string>();
      for (const commit of loaded) {
        for (const parent of commit.parents) expect(seen.has(parent)).toBe(true);
        seen.add(commit.sha);
      }
      expect((await packs(store)).map((p) => p.commits)).toEqual([26]);
      expect(loaded).toEqual(await fromRows(store, repo));
    } finally {
      await store.close();
      repo.cleanup();
    }
  });

  test(`commits stored after the packs are read from rows and packed${skip}`, async () => {
    const repo = makeRepo();
    history(repo, 0, 10);
    const store = await Store.open(await open());
    try {
      await scan(store, repo);
      history(repo, 10, 16);
      await scan(store, repo);
      const last = (await packs(store)).at(-1)!;
      // As if a legible without packs had stored the last scan's commits.
      await store.db.deleteFrom("history_packs").where("last_id", "=", last.last).execute();
      const loaded = await load(store, repo);
      expect(loaded).toHaveLength(16);
      expect((await packs(store)).map((p) => p.commits)).toEqual([10, 6]);
      expect(loaded).toEqual(await fromRows(store, repo));
    } finally {
      await store.close();
      repo.cleanup();
    }
  });

  test(`more than 64 packs are merged into one by the next load${skip}`, async () => {
    const repo = makeRepo();
    history(repo, 0, 66);
    const store = await Store.open(await open());
    try {
      await scan(store, repo, 1);
      expect(await packs(store)).toHaveLength(66);
      const loaded = await load(store, repo);
      expect(await packs(store)).toEqual([{ first: 1, last: 66, commits: 66 }]);
      expect(await load(store, repo)).toEqual(loaded);
      expect(loaded).toEqual(await fromRows(store, repo));
    } finally {
      await store.close();
      repo.cleanup();
    }
  });

  test(`a pack this legible cannot read is replaced from rows${skip}`, async () => {
    const repo = makeRepo();
    history(repo, 0, 14);
    const store = await Store.open(await open());
    try {
      await scan(store, repo, 5);
      const expected = await load(store, repo);
      await store.db
        .updateTable("history_packs")
        .set({ body: JSON.stringify({ v: 999 }) })
        .where("commits", "=", 5)
        .execute();
      expect(await load(store, repo)).toEqual(expected);
      expect((await packs(store)).map((p) => p.commits)).toEqual([14]);
      expect(await load(store, repo)).toEqual(expected);
    } finally {
      await store.close();
      repo.cleanup();
    }
  });

  test(`a rewritten history drops its packs with its rows${skip}`, async () => {
    const repo = makeRepo();
    history(repo, 0, 12);
    const store = await Store.open(await open());
    try {
      await scan(store, repo);
      repo.git("reset", "-q", "--hard", "HEAD~4");
      repo.commit({ author: ALICE, date: "2024-03-01T00:00:00Z", files: { "web/other.ts": "x" } });
      const rescanned = await scan(store, repo);
      expect(rescanned[0]).toMatchObject({ mode: "rewritten", storedCommits: 9 });
      expect((await packs(store)).map((p) => p.commits)).toEqual([9]);
      expect(await load(store, repo)).toHaveLength(9);
    } finally {
      await store.close();
      repo.cleanup();
    }
  });
});
