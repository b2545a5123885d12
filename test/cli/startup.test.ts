import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN } from "../helpers/cli.js";
import { makeRepo } from "../helpers/gitrepo.js";

const cwd = mkdtempSync(join(tmpdir(), "legible-startup-"));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const META = join(ROOT, "dist", "bundle", "meta.json");

/** A module hook that prints every module the process loads, before the CLI runs. */
const LIST_MODULES = `data:text/javascript,${encodeURIComponent(
  `import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent("export async function resolve(s, c, n) { const r = await n(s, c); process.stderr.write('LOADED ' + r.url + '\\\\n'); return r; }"));`,
)}`;

/**
 * The source modules a run of the CLI loads: the files of the CLI bundle it loads (dist/bundle,
 * written by scripts/bundle-cli.mjs) stand for the modules esbuild put into them, as its metafile
 * says; modules loaded from outside the bundle are listed as they are.
 */
function loaded(args: string[], where = cwd): { files: string[]; modules: string[] } {
  const result = spawnSync(process.execPath, ["--import", LIST_MODULES, BIN, ...args], {
    cwd: where,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  expect(result.status).toBe(0);
  const outputs = (
    JSON.parse(readFileSync(META, "utf8")) as {
      outputs: Record<string, { inputs: Record<string, unknown> }>;
    }
  ).outputs;
  const files: string[] = [];
  const modules: string[] = [];
  for (const line of result.stderr.split("\n")) {
    if (!line.startsWith("LOADED ")) continue;
    const url = line.slice("LOADED ".length);
    if (!url.startsWith("file:")) continue;
    const path = relative(ROOT, fileURLToPath(url));
    files.push(path);
    const output = outputs[path];
    if (output) modules.push(...Object.keys(output.inputs));
    else modules.push(path);
  }
  return { files, modules };
}

// Start-up time follows what is loaded: the store, config, git and analysis code load only when a
// command runs (src/cli/main.ts says how commands keep it so; the bundle keeps each command's
// `await import(...)` as a chunk of its own).
const HEAVY = [
  /node_modules\/(better-sqlite3|kysely|zod|yaml|linguist-js|picomatch|@octokit|csv-parse|csv-stringify|chart\.js|p-limit)\//,
  /dist\/(app|store|config\/(schema|load|template)|sources\/(files|github|imports|ladders)|core\/(knowledge|identity|delivery))\//,
  /dist\/cli\/context\.js/,
];

describe.skipIf(!existsSync(META))(
  "start-up (the CLI bundle; skipped: run `npm run build`)",
  () => {
    for (const args of [["--version"], ["--help"], ["knowledge", "--help"]]) {
      it(`legible ${args.join(" ")} loads no store, config, git or analysis code`, () => {
        const { files, modules } = loaded(args);
        expect(files).toContain("dist/bundle/main.js");
        expect(modules).toContain("dist/cli/main.js");
        expect(modules.filter((path) => HEAVY.some((pattern) => pattern.test(path)))).toEqual([]);
      });
    }

    it("a scan without legible.yaml builds no config schema and loads no YAML", () => {
      const repo = makeRepo();
      repo.commit({
        author: "Ada <ada@example.com>",
        date: "2025-01-01T00:00:00Z",
        files: { "a.txt": "a\n" },
        message: "first",
      });
      const { modules } = loaded(["scan", "--db", join(repo.dir, "..", "legible.db")], repo.dir);
      expect(modules).toContain("dist/app/scan.js");
      expect(
        modules.filter((path) => /node_modules\/(zod|yaml)\/|dist\/config\/schema/.test(path)),
      ).toEqual([]);
    });

    it("a command that runs loads what it needs, from the bundle", () => {
      const { files, modules } = loaded(["init", "--force"]);
      expect(modules.some((path) => /node_modules\/(zod|yaml)\//.test(path))).toBe(true);
      // None of legible's own modules is loaded from outside the bundle, nor zod or yaml.
      const outside = files.filter((path) => !path.startsWith("dist/bundle/"));
      expect(outside.filter((path) => /^dist\/|node_modules\/(zod|yaml)\//.test(path))).toEqual([]);
    });
  },
);
