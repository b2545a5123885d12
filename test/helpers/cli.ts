import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../bin/legible.js", import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, with colours off and the clock pinned. */
export function runCli(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; now?: string },
): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: {
      ...(options.env ?? process.env),
      NO_COLOR: "1",
      LEGIBLE_NOW: options.now ?? "2025-01-01T00:00:00Z",
    },
    encoding: "utf8",
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI and parses its JSON stdout, failing loudly with stderr when it did not succeed. */
export function runJson<T>(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; now?: string },
): T {
  const result = runCli([...args, "--json"], options);
  if (result.code !== 0)
    throw new Error(`legible ${args.join(" ")} exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** Starts the CLI without waiting, for interruption tests. */
export function startCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...(options.env ?? process.env), NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}
