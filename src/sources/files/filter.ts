import picomatch from "picomatch";
import {
  cachedLinguistAttributes,
  type LinguistAttributeRule,
  linguistOverridesFor,
} from "./gitattributes.js";
import { LINGUIST_CATEGORIES, type LinguistCategory } from "./linguist-data.js";
import { type LinguistPathRules, linguistPathRules, matchesAny } from "./linguist-rules.js";

export { parseFilesFrom } from "./files-from.js";

/** A file present at the analysed ref (a blob of `git ls-tree -r`). */
export interface TreeEntry {
  path: string;
  /** Size in bytes; null = unknown (e.g. a blobless clone). */
  size: number | null;
  /** Whether git sees the content as binary; null = unknown. */
  binary: boolean | null;
}

/** Why a file is not scored, in precedence order. */
export type FilterRule =
  | "not-in-files-from"
  | "excluded"
  | "vendored"
  | "generated"
  | "documentation"
  | "binary"
  | "empty";

/** Every rule, in the order a file removed by several is reported under. */
export const FILTER_RULES: readonly FilterRule[] = [
  "not-in-files-from",
  "excluded",
  "vendored",
  "generated",
  "documentation",
  "binary",
  "empty",
];

export interface FileFilterOptions {
  /**
   * Apply Linguist's vendored/generated/documentation classification: its path rules and the
   * `linguist-*` overrides of `gitattributes` (both are off when false).
   */
  linguist: boolean;
  /** Globs (picomatch, `dot: true`) of files not to score, from config. */
  exclude: string[];
  /** Globs that keep a file whatever the other rules say, except `filesFrom`. */
  include: string[];
  /** When set, only these paths can be scored (reproducing a study's file list). */
  filesFrom: string[] | null;
  /** Text of the root `.gitattributes` at the ref. */
  gitattributes: string | null;
}

export interface FileFilterResult {
  /** Scored paths, sorted. */
  kept: string[];
  /** How many files each rule removed; a file counts once, under the first rule that removed it. */
  removed: Record<FilterRule, number>;
  /** Up to 5 removed paths per rule, the first in path order. */
  examples: Record<FilterRule, string[]>;
  /**
   * Entries that reached the binary (resp. empty) check with that flag null, so they were kept
   * without it being checked.
   */
  unknown: { binary: number; size: number };
}

const EXAMPLES_PER_RULE = 5;

/**
 * Chooses the files to score among those present at the ref.
 *
 * Precedence: not in `filesFrom` → removed; matching `include` → kept; matching `exclude` →
 * removed; a category set by `.gitattributes` → removed; a category of Linguist's path rules not
 * unset by `.gitattributes` → removed; `binary === true` → removed; `size === 0` → removed.
 * Duplicate paths are considered once.
 */
export function filterFiles(entries: TreeEntry[], options: FileFilterOptions): FileFilterResult {
  const decide = ruleDecider(options);
  const result = emptyResult();
  for (const entry of uniqueSortedEntries(entries)) {
    const rule = decide(entry, result.unknown);
    if (rule === null) {
      result.kept.push(entry.path);
      continue;
    }
    result.removed[rule] += 1;
    const examples = result.examples[rule];
    if (examples.length < EXAMPLES_PER_RULE) examples.push(entry.path);
  }
  return result;
}

type RuleDecider = (entry: TreeEntry, unknown: FileFilterResult["unknown"]) => FilterRule | null;

function ruleDecider(options: FileFilterOptions): RuleDecider {
  const filesFrom = options.filesFrom ? new Set(options.filesFrom) : null;
  const isIncluded = globMatcher(options.include);
  const isExcluded = globMatcher(options.exclude);
  const linguist = options.linguist ? linguistPathRules() : null;
  const attributes =
    options.linguist && options.gitattributes !== null
      ? cachedLinguistAttributes(options.gitattributes)
      : [];
  return (entry, unknown) => {
    const { path } = entry;
    if (filesFrom && !filesFrom.has(path)) return "not-in-files-from";
    if (isIncluded(path)) return null;
    if (isExcluded(path)) return "excluded";
    if (linguist) {
      const category = linguistCategory(path, linguist, attributes);
      if (category) return category;
    }
    if (entry.binary === null) unknown.binary += 1;
    else if (entry.binary) return "binary";
    if (entry.size === null) unknown.size += 1;
    else if (entry.size === 0) return "empty";
    return null;
  };
}

/**
 * Which categories' path rules each path matches, one bit per category in LINGUIST_CATEGORIES
 * order: the rules are compiled once per process, and the months of a trend classify the same
 * paths again. Forgotten past {@link REMEMBERED_PATHS} paths (a long-running dashboard).
 */
const matchedCategories = new WeakMap<LinguistPathRules, Map<string, number>>();
const REMEMBERED_PATHS = 200_000;

function linguistCategory(
  path: string,
  rules: LinguistPathRules,
  attributes: readonly LinguistAttributeRule[],
): LinguistCategory | null {
  const overrides = attributes.length > 0 ? linguistOverridesFor(attributes, path) : {};
  for (const category of LINGUIST_CATEGORIES) {
    if (overrides[category] === true) return category;
  }
  let remembered = matchedCategories.get(rules);
  if (!remembered) {
    remembered = new Map();
    matchedCategories.set(rules, remembered);
  }
  let matched = remembered.get(path);
  if (matched === undefined) {
    matched = 0;
    LINGUIST_CATEGORIES.forEach((category, bit) => {
      if (matchesAny(rules[category], path)) matched! |= 1 << bit;
    });
    if (remembered.size >= REMEMBERED_PATHS) remembered.clear();
    remembered.set(path, matched);
  }
  for (const [bit, category] of LINGUIST_CATEGORIES.entries()) {
    if (overrides[category] !== false && (matched & (1 << bit)) !== 0) return category;
  }
  return null;
}

function globMatcher(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  return picomatch([...globs], { dot: true });
}

function uniqueSortedEntries(entries: readonly TreeEntry[]): TreeEntry[] {
  const byPath = new Map<string, TreeEntry>();
  for (const entry of entries) {
    if (!byPath.has(entry.path)) byPath.set(entry.path, entry);
  }
  // default sort: UTF-16 code unit order, the same as git's byte order for ASCII paths
  return [...byPath.keys()].sort().map((path) => byPath.get(path)!);
}

function emptyResult(): FileFilterResult {
  const removed = {} as Record<FilterRule, number>;
  const examples = {} as Record<FilterRule, string[]>;
  for (const rule of FILTER_RULES) {
    removed[rule] = 0;
    examples[rule] = [];
  }
  return { kept: [], removed, examples, unknown: { binary: 0, size: 0 } };
}
