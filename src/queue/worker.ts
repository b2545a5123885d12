import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type PgBoss from "pg-boss";
import { type RepositoryScan, type RepositoryTarget, scanRepositories } from "../app/scan.js";
import { legibleBin } from "../bin-path.js";
import { LegibleError } from "../errors.js";
import type { StoreLocation } from "../store/engine.js";
import type { Store } from "../store/store.js";
import {
  type CommandJob,
  enqueueCommand,
  enqueueScan,
  isCloneUrl,
  type JobOptions,
  openQueue,
  QUEUES,
  type ScanJob,
} from "./queue.js";

export interface WorkerOptions {
  location: StoreLocation;
  store: Store;
  /** Jobs run at once by this process. */
  concurrency: number;
  /** A cron expression (UTC) for the weekly refresh, or null for none. */
  schedule: string | null;
  /** Options of the jobs this worker queues (the schedule's, continuations). */
  jobs: JobOptions;
  /** How often this worker looks for lost jobs to retry, seconds. */
  maintenanceSeconds: number;
  /** Seconds between polls for new jobs. */
  pollSeconds: number;
  /** Where clone URLs are mirrored. */
  mirrors: string;
  renameLimit: number;
  /** What the schedule scans and whether it refreshes imports (legible.yaml's lists). */
  weekly: { repositories: RepositoryTarget[]; imports: boolean; cwd: string };
  /** Test hooks for scans (pause or stop after n batches, batch size). */
  scanHooks?: (controller: AbortController) => {
    afterBatch?: () => Promise<void> | void;
    batchSize?: number;
  };
  log: (line: string) => void;
  now: () => Date;
  signal: AbortSignal;
}

/**
 * Takes jobs from the queue until `signal` fires, then stops taking new ones and interrupts the
 * running ones: a scan stops at a batch boundary (what it stored is committed), its job fails and
 * is retried later, resuming from the scan's checkpoint. A job running longer than the queue's job
 * timeout is taken for lost (its worker was killed) and retried; to keep long scans from looking
 * lost, a scan stops itself after four fifths of the timeout and queues its own continuation.
 */
export async function runWorker(options: WorkerOptions): Promise<void> {
  const boss = await openQueue(options.location, options.maintenanceSeconds);
  const running = new Set<AbortController>();
  const stop = () => {
    for (const controller of running) controller.abort();
  };
  options.signal.addEventListener("abort", stop, { once: true });
  const work = { batchSize: 1, pollingIntervalSeconds: options.pollSeconds };
  const parallelism = Math.max(1, Math.floor(availableParallelism() / options.concurrency));
  try {
    for (let i = 0; i < options.concurrency; i++) {
      await boss.work<ScanJob>(QUEUES.scan, work, async ([job]) => {
        if (!job) return null;
        const controller = new AbortController();
        running.add(controller);
        try {
          return await scanJob(boss, job, options, controller, parallelism);
        } finally {
          running.delete(controller);
        }
      });
      await boss.work<CommandJob>(QUEUES.command, work, async ([job]) => {
        if (!job) return null;
        const controller = new AbortController();
        running.add(controller);
        try {
          return await commandJob(job.data, options, controller.signal);
        } finally {
          running.delete(controller);
        }
      });
    }
    await boss.work(QUEUES.weekly, work, async () => {
      let queued = 0;
      for (const target of options.weekly.repositories)
        if (
          await enqueueScan(
            boss,
            { repository: target.path, name: target.name, ref: null },
            options.jobs,
          )
        )
          queued += 1;
      if (options.weekly.imports)
        await enqueueCommand(
          boss,
          { command: "import", args: [], cwd: options.weekly.cwd },
          options.jobs,
        );
      options.log(
        `scheduled refresh: ${queued} scans queued${options.weekly.imports ? ", imports refreshed" : ""}`,
      );
      return { queued, imports: options.weekly.imports };
    });
    if (options.schedule) {
      try {
        await boss.schedule(QUEUES.weekly, options.schedule, {}, { tz: "UTC" });
      } catch (error) {
        throw new LegibleError(
          "BAD_USAGE",
          `--schedule ${options.schedule}: not a cron expression (${(error as Error).message})`,
          'expected five fields, e.g. "0 6 * * 1" for Mondays at 06:00 UTC',
        );
      }
    }
    options.log(
      `worker: taking jobs (${options.concurrency} at a time${options.schedule ? `; refresh on "${options.schedule}" UTC` : ""}); Ctrl-C stops`,
    );
    if (!options.signal.aborted)
      await new Promise<void>((resolve) =>
        options.signal.addEventListener("abort", () => resolve(), { once: true }),
      );
    options.log("worker: stopping; running jobs are interrupted and will be retried");
  } finally {
    stop();
    await boss.stop({ graceful: true, wait: true, timeout: 30_000 }).catch(() => undefined);
  }
}

