import { createHash } from "node:crypto";
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { hostname } from "node:os";
import { isAbsolute, resolve } from "node:path";
import type { Config } from "../config/schema.js";
import type {
  DeploymentRow,
  IncidentRow,
  PullRequestRow,
  RejectedRow,
} from "../core/delivery/model.js";
import { LegibleError } from "../errors.js";
import { findImporter, type ImportContext, type ImportWarning } from "../sources/imports/index.js";
import type { UpsertCounts, UpsertObserver } from "../store/delivery.js";
import type { Store } from "../store/store.js";

export type ImportKind = "prs" | "deployments" | "incidents";

/** What one `legible import` did: the data behind its output and `--json`. */
export interface ImportResult {
  file: string;
  kind: ImportKind;
  format: string;
  /** Records found in the file: always `rows + rejected.length`. */
  read: number;
  /** Rows read: always `stored.inserted + stored.updated + stored.unchanged + duplicates`. */
  rows: number;
  /**
   * What the import changed, one count per record key, against the store as it was before the
   * import: a record that appears twice in the file counts once.
   */
  stored: UpsertCounts;
  /**
   * Records whose key an earlier record of the same file already had (the same pull request twice):
   * the later one is kept, and one whose fields differ is also listed in `warnings`.
   */
  duplicates: number;
  /** Rows that could not be read, each with its place and reason; they were skipped. */
  rejected: RejectedRow[];
  /** Rows stored but flagged as odd (clock skew clamped, a commit left out), with place and reason. */
  warnings: ImportWarning[];
  /** The interrupted import of the same file this one completed (the oldest, if several), or null. */
  completed: InterruptedImport | null;
}

/** An earlier import of a file that stopped part way (killed, crashed): some batches are stored. */
export interface InterruptedImport {
  file: string;
  /** When it started (ISO 8601). */
  startedAt: string;
}

/** The process running an import, to tell an import still under way elsewhere from an interrupted one. */
export interface ImportProcess {
  host: string;
  pid: number;
  /** Whether process `pid` on this host is running. */
  isRunning(pid: number): boolean;
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
  /** Called before any row is read when this import completes an interrupted one. */
  onInterrupted?: (interrupted: InterruptedImport) => void;
  /** The clock, for the import's start and end (default: the system clock). */
  now?: () => Date;
  /** This process (default: the real one). */
  process?: ImportProcess;
}

/**
 * Streams a file through its importer into the store in batches, each batch one transaction.
 * Memory stays bounded by the batch size whatever the file's size. A malformed row is reported and
 * skipped; it never aborts the import or leaves a half-written row. The import's start and end are
 * recorded: an import of a file whose last import never finished (its process is gone) completes
 * it, and says so through `onInterrupted`.
 */
export async function importFile(store: Store, options: ImportOptions): Promise<ImportResult> {
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
  const now = options.now ?? (() => new Date());
  const self = options.process ?? thisProcess();
  const run = await store.delivery.beginImport({
    kind: options.kind,
    file: options.file,
    startedAt: seconds(now()),
    host: self.host,
    pid: self.pid,
  });
  const interrupted = run.unfinished.filter((other) => !stillRunning(other, self));
  const completed =
    interrupted[0] === undefined
      ? null
      : { file: options.file, startedAt: isoSeconds(interrupted[0].startedAt) };
  if (completed) options.onInterrupted?.(completed);
  const rejected: RejectedRow[] = [];
  const warnings: ImportWarning[] = [];
  // Per key: where it first appeared and its content then; and the stored content before the
  // import and now. Counts are taken from these at the end, so a record repeated in the file (the
  // later copy wins) counts once, against the store as it was.
  const records = new Map<string, { line: number | null; digest: string }>();
  const stored = new Map<string, { before: string | null; after: string }>();
  let duplicates = 0;
  const observe = (key: string, before: string | null, after: string) => {
    const known = stored.get(key);
    if (known === undefined) stored.set(key, { before, after });
    else known.after = after;
  };
  let batch: unknown[] = [];
  // Batches are written in order, one transaction each, while the file is still being read.
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    writing = writing.then(async () => {
      await write(store, options.kind, rows, observe);
      options.afterBatch?.();
    });
    writing.catch(() => undefined); // awaited below
  };
  const reading = importer.read(
    createReadStream(options.file),
    { ...options.context, file: options.file },
    (row, place) => {
      const key = (row as { key: string }).key;
      const digest = createHash("sha1").update(JSON.stringify(row)).digest("base64");
      const first = records.get(key);
      if (first === undefined) {
        records.set(key, { line: place?.line ?? null, digest });
      } else {
        duplicates += 1;
        if (first.digest !== digest) {
          warnings.push({
            file: options.file,
            line: place?.line ?? null,
            ...(place?.path !== undefined ? { path: place.path } : {}),
            reason: `the same ${NOUN[options.kind]} (${key}) as ${first.line === null ? "an earlier record" : `line ${first.line}`}, with different fields: the later one is kept`,
          });
          first.digest = digest;
        }
      }
      batch.push(row);
      if (batch.length >= (options.batchSize ?? BATCH)) flush();
    },
    (row) => rejected.push(row),
    (warning) => warnings.push(warning),
  );
  // A file that fails part-way keeps the batches read before the failure, as they were committed.
  const result = await reading.catch(async (error) => {
    await writing.catch(() => undefined);
    throw error;
  });
  flush();
  await writing;
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const { before, after } of stored.values()) {
    if (before === null) counts.inserted += 1;
    else if (before === after) counts.unchanged += 1;
    else counts.updated += 1;
  }
  const storedRows = counts.inserted + counts.updated + counts.unchanged + duplicates;
  if (result.read !== result.rows + rejected.length || storedRows !== result.rows) {
    throw new Error(
      `${options.file}: import counts do not add up: ${result.read} read, ${storedRows} stored, ${rejected.length} rejected`,
    );
  }
  await store.delivery.finishImport(
    run.id,
    seconds(now()),
    interrupted.map((other) => other.id),
  );
  return {
    file: options.file,
    kind: options.kind,
    format: importer.format,
    read: result.read,
    rows: result.rows,
    stored: counts,
    duplicates,
    rejected,
    warnings,
    completed,
  };
}

/**
 * Whether an unfinished run may still be under way. A run on another host may be (there is no
 * telling); one with this process's pid is an earlier process that had the same pid.
 */
function stillRunning(run: { host: string; pid: number }, self: ImportProcess): boolean {
  if (run.host !== self.host) return true;
  return run.pid !== self.pid && self.isRunning(run.pid);
}

function thisProcess(): ImportProcess {
  return {
    host: hostname(),
    pid: process.pid,
    isRunning(pid) {
      try {
        process.kill(pid, 0); // signal 0: only checks that the process exists
        return true;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === "EPERM";
      }
    },
  };
}

function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function isoSeconds(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(".000Z", "Z");
}

const NOUN: Record<ImportKind, string> = {
  prs: "pull request",
  deployments: "deployment",
  incidents: "incident",
};

function write(
  store: Store,
  kind: ImportKind,
  rows: unknown[],
  observe: UpsertObserver,
): Promise<UpsertCounts> {
  if (kind === "prs") return store.delivery.upsertPullRequests(rows as PullRequestRow[], observe);
  if (kind === "deployments")
    return store.delivery.upsertDeployments(rows as DeploymentRow[], observe);
  return store.delivery.upsertIncidents(rows as IncidentRow[], observe);
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
  store: Store,
  options: { sources: Config["sources"]; baseDir: string; now?: number },
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
          ...(options.now !== undefined ? { now: options.now } : {}),
        },
      }),
    );
  }
  return results;
}
