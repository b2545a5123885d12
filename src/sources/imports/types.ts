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
  /** Where `tagCommits` came from (a repository path), named when a tag is not there. */
  tagSource?: string;
  /**
   * GitHub releases: the tags of the scanned repositories (`repositories` in legible.yaml), keyed by
   * repository name in lower case (`owner/name`), each with the path they were read from. A
   * release's repository (from its URL, else `repository`) is looked up here before `tagCommits`.
   */
  repositoryTags?: ReadonlyMap<string, RepositoryTags>;
  /**
   * The time now, Unix seconds: a timestamp more than a day after it is implausible (see
   * plausible.ts). Default: the system clock.
   */
  now?: number;
}

/** The tags of one repository: tag name → commit SHA, and where they were read. */
export interface RepositoryTags {
  path: string;
  tags: ReadonlyMap<string, string>;
}

/** Row type per kind of delivery record. */
export interface RowsByKind {
  prs: PullRequestRow;
  deployments: DeploymentRow;
  incidents: IncidentRow;
}

/** The kinds of delivery record an importer produces. */
export type ImportKind = keyof RowsByKind;

/**
 * How many records an import read, how many became rows and how many it rejected:
 * `read = rows + rejected` always (a blank CSV line is not a record).
 */
export interface ImportCounts {
  read: number;
  rows: number;
  rejected: number;
  /** Rows kept with a warning (plausible but odd: clock skew clamped, a commit left out). */
  warned: number;
}

/** A row kept, but flagged: where it is and what was odd (see plausible.ts). */
export type ImportWarning = RejectedRow;

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
   * Every row passes the plausibility rules (plausible.ts) first; one kept with a warning also goes
   * to `onWarning`.
   */
  read(
    input: NodeJS.ReadableStream,
    context: ImportContext,
    onRow: (row: Row, place?: { line: number | null; path?: string }) => void,
    onReject: (rejected: RejectedRow) => void,
    onWarning?: (warning: ImportWarning) => void,
  ): Promise<ImportCounts>;
}

/** An importer of one kind, typed by the rows it produces. */
export type ImporterOf<K extends ImportKind> = Importer<RowsByKind[K]> & { kind: K };

/** Any registered importer. */
export type AnyImporter = ImporterOf<"prs"> | ImporterOf<"deployments"> | ImporterOf<"incidents">;
