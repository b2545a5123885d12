import { dirName } from "./file-names.js";
import type { MarkdownDocument } from "./markdown.js";
import { SUPERSESSION_LINE } from "./references.js";

const CODE_SPAN = /(`+)([^`]+?)\1/g;
const LINK = /\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g;
const URL = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi;
const PATH_CHARS = /^[\w@.\-/*~+]+$/;
const EXTENSION = /[^./]\.[A-Za-z][A-Za-z0-9]{0,9}$/;
const ABBREVIATION = /^[a-z](?:\.[a-z])+\.?$/i;
const NOT_PATHS = new Set(["and/or", "either/or", "i/o", "n/a", "w/o", "w/"]);
const TRIM_START = /^["'([{<*_]+/;
const TRIM_END = /["')\]}>*_.,;:!?]+$/;

/**
 * Code paths and identifiers the record mentions, in order of first mention: backticked tokens
 * (without spaces), relative link targets resolved against the record's folder (except Markdown
 * files beside the record: other records), and words that contain "/" or end in a file
 * extension. Front matter, fenced code, comments, URLs, status lines and supersession lines are
 * not read.
 */
export function readMentions(doc: MarkdownDocument, recordPath: string): string[] {
  const mentions: string[] = [];
  for (const line of doc.lines.slice(doc.bodyStart)) {
    if (SUPERSESSION_LINE.test(line.prose) || /^\s*(?:[-*+]\s+)?status\s*:/i.test(line.prose))
      continue;
    let rest = line.prose;
    for (const match of rest.matchAll(CODE_SPAN)) {
      const token = (match[2] ?? "").trim().replace(/\(\)$/, "");
      if (token !== "" && !/\s/.test(token)) mentions.push(token);
    }
    rest = rest.replace(CODE_SPAN, " ");
    for (const match of rest.matchAll(LINK)) {
      const target = linkTarget(match[2] ?? "", recordPath);
      if (target && !isSiblingRecord(target, recordPath)) mentions.push(target);
    }
    rest = rest.replace(LINK, " $1 ").replace(URL, " ");
    for (const word of rest.split(/\s+/)) {
      const token = word.replace(TRIM_START, "").replace(TRIM_END, "");
      if (looksLikePath(token)) mentions.push(token.replace(/^\.\//, ""));
    }
  }
  return [...new Set(mentions)];
}

/** A Markdown file in the record's own folder: another record, not code. */
function isSiblingRecord(target: string, recordPath: string): boolean {
  return dirName(target) === dirName(recordPath) && /\.(?:md|markdown)$/i.test(target);
}

function looksLikePath(token: string): boolean {
  if (token === "" || !PATH_CHARS.test(token) || !/[A-Za-z]/.test(token)) return false;
  if (NOT_PATHS.has(token.toLowerCase()) || ABBREVIATION.test(token)) return false;
  if (/^[^@]+@[^@]+\.[^@]+$/.test(token)) return false;
  return token.includes("/") || EXTENSION.test(token);
}

/** A relative link target as a repository path; null for URLs, anchors and mail links. */
function linkTarget(target: string, recordPath: string): string | null {
  const path = decodeURIComponentSafe(target.replace(/[#?].*$/, ""));
  if (path === "" || /^[a-z][a-z0-9+.-]*:/i.test(path)) return null;
  if (path.startsWith("/")) return path.slice(1) || null;
  return joinRelative(dirName(recordPath), path);
}

/** `base` joined with a relative `path`; the path as written when it climbs above the root. */
export function joinRelative(base: string, path: string): string {
  const parts = base === "" ? [] : base.split("/");
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (parts.length === 0) return path;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join("/") + (path.endsWith("/") && parts.length > 0 ? "/" : "");
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The names among `names` (component or area names) that `text` mentions as whole words,
 * case-insensitively, in the order of `names`. For matching configured components, which
 * `mentions` does not list because they are plain words.
 */
export function findMentionedNames(text: string, names: string[]): string[] {
  const lower = text.toLowerCase();
  return names.filter((name) => {
    const needle = name.toLowerCase().trim();
    if (needle === "") return false;
    const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(?:^|[^\\w-])${escaped}(?:$|[^\\w-])`).test(lower);
  });
}
