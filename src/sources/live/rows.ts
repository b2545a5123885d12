import type { RejectedRow } from "../../core/delivery/model.js";
import { RecordError } from "../imports/fields.js";
import { checkRow } from "../imports/plausible.js";
import type { ImportContext, ImportKind, RowsByKind } from "../imports/types.js";

/**
 * A record the source sent, made into a row by the importer of the same format and checked by the
 * same plausibility rules as an imported file: a fetched and an imported record make the same row
 * or none. A record that cannot be read is rejected (reported, skipped), not fatal.
 */
export function rowOf<K extends ImportKind>(
  kind: K,
  toRow: (record: unknown, context: ImportContext, warn: (reason: string) => void) => RowsByKind[K],
  record: unknown,
  context: ImportContext,
  where: string,
  rejected: RejectedRow[],
): RowsByKind[K] | null {
  try {
    const now = context.now ?? Math.floor(Date.now() / 1000);
    return checkRow(
      kind,
      toRow(record, context, () => {}),
      now,
    ).row;
  } catch (error) {
    if (error instanceof RecordError || error instanceof Error) {
      rejected.push({ file: context.file, line: null, path: where, reason: error.message });
      return null;
    }
    throw error;
  }
}
