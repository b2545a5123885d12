import { type CommitSignal, TRAILER_KINDS, type TrailerKind } from "../core/model.js";
import type { CommitRange, Store } from "./store.js";

const TRAILERS: ReadonlySet<string> = new Set(TRAILER_KINDS);

/**
 * The `commit_signals` table: a commit's review and help trailers and the commits it reverts
 * (sources/git/signals.ts reads them). Rows are written with their commit, in the scan's batch
 * transaction (Store.writeBatch), so an interrupted or resumed scan never stores a commit without
 * them.
 */
export class SignalStore {
  /** The columns `rows` fills, in order. */
  static readonly COLUMNS = ["commit_id", "kind", "name", "email", "target"] as const;

  constructor(private readonly store: Store) {}

  /** Appends a commit's signal rows (in {@link SignalStore.COLUMNS} order) to `out`. */
  rows(commitId: number, signals: readonly CommitSignal[] | undefined, out: unknown[][]): void {
    for (const signal of signals ?? []) {
      if (signal.kind === "reverts") out.push([commitId, signal.kind, "", "", signal.sha]);
      else out.push([commitId, signal.kind, signal.person.name, signal.person.email, null]);
    }
  }

  /** Calls `add` with each stored signal of a repository's commits in `range`, by commit row id. */
  async load(
    repositoryId: number,
    range: CommitRange,
    add: (commitId: number, signal: CommitSignal) => void,
  ): Promise<void> {
    await this.store.eachRow(
      this.store
        .childRows("commit_signals", repositoryId, range)
        .select(["a.commit_id", "a.kind", "a.name", "a.email", "a.target"]),
      (row) => {
        const id = Number(row[0]);
        const kind = row[1] as string;
        const target = row[4] as string | null;
        if (kind === "reverts" && target) add(id, { kind: "reverts", sha: target });
        else if (TRAILERS.has(kind))
          add(id, {
            kind: kind as TrailerKind,
            person: { name: row[2] as string, email: row[3] as string },
          });
      },
    );
  }
}
