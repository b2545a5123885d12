/**
 * CODEOWNERS path patterns, matched exactly as each host matches them. Paths are repository
 * paths with "/" separators and no leading slash; matching is case-sensitive on both hosts.
 *
 * - GitHub: gitignore rules (git's `wildmatch` with `WM_PATHNAME`) with GitHub's documented
 *   exceptions. A pattern with a "/" at its start or middle is anchored at the root, otherwise it
 *   matches at any depth; a pattern matches a file or any directory above it (so `apps/` and
 *   `**\/logs` own everything below), except that a pattern ending in a lone `*` segment matches
 *   only direct children (`docs/*` owns `docs/a.md`, not `docs/b/c.md`); a trailing "/" matches
 *   directories only; `**` as a whole segment is any number of directories (one or more at the
 *   end); `*` and `?` never cross a "/". Negation (`!`) and character ranges (`[ ]`) are not
 *   supported by GitHub: {@link githubPatternProblem} reports them.
 * - GitLab: Ruby's `File.fnmatch` with `FNM_DOTMATCH | FNM_PATHNAME` against "/path", after
 *   GitLab's normalisation: `*` alone becomes `/**\/*`, a pattern not starting with "/" gets
 *   `/**\/` in front, and one ending in "/" gets `**\/*` appended. Here `**\/` is zero or more
 *   directories, a `**` not followed by "/" is a plain `*`, `[...]` classes work, and a pattern
 *   owns only the paths it matches whole (`docs` is a file named docs, not the folder).
 */

/** One segment of a compiled pattern: any number of directories, or a glob within one name. */
type Segment = { globstar: true; min: number } | { globstar: false; test: RegExp };

/** A compiled pattern: tests a path given as its segments. */
export type PathTest = (segments: readonly string[]) => boolean;

/**
 * Why GitHub would reject this pattern (its CODEOWNERS error list marks the line), or null.
 * `raw` is the pattern as written, before unescaping.
 */
export function githubPatternProblem(raw: string): string | null {
  if (raw.startsWith("!")) return "GitHub does not support negated patterns (!)";
  if (raw.startsWith("\\#")) return "GitHub does not support escaping a leading # with a backslash";
  if (/(^|[^\\])[[\]]/.test(raw))
    return "GitHub does not support character ranges ([ ]) in CODEOWNERS patterns";
  return null;
}

/** Compiles a GitHub CODEOWNERS pattern (already checked with {@link githubPatternProblem}). */
export function githubPattern(raw: string): PathTest {
  let pattern = raw;
  const directoryOnly = pattern.endsWith("/") && !pattern.endsWith("\\/");
  if (directoryOnly) pattern = pattern.replace(/\/+$/, "");
  const anchored = pattern.startsWith("/") || pattern.includes("/");
  pattern = pattern.replace(/^\/+/, "");
  if (pattern === "") return () => false;
  const parts = pattern.split("/");
  // `*` alone (unanchored) owns every file.
  if (!anchored && parts.length === 1 && parts[0] === "*") return () => true;
  const segments: Segment[] = parts.map((part, index) =>
    part === "**"
      ? { globstar: true, min: index === parts.length - 1 ? 1 : 0 }
      : { globstar: false, test: segmentRegExp(part, "github") },
  );
  if (!anchored) segments.unshift({ globstar: true, min: 0 });
  const lastIsLoneStar = parts[parts.length - 1] === "*";
  return (path) => {
    // The file itself (unless the pattern names directories only), then each directory above it.
    if (!directoryOnly && matchSegments(segments, path, 0, 0)) return true;
    if (lastIsLoneStar && !directoryOnly) return false;
    for (let end = path.length - 1; end >= 1; end--)
      if (matchSegments(segments, path.slice(0, end), 0, 0)) return true;
    return false;
  };
}

/** GitLab's normalisation of a pattern as written (escapes of a leading # and of spaces resolved). */
export function gitlabNormalise(raw: string): string {
  if (raw === "*") return "/**/*";
  let pattern = raw.replace(/^\\#/, "#").replace(/\\\s+/g, " ");
  if (!pattern.startsWith("/")) pattern = `/**/${pattern}`;
  if (pattern.endsWith("/")) pattern = `${pattern}**/*`;
  return pattern;
}

/** Compiles a normalised GitLab pattern ({@link gitlabNormalise}) as `File.fnmatch` reads it. */
export function gitlabPattern(normalised: string): PathTest {
  const parts = normalised.split("/");
  const segments: Segment[] = parts.map((part, index) =>
    part === "**" && index < parts.length - 1
      ? { globstar: true, min: 0 }
      : { globstar: false, test: segmentRegExp(part, "gitlab") },
  );
  // The pattern starts with "/", so its first segment is empty, like the first of "/path".
  return (path) => matchSegments(segments, ["", ...path], 0, 0);
}

/** Splits a repository path into its segments. */
export function pathSegments(path: string): string[] {
  return path.split("/");
}

function matchSegments(
  segments: readonly Segment[],
  path: readonly string[],
  s: number,
  p: number,
): boolean {
  if (s === segments.length) return p === path.length;
  const segment = segments[s]!;
  if (segment.globstar) {
    for (let skip = segment.min; p + skip <= path.length; skip++)
      if (matchSegments(segments, path, s + 1, p + skip)) return true;
    return false;
  }
  if (p === path.length) return false;
  return segment.test.test(path[p]!) && matchSegments(segments, path, s + 1, p + 1);
}

/**
 * One path segment's glob as a regular expression: `*` any run, `?` one character, a backslash
 * escapes the next character; GitLab (fnmatch) also reads `[...]` classes (`!` or `^` negates).
 */
function segmentRegExp(glob: string, dialect: "github" | "gitlab"): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === "\\" && i + 1 < glob.length) {
      out += escapeRegExp(glob[++i]!);
    } else if (ch === "*") {
      while (glob[i + 1] === "*") i++;
      out += ".*";
    } else if (ch === "?") {
      out += ".";
    } else if (ch === "[" && dialect === "gitlab") {
      const end = classEnd(glob, i);
      if (end === -1) {
        out += "\\[";
      } else {
        let body = glob.slice(i + 1, end);
        const negated = body.startsWith("!") || body.startsWith("^");
        if (negated) body = body.slice(1);
        out += `[${negated ? "^" : ""}${body.replace(/\\(.)/g, "$1").replace(/[\\\]^]/g, "\\$&")}]`;
        i = end;
      }
    } else {
      out += escapeRegExp(ch);
    }
  }
  return new RegExp(`^${out}$`, "s");
}

/** Index of the `]` closing the class opened at `start`, or -1 (a `]` right after `[` or `[!` is literal). */
function classEnd(glob: string, start: number): number {
  let i = start + 1;
  if (glob[i] === "!" || glob[i] === "^") i++;
  if (glob[i] === "]") i++;
  for (; i < glob.length; i++) {
    if (glob[i] === "\\") i++;
    else if (glob[i] === "]") return i;
  }
  return -1;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
