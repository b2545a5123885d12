/**
 * Organisation scale: a workspace of many repositories scanned by `legible worker` processes on the
 * PostgreSQL job queue, against one `legible scan` into SQLite, in one run.
 *
 *   npm run bench:workers -- [--repos 30] [--min-commits 1000] [--max-commits 6000] [--dir bench/.work/workers]
 *
 * Generates the repositories (bench/generate.ts, seeded: the same histories every run), starts a
 * throwaway PostgreSQL cluster (test/setup/postgres.ts; fsync off, like the tests), and measures:
 * the SQLite scan of the whole workspace; queueing the scans and working them off with 1 and with 2
 * worker processes (each on a fresh database), with every job's own time, from which the time with
 * more workers is projected; the size of each store; and `legible review` over the whole workspace
 * on each engine (and whether the two reviews are identical). Results go to
 * bench/results/workers-<repos>repos.json.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { startCluster } from "../test/setup/postgres.js";
import { generate } from "./generate.js";

const { values } = parseArgs({
  options: {
    repos: { type: "string", default: "30" },
    "min-commits": { type: "string", default: "1000" },
    "max-commits": { type: "string", default: "6000" },
    dir: { type: "string", default: "bench/.work/workers" },
  },
});
const BIN = fileURLToPath(new URL("../bin/legible.js", import.meta.url));
const count = Number(values.repos);
const dir = resolve(values.dir);
const NOW = "2026-01-01T00:00:00Z";

function legible(args: string[], env: NodeJS.ProcessEnv = {}) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    env: { ...process.env, LEGIBLE_NOW: NOW, NO_COLOR: "1", ...env },
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (result.status !== 0)
    throw new Error(`legible ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return { stdout: result.stdout, seconds: (performance.now() - started) / 1000 };
}

async function main() {
  mkdirSync(join(dir, "repos"), { recursive: true });
  const min = Number(values["min-commits"]);
  const max = Number(values["max-commits"]);
  const repositories: { path: string; commits: number }[] = [];
  for (let i = 0; i < count; i++) {
    const commits = Math.round(min + ((max - min) * ((i * 7) % count)) / Math.max(1, count - 1));
    const path = join(dir, "repos", `service-${String(i).padStart(2, "0")}.git`);
    if (!existsSync(path))
      await generate({
        dir: path,
        commits,
        files: Math.round(commits / 4),
        authors: 40,
        seed: i + 1,
        bare: true,
        years: 4,
      });
    repositories.push({ path, commits });
  }
  writeFileSync(
    join(dir, "legible.yaml"),
    `repositories:\n${repositories.map((r) => `  - ${r.path}`).join("\n")}\n`,
  );
  const totalCommits = repositories.reduce((sum, r) => sum + r.commits, 0);
  process.stderr.write(`${count} repositories, ${totalCommits} commits\n`);
  const load = [loadavg()[0]!];

  // SQLite, one process: the embedded default.
  const sqliteDb = join(dir, "sqlite.db");
  for (const suffix of ["", "-wal", "-shm"]) spawnSync("rm", ["-f", `${sqliteDb}${suffix}`]);
  const sqliteScan = legible(["scan", "--db", sqliteDb, "--json"]).seconds;
  process.stderr.write(`sqlite scan: ${sqliteScan.toFixed(1)} s\n`);

  const cluster = await startCluster();
  if ("missing" in cluster) throw new Error(`no PostgreSQL: ${cluster.missing}`);
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  const database = async (name: string) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(cluster.url);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const runs: Record<string, unknown>[] = [];
  let lastUrl = "";
  try {
    for (const workers of [1, 2]) {
      const url = await database(`workers_${workers}`);
      lastUrl = url;
      const queued = legible(["scan", "--queue", "--db", url]).seconds;
      const started = performance.now();
      const children = Array.from({ length: workers }, () =>
        spawn(process.execPath, [BIN, "worker", "--db", url], {
          cwd: dir,
          env: { ...process.env, NO_COLOR: "1", LEGIBLE_TEST_QUEUE_POLL_SECONDS: "1" },
          stdio: "ignore",
        }),
      );
      let jobs: { state: string; output: { seconds?: number } | null }[] = [];
      for (;;) {
        await new Promise((r) => setTimeout(r, 500));
        jobs = JSON.parse(legible(["jobs", "--json", "--limit", "1000", "--db", url]).stdout).jobs;
        if (jobs.filter((j) => j.state === "completed").length >= count) break;
        if (jobs.some((j) => j.state === "failed")) throw new Error("a job failed");
      }
      const wall = (performance.now() - started) / 1000;
      for (const child of children) child.kill("SIGTERM");
      await Promise.all(children.map((c) => new Promise((r) => c.once("exit", r))));
      const perJob = jobs.map((j) => j.output?.seconds ?? 0).sort((a, b) => b - a);
      const sum = perJob.reduce((a, b) => a + b, 0);
      const size = Number(
        (await admin.query("SELECT pg_database_size($1) AS n", [`workers_${workers}`])).rows[0].n,
      );
      runs.push({
        workers,
        queueSeconds: round(queued),
        wallSeconds: round(wall),
        jobSecondsSum: round(sum),
        longestJobSeconds: round(perJob[0] ?? 0),
        storeBytes: size,
      });
      process.stderr.write(
        `${workers} worker(s): ${wall.toFixed(1)} s (jobs ${sum.toFixed(1)} s)\n`,
      );
      load.push(loadavg()[0]!);
    }
    const one = runs[0] as { jobSecondsSum: number; longestJobSeconds: number };
    const projected = [4, 8, 16].map((n) => ({
      workers: n,
      seconds: round(Math.max(one.longestJobSeconds, one.jobSecondsSum / n)),
      note: "one worker per machine: the jobs' own times from the 1-worker run, divided, never below the longest job",
    }));
    // The review of the whole workspace on each engine (already scanned: nothing new to read).
    const reviewSqlite = legible(["review", "--db", sqliteDb]);
    const reviewPostgres = legible(["review", "--db", lastUrl]);
    const result = {
      name: `workers-${count}repos`,
      date: new Date().toISOString(),
      machine: { cores: cpus().length, node: process.version, loadAverage: load.map(round) },
      workspace: {
        repositories: count,
        commits: totalCommits,
        generated: "bench/generate.ts, seeds 1.." + count,
      },
      sqlite: { scanSeconds: round(sqliteScan), storeBytes: statSync(sqliteDb).size },
      postgres: { note: "throwaway cluster, fsync off", runs, projected },
      review: {
        sqliteSeconds: round(reviewSqlite.seconds),
        postgresSeconds: round(reviewPostgres.seconds),
        identical: reviewSqlite.stdout === reviewPostgres.stdout,
      },
    };
    mkdirSync(new URL("results/", import.meta.url), { recursive: true });
    writeFileSync(
      new URL(`results/workers-${count}repos.json`, import.meta.url),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await admin.end();
    cluster.stop();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

await main();
