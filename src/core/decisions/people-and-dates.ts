import { isCalendarDate } from "./file-names.js";
import { type FrontMatter, scalarText } from "./front-matter.js";
import { isPlaceholder, linkTextOnly, stripEmphasis, unbracket } from "./markdown.js";
import type { MetadataLine } from "./metadata.js";
import type { DecisionWarning } from "./model.js";

/**
 * The record's date as YYYY-MM-DD, from `date:` front matter or a `Date:` line (else `dateLine`,
 * a line under the title that holds only a date). The forms `asIsoDate` reads are normalised;
 * anything else warns and gives null.
 */
export function readDate(
  frontMatter: FrontMatter,
  metadata: Map<string, MetadataLine>,
  warnings: DecisionWarning[],
  dateLine: string | null = null,
): string | null {
  const fromFrontMatter = frontMatter.get("date");
  const fromMetadata = metadata.get("date");
  const written = fromFrontMatter
    ? { raw: scalarText(fromFrontMatter.value) ?? "", line: fromFrontMatter.line }
    : fromMetadata
      ? { raw: stripEmphasis(fromMetadata.value).trim(), line: fromMetadata.line }
      : null;
  if (!written || written.raw === "") return dateLine;
  const date = asIsoDate(unbracket(written.raw));
  if (date) return date;
  const message = isPlaceholder(written.raw)
    ? `date is the template's placeholder '${written.raw}': expected YYYY-MM-DD`
    : `date '${written.raw}' is not a date: expected YYYY-MM-DD`;
  warnings.push({ line: written.line, message });
  return null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A written date as YYYY-MM-DD, or null: "2024-01-05", "2024-1-5", a timestamp, a date followed by
 * a remark ("2019-05-13, updated 2023-02-05", "2023-11-14 (documented …)"), "05/02/2018" and
 * "10/04/18" (day first, as most of the world writes them; month first only when the day cannot
 * be second), "June 19, 2018", "19 June 2018", "2018-06-19" in brackets. A month alone
 * ("October 2023") is not a date.
 */
/** A line that holds only a date ("June 19, 2018", "*2024-01-10*") as YYYY-MM-DD, else null. */
export function dateOnlyLine(text: string): string | null {
  const line = stripEmphasis(text).trim();
  const date = asIsoDate(line);
  return date && /^[\w ,./-]{6,24}$/.test(line) && !/[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}/i.test(line)
    ? date
    : null;
}

export function asIsoDate(text: string): string | null {
  const trimmed = linkTextOnly(text).trim();
  const iso =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?(?=$|[\s,;(]|\s*[-–—:])/.exec(
      trimmed,
    );
  if (iso) {
    // "2024-29-08": a day where the month goes, and a month where the day goes.
    if (Number(iso[2]) > 12 && Number(iso[3]) <= 12) return calendar(iso[1], iso[3], iso[2]);
    return calendar(iso[1], iso[2], iso[3]);
  }
  const slashed = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})(?=$|[\s,;(])/.exec(trimmed);
  if (slashed) {
    const [, first = "", second = "", rawYear = ""] = slashed;
    const year = rawYear.length === 2 ? `20${rawYear}` : rawYear;
    const dayFirst = calendar(year, second, first);
    return Number(second) > 12 ? calendar(year, first, second) : dayFirst;
  }
  const named =
    /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(trimmed) ??
    /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(trimmed);
  if (named) {
    const monthFirst = /^[A-Za-z]/.test(named[1] ?? "");
    const month = MONTHS.indexOf(
      (monthFirst ? named[1] : named[2])?.slice(0, 3).toLowerCase() ?? "",
    );
    if (month < 0) return null;
    return calendar(named[3], String(month + 1), monthFirst ? named[2] : named[1]);
  }
  return null;
}

function calendar(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
): string | null {
  const date = `${year}-${month?.padStart(2, "0")}-${day?.padStart(2, "0")}`;
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
  const trimmed = unbracket(text);
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
      .flatMap(splitHandles)
      .map(cleanName)
      .filter((name) => name !== ""),
  );
}

/** "@ada @grace" → ["@ada", "@grace"]: handles separated by spaces only are several people. */
function splitHandles(part: string): string[] {
  const trimmed = part.trim();
  return /^@[\w.-]+(?:\s+@[\w.-]+)+(?:\s+\(.*\))?$/.test(trimmed)
    ? trimmed.split(/\s+(?=@)/)
    : [trimmed];
}

/** A name without link syntax and without a trailing remark in parentheses ("Ada (chair)"). */
function cleanName(name: string): string {
  return linkTextOnly(name)
    .replace(/\s*\([^()]*\)\s*$/, "")
    .replace(/\s*\\$/, "")
    .trim();
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
