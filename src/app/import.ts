import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import type { Config } from "../config/schema.js";
import type {
  DeploymentRow,
  IncidentRow,
  PullRequestRow,
  RejectedRow,
} from "../core/delivery/model.js";
import { LegibleError } from "../errors.js";
import { findImporter, type ImportContext } from "../sources/imports/index.js";
import type { UpsertCounts } from "../store/delivery.js";
import type { SqliteStore } from "../store/sqlite.js";

export type ImportKind = "prs" | "deployments" | "incidents";

/** What one `legible import` did: the data behind its output and `--json`. */
export interface ImportResult {
  file: string;
  kind: ImportKind;
  format: string;
  rows: number;
  stored: UpsertCounts;
  /** Rows that could not be read, each with its place and reason; they were skipped. */
  rejected: RejectedRow[];
}

const BATCH = 1000;
const HEAD_BYTES = 64 * 1024;

export interface ImportOptions {
  kind: ImportKind;
  file: string;
  format: string;
  context: Omit<ImportContext, "file">;
  /** Rows per stored batch (default 1000). */
  batchSize?: number;
  /** Called after each batch is committed to the store. For the CLI's test hooks. */
  afterBatch?: () => void;
}

/**
 * Streams a file through its importer into the store in batches, each batch one transaction.
 * Memory stays bounded by the batch size whatever the file's size. A malformed row is reported and
 * skipped; it never aborts the import or leaves a half-written row.
 */
export async function importFile(
  store: SqliteStore,
  options: ImportOptions,
): Promise<ImportResult> {
  const head = readHead(options.file);
  const importer = findImporter(options.kind, options.format, head);
  if (!importer) {
    throw new LegibleError(
      "BAD_INPUT",
      options.format === "auto"
        ? `${options.file}: not a ${options.kind} export legible recognises`
        : `${options.file}: no ${options.kind} importer for format '${options.format}'`,
      "pass --format (see legible import --help for the formats)",
    );
  }
  const stored: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const rejected: RejectedRow[] = [];
  let batch: unknown[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    const counts = write(store, options.kind, batch);
    stored.inserted += counts.inserted;
    stored.updated += counts.updated;
    stored.unchanged += counts.unchanged;
    batch = [];
    options.afterBatch?.();
  };
  const result = await importer.read(
    createReadStream(options.file),
    { ...options.context, file: options.file },
    (row) => {
      batch.push(row);
      if (batch.length >= (options.batchSize ?? BATCH)) flush();
    },
    (row) => rejected.push(row),
  );
  flush();
  return {
    file: options.file,
    kind: options.kind,
    format: importer.format,
    rows: result.rows,
    stored,
    rejected,
  };
}

function write(store: SqliteStore, kind: ImportKind, rows: unknown[]): UpsertCounts {
  if (kind === "prs") return store.delivery.upsertPullRequests(rows as PullRequestRow[]);
  if (kind === "deployments") return store.delivery.upsertDeployments(rows as DeploymentRow[]);
  return store.delivery.upsertIncidents(rows as IncidentRow[]);
}

function readHead(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    throw new LegibleError(
      "BAD_INPUT",
      `${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
    );
  }
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const length = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.toString("utf8", 0, length);
  } finally {
    closeSync(fd);
  }
}

/** Imports every `sources` entry of legible.yaml (paths relative to the config's folder), in order. */
export async function importSources(
  store: SqliteStore,
  options: { sources: Config["sources"]; baseDir: string },
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  for (const source of options.sources) {
    results.push(
      await importFile(store, {
        kind: source.kind,
        file: isAbsolute(source.file) ? source.file : resolve(options.baseDir, source.file),
        format: source.format,
        context: {
          ...(source.repository ? { repository: source.repository } : {}),
          ...(source.columns ? { columns: source.columns } : {}),
        },
      }),
    );
  }
  return results;
}
