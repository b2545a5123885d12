import { renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { LegibleError, storageError } from "../errors.js";
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

/** The file-system calls `writeFileAtomic` makes; tests inject a failing write (a full disk). */
export interface AtomicWriteFs {
  writeFileSync: (path: string, content: string) => void;
  renameSync: (from: string, to: string) => void;
}

/**
 * Writes a file atomically: a temporary sibling, then a rename, so a failure never leaves half a
 * file. A directory target is refused before anything is written; on any failure the temporary
 * sibling is removed and the error is one line (disk full, permission denied, ...).
 */
export function writeFileAtomic(
  path: string,
  content: string,
  fs: AtomicWriteFs = { writeFileSync, renameSync },
): void {
  if (isDirectory(path)) {
    throw new LegibleError(
      "BAD_USAGE",
      `${path}: is a directory`,
      "give --out a file name, for example review.md",
    );
  }
  const temporary = join(dirname(path), `.${process.pid}.${temporaries++}.legible.tmp`);
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, path);
  } catch (error) {
    removeQuietly(temporary);
    throw (
      storageError(error, path) ??
      new LegibleError(
        "BAD_INPUT",
        `${path}: cannot write: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      )
    );
  }
}

let temporaries = 0;

/** Removes a file if it is there; a failure to remove (no such folder...) changes nothing. */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was left there, or nothing more can be done: the caller reports the first failure.
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // missing, or its parent is not a folder: the write says which
  }
}
