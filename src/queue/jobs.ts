import { sql } from "kysely";
import { renderTable } from "../render/table.js";
import type { Store } from "../store/store.js";
import { QUEUES } from "./queue.js";

/** One job as `legible jobs` shows it. */
export interface JobRow {
  id: string;
  kind: "scan" | "command" | "schedule";
  /** The repository a scan is for, or the command line a command job runs. */
  subject: string;
  state: string;
  /** Times it was retried. */
  retries: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** What the job returned, or why it failed. */
  output: unknown;
  error: string | null;
}

const KIND: Record<string, JobRow["kind"]> = {
  [QUEUES.scan]: "scan",
  [QUEUES.command]: "command",
  [QUEUES.weekly]: "schedule",
};

/**
 * legible's jobs in pg-boss's tables (`pgboss.job`, and `pgboss.archive` where finished jobs go
 * after a while), newest first. pg-boss has no listing call, so this reads its tables.
 */
export async function listJobs(
  store: Store,
  options: { state: string | null; limit: number },
): Promise<JobRow[]> {
  const names = Object.values(QUEUES);
  const filter = options.state === null ? sql`` : sql`AND state::text = ${options.state}`;
  const columns = sql`id::text AS id, name, state::text AS state, data, retry_count, created_on, started_on, completed_on, output`;
  const archive = await sql<{
    present: boolean;
  }>`SELECT to_regclass('pgboss.archive') IS NOT NULL AS present`.execute(store.db);
  const rows = await sql<{
    id: string;
    name: string;
    state: string;
    data: Record<string, unknown> | null;
    retry_count: number;
    created_on: Date;
    started_on: Date | null;
    completed_on: Date | null;
    output: Record<string, unknown> | null;
  }>`SELECT * FROM (
      SELECT ${columns} FROM pgboss.job WHERE name IN (${sql.join(names)}) ${filter}
      ${archive.rows[0]?.present ? sql`UNION ALL SELECT ${columns} FROM pgboss.archive WHERE name IN (${sql.join(names)}) ${filter}` : sql``}
    ) AS jobs ORDER BY created_on DESC, id LIMIT ${options.limit}`.execute(store.db);
  return rows.rows.map((row) => {
    const data = row.data ?? {};
    const failed = row.state === "failed" || row.state === "retry";
    const message = failed ? ((row.output?.message as string | undefined) ?? null) : null;
    return {
      id: row.id,
      kind: KIND[row.name] ?? "command",
      subject:
        typeof data.repository === "string"
          ? data.repository
          : typeof data.command === "string"
            ? ["legible", data.command, ...((data.args as string[] | undefined) ?? [])].join(" ")
            : "refresh every repository",
      state: row.state,
      retries: Number(row.retry_count),
      createdAt: iso(row.created_on)!,
      startedAt: iso(row.started_on),
      finishedAt: iso(row.completed_on),
      output: failed ? null : row.output,
      error: message,
    };
  });
}

function iso(value: Date | null): string | null {
  return value === null ? null : new Date(value).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function describeJobs(jobs: JobRow[], pretty: boolean): string {
  if (jobs.length === 0) return "no jobs\n";
  return renderTable(
    ["state", "kind", "what", "tries", "created", "finished", "error"],
    jobs.map((job) => [
      job.state,
      job.kind,
      job.subject,
      String(job.retries + 1),
      job.createdAt,
      job.finishedAt ?? "",
      job.error ?? "",
    ]),
    { pretty, numeric: [3] },
  );
}
