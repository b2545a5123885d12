import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import defaults from "./defaults.json" with { type: "json" };
import { CONFIG_FILE } from "./file-name.js";
import type { LoadedConfig } from "./load.js";
import type { Config } from "./schema.js";

/**
 * The configuration as the CLI reads it: legible.yaml found in `cwd` or its parents (or `explicit`),
 * parsed and validated by load.ts; without one, the schema's defaults as `npm run schema` wrote
 * them into defaults.json (test/config checks they are the schema's). YAML and the schema (zod)
 * are loaded only when there is a file to read: building the schema is most of what a command run
 * without a config would otherwise spend before its work starts.
 */
export async function readConfig(options: {
  cwd: string;
  explicit?: string | undefined;
}): Promise<LoadedConfig> {
  const file = options.explicit ? null : findUp(options.cwd, CONFIG_FILE);
  if (!options.explicit && file === null)
    return {
      config: structuredClone(defaults) as Config,
      file: null,
      baseDir: options.cwd,
      warnings: [],
    };
  const { loadConfig } = await import("./load.js");
  return loadConfig({ cwd: options.cwd, explicit: options.explicit ?? file ?? undefined });
}

/** The file `name` in `start` or the nearest folder above it, or null. */
export function findUp(start: string, name: string): string | null {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
