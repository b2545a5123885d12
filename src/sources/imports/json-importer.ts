import { streamJsonElements } from "./json-stream.js";
import { rowSink } from "./row-sink.js";
import type { ImportContext, ImporterOf, ImportKind, RowsByKind } from "./types.js";

/** What a JSON format supplies; the streaming, counting and rejecting are shared. */
export interface JsonFormat<K extends ImportKind> {
  kind: K;
  format: string;
  /** Keys of a top-level object that hold the records' array (`incidents`, `data`). */
  wrapperKeys?: readonly string[];
  sniff(head: string): boolean;
  /**
   * One record → one row; throws `FieldError`/`RecordError` (or any Error) to reject it. `warn`
   * keeps the row with a warning (a record that does not quite fit the format).
   */
  toRow(record: unknown, context: ImportContext, warn: (reason: string) => void): RowsByKind[K];
}

/** An importer for a JSON format: arrays, wrapped arrays, concatenated pages or NDJSON. */
export function jsonImporter<K extends ImportKind>(format: JsonFormat<K>): ImporterOf<K> {
  return {
    kind: format.kind,
    format: format.format,
    sniff: format.sniff,
    async read(input, context, onRow, onReject, onWarning) {
      const sink = rowSink(format.kind, context, onRow, onReject, onWarning);
      await streamJsonElements(
        input,
        { file: context.file, wrapperKeys: format.wrapperKeys ?? [] },
        ({ value, line, path }) =>
          sink.accept({ line, path }, (warn) => format.toRow(value, context, warn)),
        (line, path, reason) => sink.reject(path === undefined ? { line } : { line, path }, reason),
      );
      return sink.counts;
    },
  };
}
