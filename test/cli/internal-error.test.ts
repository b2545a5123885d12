import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { makeRepo } from "../helpers/gitrepo.js";

const BUNDLE = new URL("../../dist/bundle/main.js", import.meta.url);

/**
 * An unexpected error (a bug, or a store damaged outside legible) exits 1 with its stack trace.
 * The CLI runs from a minified bundle, so the message says how to get the trace in legible's own
 * source files; with Node's source maps on, the trace names them.
 */
describe.skipIf(!existsSync(BUNDLE))(
  "an unexpected error (the CLI bundle; skipped: run `npm run build`)",
  () => {
    const repo = makeRepo();
    afterAll(() => repo.cleanup());
    repo.commit({
      author: "Ada <ada@example.com>",
      date: "2024-12-01T00:00:00Z",
      files: { "src/a.ts": "a\n" },
      message: "first",
    });
    const db = join(repo.root, "damaged.db");

    it("prints its stack trace and how to map it to the sources", () => {
      expect(runCli(["scan", repo.dir, "--db", db], { cwd: repo.root, env: repo.env }).code).toBe(
        0,
      );
      const damage = new Database(db);
      damage.exec("DROP TABLE history_packs");
      damage.close();
      const plain = runCli(["knowledge", repo.dir, "--db", db], { cwd: repo.root, env: repo.env });
      expect(plain.code).toBe(1);
      expect(plain.stderr).toContain("legible: unexpected error (please report it)");
      expect(plain.stderr).toContain("no such table: history_packs");
      expect(plain.stderr).toContain("/dist/bundle/");
      expect(plain.stderr).toContain("NODE_OPTIONS=--enable-source-maps");

      const mapped = runCli(["knowledge", repo.dir, "--db", db], {
        cwd: repo.root,
        env: { ...repo.env, NODE_OPTIONS: "--enable-source-maps" },
      });
      expect(mapped.code).toBe(1);
      expect(mapped.stderr).toMatch(/src\/store\/\w+\.ts:\d+/);
      expect(mapped.stderr).not.toContain("NODE_OPTIONS=--enable-source-maps");
    });
  },
);
