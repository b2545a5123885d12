import { type Kysely, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { scanRepositories } from "../../src/app/scan.js";
import { isLegibleError } from "../../src/errors.js";
import { type Engine, openPostgres, openSqlite } from "../../src/store/engine.js";
import {
  type HistorySummary,
  mergeSummaries,
  summarisePack,
} from "../../src/store/history-summary.js";
import { MIGRATIONS } from "../../src/store/schema.js";
import { Store, type StoredCommit } from "../../src/store/store.js";
import { storeEngines } from "../helpers/engines.js";
import { makeRepo, type TestRepo } from "../helpers/gitrepo.js";
import { ALICE, addStoreHistory } from "../helpers/store-history.js";

const { engines } = storeEngines("packs");

/** Commits `from` to `to` - 1 of the store tests' history, with a revert at 12. */
const history = (repo: TestRepo, from: number, to: number) =>
  addStoreHistory(repo, from, to, { revertAt: 12 });

const scan = (store: Store, repo: TestRepo, batchSize = 2500) =>
  scanRepositories([repo.dir], {
    store,
    renameLimit: 0,
    parallelism: 2,
    batchSize,
    now: () => new Date("2025-01-01T00:00:00Z"),
  });

async function load(store: Store, path: string): Promise<StoredCommit[]> {
  const repository = await store.repository(path);
  return await store.loadCommits(repository!.id);
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

const summaries = async (store: Store) =>
  (
    await store.db
      .selectFrom("history_summaries")
      .select(["last_id", "commits"])
      .orderBy("last_id")
      .execute()
  ).map((row) => ({ last: Number(row.last_id), commits: Number(row.commits) }));

/**
 * What a merged summary says, whatever packs it came from: per path, each tuple's adds, changes
 * and latest time added up (packs keep one entry per pack), the dates as a set.
 */
function summarised(summary: HistorySummary) {
  const records: Record<string, Record<string, number[]>> = {};
  for (const [path, tallies] of summary.records) {
    const byTuple: Record<string, number[]> = {};
    for (let k = 0; k < tallies.length; k += 4) {
      const key = summary.tuples[tallies[k]!]!.map((i) => summary.identities[i]!.email).join(" ");
      const [adds, changes, last] = byTuple[key] ?? [0, 0, 0];
      byTuple[key] = [
        adds! + tallies[k + 1]!,
        changes! + tallies[k + 2]!,
        Math.max(last!, tallies[k + 3]!),
      ];
    }
    records[path] = byTuple;
  }
  const { times, tuples, records: _records, renames, ...rest } = summary;
  return {
    ...rest,
    records,
    renames: [...renames].map(([path, list]) => [path, list.map((r) => r.old)]).sort(),
    times: [...new Set(times.flatMap((chunk) => [...chunk]))].sort((a, b) => a - b),
  };
}

/** Parents before children. */
function expectParentsFirst(commits: StoredCommit[]): void {
  const seen = new Set<string>();
  for (const commit of commits) {
    for (const parent of commit.parents) expect(seen.has(parent)).toBe(true);
    seen.add(commit.sha);
  }
}

const ada = { name: "Ada", email: "ada@example.com" };
const grace = { name: "Grace", email: "grace@example.com" };
const sha = (n: number) => String(n).repeat(40).slice(0, 40);

/** Commits as a legible from before packs stored them: rows, with child rows. */
const LEGACY: StoredCommit[] = [
  {
    sha: sha(1),
    parents: [],
    author: ada,
    authorTime: 1_700_000_000,
    commitTime: 1_700_000_000,
    subject: "first",
    coAuthors: [],
    isMerge: false,
    skipped: null,
    changes: [{ sha: sha(1), kind: "A", path: "a.ts", oldPath: null }],
  },
  {
    sha: sha(2),
    parents: [sha(1)],
    author: grace,
    authorTime: 1_700_000_100,
    commitTime: 1_700_000_200,
    subject: "second",
    coAuthors: [ada],
    isMerge: false,
    skipped: null,
    signals: [
      { kind: "reviewed-by", person: ada },
      { kind: "reverts", sha: sha(1) },
    ],
    changes: [
      { sha: sha(2), kind: "R", path: "b.ts", oldPath: "a.ts" },
      { sha: sha(2), kind: "M", path: "c.ts", oldPath: null },
    ],
  },
  {
    sha: sha(3),
    parents: [sha(2), sha(1)],
    author: ada,
    authorTime: 1_700_000_300,
    commitTime: 1_700_000_300,
    subject: "merge",
    coAuthors: [],
    isMerge: true,
    skipped: "fatal: bad tree",
    changes: [],
  },
];

/** Migrations that ran before the one that brought history packs. */
const BEFORE_PACKS = 7;

/** A database from before history packs holding LEGACY in repository "/legacy", by row. */
async function legacyStore(engine: Engine, target: string): Promise<void> {
  const opened = engine === "sqlite" ? openSqlite(target, 5000) : await openPostgres(target);
  // biome-ignore lint/suspicious/noExplicitAny: the tables of an older schema
  const db = opened.db as unknown as Kysely<any>;
  try {
    for (const migration of MIGRATIONS.slice(0, BEFORE_PACKS)) await migration(db, engine);
    if (engine === "sqlite") await sql.raw(`PRAGMA user_version = ${BEFORE_PACKS}`).execute(db);
    else {
      await sql`CREATE TABLE legible_schema (version integer NOT NULL)`.execute(db);
      await sql`INSERT INTO legible_schema (version) VALUES (${BEFORE_PACKS})`.execute(db);
    }
    const { id } = await db
      .insertInto("repositories")
      .values({ path: "/legacy", name: "legacy" })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const commit of LEGACY) {
      const row = await db
        .insertInto("commits")
        .values({
          repository_id: id,
          sha: commit.sha,
          parents: commit.parents.join(" "),
          author_name: commit.author.name,
          author_email: commit.author.email,
          author_time: commit.authorTime,
          commit_time: commit.commitTime,
          subject: commit.subject,
          is_merge: Number(commit.isMerge),
          skipped: commit.skipped,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (const co of commit.coAuthors)
        await db
          .insertInto("co_authors")
          .values({ commit_id: row.id, ...co })
          .execute();
      for (const change of commit.changes)
        await db
          .insertInto("file_changes")
          .values({
            commit_id: row.id,
            kind: change.kind,
            path: change.path,
            old_path: change.oldPath,
          })
          .execute();
      for (const signal of commit.signals ?? [])
        await db
          .insertInto("commit_signals")
          .values(
            signal.kind === "reverts"
              ? { commit_id: row.id, kind: signal.kind, name: "", email: "", target: signal.sha }
              : { commit_id: row.id, kind: signal.kind, ...signal.person, target: null },
          )
          .execute();
    }
  } finally {
    await db.destroy();
  }
}

describe.each(engines)("history packs on $engine", ({ engine, skip, open }) => {
  const test = skip ? it.skip : it;

  test(`a scan packs each batch, and the packs load back whole${skip}`, async () => {
    const repo = makeRepo();
    history(repo, 0, 30);
    const store = await Store.open(await open());
    const whole = await Store.open(await open());
    try {
      await scan(store, repo, 7);
      const packed = await packs(store);
      expect(packed.map((p) => p.commits)).toEqual([7, 7, 7, 7, 2]);
      // Each pack holds a contiguous run of row ids, following the one before.
      for (let k = 1; k < packed.length; k++)
        expect(packed[k]!.first).toBe(packed[k - 1]!.last + 1);
      const loaded = await load(store, repo.dir);
      expect(loaded).toHaveLength(30);
      expectParentsFirst(loaded);
      expect(loaded.find((c) => c.coAuthors.length > 0)?.coAuthors).toEqual([
        { name: "Bob", email: "bob@example.com" },
      ]);
      expect(loaded.flatMap((c) => c.changes).filter((c) => c.kind === "R")).toMatchObject([
        { path: "web/zero.ts", oldPath: "web/f0.ts" },
      ]);
      expect(loaded.flatMap((c) => c.signals ?? []).map((s) => s.kind)).toEqual([
        "reviewed-by",
        "reverts",
      ]);
      // The same history scanned in one batch: one pack, the same commits.
      await scan(whole, repo);
      expect((await packs(whole)).map((p) => p.commits)).toEqual([30]);
      expect(await load(whole, repo.dir)).toEqual(loaded);
    } finally {
      await store.close();
      await whole.close();
      repo.cleanup();
    }
  });

  test(`an incremental scan asks the store which commits it holds, and reads only the others${skip}`, async () => {
    const repo = makeRepo();
    history(repo, 0, 12);
    const store = await Store.open(await open());
    try {
      await scan(store, repo);
      const first = await load(store, repo.dir);
      const id = (await store.repository(repo.dir))!.id;
      const some = [first[0]!.sha, first[11]!.sha, "f".repeat(40)];
      expect(await store.storedAmong(id, some)).toEqual(new Set(some.slice(0, 2)));
      history(repo, 12, 20);
      const [again] = await scan(store, repo, 3);
      expect(again).toMatchObject({ mode: "incremental", newCommits: 8, storedCommits: 20 });
      const loaded = await load(store, repo.dir);
      expect(loaded.slice(0, 12)).toEqual(first);
      expectParentsFirst(loaded);
      expect(new Set(loaded.map((c) => c.sha))).toEqual(
        new Set(repo.git("rev-list", "HEAD").split("\n")),
      );
    } finally {
      await store.close();
      repo.cleanup();
    }
  });

  test(`a store from before packs is packed by its migration${skip}`, async () => {
    const target = await open();
    await legacyStore(engine, target);
    const store = await Store.open(target);
    try {
      expect(await packs(store)).toEqual([{ first: 1, last: 3, commits: 3 }]);
      expect(await load(store, "/legacy")).toEqual(LEGACY);
      await expect(sql`SELECT count(*) FROM file_changes`.execute(store.db)).rejects.toThrow(
        /file_changes/,
      );
      if (engine === "sqlite") {
        // The dropped tables' pages are given back to the file system.
        const free = await sql<{
          n: number;
        }>`SELECT freelist_count AS n FROM pragma_freelist_count`.execute(store.db);
        expect(free.rows[0]?.n).toBe(0);
      }
    } finally {
      await store.close();
    }
  });

  test(`more than 16 small packs are merged by the next load${skip}`, async () => {
    const repo = makeRepo();
    history(repo, 0, 66);
    const store = await Store.open(await open());
    try {
      await scan(store, repo, 1);
      expect(await packs(store)).toHaveLength(66);
      const loaded = await load(store, repo.dir);
      expect(loaded).toHaveLength(66);
      expect(await packs(store)).toEqual([{ first: 1, last: 66, commits: 66 }]);
      expect(await load(store, repo.dir)).toEqual(loaded);
      // Scanned again later: the merged pack and a new one.
      history(repo, 66, 70);
      await scan(store, repo, 1);
      expect((await packs(store)).map((p) => p.commits)).toEqual([66, 1, 1, 1, 1]);
      const more = await load(store, repo.dir);
      expect(more.slice(0, 66)).toEqual(loaded);
      expect(more).toHaveLength(70);
      expectParentsFirst(more);
    } finally {
      await store.close();
      repo.cleanup();
    }
  });

  test(`a damaged pack is an error that names the store${skip}`, async () => {
    const repo = makeRepo();
    history(repo, 0, 6);
    const target = await open();
    const store = await Store.open(target);
    try {
      await scan(store, repo);
      await store.db
        .updateTable("history_packs")
        .set({ body: JSON.stringify({ v: 999 }) })
        .execute();
      const failure = await load(store, repo.dir).catch((error: unknown) => error);
      expect(isLegibleError(failure)).toBe(true);
      expect((failure as Error).message).toContain(store.path);
      expect((failure as Error).message).toContain("history pack");
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
      expect(await load(store, repo.dir)).toHaveLength(9);
    } finally {
      await store.close();
      repo.cleanup();
    }
  });

  test(`each pack's summary is written with it, follows the merge of small packs and goes with a rewritten history${skip}`, async () => {
    const repo = makeRepo();
    history(repo, 0, 20);
    const store = await Store.open(await open());
    try {
      await scan(store, repo, 1);
      const id = (await store.repository(repo.dir))!.id;
      const packed = await packs(store);
      expect(await summaries(store)).toEqual(
        packed.map(({ last, commits }) => ({ last, commits })),
      );
      const perPack = await store.loadSummaries(id);
      expect(perPack?.commits).toBe(20);
      const loaded = await load(store, repo.dir); // merges the 20 packs of one commit
      expect(await summaries(store)).toEqual([{ last: 20, commits: 20 }]);
      // Per pack or merged, and from the loaded commits: the same history.
      const whole = mergeSummaries([summarisePack(loaded)])!;
      expect(summarised(mergeSummaries(perPack!.bodies)!)).toEqual(summarised(whole));
      expect(summarised(mergeSummaries((await store.loadSummaries(id))!.bodies)!)).toEqual(
        summarised(whole),
      );
      expect(whole.commits).toBe(20);
      expect(whole.renames.get("web/zero.ts")?.map((r) => r.old)).toEqual(["web/f0.ts"]);
      repo.git("reset", "-q", "--hard", "HEAD~4");
      repo.commit({ author: ALICE, date: "2024-03-01T00:00:00Z", files: { "web/other.ts": "x" } });
      await scan(store, repo);
      const rewritten = await packs(store);
      expect(rewritten.map((p) => p.commits)).toEqual([17]);
      expect(await summaries(store)).toEqual(
        rewritten.map(({ last, commits }) => ({ last, commits })),
      );
    } finally {
      await store.close();
      repo.cleanup();
    }
  });

  test(`packs stored before summaries, or with a summary of another version, get theirs when the history is next loaded${skip}`, async () => {
    const target = await open();
    await legacyStore(engine, target);
    const store = await Store.open(target);
    try {
      const id = (await store.repository("/legacy"))!.id;
      expect(await store.loadSummaries(id)).toBeNull();
      await load(store, "/legacy");
      const stored = await store.loadSummaries(id);
      expect(stored?.commits).toBe(3);
      expect(mergeSummaries(stored!.bodies)?.identities).toEqual([ada, grace]);
      // A summary of another version is not read, and is written again by the next load.
      await store.db.updateTable("history_summaries").set({ body: '{"v":1}' }).execute();
      expect(mergeSummaries((await store.loadSummaries(id))!.bodies)).toBeNull();
      await load(store, "/legacy");
      expect(mergeSummaries((await store.loadSummaries(id))!.bodies)?.commits).toBe(3);
    } finally {
      await store.close();
    }
  });
});
