import type {
  DeploymentRow,
  IncidentRow,
  PullRequestRow,
  RejectedRow,
} from "../../core/delivery/model.js";

/** What an import is told besides the bytes: where they came from and the defaults to apply. */
export interface ImportContext {
  /** The file being read, named in every rejection and error message. */
  file: string;
  /** Repository ("owner/name") for records that do not name one. */
  repository?: string;
  /** CSV only: our field name → the header of the column that holds it (case-insensitive). */
  columns?: Record<string, string>;
  /** Environment for deployments whose source does not name one (CSV, releases); default "production". */
  environment?: string;
  /**
   * GitHub releases: tag name → the commit SHA it points to (from `git for-each-ref refs/tags`). A
   * release's `target_commitish` is often a branch name, not the released commit; the tag is.
   */
  tagCommits?: ReadonlyMap<string, string>;
}

/** Row type per kind of delivery record. */
export interface RowsByKind {
  prs: PullRequestRow;
  deployments: DeploymentRow;
  incidents: IncidentRow;
}

/** The kinds of delivery record an importer produces. */
export type ImportKind = keyof RowsByKind;

/** How many rows an import produced and how many it rejected. */
export interface ImportCounts {
  rows: number;
  rejected: number;
}

/** Reads one file format into plain rows. Every importer has this shape. */
export interface Importer<Row = unknown> {
  kind: ImportKind;
  /** The format's name; also the rows' `source`. */
  format: string;
  /** Recognises the format from the first bytes of a file (for `--format auto`); give it ≥ 4 KiB. */
  sniff(head: string): boolean;
  /**
   * Streams rows from `input` with bounded memory: one record at a time, never the whole file.
   * A record that cannot be read goes to `onReject` (file, line or JSON path, reason) and the import
   * continues. The promise rejects (a `LegibleError` with code `BAD_INPUT` or `BAD_USAGE`) only when
   * the file as a whole cannot be read: a CSV header without a required column, an unknown column
   * mapping, or JSON broken so that the records after the break cannot be located.
   */
  read(
    input: NodeJS.ReadableStream,
    context: ImportContext,
    onRow: (row: Row) => void,
    onReject: (rejected: RejectedRow) => void,
  ): Promise<ImportCounts>;
}

/** An importer of one kind, typed by the rows it produces. */
export type ImporterOf<K extends ImportKind> = Importer<RowsByKind[K]> & { kind: K };

/** Any registered importer. */
export type AnyImporter = ImporterOf<"prs"> | ImporterOf<"deployments"> | ImporterOf<"incidents">;
