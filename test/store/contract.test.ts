import { describe, expect, it } from "vitest";
import { scanRepositories } from "../../src/app/scan.js";
import type { IncidentRow } from "../../src/core/delivery/model.js";
import { isLegibleError } from "../../src/errors.js";
import { Store } from "../../src/store/store.js";
import { storeEngines } from "../helpers/engines.js";
import { makeRepo, type TestRepo } from "../helpers/gitrepo.js";
import { POSTGRES_SKIP, POSTGRES_URL } from "../helpers/postgres.js";
import { ALICE, addStoreHistory, BOB } from "../helpers/store-history.js";

const { engines, file } = storeEngines("contract");

/** A repository of `n` commits of the store tests' history. */
function history(n: number): TestRepo {
  const repo = makeRepo();
  addStoreHistory(repo, 0, n);
  return repo;
}

const scanOptions = (store: Store, extra: object = {}) => ({
  store,
  renameLimit: 0,
  parallelism: 2,
  now: () => new Date("2025-01-01T00:00:00Z"),
  ...extra,
});

/** What the store holds for a repository, in a form both engines must agree on. */
async function contents(store: Store, path: string) {
  const repository = await store.repository(path);
  if (!repository) return null;
  const commits = await store.loadCommits(repository.id);
  return {
    count: await store.commitCount(repository.id),
    commits: commits.map((c) => ({
      sha: c.sha,
      parents: c.parents,
      author: c.author,
      authorTime: c.authorTime,
      coAuthors: c.coAuthors,
      signals: c.signals ?? [],
      changes: c.changes.map((change) => `${change.kind} ${change.oldPath ?? ""} ${change.path}`),
    })),
  };
}

const incident = (key: string, title: string): IncidentRow => ({
  key,
  source: "csv",
  title,
  createdAt: 1_700_000_000,
  resolvedAt: 1_700_003_600,
  service: "checkout",
  severity: "SEV2",
  responders: [{ login: "alice", email: null }],
  repository: null,
});

