import { numberOf } from "./file-names.js";
import { type FrontMatter, scalarText } from "./front-matter.js";
import { cleanHeading, isPlaceholder, type MarkdownDocument } from "./markdown.js";
import type { DecisionWarning } from "./model.js";

/** The record's title, and where it was found. */
export interface ReadTitle {
  text: string;
  /** Index in `lines` of the title heading; null when the title is not a heading. */
  index: number | null;
  /** 1-based line to name in warnings about the record's head. */
  line: number;
}

const NUMBER_PREFIXES = [
  /^(?:Architecture\s+)?Decision\s+Record\s*[:–—-]\s+/i,
  /^M?ADR[-_ ]?#?\d+\s*(?:[:.)]|[-–—])?\s+/i,
  /^\[\d+\]\s*(?:[:.)]|[-–—])?\s*/,
  /^\d+\s*[.:)]\s+/,
  /^\d+\s+[-–—]\s+/,
];

/** The words of a section heading: a record whose first heading is one of these has no title. */
const SECTION_NAMES =
  /^(?:context(?:\s+and\s+problem\s+statement)?|status|decision(?:\s+outcome)?|consequences|problem(?:\s+statement)?|background|summary|overview|considered options)$/i;

/**
 * The first level-1 heading (else `title:` front matter, else the first heading), without
 * numbering prefixes: "3. Use X", "ADR 3: Use X", "ADR-0003 - Use X" all give "Use X". Without
 * any, the title comes from the file name and a warning says a heading was expected.
 */
export function readTitle(
  doc: MarkdownDocument,
  frontMatter: FrontMatter,
  id: string,
  warnings: DecisionWarning[],
): ReadTitle {
  const heading = doc.headings.find((h) => h.level === 1);
  const fromFrontMatter = scalarText(frontMatter.get("title")?.value);
  const first = doc.headings[0];
  const firstIsSection = first !== undefined && SECTION_NAMES.test(cleanHeading(first.title));
  const fallback = heading ?? (fromFrontMatter || firstIsSection ? undefined : first);
  const firstLine = doc.bodyStart + 1;
  if (!heading && fromFrontMatter)
    return {
      text: withoutNumber(fromFrontMatter, id),
      index: null,
      line: frontMatter.get("title")?.line ?? 1,
    };
  if (!fallback || fallback.title === "") {
    warnings.push({ line: firstLine, message: "no title: expected a '# Title' heading" });
    return { text: titleFromId(id), index: null, line: firstLine };
  }
  const line = fallback.index + 1;
  if (fallback.level !== 1)
    warnings.push({
      line,
      message: "no level-1 title: expected '# Title'; used the first heading",
    });
  const text = withoutNumber(fallback.title, id);
  if (isPlaceholder(text))
    warnings.push({
      line,
      message: `title is the template's placeholder '${text}': expected the decision's title`,
    });
  return { text, index: fallback.index, line };
}

/**
 * The title without its numbering: "3. Use X", "ADR 3: Use X", "ADR-0003 - Use X",
 * "Architecture Decision Record: Use X", and any "<letters><n>" or "<n>" prefix whose number is the
 * record's own ("23 Logging" in 023-logging.md, "DR002: X" in DR002-x.md).
 */
function withoutNumber(title: string, id: string): string {
  const own = numberOf(id) ?? numberOf(id.replace(/^[A-Za-z]{1,5}[-_ ]?(?=\d)/, ""));
  let stripped = NUMBER_PREFIXES.reduce((text, prefix) => text.replace(prefix, ""), title.trim());
  const prefixed = /^[A-Za-z]{0,5}[-_ ]?#?(\d+)\s*(?:[:.)]|[-–—])?\s+(?=\S)/.exec(stripped);
  if (own !== null && prefixed?.[1] && Number.parseInt(prefixed[1], 10) === own)
    stripped = stripped.slice(prefixed[0].length);
  return stripped === "" ? title.trim() : stripped;
}

/** "0003-use-postgres" → "Use postgres". */
function titleFromId(id: string): string {
  const words = id
    .replace(/^\d{4}-?\d{2}-?\d{2}-|^\d+-/, "")
    .replace(/[-_]+/g, " ")
    .trim();
  return words === "" ? id : words.charAt(0).toUpperCase() + words.slice(1);
}
