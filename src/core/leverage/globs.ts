/** Glob lists compiled once: one combined test for speed, then the glob that matched for the reason. */
import picomatch from "picomatch";

const OPTIONS = { dot: true } as const;
const MEMO_LIMIT = 100_000;

/** A compiled list of globs. */
export interface GlobSet {
  globs: readonly string[];
  /** Whether any glob matches the path. */
  test(path: string): boolean;
  /** The first glob (in list order) that matches the path, or `null`. */
  which(path: string): string | null;
}

/** Compiles picomatch globs (dotfiles included) into one regular expression plus per-glob tests. */
export function globSet(globs: readonly string[]): GlobSet {
  const expressions = globs.map((glob) => picomatch.makeRe(glob, OPTIONS));
  const combined = new RegExp(expressions.map((re) => `(?:${re.source})`).join("|"));
  // Histories change the same files again and again: remember answers, within a bound.
  const memo = new Map<string, boolean>();
  return {
    globs,
    test: (path) => {
      const known = memo.get(path);
      if (known !== undefined) return known;
      const result = globs.length > 0 && combined.test(path);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(path, result);
      return result;
    },
    which: (path) => {
      const index = expressions.findIndex((re) => re.test(path));
      return index < 0 ? null : (globs[index] ?? null);
    },
  };
}
