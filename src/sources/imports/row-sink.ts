import type { RejectedRow } from "../../core/delivery/model.js";
import { checkRow } from "./plausible.js";
import type {
  ImportContext,
  ImportCounts,
  ImportKind,
  ImportWarning,
  RowsByKind,
} from "./types.js";

/** Where a record is in its file. */
export interface Place {
  line: number | null;
  path?: string;
}

/** Counts every record once, as a row or a rejection, and checks each row before handing it on. */
export interface RowSink<K extends ImportKind> {
  readonly counts: ImportCounts;
  /** A record that could not be read. */
  reject(place: Place, reason: string): void;
  /**
   * A record read by `toRow` (which throws to reject it, and may note warnings of its own through
   * `warn`), then checked by plausible.ts.
   */
  accept(place: Place, toRow: (warn: (reason: string) => void) => RowsByKind[K]): void;
}

/** The sink one `read` call of an importer of `kind` feeds. */
export function rowSink<K extends ImportKind>(
  kind: K,
  context: ImportContext,
  onRow: (row: RowsByKind[K], place?: Place) => void,
  onReject: (rejected: RejectedRow) => void,
  onWarning?: (warning: ImportWarning) => void,
): RowSink<K> {
  const now = context.now ?? Math.floor(Date.now() / 1000);
  const counts: ImportCounts = { read: 0, rows: 0, rejected: 0, warned: 0 };
  const at = (place: Place, reason: string): RejectedRow =>
    place.path === undefined
      ? { file: context.file, line: place.line, reason }
      : { file: context.file, line: place.line, path: place.path, reason };
  const reject = (place: Place, reason: string): void => {
    counts.read += 1;
    counts.rejected += 1;
    onReject(at(place, reason));
  };
  return {
    counts,
    reject,
    accept(place, toRow) {
      let checked: ReturnType<typeof checkRow<K>>;
      const own: string[] = [];
      try {
        checked = checkRow(
          kind,
          toRow((reason) => own.push(reason)),
          now,
        );
      } catch (error) {
        reject(place, reasonOf(error));
        return;
      }
      counts.read += 1;
      counts.rows += 1;
      const warnings = [...own, ...checked.warnings];
      if (warnings.length > 0) {
        counts.warned += 1;
        onWarning?.(at(place, warnings.join("; ")));
      }
      onRow(checked.row, place);
    },
  };
}

/** The message of a rejected record's error. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
