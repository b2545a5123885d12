import { type MarkdownDocument, stripEmphasis } from "./markdown.js";

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
};

const METADATA = /^\s*(?:([-*+])\s+)?([A-Za-z][A-Za-z -]{1,20}?)\s*:\s*(.*)$/;

/**
 * Metadata lines between the title and the next heading, keyed by normalised label ("status",
 * "date", "deciders", "consulted", "informed", "tags"); the first occurrence of a label wins.
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
  for (const line of doc.lines.slice(start, end)) {
    const match = METADATA.exec(stripEmphasis(line.prose));
    const label = LABELS[(match?.[2] ?? "").toLowerCase()];
    if (!match || !label || found.has(label)) continue;
    found.set(label, {
      value: (match[3] ?? "").trim(),
      line: line.number,
      bullet: match[1] ?? null,
    });
  }
  return found;
}
