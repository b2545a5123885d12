import { datePrefixOf } from "./file-names.js";
import type { FrontMatter } from "./front-matter.js";
import { cleanHeading, type MarkdownDocument } from "./markdown.js";
import type { MetadataLine } from "./metadata.js";
import type { DecisionFormat } from "./model.js";

/** What format detection looks at. */
export interface FormatSignals {
  doc: MarkdownDocument;
  frontMatter: FrontMatter;
  metadata: Map<string, MetadataLine>;
  id: string;
}

const MADR_FRONT_MATTER_KEYS = [
  "status",
  "date",
  "deciders",
  "decision-makers",
  "consulted",
  "informed",
];
const LEGIBLE_SECTIONS = /^(?:executive trade-?off|exit path\b|revisit by\b)/i;
const MADR_SECTIONS = /^(?:context and problem statement|considered options|decision outcome)$/i;

/**
 * The template a record follows:
 * - legible: an "Executive tradeoff", "Exit path" or "Revisit by" section;
 * - MADR 4: front matter with `decision-makers`, or with MADR keys and a "Confirmation" section or
 *   neither `deciders` nor a "Validation" section; MADR 3: front matter with `deciders`, or a
 *   "Validation" section;
 * - log4brains: bullet metadata (or MADR sections) and a date-prefixed file name or a `Tags:`
 *   bullet; MADR 2: bullet metadata or MADR sections otherwise;
 * - adr-tools: a "Status" section and a plain `Date:` line or the "Supercede" spelling;
 *   Nygard: a "Status" section otherwise, or "Context" and "Decision" sections;
 * - unknown: none of these.
 */
export function detectFormat({ doc, frontMatter, metadata, id }: FormatSignals): DecisionFormat {
  const titles = doc.headings.map((h) => cleanHeading(h.title));
  const hasSection = (pattern: RegExp) => titles.some((title) => pattern.test(title));
  if (hasSection(LEGIBLE_SECTIONS)) return "legible";
  if (MADR_FRONT_MATTER_KEYS.some((key) => frontMatter.has(key))) {
    if (frontMatter.has("decision-makers")) return "madr4";
    if (frontMatter.has("deciders")) return "madr3";
    if (hasSection(/^confirmation$/i)) return "madr4";
    return hasSection(/^validation$/i) ? "madr3" : "madr4";
  }
  const bulletMetadata = [...metadata.values()].some((line) => line.bullet !== null);
  // MADR 3 and 4 keep their metadata in front matter; a record with front matter and MADR's
  // sections but none of its keys is one of them with the optional keys left out.
  if (!bulletMetadata && doc.frontMatter !== null && hasSection(MADR_SECTIONS))
    return hasSection(/^validation$/i) ? "madr3" : "madr4";
  if (bulletMetadata || hasSection(MADR_SECTIONS)) {
    const log4brains = datePrefixOf(id) !== null || metadata.get("tags")?.bullet != null;
    return log4brains ? "log4brains" : "madr2";
  }
  if (hasSection(/^status$/i)) {
    const text = doc.lines.map((line) => line.prose).join("\n");
    const adrTools = metadata.get("date")?.bullet === null || /\bsuperced/i.test(text);
    return adrTools ? "adr-tools" : "nygard";
  }
  if (hasSection(/^context$/i) && hasSection(/^decisions?$/i)) return "nygard";
  return "unknown";
}
