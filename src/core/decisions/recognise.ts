/**
 * Recognising decision records by what they look like, wherever they are: a numbered or dated file
 * name, and a text with a status and a decision section.
 */
import { baseName, datePrefixOf, isDecisionFile } from "./file-names.js";
import { cleanHeading, scanMarkdown, stripEmphasis } from "./markdown.js";

/**
 * The numbered or dated names records carry: "0003-x.md", "003_x.md", "adr-01.md",
 * "ADR004-x.md", "DR002-x.md", "adr-017-x.md", "20240110-x.md", "2024-01-10-x.md",
 * "2020_03_03_x.md", "2022-09-x.md".
 */
const RECORD_NAME =
  /^(?:(?:adr|add|dr|madr|rfc|rfd|dec|decision)[-_ ]?)?\d{1,5}(?:[-_.\s]|\.(?:md|markdown)$)|^\d{4}[-_]\d{2}(?:[-_]\d{1,2})?[-_]/i;

/** True for a Markdown decision file whose name is numbered or dated like a record's. */
export function hasRecordName(path: string): boolean {
  const name = baseName(path);
  return isDecisionFile(path) && (RECORD_NAME.test(name) || datePrefixOf(name) !== null);
}

const STATUS_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?status(?:\*\*|__)?\s*(?:\*\*|__)?\s*:/i;
const STATUS_TABLE = /^\s*\|.*\bstatus\b.*\|/i;
const STATUS_HEADING = /^status$/i;
const DECISION_HEADING =
  /^(?:the\s+)?(?:decision(?:\s+outcome|\s+made|s)?|outcome|resolution|decided|proposed decision|chosen option)$/i;
const CONTEXT_HEADING =
  /^(?:context(?:\s+and\s+problem\s+statement)?|problem statement|background)$/i;

/** What a text shows of a decision record. */
export interface RecordSignals {
  status: boolean;
  decision: boolean;
  context: boolean;
}

/** The signals of a decision record in `text`: a status, a decision section, a context section. */
export function recordSignals(text: string): RecordSignals {
  const doc = scanMarkdown(text);
  const front = doc.frontMatter?.yaml ?? "";
  const headings = doc.headings.map((h) => cleanHeading(h.title));
  const prose = doc.lines.map((line) => stripEmphasis(line.prose));
  return {
    status:
      /^status\s*:/im.test(front) ||
      headings.some((h) => STATUS_HEADING.test(h)) ||
      prose.some((line) => STATUS_LINE.test(line) || STATUS_TABLE.test(line)),
    decision:
      headings.some((h) => DECISION_HEADING.test(h)) ||
      prose.some((line) => /^\s*(?:[-*+]\s+)?decision\s*:/i.test(line)),
    context: headings.some((h) => CONTEXT_HEADING.test(h)),
  };
}

/**
 * True when `text` reads as a decision record: a status and a decision section, or a context and a
 * decision section (records whose template has no status).
 */
export function looksLikeDecisionRecord(text: string): boolean {
  const signals = recordSignals(text);
  return signals.decision && (signals.status || signals.context);
}
