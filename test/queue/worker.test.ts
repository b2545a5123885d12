/**
 * Workers on the PostgreSQL job queue, as a user runs them: `legible scan --queue`, then
 * `legible worker` processes on a real PostgreSQL server (test/setup/postgres.ts), on git
 * repositories built here. Nothing waits on a clock: each step polls `legible jobs` until the
 * state it needs is there.
 */
import type { ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, runJson, startCli } from "../helpers/cli.js";
import { makeRepo, person, type TestRepo } from "../helpers/gitrepo.js";
import { freshDatabase, POSTGRES_SKIP, POSTGRES_URL } from "../helpers/postgres.js";

interface Job {
  kind: string;
  subject: string;
  state: string;
  retries: number;
  output: { mode?: string; newCommits?: number; storedCommits?: number } | null;
  error: string | null;
}

const test = POSTGRES_URL ? it : it.skip;

let folder: string;
const repos: TestRepo[] = [];
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), "legible-workers-"));
  // legible.yaml for every command here: jobs are lost after 8 s without their worker.
  writeFileSync(
    join(folder, "legible.yaml"),
    "queue:\n  jobTimeoutSeconds: 8\n  retryDelaySeconds: 1\n  retryLimit: 3\n",
  );
});
afterAll(() => {
  for (const repo of repos) repo.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

function built(commits: number, who: string): TestRepo {
  const repo = makeRepo();
  repos.push(repo);
  for (let i = 0; i < commits; i++)
    repo.commit({
      author: person(who),
      date: `2024-03-${String(1 + (i % 28)).padStart(2, "0")}T08:00:00Z`,
      files: { [`src/${i % 5}.ts`]: `${i}\n` },
    });
  return repo;
}

function environment(url: string, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...base,
    LEGIBLE_DATABASE_URL: url,
    LEGIBLE_TEST_QUEUE_POLL_SECONDS: "1",
    LEGIBLE_TEST_QUEUE_MAINTENANCE_SECONDS: "1",
  };
}

const jobs = (env: NodeJS.ProcessEnv) =>
  runJson<{ jobs: Job[] }>(["jobs", "--limit", "500"], { cwd: folder, env }).jobs;

/** Polls `legible jobs` until `done` holds (at most about three minutes). */
async function until(env: NodeJS.ProcessEnv, done: (all: Job[]) => boolean): Promise<Job[]> {
  for (let round = 0; round < 180; round++) {
    const all = jobs(env);
    if (done(all)) return all;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`jobs never reached the expected state: ${JSON.stringify(jobs(env))}`);
}

function output(child: ChildProcess): { text: string } {
  const seen = { text: "" };
  child.stderr?.on("data", (chunk) => {
    seen.text += chunk;
  });
  child.stdout?.on("data", (chunk) => {
    seen.text += chunk;
  });
  return seen;
}

async function stopped(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  child.kill(signal);
  return exited;
}

describe(`legible worker${POSTGRES_SKIP}`, () => {
  test("two workers scan a set of repositories, none twice", async () => {
    const url = await freshDatabase("workers");
    const set = [12, 30, 7, 25, 18, 40].map((n, i) => ({ repo: built(n, `Dev${i}`), commits: n }));
    const env = environment(url, set[0]!.repo.env);
    const queued = runCli(["scan", "--queue", ...set.map((s) => s.repo.dir)], { cwd: folder, env });
    expect(queued.stderr).toBe("");
    expect(queued.stdout.match(/: queued \(/g)).toHaveLength(6);
    // Queued again while waiting: not queued twice.
    const again = runCli(["scan", "--queue", set[0]!.repo.dir], { cwd: folder, env });
    expect(again.stdout).toContain("already queued");
    const workers = [
      startCli(["worker"], { cwd: folder, env }),
      startCli(["worker"], { cwd: folder, env }),
    ];
    const logs = workers.map(output);
    try {
      const all = await until(
        env,
        (list) => list.filter((j) => j.state === "completed").length === 6,
      );
      const scans = all.filter((job) => job.kind === "scan");
      expect(scans).toHaveLength(6);
      for (const { repo, commits } of set) {
        const mine = scans.filter((job) => job.subject === repo.dir);
        expect(mine).toHaveLength(1);
        expect(mine[0]?.output).toMatchObject({
          mode: "full",
          newCommits: commits,
          storedCommits: commits,
        });
      }
    } finally {
      for (const worker of workers) expect(await stopped(worker, "SIGTERM")).toBe(0);
    }
    const lines = logs.map((log) => log.text.match(/ scanned /g)?.length ?? 0);
    expect(lines[0]! + lines[1]!).toBe(6);
    // The store holds each history once: a scan here finds nothing new.
    const rescan = runJson<{ repositories: { mode: string; storedCommits: number }[] }>(
      ["scan", ...set.map((s) => s.repo.dir)],
      { cwd: folder, env },
    );
    expect(rescan.repositories.map((r) => [r.mode, r.storedCommits])).toEqual(
      set.map((s) => ["up-to-date", s.commits]),
    );
  });

  test("a worker killed with SIGKILL mid-scan: the job is retried on another and resumes", async () => {
    const url = await freshDatabase("killed");
    const repo = built(60, "Solo");
    const env = environment(url, repo.env);
    expect(runCli(["scan", "--queue", repo.dir], { cwd: folder, env }).code).toBe(0);
    const first = startCli(["worker"], {
      cwd: folder,
      env: { ...env, LEGIBLE_TEST_BATCH_SIZE: "10", LEGIBLE_TEST_PAUSE_AFTER_BATCHES: "2" },
    });
    const log = output(first);
    for (let i = 0; i < 600 && !log.text.includes("paused after 2 batches"); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log.text).toContain("paused after 2 batches");
    await stopped(first, "SIGKILL");
    const second = startCli(["worker"], { cwd: folder, env });
    try {
      const all = await until(env, (list) => list.some((j) => j.state === "completed"));
      const done = all.find((job) => job.state === "completed");
      expect(done?.retries).toBeGreaterThanOrEqual(1);
      expect(done?.output).toMatchObject({ mode: "resumed", newCommits: 40, storedCommits: 60 });
    } finally {
      expect(await stopped(second, "SIGTERM")).toBe(0);
    }
  });

  test("a scan longer than its job's time limit continues in new jobs instead of being taken for lost", async () => {
    const url = await freshDatabase("long");
    const repo = built(60, "Slow");
    const env = environment(url, repo.env);
    const short = join(folder, "short");
    mkdirSync(short, { recursive: true });
    // A 3 s limit: the scan stops itself at 2.4 s. The pause hook holds each job's scan after two
    // batches until then, so the history takes three jobs.
    writeFileSync(
      join(short, "legible.yaml"),
      "queue:\n  jobTimeoutSeconds: 3\n  retryDelaySeconds: 1\n",
    );
    expect(runCli(["scan", "--queue", repo.dir], { cwd: short, env }).code).toBe(0);
    const worker = startCli(["worker"], {
      cwd: short,
      env: { ...env, LEGIBLE_TEST_BATCH_SIZE: "10", LEGIBLE_TEST_PAUSE_AFTER_BATCHES: "2" },
    });
    try {
      const all = await until(env, (list) =>
        list.some((j) => j.state === "completed" && j.output?.storedCommits === 60),
      );
      const completed = all.filter((job) => job.state === "completed");
      // Two batches per job: at least two jobs ran out of time and handed the rest on.
      expect(
        completed.filter((job) => (job.output as { continued?: boolean }).continued).length,
      ).toBeGreaterThanOrEqual(2);
      expect(all.filter((job) => job.state === "failed" || job.state === "retry")).toEqual([]);
      expect(completed.every((job) => job.retries === 0)).toBe(true);
    } finally {
      expect(await stopped(worker, "SIGTERM")).toBe(0);
    }
  });

  test("jobs and scan --queue need a PostgreSQL store, and say so", () => {
    const repo = built(1, "Lone");
    const env = { ...repo.env, LEGIBLE_DATABASE_URL: "" };
    const result = runCli(["scan", "--queue", repo.dir, "--db", join(folder, "x.db")], {
      cwd: folder,
      env,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the job queue needs a PostgreSQL store");
  });
});

describe(`the same review from SQLite and from PostgreSQL${POSTGRES_SKIP}`, () => {
  test("byte for byte, on the demo organisation", async () => {
    const demo = join(folder, "demo");
    const built = runCli(["demo", demo], { cwd: folder });
    expect(built.code).toBe(0);
    const url = await freshDatabase("review");
    const env = { ...process.env, LEGIBLE_DATABASE_URL: "" };
    // What `legible demo` did into its SQLite file: the demo's exports, imported into PostgreSQL.
    expect(runCli(["import", "--db", url], { cwd: demo, env }).code).toBe(0);
    const fromSqlite = runCli(["review"], { cwd: demo, env });
    const fromPostgres = runCli(["review", "--db", url], { cwd: demo, env });
    expect(fromSqlite.code).toBe(0);
    expect(fromPostgres.code).toBe(0);
    expect(fromPostgres.stdout.length).toBeGreaterThan(1000);
    expect(fromPostgres.stdout).toBe(fromSqlite.stdout);
    const json = (db: string[]) => runCli(["review", "--json", ...db], { cwd: demo, env }).stdout;
    expect(json(["--db", url])).toBe(json([]));
  });
});
