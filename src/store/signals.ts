import type Database from "better-sqlite3";
import { type CommitSignal, TRAILER_KINDS, type TrailerKind } from "../core/model.js";

const TRAILERS: ReadonlySet<string> = new Set(TRAILER_KINDS);

/**
 * The `commit_signals` table: a commit's review and help trailers and the commits it reverts
 * (sources/git/signals.ts reads them). Rows are written with their commit, in the scan's batch
 * transaction (`writer`), so an interrupted or resumed scan never stores a commit without them.
 */
export class SignalStore {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
  }

  /** Inserts a commit's signals; call inside the transaction that inserts the commit. */
  writer(): (commitId: number | bigint, signals: readonly CommitSignal[] | undefined) => void {
    const insert = this.db.prepare(
      "INSERT INTO commit_signals (commit_id, kind, name, email, target) VALUES (?, ?, ?, ?, ?)",
    );
    return (commitId, signals) => {
      for (const signal of signals ?? []) {
        if (signal.kind === "reverts") insert.run(commitId, signal.kind, "", "", signal.sha);
        else insert.run(commitId, signal.kind, signal.person.name, signal.person.email, null);
      }
    };
  }

  /** Deletes the signals of a repository's commits (its history is being dropped). */
  deleteFor(repositoryId: number): void {
    this.db
      .prepare(
        "DELETE FROM commit_signals WHERE commit_id IN (SELECT id FROM commits WHERE repository_id = ?)",
      )
      .run(repositoryId);
  }

  /** Calls `add` with each stored signal of a repository's commits, by commit row id. */
  load(repositoryId: number, add: (commitId: number, signal: CommitSignal) => void): void {
    const rows = this.db
      .prepare(
        "SELECT s.commit_id, s.kind, s.name, s.email, s.target FROM commit_signals s JOIN commits c ON c.id = s.commit_id WHERE c.repository_id = ?",
      )
      .raw()
      .iterate(repositoryId) as IterableIterator<[number, string, string, string, string | null]>;
    for (const [id, kind, name, email, target] of rows) {
      if (kind === "reverts" && target) add(id, { kind, sha: target });
      else if (TRAILERS.has(kind)) add(id, { kind: kind as TrailerKind, person: { name, email } });
    }
  }
}
