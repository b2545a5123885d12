/**
 * A small line-oriented Markdown reader: enough structure for decision records (front matter,
 * headings, sections, bullets, paragraphs) with exact line numbers. Fenced code and HTML comments
 * are masked out of `prose`, so template prompts and examples never read as content.
 */

/** One source line. */
export interface MarkdownLine {
  /** 1-based line number. */
  number: number;
  /** The line as written. */
  text: string;
  /** The line without HTML comments; "" inside front matter and fenced code. */
  prose: string;
}

/** An ATX ("## Title") or setext (underlined) heading. */
export interface Heading {
  level: number;
  title: string;
  /** Index of the heading in `lines`. */
  index: number;
  /** Index of the first line after the heading (after a setext underline). */
  bodyStart: number;
}

/** Where the YAML front matter sits. */
export interface FrontMatterBlock {
  /** The YAML between the fences. */
  yaml: string;
  /** Index of the first YAML line in `lines`. */
  firstIndex: number;
  /** Index of the closing fence in `lines`. */
  closeIndex: number;
}

/** A scanned Markdown text. */
export interface MarkdownDocument {
  lines: MarkdownLine[];
  frontMatter: FrontMatterBlock | null;
  /** True when the text opens a front matter fence that never closes. */
  frontMatterUnclosed: boolean;
  /** Index of the first line after the front matter. */
  bodyStart: number;
  headings: Heading[];
}

