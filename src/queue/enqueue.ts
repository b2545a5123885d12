import { isAbsolute, resolve } from "node:path";
import type { CommandContext } from "../cli/context.js";
import type { Config } from "../config/schema.js";
import { locateStore } from "../store/engine.js";
import { enqueueScan, isCloneUrl, type JobOptions, openQueue } from "./queue.js";

/** The options legible.yaml's `queue:` gives the jobs this process queues. */
export function jobOptions(config: Config): JobOptions {
  return {
    jobTimeoutSeconds: config.queue.jobTimeoutSeconds,
    retryLimit: config.queue.retryLimit,
    retryDelaySeconds: config.queue.retryDelaySeconds,
  };
}

/**
 * `legible scan --queue`: one scan job per repository named (paths resolved here, clone URLs as
 * they are), else per repository in legible.yaml. A repository whose scan is already waiting is not
 * queued twice.
 */
export async function queueScans(
  context: CommandContext,
  given: string[],
  flags: { db?: string | undefined; ref?: string | undefined },
): Promise<{ repository: string; id: string | null }[]> {
  const targets =
    given.length > 0
      ? given.map((entry) => ({ path: entry, name: null as string | null, base: context.io.cwd }))
      : context.config.repositories.map((entry) => {
          const { path, name } = typeof entry === "string" ? { path: entry, name: null } : entry;
          return { path, name: name ?? null, base: context.baseDir };
        });
  if (targets.length === 0) targets.push({ path: ".", name: null, base: context.io.cwd });
  const boss = await openQueue(
    locateStore(flags.db, context.io.env, context.io.cwd, context.baseDir),
  );
  try {
    const queued: { repository: string; id: string | null }[] = [];
    for (const target of targets) {
      const repository =
        isCloneUrl(target.path) || isAbsolute(target.path)
          ? target.path
          : resolve(target.base, target.path);
      const id = await enqueueScan(
        boss,
        { repository, name: target.name, ref: flags.ref ?? null },
        jobOptions(context.config),
      );
      queued.push({ repository, id });
    }
    return queued;
  } finally {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
  }
}
