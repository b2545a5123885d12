import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import type {
  Account,
  DeploymentRow,
  IncidentRow,
  PullRequestRow,
} from "../core/delivery/model.js";
import type { WriteLock } from "./lock.js";

/** A short digest of a row's column values, equal exactly when the values are. */
function digest(values: unknown[]): string {
  return createHash("sha1").update(JSON.stringify(values)).digest("base64");
}

/** Counts of what an upsert did: rows new to the store, rows whose content changed, rows already identical. */
export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Told, for every row an upsert handles, its key and a digest of the stored content before and
 * after (before: null when the row was new). An import uses it to count a record that appears
 * twice in one file against the store as it was before the import.
 */
export type UpsertObserver = (key: string, before: string | null, after: string) => void;

/** One run of an import of a file, as recorded when it started. */
export interface ImportRun {
  id: number;
  kind: string;
  file: string;
  /** Unix seconds. */
  startedAt: number;
  host: string;
  pid: number;
}

/**
 * Delivery records in the SQLite store. Writes are upserts by the rows' stable keys, in one
 * transaction per call, so re-importing a file changes nothing and a failure writes nothing.
 */
export class DeliveryStore {
  private readonly db: Database.Database;
  private readonly lock: WriteLock;

  constructor(db: Database.Database, lock: WriteLock) {
    this.db = db;
    this.lock = lock;
  }

  upsertPullRequests(rows: PullRequestRow[], observe?: UpsertObserver): UpsertCounts {
    const values = (r: PullRequestRow) => [
      r.key,
      r.source,
      r.repository,
      r.number,
      r.title,
      account(r.author),
      r.state,
      r.createdAt,
      r.mergedAt,
      r.closedAt,
      r.mergeCommitSha,
      r.baseRef,
      r.headRef,
      JSON.stringify(r.labels),
      JSON.stringify(r.commits),
      JSON.stringify(r.reviews),
      JSON.stringify(r.comments),
    ];
    return this.upsert("pull_requests", PR_COLUMNS, rows.map(values), observe);
  }

  upsertDeployments(rows: DeploymentRow[], observe?: UpsertObserver): UpsertCounts {
    return this.upsert(
      "deployments",
      DEPLOYMENT_COLUMNS,
      rows.map((r) => [
        r.key,
        r.source,
        r.repository,
        r.environment,
        r.result,
        r.commitSha,
        r.startedAt,
        r.finishedAt,
        r.name,
      ]),
      observe,
    );
  }

  upsertIncidents(rows: IncidentRow[], observe?: UpsertObserver): UpsertCounts {
    return this.upsert(
      "incidents",
      INCIDENT_COLUMNS,
      rows.map((r) => [
        r.key,
        r.source,
        r.title,
        r.createdAt,
        r.resolvedAt,
        r.service,
        r.severity,
        JSON.stringify(r.responders),
        r.repository,
      ]),
      observe,
    );
  }

  pullRequests(): PullRequestRow[] {
    const rows = this.db
      .prepare(`SELECT ${PR_COLUMNS.join(", ")} FROM pull_requests ORDER BY key`)
      .raw()
      .all() as unknown[][];
    return rows.map((r) => ({
      key: r[0] as string,
      source: r[1] as PullRequestRow["source"],
      repository: r[2] as string,
      number: r[3] as number,
      title: r[4] as string,
      author: parseAccount(r[5] as string | null),
      state: r[6] as PullRequestRow["state"],
      createdAt: r[7] as number,
      mergedAt: r[8] as number | null,
      closedAt: r[9] as number | null,
      mergeCommitSha: r[10] as string | null,
      baseRef: r[11] as string | null,
      headRef: r[12] as string | null,
      labels: JSON.parse(r[13] as string) as string[],
      commits: JSON.parse(r[14] as string) as PullRequestRow["commits"],
      reviews: JSON.parse(r[15] as string) as PullRequestRow["reviews"],
      comments: JSON.parse(r[16] as string) as PullRequestRow["comments"],
    }));
  }

  deployments(): DeploymentRow[] {
    const rows = this.db
      .prepare(`SELECT ${DEPLOYMENT_COLUMNS.join(", ")} FROM deployments ORDER BY finished_at, key`)
      .raw()
      .all() as unknown[][];
    return rows.map((r) => ({
      key: r[0] as string,
      source: r[1] as DeploymentRow["source"],
      repository: r[2] as string,
      environment: r[3] as string,
      result: r[4] as DeploymentRow["result"],
      commitSha: r[5] as string,
      startedAt: r[6] as number | null,
      finishedAt: r[7] as number,
      name: r[8] as string | null,
    }));
  }

  incidents(): IncidentRow[] {
    const rows = this.db
      .prepare(`SELECT ${INCIDENT_COLUMNS.join(", ")} FROM incidents ORDER BY created_at, key`)
      .raw()
      .all() as unknown[][];
    return rows.map((r) => ({
      key: r[0] as string,
      source: r[1] as IncidentRow["source"],
      title: r[2] as string,
      createdAt: r[3] as number,
      resolvedAt: r[4] as number | null,
      service: r[5] as string | null,
      severity: r[6] as string | null,
      responders: JSON.parse(r[7] as string) as Account[],
      repository: r[8] as string | null,
    }));
  }

