import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../bench/generate.js";
import type { KnowledgeReport } from "../../src/app/report-types.js";
import type { RepositoryScan } from "../../src/app/scan.js";
import { decodePack } from "../../src/store/history-pack.js";
import { runCli, runJson, startCli } from "../helpers/cli.js";
import { makeRepo, person, type TestRepo } from "../helpers/gitrepo.js";
import { storedChanges, storedCommits } from "../helpers/stored.js";

const ADA = person("Ada");
const GRACE = person("Grace");

function history(repo: TestRepo, count: number, start = 0): string[] {
  const shas: string[] = [];
  for (let i = start; i < start + count; i++) {
    shas.push(
      repo.commit({
        author: i % 2 ? ADA : GRACE,
        date: `2024-0${1 + (i % 9)}-1${i % 10}T10:00:00Z`,
        files: { [`src/f${i % 4}.ts`]: `v${i}\n` },
      }),
    );
  }
  return shas;
}

type ScanOutput = { repositories: RepositoryScan[] };

describe("legible scan", () => {
  let repo: TestRepo;
  const scan = (...args: string[]) =>
    runJson<ScanOutput>(["scan", ...args, "--db", join(repo.root, "x.db")], {
      cwd: repo.dir,
      env: repo.env,
    }).repositories[0]!;
  beforeAll(() => {
    repo = makeRepo();
    history(repo, 5);
  });
  afterAll(() => repo.cleanup());

  it("reads everything first, then only new commits, then nothing", () => {
    expect(scan()).toMatchObject({ mode: "full", newCommits: 5, storedCommits: 5 });
    history(repo, 3, 5);
    expect(scan()).toMatchObject({ mode: "incremental", newCommits: 3, storedCommits: 8 });
    expect(scan()).toMatchObject({ mode: "up-to-date", newCommits: 0, storedCommits: 8 });
  });

  it("detects rewritten history and rescans", () => {
    repo.git("reset", "-q", "--hard", "HEAD~2");
    history(repo, 1, 20);
    const result = scan();
    expect(result.mode).toBe("rewritten");
    expect(result.storedCommits).toBe(7);
    expect(result.newCommits).toBe(7);
  });

  it("stores the database beside the config, with a .gitignore, when --db is not given", () => {
    const result = runCli(["scan"], { cwd: repo.dir, env: repo.env });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^repo \(HEAD @ [0-9a-f]{12}\): full scan; 7 commits read, 7 commits stored/,
    );
    expect(existsSync(join(repo.dir, ".legible", "legible.db"))).toBe(true);
    expect(repo.git("status", "--porcelain")).toBe("");
  });

  it("reads a bare repository and any --ref from the object store", () => {
    const bare = repo.cloneBare();
    const db = join(repo.root, "bare.db");
    const all = runJson<ScanOutput>(["scan", bare, "--db", db], { cwd: repo.root, env: repo.env })
      .repositories[0]!;
    expect(all).toMatchObject({
      newCommits: Number(repo.git("rev-list", "--count", "HEAD")),
      path: bare,
    });
    const older = runJson<ScanOutput>(
      ["scan", bare, "--ref", "HEAD~3", "--db", join(repo.root, "old.db")],
      { cwd: repo.root, env: repo.env },
    );
    expect(older.repositories[0]!.newCommits).toBe(all.newCommits - 3);
    // HEAD next, in the same store: a first scan of this ref reads only the three commits after
    // what the other ref's scan stored, and says so.
    const newer = runJson<ScanOutput>(["scan", bare, "--db", join(repo.root, "old.db")], {
      cwd: repo.root,
      env: repo.env,
    });
    expect(newer.repositories[0]).toMatchObject({
      mode: "incremental",
      newCommits: 3,
      storedCommits: all.newCommits,
    });
  });

  it("rejects bad input with one line naming the path or ref, and exit code 2", () => {
    const notRepo = runCli(["scan", repo.root], { cwd: repo.root, env: repo.env });
    expect(notRepo.code).toBe(2);
    expect(notRepo.stderr).toBe(
      `legible: ${repo.root}: not a git repository\n  hint: expected a work tree or a bare repository (a folder with .git, or one made by git clone --bare)\n`,
    );
    const missing = runCli(["scan", join(repo.root, "nope")], { cwd: repo.root, env: repo.env });
    expect(missing.stderr.split("\n")[0]).toBe(
      `legible: ${join(repo.root, "nope")}: no such directory`,
    );
    const ref = runCli(["scan", "--ref", "no-such-branch", "--db", join(repo.root, "r.db")], {
      cwd: repo.dir,
      env: repo.env,
    });
    expect(ref.code).toBe(2);
    expect(ref.stderr.split("\n")[0]).toBe(`legible: ${repo.dir}: unknown ref 'no-such-branch'`);
    const option = runCli(["scan", "--frobnicate"], { cwd: repo.dir, env: repo.env });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--frobnicate'");
  });

  it("names the file, line and key of a bad config, and writes nothing", () => {
    const dir = makeRepo({
      commits: [
        {
          author: ADA,
          date: "2024-01-01T00:00:00Z",
          files: { "legible.yaml": "activeDays: 90\nidentity:\n  rule: by-vibes\n" },
        },
      ],
    });
    try {
      const result = runCli(["scan"], { cwd: dir.dir, env: dir.env });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `legible: ${join(dir.dir, "legible.yaml")}:3: identity.rule: expected one of "email", "email-or-name"\n`,
      );
      expect(existsSync(join(dir.dir, ".legible"))).toBe(false);
    } finally {
      dir.cleanup();
    }
  });
});