/** A heading and the lines under it, up to the next heading of the same or a higher level. */
export interface Section {
  heading: Heading;
  /** Line indices [start, end). */
  start: number;
  end: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^\s*[-*+]\s+/;
/** "#46. Title": a numbered title whose "#" lacks its space, as some records write it. */
const GLUED_NUMBERED_HEADING = /^ {0,3}#(\d+\.\s+\S.*?)\s*$/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.)\s*$/;

/** Reads the structure of `text`. */
export function scanMarkdown(text: string): MarkdownDocument {
  const raw = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const lines: MarkdownLine[] = raw.map((line, i) => ({ number: i + 1, text: line, prose: "" }));
  const { frontMatter, unclosed } = findFrontMatter(raw);
  const bodyStart = frontMatter ? frontMatter.closeIndex + 1 : 0;
  maskProse(lines, bodyStart);
  return {
    lines,
    frontMatter,
    frontMatterUnclosed: unclosed,
    bodyStart,
    headings: findHeadings(lines, bodyStart),
  };
}

function findFrontMatter(raw: string[]): {
  frontMatter: FrontMatterBlock | null;
  unclosed: boolean;
} {
  if (raw[0]?.trimEnd() !== "---") return { frontMatter: null, unclosed: false };
  const close = raw.findIndex((line, i) => i > 0 && FRONT_MATTER_CLOSE.test(line));
  if (close < 0) return { frontMatter: null, unclosed: true };
  return {
    frontMatter: { yaml: raw.slice(1, close).join("\n"), firstIndex: 1, closeIndex: close },
    unclosed: false,
  };
}

/** Fills `prose` for body lines: comments removed, fenced code blanked. */
function maskProse(lines: MarkdownLine[], bodyStart: number): void {
  let fence: string | null = null;
  let inComment = false;
  for (const line of lines.slice(bodyStart)) {
    const fenceMatch = FENCE.exec(line.text);
    if (!inComment && fence === null && fenceMatch?.[1]) {
      fence = fenceMatch[1];
      continue;
    }
    if (fence !== null) {
      const closing = fenceMatch?.[1];
      const closes =
        closing !== undefined &&
        closing[0] === fence[0] &&
        closing.length >= fence.length &&
        line.text.trim() === closing;
      if (closes) fence = null;
      continue;
    }
    const stripped = stripComments(line.text, inComment);
    line.prose = stripped.text;
    inComment = stripped.inComment;
  }
}

function stripComments(
  text: string,
  startsInComment: boolean,
): { text: string; inComment: boolean } {
  let out = "";
  let rest = text;
  let inComment = startsInComment;
  while (rest.length > 0) {
    if (inComment) {
      const end = rest.indexOf("-->");
      if (end < 0) return { text: out, inComment: true };
      rest = rest.slice(end + 3);
      inComment = false;
    } else {
      const start = rest.indexOf("<!--");
      if (start < 0) return { text: out + rest, inComment: false };
      out += rest.slice(0, start);
      rest = rest.slice(start + 4);
      inComment = true;
    }
  }
  return { text: out, inComment };
}

function findHeadings(lines: MarkdownLine[], bodyStart: number): Heading[] {
  const headings: Heading[] = [];
  for (let i = bodyStart; i < lines.length; i++) {
    const prose = lines[i]?.prose ?? "";
    const atx = ATX_HEADING.exec(prose);
    const glued = atx ? null : GLUED_NUMBERED_HEADING.exec(prose);
    if (glued?.[1]) {
      headings.push({ level: 1, title: glued[1].trim(), index: i, bodyStart: i + 1 });
      continue;
    }
    if (atx?.[1]) {
      headings.push({
        level: atx[1].length,
        title: (atx[2] ?? "").trim(),
        index: i,
        bodyStart: i + 1,
      });
      continue;
    }
    const next = lines[i + 1]?.prose ?? "";
    const setextLevel = /^ {0,3}=+\s*$/.test(next) ? 1 : /^ {0,3}-+\s*$/.test(next) ? 2 : 0;
    if (setextLevel > 0 && isParagraphLine(prose) && !isParagraphLine(lines[i - 1]?.prose ?? "")) {
      headings.push({ level: setextLevel, title: prose.trim(), index: i, bodyStart: i + 2 });
      i++;
    }
  }
  return headings;
}

function isParagraphLine(prose: string): boolean {
  return prose.trim() !== "" && !BULLET.test(prose) && !ATX_HEADING.test(prose);
}

/** Every heading with its lines. */
export function sectionsOf(doc: MarkdownDocument): Section[] {
  return doc.headings.map((heading, i) => {
    const next = doc.headings.slice(i + 1).find((h) => h.level <= heading.level);
    return { heading, start: heading.bodyStart, end: next ? next.index : doc.lines.length };
  });
}

/** The first section whose heading title matches. */
export function findSection(doc: MarkdownDocument, title: RegExp): Section | undefined {
  return sectionsOf(doc).find((section) => title.test(cleanHeading(section.heading.title)));
}

/** A heading title without emphasis, numbering or trailing colon, for matching. */
export function cleanHeading(title: string): string {
  return stripEmphasis(title)
    .replace(/^\d+(?:\.\d+)*\.?\s+/, "")
    .replace(/:\s*$/, "")
    .trim();
}

/** The section's lines that are not headings (sub-headings included in its range are skipped). */
export function sectionLines(doc: MarkdownDocument, section: Section): MarkdownLine[] {
  const headingLines = new Set(
    doc.headings.flatMap((h) => (h.bodyStart === h.index + 2 ? [h.index, h.index + 1] : [h.index])),
  );
  return doc.lines
    .slice(section.start, section.end)
    .filter((line) => !headingLines.has(line.number - 1));
}

/** A bullet item: its first line and any continuation lines joined with spaces. */
export interface BulletItem {
  text: string;
  line: number;
  indent: number;
}

/** The bullet items among `lines`, at their shallowest indentation only. */
export function topLevelBullets(lines: MarkdownLine[]): BulletItem[] {
  const items: BulletItem[] = [];
  let current: BulletItem | null = null;
  for (const line of lines) {
    const match = /^(\s*)[-*+]\s+(.*)$/.exec(line.prose);
    if (match) {
      current = { text: (match[2] ?? "").trim(), line: line.number, indent: match[1]?.length ?? 0 };
      items.push(current);
    } else if (current && line.prose.trim() !== "" && /^\s/.test(line.prose)) {
      current.text = `${current.text} ${line.prose.trim()}`.trim();
    } else {
      current = null;
    }
  }
  const minIndent = Math.min(...items.map((item) => item.indent));
  return items.filter((item) => item.indent === minIndent);
}

/** Paragraphs (runs of non-blank, non-heading lines) with the line of their start. */
export function paragraphsOf(doc: MarkdownDocument): { text: string; line: number }[] {
  const headingLines = new Set(doc.headings.map((h) => h.index));
  const paragraphs: { text: string; line: number }[] = [];
  let current: { text: string; line: number } | null = null;
  doc.lines.forEach((line, i) => {
    const prose = line.prose.trim();
    if (i < doc.bodyStart || prose === "" || headingLines.has(i)) {
      current = null;
      return;
    }
    if (current === null) {
      current = { text: prose, line: line.number };
      paragraphs.push(current);
    } else {
      current.text = `${current.text} ${prose}`;
    }
  });
  return paragraphs;
}

/** Text without `**`, `__`, `~~struck~~` spans and surrounding `*`/`_` emphasis. */
export function stripEmphasis(text: string): string {
  return text
    .replace(/~~.*?~~/g, "")
    .replace(/\*\*|__/g, "")
    .replace(/(^|\s)[*_](\S(?:.*?\S)?)[*_](?=\s|$|[.,;:])/g, "$1$2");
}

/** Markdown links `[text](target)` replaced by their text. */
export function linkTextOnly(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
}

/** True for template leftovers: "[…]", "{…}", "…", "TBD", "TODO". */
export function isPlaceholder(text: string): boolean {
  const trimmed = text.trim();
  return /^[[{].*[\]}]$/s.test(trimmed) || /^(?:…|\.\.\.|tbd|tba|todo)$/i.test(trimmed);
}

/** Words of a template's prompt inside brackets: "[list everyone involved]", "[YYYY-MM-DD when …]". */
const PROMPT =
  /[|…{}]|\.\.\.|\b(?:yyyy|list|describe|optional|e\.g|everyone|involved|when the|title|short)\b/i;

/**
 * A value written inside brackets, as some records fill MADR 2's "[…]" fields
 * ("Status: [accepted]", "Date: [2022-10-05]", "Deciders: [Ada, Grace]"): the value without the
 * brackets (and without a trailing "\" line break), unless the brackets still hold the template's
 * prompt. Any other text is returned as it is, trimmed.
 */
export function unbracket(text: string): string {
  const trimmed = text.trim().replace(/\s*\\$/, "");
  const inner = /^\[([^[\]]*)\]$/.exec(trimmed)?.[1];
  if (inner === undefined || inner.trim() === "" || PROMPT.test(inner)) return trimmed;
  return inner.trim();
}

/** True when `text` opens more "[" or "(" than it closes: a link wrapped onto the next line. */
export function opensLink(text: string): boolean {
  const count = (pattern: RegExp) => (text.match(pattern) ?? []).length;
  return count(/\[/g) > count(/\]/g) || (/\]\(/.test(text) && count(/\(/g) > count(/\)/g));
}
