import { isMap, parseDocument } from "yaml";
import type { MarkdownDocument } from "./markdown.js";
import type { DecisionWarning } from "./model.js";

/** A front matter value with the line of its key. */
export interface FrontMatterValue {
  value: unknown;
  line: number;
}

/** Top-level front matter keys (lower-cased) and their values. */
export type FrontMatter = Map<string, FrontMatterValue>;

/**
 * Parses the YAML front matter. YAML errors become warnings naming the line in the record, and the
 * top-level `key: value` lines are then read one by one, so a broken list does not hide the
 * status or the date (a value that is not a plain scalar reads as null). A front matter that is
 * not a mapping yields no keys.
 */
export function readFrontMatter(doc: MarkdownDocument, warnings: DecisionWarning[]): FrontMatter {
  const keys: FrontMatter = new Map();
  if (doc.frontMatterUnclosed)
    warnings.push({
      line: 1,
      message: "front matter is not closed: expected a '---' line after it",
    });
  const block = doc.frontMatter;
  if (!block) return keys;
  const parsed = parseDocument(block.yaml, { uniqueKeys: false });
  for (const error of parsed.errors) {
    const line = block.firstIndex + (error.linePos?.[0].line ?? 1);
    const message = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? "";
    warnings.push({ line, message: `front matter is not valid YAML: ${message}` });
  }
  if (parsed.errors.length > 0) return readKeyLines(block.yaml, block.firstIndex);
  if (!isMap(parsed.contents)) return keys;
  const values = parsed.toJS() as Record<string, unknown>;
  const yamlLines = block.yaml.split("\n");
  for (const [key, value] of Object.entries(values)) {
    const keyLine = yamlLines.findIndex(
      (line) => line.startsWith(`${key}:`) || line.startsWith(`"${key}":`),
    );
    keys.set(key.toLowerCase(), { value, line: block.firstIndex + 1 + Math.max(keyLine, 0) });
  }
  return keys;
}

/** Top-level `key: value` lines of YAML that does not parse; non-scalar values read as null. */
function readKeyLines(yaml: string, firstIndex: number): FrontMatter {
  const keys: FrontMatter = new Map();
  yaml.split("\n").forEach((text, i) => {
    const match = /^([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/.exec(text);
    if (!match?.[1]) return;
    const raw = (match[2] ?? "").replace(/\s+#.*$/, "");
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    const value = /^[[{|>&*!]/.test(raw) ? null : (quoted?.[2] ?? raw);
    keys.set(match[1].toLowerCase(), { value, line: firstIndex + 1 + i });
  });
  return keys;
}

/** A scalar front matter value as text; null for absent, null-valued, or non-scalar values. */
export function scalarText(value: unknown): string | null {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return null;
}
