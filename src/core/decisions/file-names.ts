/** Decision file names: which files are records, their ids, numbers and date prefixes. */

const MARKDOWN_EXTENSION = /\.(?:md|markdown)$/i;
const NOT_DECISIONS = new Set([
  "readme",
  "index",
  "template",
  "adr-template",
  "decision-template",
  "madr-template",
  "toc",
  "summary",
  "changelog",
  "contributing",
  "license",
]);

/** The last segment of a slash-separated path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** The directory part of a slash-separated path ("" for a bare name). */
export function dirName(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

/** The id of the record at `path`: its base name without extension. */
export function decisionIdOf(path: string): string {
  return baseName(path).replace(/\.[^.]*$/, "");
}

/**
 * True for Markdown files that can hold a decision; false for templates, indexes, tables of
 * contents, READMEs, `*.tpl.md`, names starting with "_" or ".", and non-Markdown files.
 */
export function isDecisionFile(path: string): boolean {
  const name = baseName(path);
  if (!MARKDOWN_EXTENSION.test(name)) return false;
  if (/^[_.]/.test(name) || /\.(?:tpl|template)\.(?:md|markdown)$/i.test(name)) return false;
  const stem = stripPrefix(name.replace(MARKDOWN_EXTENSION, "").toLowerCase());
  return !NOT_DECISIONS.has(stem) && !stem.endsWith("-template") && !stem.startsWith("readme");
}

function stripPrefix(stem: string): string {
  const dated = datePrefixOf(stem);
  if (dated) return stem.slice(dated.prefix.length + 1);
  return stem.replace(/^\d+-/, "");
}

/** The date prefix of a log4brains-style id ("20240110-x" or "2024-01-10-x"), or null. */
export function datePrefixOf(id: string): { prefix: string; date: string } | null {
  const match = /^(\d{4})(-?)(\d{2})\2(\d{2})(?=-|$)/.exec(id);
  if (!match) return null;
  const [prefix, year, , month, day] = match;
  const date = `${year}-${month}-${day}`;
  return isCalendarDate(date) ? { prefix, date } : null;
}

/**
 * The leading number of a numbered id ("0003-x" → 3; also "adr-01" → 1, "ADR004-x" → 4,
 * "DR002-x" → 2); null when date-prefixed or unnumbered.
 */
export function numberOf(id: string): number | null {
  if (datePrefixOf(id) || /^\d{4}[-_]\d{2}[-_]/.test(id)) return null;
  const match = /^(?:m?adr|dr)?[-_]?(\d+)(?=[-_.\s]|$)/i.exec(id);
  return match?.[1] ? Number.parseInt(match[1], 10) : null;
}

/** True for a real YYYY-MM-DD date. */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * The longest slug, in UTF-8 bytes, a generated file name carries: with its prefix ("0001-",
 * "2024-01-10-"), a clash suffix and ".markdown" the name stays far below the 255 bytes most file
 * systems allow (143 on eCryptfs), and the path below PATH_MAX.
 */
export const MAX_SLUG_BYTES = 100;

/**
 * Lower-case words joined by "-": "Use PostgreSQL 16!" → "use-postgresql-16", at most
 * MAX_SLUG_BYTES bytes, cut at a word boundary when there is one.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "decision" : truncateBytes(slug, MAX_SLUG_BYTES);
}

/** `text` cut to at most `max` UTF-8 bytes, never inside a character, preferably at a "-". */
export function truncateBytes(text: string, max: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= max) return text;
  let cut = "";
  let bytes = 0;
  for (const character of text) {
    bytes += encoder.encode(character).length;
    if (bytes > max) break;
    cut += character;
  }
  const word = cut.lastIndexOf("-");
  return (word > max / 2 ? cut.slice(0, word) : cut).replace(/-+$/, "");
}
