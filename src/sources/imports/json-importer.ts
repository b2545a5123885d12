import { streamJsonElements } from "./json-stream.js";
import type { ImportContext, ImporterOf, ImportKind, RowsByKind } from "./types.js";

/** What a JSON format supplies; the streaming, counting and rejecting are shared. */
export interface JsonFormat<K extends ImportKind> {
  kind: K;
  format: string;
  /** Keys of a top-level object that hold the records' array (`incidents`, `data`). */
  wrapperKeys?: readonly string[];
  sniff(head: string): boolean;
  /** One record → one row; throws `FieldError`/`RecordError` (or any Error) to reject it. */
  toRow(record: unknown, context: ImportContext): RowsByKind[K];
}

/** An importer for a JSON format: arrays, wrapped arrays, concatenated pages or NDJSON. */
export function jsonImporter<K extends ImportKind>(format: JsonFormat<K>): ImporterOf<K> {
  return {
    kind: format.kind,
    format: format.format,
    sniff: format.sniff,
    async read(input, context, onRow, onReject) {
      let rows = 0;
      let rejected = 0;
      await streamJsonElements(
        input,
        { file: context.file, wrapperKeys: format.wrapperKeys ?? [] },
        ({ value, line, path }) => {
          let row: RowsByKind[K];
          try {
            row = format.toRow(value, context);
          } catch (error) {
            rejected += 1;
            onReject({ file: context.file, line, path, reason: reasonOf(error) });
            return;
          }
          rows += 1;
          onRow(row);
        },
        (line, path, reason) => {
          rejected += 1;
          onReject(
            path === undefined
              ? { file: context.file, line, reason }
              : { file: context.file, line, path, reason },
          );
        },
      );
      return { rows, rejected };
    },
  };
}

/** The message of a rejected record's error. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
