/**
 * An import records its start and end; the next import of a file whose last import never finished
 * says it completes it, unless that import may still be running in another process.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ImportProcess, type InterruptedImport, importFile } from "../../src/app/import.js";
import { Store } from "../../src/store/store.js";

let dir: string;
let file: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "legible-import-runs-"));
  file = join(dir, "incidents.csv");
  writeFileSync(
    file,
    "id,title,created_at\nINC-1,Down,2024-05-03T10:00:00Z\nINC-2,Slow,2024-05-04T10:00:00Z\n",
  );
  store = await Store.open(join(dir, "legible.db"));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const STARTED = Date.parse("2025-03-01T12:00:00Z") / 1000;

/** An earlier run of the same file that never finished, by `pid` on `host`. */
async function unfinishedRun(host: string, pid: number): Promise<void> {
  await store.delivery.beginImport({ kind: "incidents", file, startedAt: STARTED, host, pid });
}

async function importAs(self: ImportProcess) {
  const notices: InterruptedImport[] = [];
  const result = await importFile(store, {
    kind: "incidents",
    file,
    format: "auto",
    context: {},
    now: () => new Date("2025-03-02T00:00:00Z"),
    process: self,
    onInterrupted: (interrupted) => notices.push(interrupted),
  });
  const database = new Database(store.path, { readonly: true });
  const unfinished = database
    .prepare("SELECT count(*) FROM imports WHERE finished_at IS NULL")
    .pluck()
    .get();
  database.close();
  return { notices, completed: result.completed, unfinished };
}

const running = (...pids: number[]): ImportProcess => ({
  host: "here",
  pid: 100,
  isRunning: (pid) => pids.includes(pid),
});
const interrupted = () => ({ file, startedAt: "2025-03-01T12:00:00Z" });

describe("an import after an unfinished one", () => {
  it("completes it and says so when its process is gone", async () => {
    await unfinishedRun("here", 7);
    expect(await importAs(running())).toEqual({
      notices: [interrupted()],
      completed: interrupted(),
      unfinished: 0,
    });
    // Completed: nothing more to say.
    expect(await importAs(running())).toEqual({ notices: [], completed: null, unfinished: 0 });
  });

  it("says nothing while its process is still running, which finishes it itself", async () => {
    await unfinishedRun("here", 7);
    expect(await importAs(running(7))).toEqual({ notices: [], completed: null, unfinished: 1 });
  });

  it("says nothing about a run on another host: it may be under way", async () => {
    await unfinishedRun("elsewhere", 7);
    expect(await importAs(running())).toEqual({ notices: [], completed: null, unfinished: 1 });
  });

  it("takes a run with this process's own pid for an earlier process that had the same pid", async () => {
    await unfinishedRun("here", 100);
    expect(await importAs(running(100))).toEqual({
      notices: [interrupted()],
      completed: interrupted(),
      unfinished: 0,
    });
  });
});
