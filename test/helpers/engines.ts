import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { freshDatabase, POSTGRES_SKIP } from "./postgres.js";

/**
 * The two engines a store test runs on, each with a way to make an empty store: a SQLite file in
 * a folder removed after the file's tests, or a fresh database on the test PostgreSQL server
 * (`skip` says why its tests skip when there is none). `file(name)` is a path in that folder.
 */
export function storeEngines(prefix: string) {
  let folder = "";
  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), `legible-${prefix}-`));
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const file = (name: string) => join(folder, name);
  const engines = [
    { engine: "sqlite", skip: "", open: async () => file(`${Math.random()}.db`) },
    { engine: "postgres", skip: POSTGRES_SKIP, open: () => freshDatabase(prefix) },
  ] as const;
  return { engines, file };
}