async function scanJob(
  boss: PgBoss,
  queued: PgBoss.Job<ScanJob>,
  options: WorkerOptions,
  controller: AbortController,
  parallelism: number,
): Promise<object> {
  const job = queued.data;
  const path = isCloneUrl(job.repository)
    ? await mirror(job.repository, options.mirrors, controller.signal)
    : job.repository;
  // Within the job's own time limit, so that the queue never takes a live scan for a lost one.
  const budget = queued.expireInSeconds * 0.8 * 1000;
  let outOfTime = false;
  const timer = setTimeout(() => {
    outOfTime = true;
    controller.abort();
  }, budget);
  const abortOnStop = () => controller.abort();
  options.signal.addEventListener("abort", abortOnStop, { once: true });
  try {
    const [scan] = (await scanRepositories([{ path, name: job.name }], {
      store: options.store,
      ...(job.ref ? { ref: job.ref } : {}),
      renameLimit: options.renameLimit,
      parallelism,
      signal: controller.signal,
      now: options.now,
      ...(options.scanHooks?.(controller) ?? {}),
    })) as [RepositoryScan];
    options.log(
      `scanned ${scan.name}: ${scan.mode}, ${scan.newCommits} commits read, ${scan.storedCommits} stored, ${scan.seconds.toFixed(1)} s`,
    );
    return {
      repository: job.repository,
      name: scan.name,
      mode: scan.mode,
      newCommits: scan.newCommits,
      storedCommits: scan.storedCommits,
      seconds: scan.seconds,
    };
  } catch (error) {
    if (outOfTime && !options.signal.aborted) {
      // Stopped at a batch boundary to stay within the job timeout: the rest is another job.
      await enqueueScan(boss, job, {
        ...options.jobs,
        jobTimeoutSeconds: queued.expireInSeconds,
      });
      options.log(`scan of ${job.repository} continues in a new job (job time limit reached)`);
      return { repository: job.repository, continued: true };
    }
    throw error;
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener("abort", abortOnStop);
  }
}

/** A mirror of `url` under `root`, cloned the first time and fetched before every scan. */
async function mirror(url: string, root: string, signal: AbortSignal): Promise<string> {
  mkdirSync(root, { recursive: true });
  const name = url
    .replace(/\.git$/, "")
    .split(/[/:]/)
    .filter(Boolean)
    .slice(-2)
    .join("+");
  const digest = createHash("sha1").update(url).digest("hex").slice(0, 8);
  const path = join(root, `${name.replace(/[^\w.+-]/g, "_")}-${digest}.git`);
  const fetching = existsSync(path);
  // Not runGit: it forbids every network transport so that reading history never fetches; a
  // mirror exists to fetch.
  const args = fetching
    ? ["-C", path, "fetch", "--prune", "--quiet", "origin", "+refs/*:refs/*"]
    : ["clone", "--mirror", "--quiet", url, path];
  const failure = await new Promise<string | null>((resolve) => {
    execFile(
      "git",
      args,
      { signal, env: { ...process.env, GIT_TERMINAL_PROMPT: "0" }, maxBuffer: 1 << 26 },
      (error, _stdout, stderr) =>
        resolve(error ? stderr.trim().split("\n").at(-1) || error.message : null),
    );
  });
  if (failure !== null)
    throw new LegibleError(
      "GIT_FAILED",
      `${url}: could not ${fetching ? "fetch" : "clone"} the mirror: ${failure}`,
    );
  return path;
}

/** Runs `legible import|fetch ...` on the same database, as its own process. */
function commandJob(job: CommandJob, options: WorkerOptions, signal: AbortSignal): Promise<object> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [legibleBin(), job.command, ...job.args, "--db", options.location.target],
      { cwd: job.cwd, stdio: ["ignore", "pipe", "pipe"], signal },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const summary = stdout.trim().split("\n").slice(-5).join("\n");
      if (code === 0) {
        options.log(`legible ${job.command} ${job.args.join(" ")}: done`);
        resolve({ command: job.command, args: job.args, output: summary });
      } else
        reject(
          new Error(
            `legible ${job.command} exited ${code}: ${stderr.trim().split("\n").at(-1) ?? ""}`,
          ),
        );
    });
  });
}
