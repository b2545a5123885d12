import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type {
  Account,
  DeploymentRow,
  IncidentRow,
  PullRequestRow,
} from "../core/delivery/model.js";
import type { Store } from "./store.js";

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
 * Delivery records in the store. Writes are upserts by the rows' stable keys, in one transaction per
 * call, so re-importing a file changes nothing and a failure writes nothing.
 */
export class DeliveryStore {
  constructor(private readonly store: Store) {}

  upsertPullRequests(rows: PullRequestRow[], observe?: UpsertObserver): Promise<UpsertCounts> {
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

  upsertDeployments(rows: DeploymentRow[], observe?: UpsertObserver): Promise<UpsertCounts> {
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

  upsertIncidents(rows: IncidentRow[], observe?: UpsertObserver): Promise<UpsertCounts> {
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

  async pullRequests(): Promise<PullRequestRow[]> {
    const rows = await this.store.db
      .selectFrom("pull_requests")
      .selectAll()
      .orderBy("key")
      .execute();
    return rows.map((r) => ({
      key: r.key,
      source: r.source as PullRequestRow["source"],
      repository: r.repository,
      number: Number(r.number),
      title: r.title,
      author: parseAccount(r.author),
      state: r.state as PullRequestRow["state"],
      createdAt: Number(r.created_at),
      mergedAt: numberOrNull(r.merged_at),
      closedAt: numberOrNull(r.closed_at),
      mergeCommitSha: r.merge_commit_sha,
      baseRef: r.base_ref,
      headRef: r.head_ref,
      labels: JSON.parse(r.labels) as string[],
      commits: JSON.parse(r.commits) as PullRequestRow["commits"],
      reviews: JSON.parse(r.reviews) as PullRequestRow["reviews"],
      comments: JSON.parse(r.comments) as PullRequestRow["comments"],
    }));
  }

  async deployments(): Promise<DeploymentRow[]> {
    const rows = await this.store.db
      .selectFrom("deployments")
      .selectAll()
      .orderBy("finished_at")
      .orderBy("key")
      .execute();
    return rows.map((r) => ({
      key: r.key,
      source: r.source as DeploymentRow["source"],
      repository: r.repository,
      environment: r.environment,
      result: r.result as DeploymentRow["result"],
      commitSha: r.commit_sha,
      startedAt: numberOrNull(r.started_at),
      finishedAt: Number(r.finished_at),
      name: r.name,
    }));
  }

  async incidents(): Promise<IncidentRow[]> {
    const rows = await this.store.db
      .selectFrom("incidents")
      .selectAll()
      .orderBy("created_at")
      .orderBy("key")
      .execute();
    return rows.map((r) => ({
      key: r.key,
      source: r.source as IncidentRow["source"],
      title: r.title,
      createdAt: Number(r.created_at),
      resolvedAt: numberOrNull(r.resolved_at),
      service: r.service,
      severity: r.severity,
      responders: JSON.parse(r.responders) as Account[],
      repository: r.repository,
    }));
  }

  async counts(): Promise<{ pullRequests: number; deployments: number; incidents: number }> {
    const count = async (table: "pull_requests" | "deployments" | "incidents") =>
      Number(
        (
          await this.store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      pullRequests: await count("pull_requests"),
      deployments: await count("deployments"),
      incidents: await count("incidents"),
    };
  }

  async fetchState(
    source: string,
    scope: string,
  ): Promise<{ updatedSince: string | null; cursor: string | null } | null> {
    const row = await this.store.db
      .selectFrom("fetch_state")
      .select(["updated_since", "cursor"])
      .where("source", "=", source)
      .where("scope", "=", scope)
      .executeTakeFirst();
    return row ? { updatedSince: row.updated_since, cursor: row.cursor } : null;
  }

  async saveFetchState(
    source: string,
    scope: string,
    state: { updatedSince: string | null; cursor: string | null },
  ): Promise<void> {
    const values = { updated_since: state.updatedSince, cursor: state.cursor };
    await this.store.write(`fetch:${source}`, false, (tx) =>
      tx
        .insertInto("fetch_state")
        .values({ source, scope, ...values })
        .onConflict((oc) => oc.columns(["source", "scope"]).doUpdateSet(values))
        .execute(),
    );
  }

  /**
   * Records that an import of `file` starts, and returns its id with the earlier runs of the same
   * file that never finished (interrupted, or still under way in another process), oldest first.
   */
  beginImport(run: Omit<ImportRun, "id">): Promise<{ id: number; unfinished: ImportRun[] }> {
    return this.store.write("imports", false, async (tx) => {
      const rows = await tx
        .selectFrom("imports")
        .select(["id", "kind", "file", "started_at", "host", "pid"])
        .where("file", "=", run.file)
        .where("kind", "=", run.kind)
        .where("finished_at", "is", null)
        .orderBy("started_at")
        .orderBy("id")
        .execute();
      const inserted = await tx
        .insertInto("imports")
        .values({
          kind: run.kind,
          file: run.file,
          started_at: run.startedAt,
          host: run.host,
          pid: run.pid,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return {
        id: Number(inserted.id),
        unfinished: rows.map((row) => ({
          id: Number(row.id),
          kind: row.kind,
          file: row.file,
          startedAt: Number(row.started_at),
          host: row.host,
          pid: Number(row.pid),
        })),
      };
    });
  }

  /**
   * Records that import run `id` finished. The interrupted runs it completed (`completed`) and the
   * file's earlier finished runs are forgotten: one row per file remains.
   */
  async finishImport(id: number, finishedAt: number, completed: number[]): Promise<void> {
    await this.store.write("imports", false, async (tx) => {
      const run = await tx
        .updateTable("imports")
        .set({ finished_at: finishedAt })
        .where("id", "=", id)
        .returning(["file", "kind"])
        .executeTakeFirst();
      if (completed.length > 0)
        await tx.deleteFrom("imports").where("id", "in", completed).execute();
      if (run)
        await tx
          .deleteFrom("imports")
          .where("file", "=", run.file)
          .where("kind", "=", run.kind)
          .where("finished_at", "is not", null)
          .where("id", "<>", id)
          .execute();
    });
  }

  /**
   * Upserts rows keyed by their first column, counting what changed; one transaction that holds the
   * table's write lock, so that no other process writes between a row's read and its write.
   */
  private upsert(
    table: DeliveryTable,
    columns: readonly string[],
    rows: unknown[][],
    observe?: UpsertObserver,
  ): Promise<UpsertCounts> {
    return this.store.write(`records:${table}`, true, async (tx) => {
      const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
      const db = tx as Kysely<any>;
      for (let start = 0; start < rows.length; start += UPSERT_ROWS) {
        const chunk = rows.slice(start, start + UPSERT_ROWS);
        const stored = new Map<string, unknown[]>();
        const found = await db
          .selectFrom(table)
          .select([...columns])
          .where("key", "in", [...new Set(chunk.map((row) => String(row[0])))])
          .execute();
        for (const row of found)
          stored.set(
            String(row.key),
            columns.map((c) => normalise(row[c])),
          );
        const writes: unknown[][] = [];
        for (const row of chunk) {
          const key = String(row[0]);
          const existing = stored.get(key);
          observe?.(key, existing === undefined ? null : digest(existing), digest(row));
          if (existing?.every((value, i) => value === row[i])) {
            counts.unchanged += 1;
            continue;
          }
          if (existing) counts.updated += 1;
          else counts.inserted += 1;
          stored.set(key, row); // the same key again in this chunk compares with this row
          writes.push(row);
        }
        for (const row of writes)
          await db
            .insertInto(table)
            .values(Object.fromEntries(columns.map((c, i) => [c, row[i]])))
            .onConflict((oc) =>
              oc
                .column("key")
                .doUpdateSet(Object.fromEntries(columns.slice(1).map((c, i) => [c, row[i + 1]]))),
            )
            .execute();
      }
      return counts;
    });
  }
}

type DeliveryTable = "pull_requests" | "deployments" | "incidents";

/** Rows read back per upsert chunk. */
const UPSERT_ROWS = 500;

/** A stored value as written: PostgreSQL's BIGINT comes back as a number already; keep null as null. */
function normalise(value: unknown): unknown {
  return typeof value === "bigint" ? Number(value) : value;
}

function numberOrNull(value: number | null): number | null {
  return value === null ? null : Number(value);
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
