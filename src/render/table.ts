import { visibleControls } from "./safe-text.js";

/** A terminal table: aligned columns on a terminal, tab-separated values when piped. */
export interface TableOptions {
  /** Aligned with a header rule (a terminal), or tab-separated (a pipe). */
  pretty: boolean;
  /** Column indexes aligned to the right (numbers). */
  numeric?: number[];
  bold?: (text: string) => string;
}

export function renderTable(header: string[], given: string[][], options: TableOptions): string {
  // Cells carry names, paths and titles from the records: no control character reaches a terminal.
  const rows = given.map((row) => row.map(visibleControls));
  if (!options.pretty)
    return `${[header, ...rows].map((row) => row.map(sanitizeCell).join("\t")).join("\n")}\n`;
  const widths = header.map((cell, i) =>
    Math.max(width(cell), ...rows.map((row) => width(row[i] ?? ""))),
  );
  const numeric = new Set(options.numeric ?? []);
  const line = (row: string[]) =>
    row
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const bold = options.bold ?? ((text: string) => text);
  return `${[bold(line(header)), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n")}\n`;
}

function width(text: string): number {
  return [...text].length;
}

function sanitizeCell(text: string): string {
  return text.replace(/[\t\n]/g, " ");
}
