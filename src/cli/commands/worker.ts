import type { Command } from "commander";
import { LegibleError } from "../../errors.js";
import type { GlobalOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";
import { printWarnings } from "../output.js";

interface WorkerFlags extends GlobalOptions {
  concurrency?: string;
  schedule?: string;
  mirrors?: string;
}

export function registerWorker(program: Command, io: CliIo): Command {
  const command = program
    .command("worker")
    .description(
      "Take scan, import and fetch jobs from the queue in the PostgreSQL store until stopped (Ctrl-C, SIGTERM)",
    )
    .option("--concurrency <n>", "jobs run at once by this process (default: queue.concurrency, 1)")
    .option(
      "--schedule <cron>",
      'also enqueue a re-scan of every configured repository and an import refresh on this cron schedule, UTC (e.g. "0 6 * * 1"; default: queue.schedule)',
    )
    .option(
      "--mirrors <dir>",
      "where clone URLs are mirrored (default: queue.mirrors, .legible/mirrors beside legible.yaml)",
    );
  addGlobalOptions(command, { json: false }).action(async (flags: WorkerFlags) => {
    const { openContext, repositoryPaths } = await import("../context.js");
    const { locateStore } = await import("../../store/engine.js");
    const { runWorker } = await import("../../queue/worker.js");
    const { queueTestHooks, scanTestHooks } = await import("../test-hooks.js");
    const { jobOptions } = await import("../../queue/enqueue.js");
    const { isAbsolute, join, resolve } = await import("node:path");
    const context = await openContext(io, flags);
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
      printWarnings(context);
      const queue = context.config.queue;
      const concurrency = integer("--concurrency", flags.concurrency, queue.concurrency, 1, 64);
      const mirrors = flags.mirrors ?? queue.mirrors ?? join(".legible", "mirrors");
      const hooks = queueTestHooks(io);
      await runWorker({
        location: locateStore(flags.db, io.env, io.cwd, context.baseDir),
        store: context.store,
        concurrency,
        schedule: flags.schedule ?? queue.schedule,
        jobs: jobOptions(context.config),
        maintenanceSeconds: hooks.maintenanceSeconds ?? 60,
        pollSeconds: hooks.pollSeconds ?? 2,
        mirrors: isAbsolute(mirrors) ? mirrors : resolve(context.baseDir, mirrors),
        renameLimit: context.config.scan.renameLimit,
        weekly: {
          repositories: repositoryPaths(context, []),
          imports: context.config.sources.length > 0,
          cwd: context.baseDir,
        },
        scanHooks: (job) => scanTestHooks(io, job),
        log: (line) => io.stderr.write(`${new Date().toISOString()} ${line}\n`),
        now: () => new Date(),
        signal: controller.signal,
      });
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await context.store.close();
    }
  });
  return command;
}

function integer(
  flag: string,
  given: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (given === undefined) return fallback;
  const value = Number(given);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new LegibleError(
      "BAD_USAGE",
      `${flag} ${given}: expected a whole number from ${min} to ${max}`,
    );
  return value;
}
