import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import type { ResultCacheSettings } from "../app/result-cache.js";
import type { CliIo } from "./io.js";
import { VERSION } from "./main.js";

/** `--no-cache`, for the commands whose results the store keeps (app/result-cache.ts). */
export function addCacheOption(command: Command): Command {
  return command.option(
    "--no-cache",
    "compute afresh: neither reuse nor keep a cached result (results are keyed by every input)",
  );
}

/** The result-cache settings of a command run; null under `--no-cache`. */
export function cacheSettings(flags: { cache?: boolean }, io: CliIo): ResultCacheSettings | null {
  if (flags.cache === false) return null;
  return { version: `${VERSION}+${buildStamp()}`, now: Math.floor(io.now().getTime() / 1000) };
}

/**
 * When this copy of legible was built (every build rewrites this file): results computed by another
 * build, even of the same version, are never reused.
 */
function buildStamp(): string {
  try {
    return String(statSync(fileURLToPath(import.meta.url)).mtimeMs);
  } catch {
    return "unknown";
  }
}
