/**
 * The concurrency suite: legible runs from cron, CI and a dashboard at once, so several real CLI
 * processes share one database file here. Processes are started together and awaited; nothing
 * depends on how they interleave or how long they take. Whatever the interleaving, every process
 * must succeed, the stored rows must be exactly those of the same work done one process at a time
 * (nothing lost, nothing duplicated), and SQLite's integrity check must pass. Forced lock timeouts
 * hold the lock from the test itself until the process has given up, so they do not race either.
 *
 * The figures (processes run, crashes, rows lost, duplicates, integrity failures) are tallied as
 * the scenarios run and printed at the end.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../bench/generate.js";
import { importFile } from "../../src/app/import.js";
import { MIGRATIONS } from "../../src/store/schema.js";
import { Store } from "../../src/store/store.js";
import { BIN, runCli } from "../helpers/cli.js";
import { makeRepo, type TestRepo } from "../helpers/gitrepo.js";
import { storedChanges, storedCommits } from "../helpers/stored.js";

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface ImportOutput {
  imports: {
    file: string;
    rows: number;
    stored: { inserted: number; updated: number; unchanged: number };
  }[];
}

interface Tally {
  processes: number;
  crashes: number;
  rowsLost: number;
  duplicates: number;
  integrityFailures: number;
}

const NOW = "2025-01-01T00:00:00Z";
/** A safety net for a loaded machine (dozens of Node processes), not a timing assertion. */
const SLOW = { timeout: 900_000 };
const ROWS_PER_FILE = 400;
const BATCH = "20";

let root: TestRepo;
const tallies = new Map<string, Tally>();

