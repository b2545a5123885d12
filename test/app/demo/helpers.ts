/** Builds the demo once per test file and reads it back with git and the export parsers. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { buildDemo, type DemoResult } from "../../../src/app/demo/index.js";
import type { DemoPull } from "../../../src/app/demo/pulls.js";
import { main } from "../../../src/cli/main.js";

/** The clock every demo test builds with. */
export const NOW = new Date("2026-03-02T12:00:00Z");
export const NOW_SECONDS = NOW.getTime() / 1000;
export const DAY = 86_400;

export interface BuiltDemo {
  root: string;
  result: DemoResult;
  seconds: number;
  cleanup: () => void;
}

/** Builds the demo in a new temporary directory. */
export function build(now: Date = NOW): BuiltDemo {
  const root = mkdtempSync(join(tmpdir(), "legible-demo-"));
  const started = performance.now();
  const result = buildDemo({ dir: join(root, "org"), now });
  const seconds = (performance.now() - started) / 1000;
  return { root, result, seconds, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Runs git in `cwd` with no user or system configuration; returns stdout. */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", LC_ALL: "C" },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

export function lines(text: string): string[] {
  return text.split("\n").filter((line) => line !== "");
}

export function readPulls(demo: BuiltDemo): DemoPull[] {
  return JSON.parse(readFileSync(demo.result.files.prs, "utf8")) as DemoPull[];
}

export function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path, "utf8"), { columns: true }) as Record<string, string>[];
}

/** The header row of a CSV file. */
export function csvHeader(path: string): string {
  return readFileSync(path, "utf8").split("\n")[0] ?? "";
}

/** `acme/<name>` → the repository's path in the demo. */
export function repositoryPath(demo: BuiltDemo, fullName: string): string {
  const name = fullName.split("/")[1] ?? "";
  const path = demo.result.repositories.find((p) => p.endsWith(`/${name}`));
  if (!path) throw new Error(`no repository ${fullName}`);
  return path;
}

/** Every commit on main with the files it changed (first parent for merges). */
export function filesByCommit(repo: string): Map<string, string[]> {
  const out = git(repo, "log", "--first-parent", "-m", "--name-only", "--format=@%H", "main");
  const files = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of lines(out)) {
    if (line.startsWith("@")) {
      current = [];
      files.set(line.slice(1), current);
    } else current.push(line);
  }
  return files;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Runs the CLI in-process in the demo folder with the demo's clock; returns stdout or throws with stderr. */
export async function legibleIn(dir: string, args: string[]): Promise<string> {
  let out = "";
  let err = "";
  const code = await main(args, {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    env: {
      ...process.env,
      NO_COLOR: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_CONFIG_NOSYSTEM: "1",
    },
    cwd: dir,
    now: () => NOW,
  });
  if (code !== 0) throw new Error(`legible ${args.join(" ")} exited ${code}: ${err}`);
  return out;
}
