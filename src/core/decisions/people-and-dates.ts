import { isCalendarDate } from "./file-names.js";
import { type FrontMatter, scalarText } from "./front-matter.js";
import { isPlaceholder, linkTextOnly, stripEmphasis } from "./markdown.js";
import type { MetadataLine } from "./metadata.js";
import type { DecisionWarning } from "./model.js";

/**
 * The record's date as YYYY-MM-DD, from `date:` front matter or a `Date:` line. "2024-1-5" and
 * timestamps are normalised; anything else warns and gives null.
 */
export function readDate(
  frontMatter: FrontMatter,
  metadata: Map<string, MetadataLine>,
  warnings: DecisionWarning[],
): string | null {
  const fromFrontMatter = frontMatter.get("date");
  const fromMetadata = metadata.get("date");
  const written = fromFrontMatter
    ? { raw: scalarText(fromFrontMatter.value) ?? "", line: fromFrontMatter.line }
    : fromMetadata
      ? { raw: stripEmphasis(fromMetadata.value).trim(), line: fromMetadata.line }
      : null;
  if (!written || written.raw === "") return null;
  const date = asIsoDate(written.raw);
  if (date) return date;
  const message = isPlaceholder(written.raw)
    ? `date is the template's placeholder '${written.raw}': expected YYYY-MM-DD`
    : `date '${written.raw}' is not a date: expected YYYY-MM-DD`;
  warnings.push({ line: written.line, message });
  return null;
}

function asIsoDate(text: string): string | null {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!match) return null;
  const date = `${match[1]}-${match[2]?.padStart(2, "0")}-${match[3]?.padStart(2, "0")}`;
  return isCalendarDate(date) ? date : null;
}

/**
 * Names from the first front matter key present (a YAML list or a comma-separated string), else
 * from the `label` metadata line; split on commas, semicolons and " and ", links reduced to
 * their text, template placeholders dropped with a warning.
 */
export function readNames(
  keys: string[],
  label: string | null,
  frontMatter: FrontMatter,
  metadata: Map<string, MetadataLine>,
  warnings: DecisionWarning[],
): string[] {
  const key = keys.find((k) => frontMatter.has(k));
  const entry = key ? frontMatter.get(key) : undefined;
  if (key && entry) return namesFromValue(entry.value, key, entry.line, warnings);
  const line = label ? metadata.get(label) : undefined;
  if (!line) return [];
  return namesFromText(line.value, label ?? "", line.line, warnings);
}

function namesFromValue(
  value: unknown,
  key: string,
  line: number,
  warnings: DecisionWarning[],
): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) {
    const names = value.map((item) => scalarText(item));
    if (names.some((name) => name === null))
      warnings.push({
        line,
        message: `'${key}' has an entry that is not text: expected a list of names`,
      });
    return unique(
      names.filter((name): name is string => name !== null && name !== "").map(cleanName),
    );
  }
  const text = scalarText(value);
  if (text === null) {
    warnings.push({ line, message: `'${key}' is not a list: expected '${key}: [name, name]'` });
    return [];
  }
  return namesFromText(text, key, line, warnings);
}

function namesFromText(
  text: string,
  label: string,
  line: number,
  warnings: DecisionWarning[],
): string[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  if (isPlaceholder(trimmed)) {
    warnings.push({
      line,
      message: `${label} is the template's placeholder '${trimmed}': expected names`,
    });
    return [];
  }
  return unique(
    linkTextOnly(stripEmphasis(trimmed))
      .split(/\s*[,;]\s*|\s+and\s+|\s+&\s+/)
      .map(cleanName)
      .filter((name) => name !== ""),
  );
}

function cleanName(name: string): string {
  return linkTextOnly(name).trim();
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