/** Starts every command at once and waits for all of them. */
async function runTogether(
  commands: { args: string[]; env?: Record<string, string>; now?: string }[],
): Promise<Outcome[]> {
  const children = commands.map(({ args, env, now }) =>
    spawn(process.execPath, [BIN, ...args], {
      cwd: root.root,
      env: { ...root.env, NO_COLOR: "1", LEGIBLE_NOW: now ?? NOW, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  return Promise.all(
    children.map(
      (child) =>
        new Promise<Outcome>((resolve, reject) => {
          let stdout = "";
          let stderr = "";
          child.stdout.on("data", (chunk: Buffer) => {
            stdout += chunk.toString();
          });
          child.stderr.on("data", (chunk: Buffer) => {
            stderr += chunk.toString();
          });
          child.on("error", reject);
          child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
        }),
    ),
  );
}

/** An incidents CSV of `count` records with ids `<prefix>-0` … */
function incidentsFile(prefix: string, count = ROWS_PER_FILE): string {
  const file = join(root.root, `${prefix}.csv`);
  const lines = ["id,title,created_at,resolved_at,service,severity,responders"];
  for (let i = 0; i < count; i++) {
    lines.push(
      `${prefix}-${i},Incident ${prefix} ${i},2024-05-03T10:00:00Z,2024-05-03T11:00:00Z,svc-${i % 7},SEV${1 + (i % 3)},ada;bo@example.com`,
    );
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

interface Contents {
  incidents: string[];
  incidentRows: number;
  commitDigest: string;
  commits: number;
  commitRows: number;
  fileChanges: string;
  scans: unknown[];
  integrity: string;
  userVersion: number;
  /** Import runs never finished: none once every import has ended. */
  unfinishedImports: number;
}

/** What a database holds, in a form two databases can be compared by. */
function contents(db: string): Contents {
  const database = new Database(db, { readonly: true });
  try {
    const all = (sql: string) => database.prepare(sql).all();
    const one = (sql: string) => database.prepare(sql).pluck().get() as number | string;
    const digest = (sql: string) =>
      createHash("sha256")
        .update(JSON.stringify(all(sql)))
        .digest("hex");
    return {
      incidents: (all("SELECT * FROM incidents ORDER BY key") as object[]).map((row) =>
        JSON.stringify(row),
      ),
      incidentRows: one("SELECT count(*) FROM incidents") as number,
      commitDigest: createHash("sha256")
        .update(
          JSON.stringify(
            storedCommits(db)
              .map((c) => ({ ...c, changes: undefined }))
              .sort((a, b) => a.sha.localeCompare(b.sha)),
          ),
        )
        .digest("hex"),
      commits: one("SELECT count(DISTINCT sha) FROM commits") as number,
      commitRows: one("SELECT count(*) FROM commits") as number,
      fileChanges: createHash("sha256")
        .update(JSON.stringify(storedChanges(db)))
        .digest("hex"),
      scans: all("SELECT ref, tip, target, checkpoint FROM scans ORDER BY ref"),
      integrity: all("PRAGMA integrity_check")
        .map((row) => Object.values(row as object).join())
        .join("\n"),
      userVersion: database.pragma("user_version", { simple: true }) as number,
      unfinishedImports: one("SELECT count(*) FROM imports WHERE finished_at IS NULL") as number,
    };
  } finally {
    database.close();
  }
}

/** Counts what the suite reports; the caller checks the same things after every round has run. */
function record(scenario: string, outcomes: Outcome[], actual: Contents, expected: Contents): void {
  const tally = tallies.get(scenario) ?? {
    processes: 0,
    crashes: 0,
    rowsLost: 0,
    duplicates: 0,
    integrityFailures: 0,
  };
  tally.processes += outcomes.length;
  tally.crashes += outcomes.filter((o) => o.code === 1).length;
  const present = new Set(actual.incidents);
  tally.rowsLost += expected.incidents.filter((row) => !present.has(row)).length;
  tally.rowsLost += Math.max(0, expected.commits - actual.commits);
  tally.duplicates += actual.incidentRows - new Set(actual.incidents).size;
  tally.duplicates += actual.commitRows - actual.commits;
  if (actual.integrity !== "ok") tally.integrityFailures += 1;
  tallies.set(scenario, tally);
}

/**
 * The database the same imports and scans leave when run one after the other: imports in this
 * process (through the same pipeline as the CLI, and much faster on a busy machine), scans by the CLI.
 */
async function sequentially(name: string, commands: string[][]): Promise<Contents> {
  const db = join(root.root, `${name}.reference.db`);
  for (const args of commands) {
    if (args[0] === "import") {
      const store = await Store.open(db);
      await importFile(store, { kind: "incidents", file: args[2]!, format: "auto", context: {} });
      await store.close();
      continue;
    }
    const result = runCli([...args, "--db", db], { cwd: root.root, env: root.env, now: NOW });
    expect(result.code, result.stderr).toBe(0);
  }
  return contents(db);
}

const importArgs = (file: string) => ["import", "incidents", file];

beforeAll(() => {
  root = makeRepo();
});

afterAll(() => {
  const lines = [...tallies].map(
    ([scenario, t]) =>
      `  ${scenario}: ${t.processes} processes, ${t.crashes} crashes (exit 1), ${t.rowsLost} rows lost, ${t.duplicates} duplicates, ${t.integrityFailures} integrity-check failures`,
  );
  console.info(`concurrency suite figures:\n${lines.join("\n")}`);
  root.cleanup();
});

describe("concurrent imports into one database", () => {
  const ROUNDS = 2;

  it(
    "N processes importing the same and different files lose nothing and duplicate nothing",
    SLOW,
    async () => {
      const files = ["same-a", "same-b", "same-c", "same-d"].map((prefix) => incidentsFile(prefix));
      const expected = await sequentially(
        "imports",
        files.map((file) => importArgs(file)),
      );
      const rounds: { outcomes: Outcome[]; actual: Contents }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const db = join(root.root, `imports-${round}.db`);
        await (await Store.open(db)).close();
        // Every file twice: two processes on the same file, four files at once.
        const commands = [...files, ...files].map((file) => ({
          args: [...importArgs(file), "--db", db, "--json"],
          env: { LEGIBLE_TEST_BATCH_SIZE: BATCH },
        }));
        const outcomes = await runTogether(commands);
        const actual = contents(db);
        record("imports, same and different files", outcomes, actual, expected);
        rounds.push({ outcomes, actual });
      }
      for (const { outcomes, actual } of rounds) {
        for (const outcome of outcomes) expect(outcome).toMatchObject({ code: 0, stderr: "" });
        expect(actual).toEqual(expected);
        // Each row was new to exactly one process, and identical for the other.
        for (const file of files) {
          const stored = outcomes
            .map((o) => (JSON.parse(o.stdout) as ImportOutput).imports[0]!)
            .filter((result) => result.file === file)
            .map((result) => result.stored);
          expect(stored.reduce((sum, s) => sum + s.inserted, 0)).toBe(ROWS_PER_FILE);
          expect(stored.reduce((sum, s) => sum + s.unchanged, 0)).toBe(ROWS_PER_FILE);
          expect(stored.reduce((sum, s) => sum + s.updated, 0)).toBe(0);
        }
      }
    },
  );

  it(
    "imports during two scans of one repository: all complete, as if run one after the other",
    SLOW,
    async () => {
      const repo = join(root.root, "scanned");
      await generate({ dir: repo, commits: 400, files: 60, authors: 8, seed: 11 });
      const files = ["scan-a", "scan-b", "scan-c"].map((prefix) => incidentsFile(prefix));
      const expected = await sequentially("scan", [
        ["scan", repo],
        ...files.map((f) => importArgs(f)),
      ]);
      expect(expected.commits).toBe(400);
      const rounds: { outcomes: Outcome[]; actual: Contents }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const db = join(root.root, `scan-${round}.db`);
        await (await Store.open(db)).close();
        const env = { LEGIBLE_TEST_BATCH_SIZE: "10" };
        const outcomes = await runTogether([
          { args: ["scan", repo, "--db", db, "--json"], env },
          { args: ["scan", repo, "--db", db, "--json"], env },
          ...files.map((file) => ({ args: [...importArgs(file), "--db", db], env })),
        ]);
        const actual = contents(db);
        record("imports during two scans", outcomes, actual, expected);
        rounds.push({ outcomes, actual });
      }
      for (const { outcomes, actual } of rounds) {
        for (const outcome of outcomes) expect(outcome).toMatchObject({ code: 0, stderr: "" });
        expect(actual).toEqual(expected);
      }
    },
  );
});

describe("concurrent creation of a new database", () => {
  it("M processes creating one new database at once all migrate it once", SLOW, async () => {
    const M = 8;
    const ROUNDS = 3;
    const files = Array.from({ length: M }, (_, i) => incidentsFile(`new-${i}`, 30));
    const expected = await sequentially(
      "new",
      files.map((file) => importArgs(file)),
    );
    expect(expected.userVersion).toBe(MIGRATIONS.length);
    const rounds: { outcomes: Outcome[]; actual: Contents }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const db = join(root.root, `new-${round}`, ".legible", "legible.db");
      const outcomes = await runTogether(
        files.map((file) => ({ args: [...importArgs(file), "--db", db] })),
      );
      const actual = contents(db);
      record("new database", outcomes, actual, expected);
      rounds.push({ outcomes, actual });
    }
    for (const { outcomes, actual } of rounds) {
      for (const outcome of outcomes) expect(outcome).toMatchObject({ code: 0, stderr: "" });
      expect(actual).toEqual(expected);
    }
  });
});

describe("a killed import", () => {
  it("is completed by the next import of the same file, which says so", SLOW, async () => {
    const file = incidentsFile("killed");
    const expected = await sequentially("killed", [importArgs(file)]);
    const db = join(root.root, "killed.db");
    const env = (kill: string) => ({
      LEGIBLE_TEST_BATCH_SIZE: BATCH,
      LEGIBLE_TEST_KILL_AFTER_IMPORT_BATCHES: kill,
    });
    const [first] = await runTogether([
      { args: [...importArgs(file), "--db", db], env: env("3"), now: "2025-01-01T00:00:00Z" },
    ]);
    expect(first).toEqual({ code: null, signal: "SIGKILL", stdout: "", stderr: "" });
    expect(contents(db)).toMatchObject({ incidentRows: 60, integrity: "ok", unfinishedImports: 1 });
    // Killed again, later, further on.
    const [second] = await runTogether([
      { args: [...importArgs(file), "--db", db], env: env("5"), now: "2025-01-02T00:00:00Z" },
    ]);
    const notice = `legible: completing an interrupted import of ${file} (started 2025-01-01T00:00:00Z)\n`;
    expect(second).toEqual({ code: null, signal: "SIGKILL", stdout: "", stderr: notice });
    expect(contents(db)).toMatchObject({
      incidentRows: 100,
      integrity: "ok",
      unfinishedImports: 2,
    });

    const completing = await runTogether([
      { args: [...importArgs(file), "--db", db], now: "2025-01-03T00:00:00Z" },
    ]);
    expect(completing).toEqual([
      {
        code: 0,
        signal: null,
        stdout: `${file} (incidents, csv): 400 rows read; 300 new, 0 updated, 100 unchanged; 0 rows skipped\n`,
        stderr: notice,
      },
    ]);
    const actual = contents(db);
    record("killed import, then completed", [first!, second!, ...completing], actual, expected);
    expect(actual).toEqual(expected);
    // Completed: the next import has nothing to say and nothing to store.
    const again = runCli([...importArgs(file), "--db", db], { cwd: root.root, env: root.env });
    expect(again).toEqual({
      code: 0,
      stdout: `${file} (incidents, csv): 400 rows read; 0 new, 0 updated, 400 unchanged; 0 rows skipped\n`,
      stderr: "",
    });
  });
});

describe("a lock held longer than the busy timeout", () => {
  /** Holds the write lock from the test until `release` is called, whatever the child does. */
  const holdLock = (db: string) => {
    const holder = new Database(db);
    holder.pragma("journal_mode = WAL");
    holder.exec("BEGIN IMMEDIATE");
    return () => {
      holder.exec("ROLLBACK");
      holder.close();
    };
  };
  const busy = (db: string) =>
    `legible: ${db}: another legible process holds the database and did not release it within 0.05 s; try again when it has finished\n`;
  const forced = { ...process.env, LEGIBLE_TEST_BUSY_TIMEOUT_MS: "50" };

  it(
    "fails an import with one line and exit 2, storing nothing, and the next import is clean",
    SLOW,
    async () => {
      const file = incidentsFile("locked");
      const db = join(root.root, "locked.db");
      await (await Store.open(db)).close();
      const release = holdLock(db);
      let result: ReturnType<typeof runCli>;
      try {
        result = runCli([...importArgs(file), "--db", db], { cwd: root.root, env: forced });
      } finally {
        release();
      }
      expect(result).toEqual({ code: 2, stdout: "", stderr: busy(db) });
      expect(contents(db)).toMatchObject({
        incidentRows: 0,
        integrity: "ok",
        unfinishedImports: 0,
      });
      const next = runCli([...importArgs(file), "--db", db], { cwd: root.root, env: root.env });
      expect(next).toEqual({
        code: 0,
        stdout: `${file} (incidents, csv): 400 rows read; 400 new, 0 updated, 0 unchanged; 0 rows skipped\n`,
        stderr: "",
      });
    },
  );

  it(
    "fails the creation of a database another process is creating, with the same line",
    SLOW,
    () => {
      const file = incidentsFile("locked-new");
      const db = join(root.root, "locked-new.db");
      const release = holdLock(db); // a new, empty file: schema version 0
      let result: ReturnType<typeof runCli>;
      try {
        result = runCli([...importArgs(file), "--db", db], { cwd: root.root, env: forced });
      } finally {
        release();
      }
      expect(result).toEqual({ code: 2, stdout: "", stderr: busy(db) });
      const database = new Database(db, { readonly: true });
      expect(database.pragma("user_version", { simple: true })).toBe(0);
      database.close();
    },
  );
});
