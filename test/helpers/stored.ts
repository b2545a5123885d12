import Database from "better-sqlite3";
import { decodePack } from "../../src/store/history-pack.js";
import type { StoredCommit } from "../../src/store/store.js";

/**
 * Every commit a SQLite store holds, decoded from its history packs (store/history-pack.ts) by
 * repository, then in stored order: what tests used to read from the commits' child rows.
 */
export function storedCommits(file: string): StoredCommit[] {
  const database = new Database(file, { readonly: true });
  try {
    const packs = database
      .prepare("SELECT body FROM history_packs ORDER BY repository_id, last_id")
      .all() as { body: string }[];
    return packs.flatMap(({ body }) => {
      const held = decodePack(body);
      if (!held) throw new Error(`${file}: a history pack it cannot read`);
      return held;
    });
  } finally {
    database.close();
  }
}

/** Each stored file change as "sha kind path old-path", sorted. */
export function storedChanges(file: string): string[] {
  return storedCommits(file)
    .flatMap((c) => c.changes.map((f) => `${c.sha} ${f.kind} ${f.path} ${f.oldPath ?? ""}`))
    .sort();
}
