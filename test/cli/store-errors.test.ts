import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../bench/generate.js";
import { storageError } from "../../src/errors.js";
import { type CliResult, runCli, runJson, startCli } from "../helpers/cli.js";
import { makeRepo, type TestRepo } from "../helpers/gitrepo.js";

/**
 * A database path that cannot hold a database fails at once, in one line, exit 2; a full disk
 * during a scan or an import says "disk full". The full disk is SQLite's own SQLITE_FULL, raised
 * for real by capping the file's size (`LEGIBLE_TEST_MAX_PAGE_COUNT`, SQLite's max_page_count).
 * No timer guards these tests but vitest's own timeout: `--db /proc/nope/x.db` used to spin for ever.
 */
const OPEN_HINT = "  hint: point --db at a file in a folder you can write to\n";

let repo: TestRepo;
let dir: string;
beforeAll(async () => {
  repo = makeRepo();
  dir = join(repo.root, "generated");
  await generate({ dir, commits: 300, files: 100, authors: 5, seed: 3 });
});
afterAll(() => repo.cleanup());

const scan = (db: string, env: NodeJS.ProcessEnv = repo.env) =>
  runCli(["scan", dir, "--db", db], { cwd: repo.root, env });

const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) if (child.exitCode === null) child.kill("SIGKILL");
});

function scanAsync(db: string): Promise<CliResult> {
  const child = startCli(["scan", dir, "--db", db], { cwd: repo.root, env: repo.env });
  started.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve) =>
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr })),
  );
}

describe("an unwritable --db", () => {
  it("under a regular file", () => {
    const file = join(repo.root, "file");
    writeFileSync(file, "not a folder\n");
    for (const db of [join(file, "x.db"), join(file, "deeper", "x.db")]) {
      expect(scan(db)).toEqual({
        code: 2,
        stdout: "",
        stderr: `legible: ${db}: ${file} is not a directory\n${OPEN_HINT}`,
      });
    }
  });

  it("a directory", () => {
    const dir = join(repo.root, "a-folder");
    mkdirSync(dir);
    expect(scan(dir)).toEqual({
      code: 2,
      stdout: "",
      stderr: `legible: ${dir}: is a directory, not a database file\n${OPEN_HINT}`,
    });
  });

  it.runIf(existsSync("/proc/self"))(
    "under /proc, where mkdir -p used to retry for ever",
    async () => {
      // Run without blocking, so that vitest's timeout can end the test if the CLI spins again.
      expect(await scanAsync("/proc/nope/x.db")).toEqual({
        code: 2,
        stdout: "",
        stderr: `legible: /proc/nope/x.db: cannot create the folder /proc/nope (ENOENT)\n${OPEN_HINT}`,
      });
    },
  );

  it("still creates missing folders, with a .gitignore in a new .legible/", () => {
    const db = join(repo.root, "new", "deep", ".legible", "x.db");
    expect(scan(db).code).toBe(0);
    expect(existsSync(join(repo.root, "new", "deep", ".legible", ".gitignore"))).toBe(true);
  });
});

describe("a full disk", () => {
  const capped = () => ({ ...repo.env, LEGIBLE_TEST_MAX_PAGE_COUNT: "1" });

  it("during a scan is one line, and the next scan completes what was stored", () => {
    const db = join(repo.root, "full-scan.db");
    expect(scan(db, { ...capped(), LEGIBLE_TEST_BATCH_SIZE: "10" })).toEqual({
      code: 2,
      stdout: "",
      stderr: `legible: ${db}: disk full (SQLITE_FULL)\n  hint: free some space, then run it again; what was stored is consistent; the next scan continues from there\n`,
    });
    const resumed = runJson<{ repositories: { storedCommits: number }[] }>(
      ["scan", dir, "--db", db],
      { cwd: repo.root, env: repo.env },
    );
    expect(resumed.repositories[0]!.storedCommits).toBe(300);
  });

  it("during an import is one line", () => {
    const db = join(repo.root, "full-import.db");
    const csv = join(repo.root, "incidents.csv");
    const rows = Array.from(
      { length: 2000 },
      (_, i) =>
        `i${i},incident number ${i} with a long enough title,2024-02-01T00:00:00Z,2024-02-01T03:00:00Z,checkout,SEV2,bob`,
    );
    writeFileSync(
      csv,
      ["id,title,created_at,resolved_at,service,severity,responders", ...rows].join("\n"),
    );
    expect(
      runCli(["import", "incidents", csv, "--db", db], { cwd: repo.dir, env: capped() }),
    ).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "legible: the database: disk full (SQLITE_FULL)\n  hint: free some space, then run it again\n",
    });
  });
});

describe("storage failures in plain words", () => {
  const failure = (code: string, path?: string) =>
    storageError(Object.assign(new Error(code), { code, path }))?.message ?? null;
  it("names each reason, and leaves other errors to be reported as bugs", () => {
    expect(failure("ENOSPC", "/d/x")).toBe("/d/x: disk full (ENOSPC)");
    expect(failure("SQLITE_FULL")).toBe("the database: disk full (SQLITE_FULL)");
    expect(failure("EDQUOT", "/d/x")).toBe("/d/x: disk quota exceeded (EDQUOT)");
    expect(failure("EROFS", "/d/x")).toBe("/d/x: read-only (EROFS)");
    expect(failure("SQLITE_READONLY_DBMOVED")).toBe(
      "the database: read-only (SQLITE_READONLY_DBMOVED)",
    );
    expect(failure("EACCES", "/d/x")).toBe("/d/x: permission denied (EACCES)");
    expect(failure("ERR_INVALID_ARG_TYPE")).toBeNull();
    expect(failure("SQLITE_CONSTRAINT")).toBeNull();
  });
});
