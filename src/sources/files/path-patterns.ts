/*
 * Fast "does any of these regexes match this path?" for Linguist's pattern lists.
 *
 * One alternation of ~170 unanchored patterns is tried at every character of a path, and a
 * leading `([^\s]*)` makes each try scan to the end: about 10 µs a path, 200 ms for 20,000.
 * Most of Linguist's patterns start with `(^|/)` or `^`. Those prefixes are factored out
 * (`(?:^|/)(?:a|b|…)`, `^(?:a|b|…)`) so the engine rejects most positions at once; the rest are
 * joined into one unanchored regex, from which a leading `(.*)`-style group, which cannot change
 * whether an unanchored regex matches, is dropped. Ruby's `^`/`$` are line anchors (the `m`
 * flag), which only matters for a path containing a newline: the `m` variant is kept for those,
 * since V8 is several times slower with it. The answers are the same as testing each pattern
 * alone.
 */

/** A regex source and flags, as produced by linguist-js's PCRE converter. */
export interface PatternSource {
  source: string;
  flags: string;
}

/** Answers whether any of the compiled patterns matches a path. */
export type PathTest = (path: string) => boolean;

type Anchoring = "start" | "segment" | "anywhere";

/** `(^|/)`, `(^|\/)`, `(?:^|/)`, `(?:^|\/)` at the very beginning. */
const SEGMENT_PREFIX = /^\((?:\?:)?\^\|\\?\/\)/;
/** A leading group that matches any run of characters, e.g. `(.*?)` or `([^\s]*)`. */
const REDUNDANT_LEADING_STAR = /^\((?:\?:)?(?:\.|\[\^\\s\])\*\??\)/;
/** Features that make a pattern unsafe to rewrite or to join with others. */
const STANDALONE_ONLY = /\\[1-9]|\\k<|\(\?<[A-Za-z]/;

/** Compiles patterns into a few combined tests; a path matches if any pattern matches it. */
export function compilePathPatterns(patterns: readonly PatternSource[]): PathTest[] {
  const groups = new Map<string, { anchoring: Anchoring; flags: string; sources: string[] }>();
  const standalone: RegExp[] = [];
  for (const pattern of patterns) {
    if (STANDALONE_ONLY.test(pattern.source)) {
      standalone.push(new RegExp(pattern.source, pattern.flags));
      continue;
    }
    const { anchoring, body } = splitAnchor(pattern.source);
    const flags = normaliseFlags(pattern.flags);
    const key = `${anchoring} ${flags}`;
    const group = groups.get(key) ?? { anchoring, flags, sources: [] };
    group.sources.push(`(?:${body})`);
    groups.set(key, group);
  }
  const tests = [...groups.values()].map(({ anchoring, flags, sources }) =>
    groupTest(anchoring, flags, sources.join("|")),
  );
  return [...tests, ...standalone.map((regex) => (path: string) => regex.test(path))];
}

function splitAnchor(source: string): { anchoring: Anchoring; body: string } {
  if (hasTopLevelAlternation(source)) return { anchoring: "anywhere", body: source };
  const segment = SEGMENT_PREFIX.exec(source);
  const afterSegment = segment ? source.slice(segment[0].length) : "";
  if (segment && !/^[?*+{]/.test(afterSegment)) return { anchoring: "segment", body: afterSegment };
  if (source.startsWith("^")) return { anchoring: "start", body: source.slice(1) };
  return { anchoring: "anywhere", body: source.replace(REDUNDANT_LEADING_STAR, "") };
}

function groupTest(anchoring: Anchoring, flags: string, alternation: string): PathTest {
  const anchor = anchoring === "start" ? "^" : anchoring === "segment" ? "(?:^|\\/)" : "";
  const source = anchor ? `${anchor}(?:${alternation})` : alternation;
  const regex = new RegExp(source, flags.replace("m", ""));
  if (!flags.includes("m")) return (path) => regex.test(path);
  // Ruby's ^ and $ are line anchors; a path without a newline has one line, and V8 runs much
  // faster without the m flag, so it is used only for the rare path that needs it.
  const multiline = new RegExp(source, flags);
  return (path) => (path.includes("\n") ? multiline : regex).test(path);
}

/** Whether `|` appears outside any group or character class. */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === "\\") i++;
    else if (inClass) inClass = char !== "]";
    else if (char === "[") inClass = true;
    else if (char === "(") depth++;
    else if (char === ")") depth--;
    else if (char === "|" && depth === 0) return true;
  }
  return false;
}

function normaliseFlags(flags: string): string {
  return [...new Set(flags.replace(/[gy]/g, ""))].sort().join("");
}