describe("commits git cannot read", () => {
  it("skips only the commits whose diff needs the missing object, and reports them", () => {
    const repo = makeRepo();
    try {
      history(repo, 2);
      const broken = repo.commit({
        author: ADA,
        date: "2024-05-01T00:00:00Z",
        files: { "src/broken.ts": "b\n" },
      });
      const [child] = history(repo, 2, 10);
      repo.removeObject(repo.treeOf(broken));
      expect(repo.tryGit("log", "--name-status").status).not.toBe(0); // plain git log stops half way
      const db = join(repo.root, "x.db");
      const scanned = runJson<ScanOutput>(["scan", "--db", db], { cwd: repo.dir, env: repo.env })
        .repositories[0]!;
      expect(scanned.newCommits).toBe(5);
      // The broken commit's own diff and its child's diff (against the broken tree) need the tree.
      expect(scanned.skipped.map((s) => s.sha)).toEqual([broken, child]);
      expect(scanned.skipped[0]!.reason).toMatch(/unable to read|could not read|bad tree/);
      const text = runCli(["scan", "--db", join(repo.root, "y.db")], {
        cwd: repo.dir,
        env: repo.env,
      });
      expect(text.stdout).toContain(`skipped ${broken}`);
      expect(storedChanges(db)).toHaveLength(3); // the 3 readable commits each changed one file
      // Read as several ranges (one git per core), a failing range is read again batch by batch.
      for (const ranges of ["2", "3"]) {
        const split = join(repo.root, `split-${ranges}.db`);
        const again = runJson<ScanOutput>(["scan", "--db", split], {
          cwd: repo.dir,
          env: { ...repo.env, LEGIBLE_TEST_SCAN_RANGES: ranges },
        }).repositories[0]!;
        expect(again.newCommits).toBe(5);
        expect(again.skipped.map((s) => s.sha)).toEqual([broken, child]);
        const splitDb = new Database(split, { readonly: true });
        expect(storedChanges(split)).toHaveLength(3);
        expect(splitDb.prepare("SELECT count(*) AS n FROM commits").get()).toEqual({ n: 5 });
        splitDb.close();
      }
      const report = runJson<KnowledgeReport>(["knowledge", "--db", db], {
        cwd: repo.dir,
        env: repo.env,
        now: "2024-12-01T00:00:00Z",
      });
      expect(report.repositories[0]!.universe.skippedCommits.map((s) => s.sha)).toEqual([
        broken,
        child,
      ]);
      expect(report.repositories[0]!.caveats.join(" ")).toContain(
        "2 commit(s) of repo could not be read",
      );
    } finally {
      repo.cleanup();
    }
  });
});

describe("shallow and partial clones", () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = makeRepo();
    history(repo, 4);
    repo.commit({
      author: ADA,
      date: "2024-10-01T00:00:00Z",
      renames: { "src/f0.ts": "src/moved.ts" },
    });
  });
  afterAll(() => repo.cleanup());

  it("says a shallow history is truncated in every report", () => {
    const shallow = repo.cloneShallow(1);
    const db = join(repo.root, "s.db");
    expect(
      runJson<ScanOutput>(["scan", shallow, "--db", db], { cwd: repo.root, env: repo.env })
        .repositories[0],
    ).toMatchObject({ shallow: true, newCommits: 1 });
    const report = runJson<KnowledgeReport>(["knowledge", shallow, "--db", db], {
      cwd: repo.root,
      env: repo.env,
      now: "2024-12-01T00:00:00Z",
    });
    expect(report.repositories[0]!.caveats[0]).toMatch(/shallow clone: its history is truncated/);
    const review = runCli(["review", shallow, "--db", db], {
      cwd: repo.root,
      env: repo.env,
      now: "2024-12-01T00:00:00Z",
    });
    expect(review.stdout).toMatch(/shallow clone: its history is truncated/);
  });

  it("reads a blobless clone without rename detection and says so", () => {
    const partial = repo.clonePartial({ checkout: false });
    const db = join(repo.root, "p.db");
    const scanned = runJson<ScanOutput>(["scan", partial, "--db", db], {
      cwd: repo.root,
      env: repo.env,
    }).repositories[0]!;
    expect(scanned).toMatchObject({ partial: true, renames: false, newCommits: 5 });
    const report = runJson<KnowledgeReport>(["knowledge", partial, "--db", db], {
      cwd: repo.root,
      env: repo.env,
      now: "2024-12-01T00:00:00Z",
    });
    expect(report.repositories[0]!.caveats.join(" ")).toMatch(/renames cannot be detected offline/);
  });
});

