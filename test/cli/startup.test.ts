import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "../helpers/cli.js";

const cwd = mkdtempSync(join(tmpdir(), "legible-startup-"));

/** A module hook that prints every module the process loads, before the CLI runs. */
const LIST_MODULES = `data:text/javascript,${encodeURIComponent(
  `import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent("export async function resolve(s, c, n) { const r = await n(s, c); process.stderr.write('LOADED ' + r.url + '\\\\n'); return r; }"));`,
)}`;

function loadedModules(args: string[]): string[] {
  const result = spawnSync(process.execPath, ["--import", LIST_MODULES, BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  expect(result.status).toBe(0);
  return result.stderr
    .split("\n")
    .filter((line) => line.startsWith("LOADED "))
    .map((line) => line.slice("LOADED ".length));
}

// Start-up time follows what is loaded: the store, config, git and analysis code load only when a
// command runs (src/cli/main.ts says how commands keep it so).
const HEAVY = [
  /node_modules\/(better-sqlite3|zod|yaml|linguist-js|picomatch|@octokit|csv-parse|csv-stringify|chart\.js|p-limit)\//,
  /dist\/(app|store|config\/(schema|load|template)|sources\/(files|github|imports|ladders)|core\/(knowledge|identity|delivery))\//,
  /dist\/cli\/context\.js/,
];

describe("start-up", () => {
  for (const args of [["--version"], ["--help"], ["knowledge", "--help"]]) {
    it(`legible ${args.join(" ")} loads no store, config, git or analysis code`, () => {
      const loaded = loadedModules(args);
      expect(loaded.some((url) => url.endsWith("/dist/cli/main.js"))).toBe(true);
      expect(loaded.filter((url) => HEAVY.some((pattern) => pattern.test(url)))).toEqual([]);
    });
  }

  it("a command that runs loads what it needs", () => {
    const loaded = loadedModules(["init", "--force"]);
    expect(loaded.some((url) => /node_modules\/(zod|yaml)\//.test(url))).toBe(true);
  });
});
