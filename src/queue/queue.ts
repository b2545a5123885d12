import type PgBoss from "pg-boss";
import { LegibleError } from "../errors.js";
import { postgresError, type StoreLocation } from "../store/engine.js";

/**
 * The job queue: pg-boss on the store's own PostgreSQL database (its tables live in the `pgboss`
 * schema, beside legible's). Scan jobs are keyed by repository, in a "stately" queue: at most one
 * waiting and one running job per repository, so a repository is never scanned by two workers at
 * once and enqueuing it twice queues it once.
 */
export const QUEUES = {
  /** Scan one repository (a path a worker can read, or a clone URL it mirrors). */
  scan: "legible-scan",
  /** Run `legible import` or `legible fetch` with the arguments given, on the same database. */
  command: "legible-command",
  /** The schedule's tick: enqueue a scan of every configured repository and refresh imports. */
  weekly: "legible-weekly",
} as const;

export interface ScanJob {
  /** A path on the worker's machine, or a clone URL. */
  repository: string;
  /** The display name legible.yaml gives it, if any. */
  name: string | null;
  ref: string | null;
}

export interface CommandJob {
  command: "import" | "fetch";
  args: string[];
  /** The folder the command runs in (where its legible.yaml and relative paths are). */
  cwd: string;
}

/**
 * How jobs are run, fixed when a job is queued (legible.yaml's `queue:`): pg-boss keeps them with
 * the job, so whoever queues a job decides its time limit and retries.
 */
export interface JobOptions {
  /** How long a job may run before the queue takes it for lost and retries it (seconds). */
  jobTimeoutSeconds: number;
  retryLimit: number;
  /** First retry delay in seconds; later retries back off exponentially. */
  retryDelaySeconds: number;
}

/**
 * Opens pg-boss on the store's database and makes sure legible's queues exist. `maintenanceSeconds`
 * is how often this process looks for lost jobs (those past their time limit) to retry them.
 */
export async function openQueue(
  location: StoreLocation,
  maintenanceSeconds?: number,
): Promise<PgBoss> {
  if (location.engine !== "postgres")
    throw new LegibleError(
      "BAD_USAGE",
      "the job queue needs a PostgreSQL store",
      "pass --db postgres://user@host/database or set LEGIBLE_DATABASE_URL",
    );
  const { default: PgBossClass } = await import("pg-boss");
  const boss = new PgBossClass({
    connectionString: location.target,
    max: 4,
    ...(maintenanceSeconds !== undefined
      ? {
          maintenanceIntervalSeconds: maintenanceSeconds,
          monitorStateIntervalSeconds: maintenanceSeconds,
        }
      : {}),
  });
  // pg-boss reports background failures (a dropped connection) as events; they must not crash the
  // process, and the next poll retries.
  boss.on("error", () => undefined);
  try {
    await boss.start();
    await ensureQueue(boss, { name: QUEUES.scan, policy: "stately" });
    await ensureQueue(boss, { name: QUEUES.command, policy: "standard" });
    await ensureQueue(boss, { name: QUEUES.weekly, policy: "singleton" });
  } catch (error) {
    await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
    throw postgresError(error, location.label) ?? error;
  }
  return boss;
}

async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue & { name: string }): Promise<void> {
  if (await boss.getQueue(queue.name)) return;
  await boss.createQueue(queue.name, queue).catch(async (error) => {
    // Another process created it meanwhile.
    if (!(await boss.getQueue(queue.name))) throw error;
  });
}

function sendOptions(options: JobOptions): PgBoss.SendOptions {
  return {
    expireInSeconds: options.jobTimeoutSeconds,
    retryLimit: options.retryLimit,
    retryDelay: options.retryDelaySeconds,
    retryBackoff: true,
  };
}

/** Whether a repository is named by a clone URL (mirrored by workers) rather than a path. */
export function isCloneUrl(repository: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(repository) || /^[\w.-]+@[\w.-]+:/.test(repository);
}

/** Enqueues a scan; null when a scan of the same repository is already waiting. */
export async function enqueueScan(
  boss: PgBoss,
  job: ScanJob,
  options: JobOptions,
): Promise<string | null> {
  return boss.send(QUEUES.scan, job, { ...sendOptions(options), singletonKey: job.repository });
}

export async function enqueueCommand(
  boss: PgBoss,
  job: CommandJob,
  options: JobOptions,
): Promise<string | null> {
  return boss.send(QUEUES.command, job, sendOptions(options));
}
