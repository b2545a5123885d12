import { type MarkdownDocument, type MarkdownLine, stripEmphasis } from "./markdown.js";

/** A "Label: value" line under the title, as MADR 2, log4brains and adr-tools write metadata. */
export interface MetadataLine {
  value: string;
  line: number;
  /** The bullet marker ("*", "-", "+"), or null for a plain line such as adr-tools' "Date:". */
  bullet: string | null;
}

const LABELS: Record<string, string> = {
  status: "status",
  date: "date",
  deciders: "deciders",
  "decision-makers": "deciders",
  "decision makers": "deciders",
  consulted: "consulted",
  informed: "informed",
  tags: "tags",
  "decision date": "date",
  "date decided": "date",
};

const METADATA = /^\s*(?:([-*+])\s+)?([A-Za-z][A-Za-z -]{1,20}?)\s*:\s*(.*)$/;

/**
 * Metadata between the title and the next heading, keyed by normalised label ("status", "date",
 * "deciders", "consulted", "informed", "tags"); the first occurrence of a label wins. Read from
 * "Label: value" lines (a bullet's indented continuation lines join its value) and from Markdown
 * tables: a header row of labels over a row of values (`| Status | Date |`), or rows of label
 * and value (`| Status | Accepted |`).
 */
export function readMetadata(
  doc: MarkdownDocument,
  titleIndex: number | null,
): Map<string, MetadataLine> {
  const start =
    titleIndex === null
      ? doc.bodyStart
      : (doc.headings.find((h) => h.index === titleIndex)?.bodyStart ?? doc.bodyStart);
  const nextHeading = doc.headings.find((h) => h.index >= start);
  const end = nextHeading ? nextHeading.index : doc.lines.length;
  const found = new Map<string, MetadataLine>();
  const lines = doc.lines.slice(start, end);
  let last: MetadataLine | null = null;
  for (const [i, line] of lines.entries()) {
    if (TABLE_ROW.test(line.prose)) {
      last = null;
      if (!TABLE_ROW.test(lines[i - 1]?.prose ?? "")) readTable(lines.slice(i), found);
      continue;
    }
    const match = METADATA.exec(stripEmphasis(line.prose));
    const label = LABELS[(match?.[2] ?? "").toLowerCase()];
    if (!match || !label) {
      const continues =
        /^\s+\S/.test(line.prose) &&
        !/^\s*[-*+]\s/.test(line.prose) &&
        !/^\s*[A-Za-z][\w ()-]{0,30}:\s/.test(line.prose);
      if (last?.bullet && continues) last.value = `${last.value} ${line.prose.trim()}`.trim();
      else last = null;
      continue;
    }
    if (found.has(label)) {
      last = null;
      continue;
    }
    last = { value: (match[3] ?? "").trim(), line: line.number, bullet: match[1] ?? null };
    found.set(label, last);
  }
  return found;
}

const TABLE_ROW = /^\s*\|.*\|\s*$/;
const SEPARATOR = /^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*(?::?-{2,}:?\s*)?\|?\s*$/;

/** The labelled values of the table starting at `lines[0]`, added to `found` (first wins). */
function readTable(lines: MarkdownLine[], found: Map<string, MetadataLine>): void {
  const rows: { cells: string[]; line: number }[] = [];
  for (const line of lines) {
    if (!TABLE_ROW.test(line.prose)) break;
    if (SEPARATOR.test(line.prose)) {
      rows.push({ cells: [], line: line.number });
      continue;
    }
    rows.push({ cells: cellsOf(line.prose), line: line.number });
  }
  const labelOf = (cell: string | undefined) =>
    LABELS[
      stripEmphasis(cell ?? "")
        .replace(/:$/, "")
        .trim()
        .toLowerCase()
    ];
  const header = rows[0];
  const values = rows[2];
  const headerLabels = header?.cells.map(labelOf) ?? [];
  const labelled = headerLabels.filter((label) => label !== undefined).length;
  const headerRow = labelled >= 2 || (labelled === 1 && (header?.cells.length ?? 0) !== 2);
  if (rows[1]?.cells.length === 0 && values && headerRow) {
    headerLabels.forEach((label, column) => {
      const value = values.cells[column];
      if (label && value !== undefined && !found.has(label))
        found.set(label, { value, line: values.line, bullet: null });
    });
    return;
  }
  for (const row of rows) {
    const label = labelOf(row.cells[0]);
    const value = row.cells[1];
    if (label && value !== undefined && !found.has(label))
      found.set(label, { value, line: row.line, bullet: null });
  }
}

/** The cells of a table row, trimmed; "\|" inside a cell is kept. */
function cellsOf(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}
