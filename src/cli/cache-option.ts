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
  return { version: VERSION, now: Math.floor(io.now().getTime() / 1000) };
}
