import type { Command } from "commander";
import { LegibleError } from "../../errors.js";
import type { GlobalOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";

interface JobsFlags extends GlobalOptions {
  state?: string;
  limit?: string;
}

const STATES = ["created", "retry", "active", "completed", "cancelled", "failed"];

export function registerJobs(program: Command, io: CliIo): Command {
  const command = program
    .command("jobs")
    .description(
      "List the queue's jobs (queued, running, failed, finished) with their errors, newest first; `jobs add import|fetch ...` queues a command",
    )
    .argument("[action]", "add: queue `legible import|fetch <args>` for a worker to run")
    .argument("[args...]", "with add: the command and its arguments (after --)")
    .option("--state <state>", `only jobs in this state (${STATES.join(", ")})`)
    .option("--limit <n>", "at most this many jobs (default 50)");
  addGlobalOptions(command, { json: true }).action(
    async (action: string | undefined, args: string[], flags: JobsFlags) => {
      const { openContext } = await import("../context.js");
      const { locateStore } = await import("../../store/engine.js");
      const context = await openContext(io, flags);
      try {
        const location = locateStore(flags.db, io.env, io.cwd, context.baseDir);
        if (action === "add") {
          const [name, ...rest] = args;
          if (name !== "import" && name !== "fetch")
            throw new LegibleError("BAD_USAGE", `jobs add ${name ?? ""}: expected import or fetch`);
          const { enqueueCommand, openQueue } = await import("../../queue/queue.js");
          const { jobOptions } = await import("../../queue/enqueue.js");
          const boss = await openQueue(location);
          try {
            const id = await enqueueCommand(
              boss,
              { command: name, args: rest, cwd: io.cwd },
              jobOptions(context.config),
            );
            io.stdout.write(
              context.json
                ? `${JSON.stringify({ version: 1, id })}\n`
                : `queued ${id}: legible ${[name, ...rest].join(" ")}\n`,
            );
          } finally {
            await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
          }
          return;
        }
        if (action !== undefined)
          throw new LegibleError(
            "BAD_USAGE",
            `jobs ${action}: unknown action`,
            "expected add, or nothing to list",
          );
        if (flags.state !== undefined && !STATES.includes(flags.state))
          throw new LegibleError(
            "BAD_USAGE",
            `--state ${flags.state}: expected one of ${STATES.join(", ")}`,
          );
        const limit = flags.limit === undefined ? 50 : Number(flags.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw new LegibleError(
            "BAD_USAGE",
            `--limit ${flags.limit}: expected a whole number from 1`,
          );
        const { listJobs, describeJobs } = await import("../../queue/jobs.js");
        if (location.engine !== "postgres")
          throw new LegibleError(
            "BAD_USAGE",
            "the job queue needs a PostgreSQL store",
            "pass --db postgres://user@host/database or set LEGIBLE_DATABASE_URL",
          );
        const jobs = await listJobs(context.store, { state: flags.state ?? null, limit });
        io.stdout.write(
          context.json
            ? `${JSON.stringify({ version: 1, jobs }, null, 2)}\n`
            : describeJobs(jobs, io.stdout.isTTY === true),
        );
      } finally {
        await context.store.close();
      }
    },
  );
  return command;
}
