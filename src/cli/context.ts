import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { isAbsolute, resolve } from "node:path";
import { type RepositoryScan, type RepositoryTarget, scanRepositories } from "../app/scan.js";
import type { AnalysisSession } from "../app/session.js";
import type { AsOf } from "../app/workspace.js";
import type { LoadedConfig } from "../config/load.js";
import { readConfig } from "../config/locate.js";
import type { Config } from "../config/schema.js";
import { LegibleError } from "../errors.js";
import { parseFilesFrom } from "../sources/files/files-from.js";
import { locateStore } from "../store/engine.js";
import { Store } from "../store/store.js";
import type { CliIo } from "./io.js";
import { progressReporter } from "./progress.js";
import { scanTestHooks, storeTestHooks } from "./test-hooks.js";

/** Options every command accepts. */
export interface GlobalOptions {
  db?: string;
  config?: string;
  identity?: string;
  json?: boolean;
}

/** The config with command-line overrides applied, for commands that need no store. */
export interface ConfigContext {
  io: CliIo;
  loaded: LoadedConfig;
  config: Config;
  /** The folder of legible.yaml (or the working directory): relative paths hang off it. */
  baseDir: string;
  /** Warnings collected on the way (config keys, ...), printed on stderr. */
  warnings: string[];
}

export interface CommandContext extends ConfigContext {
  store: Store;
  json: boolean;
}

/** Reads the config and applies command-line overrides. */
export async function openConfig(io: CliIo, options: GlobalOptions): Promise<ConfigContext> {
  const loaded = await readConfig({ cwd: io.cwd, explicit: options.config });
  const config = structuredClone(loaded.config);
  if (options.identity !== undefined) {
    if (options.identity !== "email" && options.identity !== "email-or-name") {
      throw new LegibleError(
        "BAD_USAGE",
        `--identity ${options.identity}: unknown rule`,
        "expected email or email-or-name",
      );
    }
    config.identity.rule = options.identity;
  }
  return { io, loaded, config, baseDir: loaded.baseDir, warnings: [...loaded.warnings] };
}

/** Reads the config, applies command-line overrides and opens the store beside it. */
export async function openContext(io: CliIo, options: GlobalOptions): Promise<CommandContext> {
  const context = await openConfig(io, options);
  const location = locateStore(options.db, io.env, io.cwd, context.baseDir);
  const store = await Store.open(location, storeTestHooks(io));
  return { ...context, store, json: options.json === true };
}

/**
 * Repositories named on the command line (no display name given), else those in config, relative to
 * the config file, with the name an entry `{ path, name }` gives.
 */
export function repositoryPaths(
  context: Pick<ConfigContext, "io" | "config" | "baseDir">,
  given: string[],
): RepositoryTarget[] {
  if (given.length > 0)
    return given.map((path) => ({ path: resolve(context.io.cwd, path), name: null }));
  return context.config.repositories.map((entry) => {
    const { path, name } = typeof entry === "string" ? { path: entry, name: undefined } : entry;
    return { path: isAbsolute(path) ? path : resolve(context.baseDir, path), name: name ?? null };
  });
}

/** Scans incrementally, with progress on a terminal; an interrupt stops git and keeps what was stored. */
export async function scanFor(
  context: CommandContext,
  paths: RepositoryTarget[],
  ref: string | undefined,
): Promise<RepositoryScan[]> {
  const progress = progressReporter(context.io, !context.json);
  const controller = new AbortController();
  const testHooks = scanTestHooks(context.io, controller);
  const onSignal = () => controller.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await scanRepositories(paths, {
      store: context.store,
      ...(ref !== undefined ? { ref } : {}),
      renameLimit: context.config.scan.renameLimit,
      parallelism: availableParallelism(),
      signal: controller.signal,
      ...(progress.enabled ? { onProgress: progress.update } : {}),
      ...testHooks,
      now: context.io.now,
    });
  } finally {
    progress.done();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** Scans the repositories of a command incrementally, then opens an analysis session over them. */
export async function sessionFor(
  context: CommandContext,
  given: string[],
  options: { ref?: string | undefined; filesFrom?: string | undefined } = {},
): Promise<AnalysisSession> {
  // Loaded here, not at the top: `legible scan` needs none of the analyses. Started before the
  // scan: node compiles the analyses' modules while it waits for git.
  const loading = import("../app/session.js");
  loading.catch(() => undefined); // awaited below
  const scans = await scanFor(context, repositoryPaths(context, given), options.ref);
  const { AnalysisSession } = await loading;
  return new AnalysisSession({
    store: context.store,
    config: context.config,
    baseDir: context.baseDir,
    scans,
    filesFrom: options.filesFrom ? readFilesFrom(resolve(context.io.cwd, options.filesFrom)) : null,
  });
}

export interface AnalysisFlags {
  ref?: string;
  asOf?: string;
  filesFrom?: string;
}

/** `--as-of` (checked before any scan, so a bad date fails at once), then the session. */
export async function analysisFor(
  context: CommandContext,
  given: string[],
  flags: AnalysisFlags,
): Promise<{ session: AnalysisSession; asOf: AsOf }> {
  const { parseAsOf } = await import("../app/workspace.js");
  const asOf = parseAsOf(flags.asOf, context.io.now());
  const session = await sessionFor(context, given, { ref: flags.ref, filesFrom: flags.filesFrom });
  return { session, asOf };
}

function readFilesFrom(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new LegibleError(
      "BAD_INPUT",
      `${file}: cannot read the file list: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
    );
  }
  try {
    return parseFilesFrom(text, file);
  } catch (error) {
    throw new LegibleError("BAD_INPUT", (error as Error).message);
  }
}
