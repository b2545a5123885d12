import picomatch from "picomatch";
import { LINGUIST_CATEGORIES, type LinguistCategory } from "./linguist-data.js";

/*
 * Linguist's `.gitattributes` overrides, read from the root file's text.
 *
 * Matching follows gitattributes(5) rather than linguist-js's helper, which treats `!attr` as
 * set, drops the anchoring of a leading `/`, and matches with gitignore semantics:
 * - a pattern without `/` matches the file name at any depth; one with a `/` (a leading `/`
 *   included) is anchored at the root; `*` does not cross `/`, `**` does as in gitignore;
 * - a pattern ending in `/` names a directory, and attributes of a directory do not apply to
 *   the files inside it: such a line matches no file (write `dir/**` instead);
 * - negative patterns (`!pattern`) are not allowed by git and are ignored, as are
 *   `[attr]` macro definitions and `#` comment lines;
 * - `attr` and `attr=<anything but "false">` set the attribute, `-attr` and `attr=false` unset
 *   it (Linguist's `boolean_attribute`), `!attr` returns it to unspecified, so the path rules
 *   decide again; the last matching line wins, attribute by attribute.
 */

/** Linguist attribute names and the category each one overrides. */
const ATTRIBUTE_CATEGORY: ReadonlyMap<string, LinguistCategory> = new Map(
  LINGUIST_CATEGORIES.map((category) => [`linguist-${category}`, category] as const),
);

/** What one line says about a category: forced on, forced off, or back to unspecified. */
export type AttributeState = boolean | "unspecified";

/** One `.gitattributes` line that mentions at least one Linguist attribute. */
export interface LinguistAttributeRule {
  /** The pattern as written (unquoted). */
  pattern: string;
  /** 1-based line number in the file. */
  line: number;
  matches: (path: string) => boolean;
  states: ReadonlyMap<LinguistCategory, AttributeState>;
}

/** Per category, the value the attributes force on a path; absent = the path rules decide. */
export type LinguistOverrides = Partial<Record<LinguistCategory, boolean>>;

/** Parses the text of a root `.gitattributes`, keeping the lines that set Linguist attributes. */
export function parseLinguistAttributes(text: string): LinguistAttributeRule[] {
  const rules: LinguistAttributeRule[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const rule = parseLine(rawLine, index + 1);
    if (rule) rules.push(rule);
  });
  return rules;
}

/** The Linguist classifications the attribute rules force on `path`. */
export function linguistOverridesFor(
  rules: readonly LinguistAttributeRule[],
  path: string,
): LinguistOverrides {
  const overrides: LinguistOverrides = {};
  for (const rule of rules) {
    if (!rule.matches(path)) continue;
    for (const [category, state] of rule.states) {
      if (state === "unspecified") delete overrides[category];
      else overrides[category] = state;
    }
  }
  return overrides;
}

let cachedText: string | null = null;
let cachedRules: LinguistAttributeRule[] = [];

/** `parseLinguistAttributes` with the last result kept, since snapshots often share one file. */
export function cachedLinguistAttributes(text: string): LinguistAttributeRule[] {
  if (text !== cachedText) {
    cachedRules = parseLinguistAttributes(text);
    cachedText = text;
  }
  return cachedRules;
}

function parseLine(rawLine: string, line: number): LinguistAttributeRule | null {
  const trimmed = rawLine.trim();
  if (trimmed === "" || trimmed.startsWith("#") || trimmed.startsWith("[attr]")) return null;
  const split = splitPattern(trimmed);
  if (!split || split.pattern === "" || split.pattern.startsWith("!")) return null;
  const states = new Map<LinguistCategory, AttributeState>();
  for (const token of split.rest.split(/\s+/)) {
    const parsed = parseAttribute(token);
    if (parsed) states.set(parsed.category, parsed.state);
  }
  if (states.size === 0) return null;
  return { pattern: split.pattern, line, matches: compilePattern(split.pattern), states };
}

function parseAttribute(
  token: string,
): { category: LinguistCategory; state: AttributeState } | null {
  const prefix = token[0] === "-" || token[0] === "!" ? token[0] : "";
  const body = token.slice(prefix.length);
  const equals = body.indexOf("=");
  const name = equals === -1 ? body : body.slice(0, equals);
  const category = ATTRIBUTE_CATEGORY.get(name);
  if (!category) return null;
  if (prefix === "!") return { category, state: "unspecified" };
  if (prefix === "-") return { category, state: false };
  return { category, state: equals === -1 || body.slice(equals + 1) !== "false" };
}

/** Splits a line into its pattern (C-style quoted or bare) and the attribute list. */
function splitPattern(line: string): { pattern: string; rest: string } | null {
  if (!line.startsWith('"')) {
    const space = line.search(/\s/);
    return space === -1
      ? { pattern: line, rest: "" }
      : { pattern: line.slice(0, space), rest: line.slice(space) };
  }
  const bytes: number[] = [];
  for (let i = 1; i < line.length; i++) {
    const char = line[i]!;
    if (char === '"')
      return { pattern: Buffer.from(bytes).toString("utf8"), rest: line.slice(i + 1) };
    if (char !== "\\") {
      bytes.push(...Buffer.from(char, "utf8"));
      continue;
    }
    const octal = /^[0-7]{3}/.exec(line.slice(i + 1));
    if (octal) {
      bytes.push(Number.parseInt(octal[0], 8));
      i += 3;
      continue;
    }
    const escaped = line[++i];
    const decoded = escaped === "t" ? "\t" : escaped === "n" ? "\n" : (escaped ?? "");
    bytes.push(...Buffer.from(decoded, "utf8"));
  }
  return null; // unterminated quote: git ignores the line
}

function compilePattern(pattern: string): (path: string) => boolean {
  if (pattern.endsWith("/")) return () => false;
  const options = { dot: true, nobrace: true, noextglob: true };
  const anchored = pattern.includes("/");
  const matcher = picomatch(anchored ? pattern.replace(/^\//, "") : pattern, options);
  if (anchored) return matcher;
  return (path) => matcher(path.slice(path.lastIndexOf("/") + 1));
}