describe("an interrupted scan", () => {
  // Test hooks (src/cli/test-hooks.ts) stop the scan after an exact number of committed batches, so
  // these tests wait on events, never on the clock, whatever the machine's load.
  const STOPPED =
    "legible: interrupted; what was stored is consistent; the next scan continues from there\n";
  let root: TestRepo;
  let dir: string;
  const hooks = (extra: Record<string, string>) => ({
    ...root.env,
    LEGIBLE_TEST_BATCH_SIZE: "100",
    ...extra,
  });
  const scanInto = (db: string, env = hooks({})) =>
    runJson<ScanOutput>(["scan", dir, "--db", db], { cwd: root.root, env }).repositories[0]!;
  /** Every stored row, keyed by commit id, and the scan state: equal means the same store. */
  const contents = (file: string) => {
    const database = new Database(file, { readonly: true });
    const rows = (sql: string) => database.prepare(sql).all();
    const digest = (sql: string) =>
      createHash("sha256")
        .update(JSON.stringify(rows(sql)))
        .digest("hex");
    const result = {
      commits: (database.prepare("SELECT count(*) AS n FROM commits").get() as { n: number }).n,
      scans: rows("SELECT ref, tip, target, checkpoint FROM scans"),
      commitRows: digest("SELECT sha, parents FROM commits ORDER BY sha"),
      commitFields: storedCommits(file)
        .map((c) => JSON.stringify({ ...c, changes: undefined }))
        .sort(),
      fileChanges: storedChanges(file),
      coAuthors: storedCommits(file)
        .flatMap((c) => c.coAuthors.map((a) => `${c.sha} ${a.email} ${a.name}`))
        .sort(),
    };
    database.close();
    return result;
  };
  /** Continued, not restarted: it reads exactly the commits not yet stored, side branches too. */
  const expectResumed = (scan: RepositoryScan, stored: number) => {
    expect(scan).toMatchObject({ mode: "resumed", storedCommits: 400, newCommits: 400 - stored });
  };
  let clean: ReturnType<typeof contents>;
  beforeAll(async () => {
    root = makeRepo();
    dir = join(root.root, "big");
    const generated = await generate({ dir, commits: 400, files: 100, authors: 10, seed: 7 });
    // Merges of side branches: a cut in the walk leaves side-branch commits past the checkpoint.
    expect(generated.merges).toBeGreaterThan(10);
    expect(generated.sideBranchCommits).toBeGreaterThan(50);
    const full = scanInto(join(root.root, "clean.db"));
    expect(full).toMatchObject({ mode: "full", newCommits: 400, storedCommits: 400 });
    clean = contents(join(root.root, "clean.db"));
  });
  afterAll(() => root.cleanup());

  it("leaves a consistent store that the next scan completes, identical to an uninterrupted one", () => {
    const db = join(root.root, "stopped.db");
    const stopped = runCli(["scan", dir, "--db", db], {
      cwd: root.root,
      env: hooks({ LEGIBLE_TEST_STOP_AFTER_BATCHES: "2" }),
    });
    expect(stopped).toEqual({ code: 130, stdout: "", stderr: STOPPED });
    const partial = contents(db);
    expect(partial.commits).toBe(200); // exactly the two committed batches
    expect(partial.scans).toEqual([
      { ref: "HEAD", tip: null, target: expect.any(String), checkpoint: expect.any(String) },
    ]);
    expectResumed(scanInto(db), 200);
    expect(contents(db)).toEqual(clean);
  });

  it("resumes wherever it stopped reading only what is not stored, even after a second interruption", () => {
    for (const batches of [1, 3, 5, 7]) {
      const db = join(root.root, `stopped-${batches}.db`);
      const env = hooks({ LEGIBLE_TEST_BATCH_SIZE: "50" });
      const stop = (n: number) => ({ ...env, LEGIBLE_TEST_STOP_AFTER_BATCHES: String(n) });
      expect(runCli(["scan", dir, "--db", db], { cwd: root.root, env: stop(batches) }).code).toBe(
        130,
      );
      expect(contents(db).commits).toBe(50 * batches);
      // Interrupted again while resuming: two checkpoints' worth of side branches are stored.
      expect(runCli(["scan", dir, "--db", db], { cwd: root.root, env: stop(1) }).code).toBe(130);
      const stored = contents(db).commits;
      expect(stored).toBe(50 * (batches + 1));
      expectResumed(scanInto(db, env), stored);
      expect(contents(db)).toEqual(clean);
    }
  });

  /**
   * Every stored commit's stored parents come before it in stored order (the history packs in key
   * order, each in its own order), every commit row is in a pack, and no pack holds a commit whose
   * parent a later pack holds: what each committed batch left stored is closed under ancestry.
   */
  const parentsFirst = (file: string) => {
    const database = new Database(file, { readonly: true });
    const rows = database.prepare("SELECT id, sha, parents FROM commits").all() as {
      id: number;
      sha: string;
      parents: string;
    }[];
    const packs = database
      .prepare("SELECT first_id, last_id, body FROM history_packs ORDER BY last_id")
      .all() as { first_id: number; last_id: number; body: string }[];
    database.close();
    const order = new Map<string, number>();
    for (const pack of packs)
      for (const commit of decodePack(pack.body) ?? []) order.set(commit.sha, order.size);
    const packOf = (id: number) => packs.findIndex((p) => p.first_id <= id && id <= p.last_id);
    const stored = new Map(rows.map((row) => [row.sha, row]));
    return rows.filter(
      (row) =>
        !order.has(row.sha) ||
        row.parents
          .split(" ")
          .filter((parent) => parent !== "")
          .some(
            (parent) =>
              !stored.has(parent) ||
              !(order.get(parent)! < order.get(row.sha)!) ||
              packOf(stored.get(parent)!.id) > packOf(row.id),
          ),
    );
  };

  it("reads a history split into ranges (one git per core) exactly as one stream, even when interrupted", () => {
    const split = hooks({ LEGIBLE_TEST_SCAN_RANGES: "4" });
    const whole = join(root.root, "split.db");
    expect(scanInto(whole, split)).toMatchObject({ mode: "full", newCommits: 400 });
    expect(contents(whole)).toEqual(clean);
    expect(parentsFirst(whole)).toEqual([]);
    for (const batches of [1, 3]) {
      const db = join(root.root, `split-stopped-${batches}.db`);
      const stop = { ...split, LEGIBLE_TEST_STOP_AFTER_BATCHES: String(batches) };
      expect(runCli(["scan", dir, "--db", db], { cwd: root.root, env: stop }).code).toBe(130);
      expect(contents(db).commits).toBe(100 * batches);
      expect(parentsFirst(db)).toEqual([]);
      expectResumed(scanInto(db, split), 100 * batches);
      expect(contents(db)).toEqual(clean);
      expect(parentsFirst(db)).toEqual([]);
    }
  });

  it("stops on a real SIGINT, with the same outcome", async () => {
    const db = join(root.root, "signalled.db");
    const child = startCli(["scan", dir, "--db", db], {
      cwd: root.root,
      env: hooks({ LEGIBLE_TEST_PAUSE_AFTER_BATCHES: "1" }),
    });
    let stderr = "";
    const exit = new Promise<number | null>((resolve) => child.on("close", resolve));
    // The scan announces that one batch is committed and waits for a signal: no race, no timer.
    await new Promise<void>((resolve, reject) => {
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes("paused after 1 batches\n")) resolve();
      });
      child.on("close", () => reject(new Error(`the scan ended before pausing: ${stderr}`)));
    });
    child.kill("SIGINT");
    expect(await exit).toBe(130);
    expect(stderr).toBe(`legible: test hook: paused after 1 batches\n${STOPPED}`);
    expect(contents(db).commits).toBe(100);
    expectResumed(scanInto(db), 100);
    expect(contents(db)).toEqual(clean);
  });

  it("rejects a test hook that is not a positive whole number", () => {
    const result = runCli(["scan", dir, "--db", join(root.root, "bad.db")], {
      cwd: root.root,
      env: hooks({ LEGIBLE_TEST_STOP_AFTER_BATCHES: "soon" }),
    });
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: "legible: LEGIBLE_TEST_STOP_AFTER_BATCHES=soon: expected a positive whole number\n",
    });
  });
});
