import { LegibleError } from "../../errors.js";
import { streamCsvRecords } from "./csv-stream.js";
import { Fields } from "./fields.js";
import { rowSink } from "./row-sink.js";
import type { ImportContext, ImporterOf, ImportKind, RowsByKind } from "./types.js";

/** A field a CSV format reads; its column is the field's name unless `context.columns` maps it. */
export interface CsvField {
  name: string;
  /** Whether the file must have the column; a function decides from the context. */
  required?: boolean | ((context: ImportContext) => boolean);
}

/** What a CSV format supplies; header matching, streaming and rejecting are shared. */
export interface CsvFormat<K extends ImportKind> {
  kind: K;
  fields: readonly CsvField[];
  sniff(head: string): boolean;
  /**
   * One record → one row. `fields` holds the record's cells by field name (absent when the file has
   * no such column); its messages name the column. Throws to reject the record.
   */
  toRow(fields: Fields, context: ImportContext): RowsByKind[K];
}

/** An importer for a CSV format (format name "csv"). */
export function csvImporter<K extends ImportKind>(format: CsvFormat<K>): ImporterOf<K> {
  return {
    kind: format.kind,
    format: "csv",
    sniff: format.sniff,
    async read(input, context, onRow, onReject, onWarning) {
      const columns = checkColumnMap(format, context);
      const sink = rowSink(format.kind, context, onRow, onReject, onWarning);
      let width = 0;
      let mapping: { field: string; index: number; label: string }[] = [];
      const reject = (line: number, reason: string): void => sink.reject({ line }, reason);
      await streamCsvRecords(input, {
        header(cells, line) {
          width = cells.length;
          mapping = resolveHeader(format, context, columns, cells, line);
        },
        record(cells, line) {
          if (cells.every((cell) => cell.trim() === "")) return;
          if (cells.length !== width) {
            reject(line, `has ${cells.length} fields where the header has ${width}`);
            return;
          }
          const record: Record<string, string> = {};
          const labels = new Map<string, string>();
          for (const { field, index, label } of mapping) {
            record[field] = (cells[index] ?? "").replace(/\r\n/g, "\n"); // a quoted line end reads the same from CRLF files
            labels.set(field, label);
          }
          sink.accept({ line }, () =>
            format.toRow(
              Fields.of(record, "", (key) => labels.get(key) ?? key),
              context,
            ),
          );
        },
        bad: reject,
      });
      return sink.counts;
    },
  };
}

function checkColumnMap<K extends ImportKind>(
  format: CsvFormat<K>,
  context: ImportContext,
): Map<string, string> {
  const known = format.fields.map((field) => field.name);
  const columns = new Map<string, string>();
  for (const [field, header] of Object.entries(context.columns ?? {})) {
    if (!known.includes(field)) {
      throw new LegibleError(
        "BAD_USAGE",
        `column mapping "${field}" is not a field of ${format.kind} CSV files`,
        `map these fields: ${known.join(", ")}`,
      );
    }
    columns.set(field, header.trim());
  }
  return columns;
}

function resolveHeader<K extends ImportKind>(
  format: CsvFormat<K>,
  context: ImportContext,
  columns: Map<string, string>,
  cells: string[],
  line: number,
): { field: string; index: number; label: string }[] {
  const headers = cells.map((cell) => cell.trim().toLowerCase());
  const mapping: { field: string; index: number; label: string }[] = [];
  for (const field of format.fields) {
    const mapped = columns.get(field.name);
    const header = mapped ?? field.name;
    const index = headers.indexOf(header.toLowerCase());
    const required =
      typeof field.required === "function" ? field.required(context) : field.required === true;
    if (index === -1) {
      if (required || mapped !== undefined) {
        throw new LegibleError(
          "BAD_INPUT",
          `${context.file}, line ${line}: no "${header}" column (for ${field.name}); the header has: ${cells.map((cell) => cell.trim()).join(", ")}`,
          `name the column that holds ${field.name} in the column map (columns: { ${field.name}: "<header>" })`,
        );
      }
      continue;
    }
    const written = cells[index]?.trim() ?? header;
    const label = written === field.name ? field.name : `${field.name} (column "${written}")`;
    mapping.push({ field: field.name, index, label });
  }
  return mapping;
}
