import { type FrontMatter, scalarText } from "./front-matter.js";
import {
  findSection,
  type MarkdownDocument,
  opensLink,
  sectionLines,
  stripEmphasis,
} from "./markdown.js";
import type { MetadataLine } from "./metadata.js";
import type { DecisionFormat, DecisionStatus, DecisionWarning } from "./model.js";
import { normaliseStatus, unrecognisedStatusMessage } from "./status.js";

/** Where the status was looked for. */
export interface StatusSources {
  doc: MarkdownDocument;
  frontMatter: FrontMatter;
  metadata: Map<string, MetadataLine>;
  format: DecisionFormat;
  titleLine: number;
}

/** The record's status, as normalised and as written, with the records it says supersede it. */
export interface RecordStatus {
  status: DecisionStatus;
  raw: string | null;
  supersededBy: { reference: string; line: number }[];
}

/** Links between records that adr-tools writes in the Status section; they are not statuses. */
const LINK_LINE =
  /^(?:supersedes|supercedes|amends|amended by|clarifies|clarified by|refines|refined by|extends|extended by|relates to|see also|see)\b/i;

/**
 * The status from, in order: `status:` front matter, a `Status:` line under the title, a "Status"
 * section (its first status line; "Superseded by …" wins over an earlier "Accepted").
 */
export function readStatus(sources: StatusSources, warnings: DecisionWarning[]): RecordStatus {
  const written = writtenStatus(sources, warnings);
  if (written.kind !== "found") {
    warnings.push(
      written.kind === "empty-section"
        ? {
            line: written.line,
            message: "Status section states no status: expected a line such as 'Accepted'",
          }
        : {
            line: sources.titleLine,
            message: missingStatusMessage(sources.format, sources.doc.frontMatter !== null),
          },
    );
    return { status: "unknown", raw: null, supersededBy: [] };
  }
  const read = normaliseStatus(written.raw.replace(/\s*\\$/, ""));
  if (read.placeholder)
    warnings.push({
      line: written.line,
      message: `status is the template's placeholder '${written.raw}': expected one status`,
    });
  else if (!read.recognised)
    warnings.push({ line: written.line, message: unrecognisedStatusMessage(written.raw) });
  return {
    status: read.status,
    raw: written.raw,
    supersededBy: read.supersededBy.map((reference) => ({ reference, line: written.line })),
  };
}

type WrittenStatus =
  | { kind: "found"; raw: string; line: number }
  | { kind: "empty-section"; line: number }
  | { kind: "none" };

function writtenStatus(
  { doc, frontMatter, metadata }: StatusSources,
  warnings: DecisionWarning[],
): WrittenStatus {
  const fromFrontMatter = frontMatter.get("status");
  if (fromFrontMatter) {
    const raw = scalarText(fromFrontMatter.value);
    if (raw) return { kind: "found", raw, line: fromFrontMatter.line };
    warnings.push({
      line: fromFrontMatter.line,
      message: "status is not text: expected 'status: accepted'",
    });
  }
  const fromMetadata = metadata.get("status");
  if (fromMetadata && fromMetadata.value !== "")
    return {
      kind: "found",
      raw: withWrappedLink(fromMetadata.value, doc, fromMetadata.line),
      line: fromMetadata.line,
    };
  const section = findSection(doc, /^status$/i);
  if (!section) return { kind: "none" };
  const lines = sectionLines(doc, section)
    .map((line) => ({
      raw: stripEmphasis(line.prose)
        .replace(/^\s*(?:>\s*)?[-*+]\s+/, "")
        .trim(),
      line: line.number,
    }))
    .filter((line) => line.raw !== "" && line.raw !== ">");
  const superseded = lines.find((line) => /^(?:superseded|superceded)\b/i.test(line.raw));
  const candidates = lines.filter((line) => !LINK_LINE.test(line.raw));
  const statusLine =
    superseded ??
    candidates.find((line) => normaliseStatus(line.raw).recognised) ??
    candidates.find((line) => normaliseStatus(line.raw).placeholder) ??
    candidates.find((line) => !line.raw.startsWith(">")) ??
    candidates[0];
  return statusLine
    ? {
        kind: "found",
        raw: withWrappedLink(statusLine.raw, doc, statusLine.line),
        line: statusLine.line,
      }
    : { kind: "empty-section", line: section.heading.index + 1 };
}

/** `text` (from 1-based `line`) with the following lines joined while a link it opens is open. */
export function withWrappedLink(text: string, doc: MarkdownDocument, line: number): string {
  let joined = text;
  for (let next = line; next < line + 3 && opensLink(joined); next++) {
    const continuation = doc.lines[next]?.prose.trim() ?? "";
    if (continuation === "") break;
    joined = `${joined} ${continuation.replace(/^>\s*/, "")}`;
  }
  return joined;
}

function missingStatusMessage(format: DecisionFormat, hasFrontMatter: boolean): string {
  if (hasFrontMatter) return "no status: expected 'status:' in the front matter";
  switch (format) {
    case "madr3":
    case "madr4":
    case "legible":
      return "no status: expected 'status:' in the front matter";
    case "madr2":
      return "no status: expected '* Status: …' under the title";
    case "log4brains":
      return "no status: expected '- Status: …' under the title";
    default:
      return "no Status section: expected '## Status'";
  }
}
