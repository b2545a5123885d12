import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

let found: string | null = null;

/**
 * This package's CLI entry (`bin/legible.js`), for commands that start legible as a child process
 * (workers running jobs) or print how to run it (`demo`). Found by walking up from this module,
 * because the module runs both from `dist/cli/` and from the CLI bundle's `dist/bundle/chunks/`.
 */
export function legibleBin(): string {
  if (found !== null) return found;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "bin", "legible.js");
    if (existsSync(candidate) && existsSync(join(dir, "package.json"))) {
      found = candidate;
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("legible: bin/legible.js not found above its modules");
    dir = parent;
  }
}
