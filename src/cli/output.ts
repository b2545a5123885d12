import { renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { LegibleError } from "../errors.js";
import type { CommandContext } from "./context.js";
import { useColor } from "./io.js";

/** Config and input warnings go to stderr, never mixed with data on stdout. */
export function printWarnings(context: Pick<CommandContext, "io" | "warnings">): void {
  for (const warning of context.warnings) context.io.stderr.write(`warning: ${warning}\n`);
}

/** Bold on a colour terminal, plain otherwise. */
export function bolder(context: CommandContext): (text: string) => string {
  return useColor(context.io, context.io.stdout)
    ? (text) => `\x1b[1m${text}\x1b[22m`
    : (text) => text;
}

/** Writes a file atomically: a temporary sibling, then a rename, so a failure never leaves half a file. */
export function writeFileAtomic(path: string, content: string): void {
  const temporary = join(dirname(path), `.${process.pid}.${Date.now()}.legible.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    throw new LegibleError(
      "BAD_INPUT",
      `${path}: cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}