  counts(): { pullRequests: number; deployments: number; incidents: number } {
    const count = (table: string) =>
      (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      pullRequests: count("pull_requests"),
      deployments: count("deployments"),
      incidents: count("incidents"),
    };
  }

  fetchState(
    source: string,
    scope: string,
  ): { updatedSince: string | null; cursor: string | null } | null {
    const row = this.db
      .prepare("SELECT updated_since, cursor FROM fetch_state WHERE source = ? AND scope = ?")
      .get(source, scope) as { updated_since: string | null; cursor: string | null } | undefined;
    return row ? { updatedSince: row.updated_since, cursor: row.cursor } : null;
  }

  saveFetchState(
    source: string,
    scope: string,
    state: { updatedSince: string | null; cursor: string | null },
  ): void {
    const save = this.db.prepare(
      `INSERT INTO fetch_state (source, scope, updated_since, cursor) VALUES (?, ?, ?, ?)
       ON CONFLICT(source, scope) DO UPDATE SET updated_since = excluded.updated_since, cursor = excluded.cursor`,
    );
    this.lock.run(() => save.run(source, scope, state.updatedSince, state.cursor));
  }

  /**
   * Records that an import of `file` starts, and returns its id with the earlier runs of the same
   * file that never finished (interrupted, or still under way in another process), oldest first.
   */
  beginImport(run: Omit<ImportRun, "id">): { id: number; unfinished: ImportRun[] } {
    const unfinished = this.db.prepare(
      "SELECT id, kind, file, started_at, host, pid FROM imports WHERE file = ? AND kind = ? AND finished_at IS NULL ORDER BY started_at, id",
    );
    const insert = this.db.prepare(
      "INSERT INTO imports (kind, file, started_at, host, pid) VALUES (?, ?, ?, ?, ?)",
    );
    return this.lock.run(() => {
      const rows = unfinished.all(run.file, run.kind) as Record<string, unknown>[];
      const id = insert.run(run.kind, run.file, run.startedAt, run.host, run.pid).lastInsertRowid;
      return {
        id: Number(id),
        unfinished: rows.map((row) => ({
          id: row.id as number,
          kind: row.kind as string,
          file: row.file as string,
          startedAt: row.started_at as number,
          host: row.host as string,
          pid: row.pid as number,
        })),
      };
    });
  }

  /**
   * Records that import run `id` finished. The interrupted runs it completed (`completed`) and the
   * file's earlier finished runs are forgotten: one row per file remains.
   */
  finishImport(id: number, finishedAt: number, completed: number[]): void {
    const finish = this.db.prepare(
      "UPDATE imports SET finished_at = ? WHERE id = ? RETURNING file, kind",
    );
    const forget = this.db.prepare("DELETE FROM imports WHERE id = ?");
    const forgetFinished = this.db.prepare(
      "DELETE FROM imports WHERE file = ? AND kind = ? AND finished_at IS NOT NULL AND id <> ?",
    );
    this.lock.run(() => {
      const run = finish.get(finishedAt, id) as { file: string; kind: string } | undefined;
      for (const other of completed) forget.run(other);
      if (run) forgetFinished.run(run.file, run.kind, id);
    });
  }

  /**
   * Upserts rows keyed by their first column, counting what changed; one immediate transaction, so
   * that no other process writes between a row's read and its write.
   */
  private upsert(
    table: string,
    columns: readonly string[],
    rows: unknown[][],
    observe?: UpsertObserver,
  ): UpsertCounts {
    const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
    const select = this.db
      .prepare(`SELECT ${columns.join(", ")} FROM ${table} WHERE key = ?`)
      .raw();
    const placeholders = columns.map(() => "?").join(", ");
    const assignments = columns
      .slice(1)
      .map((c) => `${c} = excluded.${c}`)
      .join(", ");
    const write = this.db.prepare(
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${placeholders}) ON CONFLICT(key) DO UPDATE SET ${assignments}`,
    );
    this.lock.run(() => {
      for (const row of rows) {
        const existing = select.get(row[0]) as unknown[] | undefined;
        observe?.(String(row[0]), existing === undefined ? null : digest(existing), digest(row));
        if (existing?.every((value, i) => value === row[i])) {
          counts.unchanged += 1;
          continue;
        }
        write.run(...row);
        if (existing) counts.updated += 1;
        else counts.inserted += 1;
      }
    });
    return counts;
  }
}

const PR_COLUMNS = [
  "key",
  "source",
  "repository",
  "number",
  "title",
  "author",
  "state",
  "created_at",
  "merged_at",
  "closed_at",
  "merge_commit_sha",
  "base_ref",
  "head_ref",
  "labels",
  "commits",
  "reviews",
  "comments",
] as const;
const DEPLOYMENT_COLUMNS = [
  "key",
  "source",
  "repository",
  "environment",
  "result",
  "commit_sha",
  "started_at",
  "finished_at",
  "name",
] as const;
const INCIDENT_COLUMNS = [
  "key",
  "source",
  "title",
  "created_at",
  "resolved_at",
  "service",
  "severity",
  "responders",
  "repository",
] as const;

function account(value: Account | null): string | null {
  return value === null ? null : JSON.stringify(value);
}

function parseAccount(value: string | null): Account | null {
  return value === null ? null : (JSON.parse(value) as Account);
}