describe.each(engines)("the store on $engine", ({ engine, skip, open }) => {
  const test = skip ? it.skip : it;

  test(`stores a full scan, then only what is new, and reads it back the same${skip}`, async () => {
    const repo = history(30);
    const store = await Store.open(await open());
    try {
      expect(store.engine).toBe(engine);
      const first = await scanRepositories([repo.dir], scanOptions(store, { batchSize: 7 }));
      expect(first[0]).toMatchObject({ mode: "full", newCommits: 30, storedCommits: 30 });
      const before = await store.state();
      for (let i = 0; i < 4; i++)
        repo.commit({
          author: BOB,
          date: `2024-02-0${i + 1}T09:00:00Z`,
          files: { "api/new.ts": `${i}` },
        });
      const second = await scanRepositories([repo.dir], scanOptions(store));
      expect(second[0]).toMatchObject({ mode: "incremental", newCommits: 4, storedCommits: 34 });
      expect(await store.state()).toBeGreaterThan(before);
      const again = await scanRepositories([repo.dir], scanOptions(store));
      expect(again[0]).toMatchObject({ mode: "up-to-date", newCommits: 0, storedCommits: 34 });
      const held = await contents(store, repo.dir);
      expect(held?.commits).toHaveLength(34);
      const fifth = held?.commits.find((c) => c.coAuthors.length > 0);
      expect(fifth?.coAuthors).toEqual([{ name: "Bob", email: "bob@example.com" }]);
      expect(held?.commits.some((c) => c.changes.includes("R web/f0.ts web/zero.ts"))).toBe(true);
      expect(held?.commits.flatMap((c) => c.signals)).toEqual([
        { kind: "reviewed-by", person: { name: "Bob", email: "bob@example.com" } },
      ]);
      // Parents before children, as stored.
      const seen = new Set<string>();
      for (const commit of held?.commits ?? []) {
        for (const parent of commit.parents) expect(seen.has(parent)).toBe(true);
        seen.add(commit.sha);
      }
    } finally {
      await store.close();
      repo.cleanup();
    }
  });

  test(`resumes an interrupted scan without storing anything twice${skip}`, async () => {
    const repo = history(40);
    const clean = await Store.open(file(`clean-${engine}.db`));
    const store = await Store.open(await open());
    try {
      await scanRepositories([repo.dir], scanOptions(clean));
      let batches = 0;
      const stop = new Error("stopped after two batches");
      await expect(
        scanRepositories(
          [repo.dir],
          scanOptions(store, {
            batchSize: 6,
            afterBatch: () => {
              batches += 1;
              if (batches === 2) throw stop;
            },
          }),
        ),
      ).rejects.toBe(stop);
      const partial = await contents(store, repo.dir);
      expect(partial?.count).toBe(12);
      const resumed = await scanRepositories([repo.dir], scanOptions(store, { batchSize: 6 }));
      expect(resumed[0]).toMatchObject({ mode: "resumed", newCommits: 28, storedCommits: 40 });
      expect(await contents(store, repo.dir)).toEqual(await contents(clean, repo.dir));
    } finally {
      await store.close();
      await clean.close();
      repo.cleanup();
    }
  });

  test(`starts over when the history was rewritten${skip}`, async () => {
    const repo = history(12);
    const store = await Store.open(await open());
    try {
      await scanRepositories([repo.dir], scanOptions(store));
      repo.git("reset", "-q", "--hard", "HEAD~4");
      repo.commit({ author: ALICE, date: "2024-03-01T00:00:00Z", files: { "web/other.ts": "x" } });
      const rescanned = await scanRepositories([repo.dir], scanOptions(store));
      expect(rescanned[0]).toMatchObject({ mode: "rewritten", newCommits: 9, storedCommits: 9 });
      expect((await contents(store, repo.dir))?.commits.map((c) => c.sha)).not.toContain(undefined);
    } finally {
      await store.close();
      repo.cleanup();
    }
  });

  test(`imports idempotently: the same rows again change nothing${skip}`, async () => {
    const store = await Store.open(await open());
    try {
      const rows = [incident("csv:1", "Checkout down"), incident("csv:2", "Search slow")];
      expect(await store.delivery.upsertIncidents(rows)).toEqual({
        inserted: 2,
        updated: 0,
        unchanged: 0,
      });
      const state = await store.state();
      expect(await store.delivery.upsertIncidents(rows)).toEqual({
        inserted: 0,
        updated: 0,
        unchanged: 2,
      });
      expect(
        await store.delivery.upsertIncidents([incident("csv:2", "Search slow again")]),
      ).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
      expect(await store.state()).toBeGreaterThan(state);
      expect((await store.delivery.incidents()).map((i) => i.title)).toEqual([
        "Checkout down",
        "Search slow again",
      ]);
      expect(await store.delivery.counts()).toEqual({
        pullRequests: 0,
        deployments: 0,
        incidents: 2,
      });
      await store.delivery.saveFetchState("github", "o/r", { updatedSince: "x", cursor: null });
      expect(await store.delivery.fetchState("github", "o/r")).toEqual({
        updatedSince: "x",
        cursor: null,
      });
      await store.cachePut("k", "v", 1_000_000);
      expect(await store.cacheGet("k")).toBe("v");
    } finally {
      await store.close();
    }
  });

  test(`two writers scanning the same repository at once store each commit once${skip}`, async () => {
    const repo = history(60);
    const target = await open();
    const one = await Store.open(target);
    const two = await Store.open(target);
    try {
      const [a, b] = await Promise.all([
        scanRepositories([repo.dir], scanOptions(one, { batchSize: 5 })),
        scanRepositories([repo.dir], scanOptions(two, { batchSize: 5 })),
      ]);
      expect(a[0]?.storedCommits).toBe(60);
      expect(b[0]?.storedCommits).toBe(60);
      const held = await contents(one, repo.dir);
      expect(held?.commits).toHaveLength(60);
      expect(new Set(held?.commits.map((c) => c.sha)).size).toBe(60);
      // Each commit's changes once: as many change rows as a single writer stores.
      const single = await Store.open(file(`single-${engine}-${Math.random()}.db`));
      await scanRepositories([repo.dir], scanOptions(single));
      expect(held).toEqual(await contents(single, repo.dir));
      await single.close();
    } finally {
      await one.close();
      await two.close();
      repo.cleanup();
    }
  });

  test(`refuses a schema newer than this legible, in one line that says what to do${skip}`, async () => {
    const target = await open();
    const store = await Store.open(target);
    if (store.engine === "sqlite") {
      await store.close();
      const { default: Database } = await import("better-sqlite3");
      const raw = new Database(target);
      raw.pragma("user_version = 999");
      raw.close();
    } else {
      await store.db.updateTable("legible_schema").set({ version: 999 }).execute();
      await store.close();
    }
    const error = await Store.open(target).catch((e: unknown) => e);
    expect(isLegibleError(error)).toBe(true);
    expect((error as Error).message).toMatch(/written by a newer legible \(schema 999/);
  });
});

describe("PostgreSQL URLs", () => {
  it("a bad URL, an unreachable server and a wrong password are one-line errors without the password", async () => {
    const { locateStore } = await import("../../src/store/engine.js");
    expect(() => locateStore("postgres://user:secret@/", {}, "/", "/")).toThrow(
      "postgres://user:***@/: not a usable PostgreSQL URL (it is not a URL)",
    );
    expect(() => locateStore("postgres://user:secret@host", {}, "/", "/")).toThrow(
      "postgres://user:***@host: not a usable PostgreSQL URL (it names no database)",
    );
    expect(() => locateStore("mysql://x/y", {}, "/", "/")).toThrow(
      /not a database legible can use/,
    );
    expect(locateStore(undefined, { LEGIBLE_DATABASE_URL: "postgres://h/db" }, "/", "/")).toEqual({
      engine: "postgres",
      label: "postgres://h/db",
      target: "postgres://h/db",
    });
    expect(
      locateStore("x.db", { LEGIBLE_DATABASE_URL: "postgres://h/db" }, "/w", "/"),
    ).toMatchObject({
      engine: "sqlite",
      target: "/w/x.db",
    });
    // A port nothing listens on: refused at once.
    const { createServer } = await import("node:net");
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
      });
    });
    const error = await Store.open(`postgres://u:secret@127.0.0.1:${port}/db`).catch(
      (e: unknown) => e,
    );
    expect(isLegibleError(error)).toBe(true);
    expect((error as Error).message).toBe(
      `postgres://u:***@127.0.0.1:${port}/db: cannot reach the PostgreSQL server (ECONNREFUSED)`,
    );
    expect((error as Error).message).not.toContain("secret");
  });

  it(`names a database that does not exist${POSTGRES_SKIP}`, async (context) => {
    if (!POSTGRES_URL) return context.skip();
    const url = new URL(POSTGRES_URL);
    url.pathname = "/no_such_database";
    const error = await Store.open(url.toString()).catch((e: unknown) => e);
    expect(isLegibleError(error)).toBe(true);
    expect((error as Error).message).toMatch(/database "no_such_database" does not exist/);
  });
});
