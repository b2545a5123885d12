import {
  githubPattern,
  githubPatternProblem,
  gitlabNormalise,
  gitlabPattern,
  type PathTest,
  pathSegments,
} from "./pattern.js";

/** Whose rules a CODEOWNERS file follows. */
export type CodeownersDialect = "github" | "gitlab";

/** An owner as a CODEOWNERS line writes it. */
export interface CodeOwner {
  kind: "user" | "team" | "email" | "role";
  /** As written: `@octocat`, `@octo-org/octocats`, `docs@example.com`, `@@maintainer`. */
  text: string;
}

/** One rule: a pattern and its owners (none: the pattern takes ownership away). */
export interface CodeownersRule {
  /** 1-based line in the file. */
  line: number;
  /** The pattern as written. */
  pattern: string;
  owners: CodeOwner[];
  /** GitLab: the section's name (null before any section header). GitHub: always null. */
  section: string | null;
  /** GitLab exclusion (`!pattern`): files it matches need no owner in its section. */
  exclusion: boolean;
  matches: (path: string) => boolean;
}

/** A GitLab section header. */
export interface CodeownersSection {
  name: string;
  line: number;
  optional: boolean;
  /** Approvals required (`[Section][2]`); 0 when not given. */
  approvals: number;
  defaultOwners: CodeOwner[];
}

/** A line the host would report as an error, and what legible did with it. */
export interface CodeownersProblem {
  line: number;
  message: string;
}

export interface CodeownersFile {
  /** Where the file was found, e.g. `.github/CODEOWNERS`. */
  path: string;
  dialect: CodeownersDialect;
  rules: CodeownersRule[];
  sections: CodeownersSection[];
  problems: CodeownersProblem[];
}

/** The owners of one path and the rules that decided it. */
export interface PathOwnership {
  owners: CodeOwner[];
  /** The deciding rule per section (GitHub: at most one); empty when no rule matches. */
  rules: CodeownersRule[];
}

/** Where each host looks for the file, in its order of precedence. */
export const CODEOWNERS_LOCATIONS: Record<CodeownersDialect, readonly string[]> = {
  github: [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"],
  gitlab: ["CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"],
};

/** Parses a CODEOWNERS file by the rules of `dialect`. Never throws: bad lines become problems. */
export function parseCodeowners(
  text: string,
  options: { path: string; dialect: CodeownersDialect },
): CodeownersFile {
  return options.dialect === "github"
    ? parseGithub(text, options.path)
    : parseGitlab(text, options.path);
}

/**
 * The owners of a path. GitHub: the last matching rule's owners. GitLab: in each section, the
 * last matching entry (an entry repeated in a section keeps its first place and its last owners,
 * as GitLab's hash of patterns does), unless an exclusion of the section matches; owners of all
 * sections together.
 */
export function ownersOf(file: CodeownersFile, path: string): PathOwnership {
  if (file.dialect === "github") {
    for (let i = file.rules.length - 1; i >= 0; i--) {
      const rule = file.rules[i]!;
      if (rule.matches(path)) return { owners: rule.owners, rules: [rule] };
    }
    return { owners: [], rules: [] };
  }
  const bySection = new Map<string | null, CodeownersRule[]>();
  for (const rule of file.rules) {
    const list = bySection.get(rule.section) ?? [];
    bySection.set(rule.section, list);
    list.push(rule);
  }
  const rules: CodeownersRule[] = [];
  for (const entries of bySection.values()) {
    const matching = entries.filter((rule) => rule.matches(path));
    if (matching.length === 0 || matching.some((rule) => rule.exclusion)) continue;
    rules.push(matching[matching.length - 1]!);
  }
  const owners: CodeOwner[] = [];
  for (const rule of rules)
    for (const owner of rule.owners)
      if (!owners.some((o) => o.text === owner.text)) owners.push(owner);
  return { owners, rules };
}

function parseGithub(text: string, path: string): CodeownersFile {
  const rules: CodeownersRule[] = [];
  const problems: CodeownersProblem[] = [];
  lines(text).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const tokens = tokenize(trimmed);
    const pattern = tokens[0]!;
    const problem = githubPatternProblem(pattern);
    if (problem) {
      problems.push({ line, message: `${problem}; line skipped, as GitHub does` });
      return;
    }
    const owners: CodeOwner[] = [];
    for (const token of tokens.slice(1)) {
      const owner = githubOwner(token);
      if (!owner) {
        problems.push({
          line,
          message: `"${token}" is not an owner (expected @user, @org/team or an email); line skipped, as GitHub does`,
        });
        return;
      }
      owners.push(owner);
    }
    const test = githubPattern(pattern);
    rules.push({
      line,
      pattern,
      owners,
      section: null,
      exclusion: false,
      matches: onPath(test),
    });
  });
  return { path, dialect: "github", rules, sections: [], problems };
}

/**
 * GitHub's line: whitespace separates the pattern and the owners; a backslash escapes the next
 * character (so `\ ` keeps a space in the pattern); a `#` that starts a word begins a comment.
 * Escapes stay in the pattern (the matcher reads them); owners are taken as written.
 */
function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "\\" && i + 1 < line.length) {
      current += ch + line[++i];
    } else if (ch === " " || ch === "\t") {
      if (current !== "") tokens.push(current);
      current = "";
    } else if (ch === "#" && current === "" && tokens.length > 0) {
      break;
    } else {
      current += ch;
    }
  }
  if (current !== "") tokens.push(current);
  return tokens;
}

const GITHUB_USER = /^@[A-Za-z0-9](?:[A-Za-z0-9-_]*[A-Za-z0-9_])?$/;
const GITHUB_TEAM = /^@[A-Za-z0-9][A-Za-z0-9-_]*\/[A-Za-z0-9_][A-Za-z0-9-_.]*$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function githubOwner(token: string): CodeOwner | null {
  if (GITHUB_TEAM.test(token)) return { kind: "team", text: token };
  if (GITHUB_USER.test(token)) return { kind: "user", text: token };
  if (EMAIL.test(token)) return { kind: "email", text: token };
  return null;
}

const SECTION_HEADER = /^(\^)?\[(.*?)\](?:\[(\d*?)\])?(\s+[@\w.\-/\s+]*)?/;
const INVALID_SECTION = /^\^?\[[^\]]+?$/;

function parseGitlab(text: string, path: string): CodeownersFile {
  const problems: CodeownersProblem[] = [];
  const sections: CodeownersSection[] = [];
  // Entries by section, keyed by normalised pattern in first-seen order (GitLab keeps a hash).
  const entries = new Map<string | null, Map<string, CodeownersRule>>([[null, new Map()]]);
  let current: CodeownersSection | null = null;
  lines(text).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const header = SECTION_HEADER.exec(trimmed);
    if (header) {
      const name = header[2] ?? "";
      if (name.trim() === "") problems.push({ line, message: "section without a name" });
      const optional = header[1] === "^";
      const approvals = Number(header[3] || 0);
      if (optional && approvals > 0)
        problems.push({ line, message: "an optional section cannot require approvals" });
      const defaults = gitlabOwners(header[4] ?? "");
      if ((header[4] ?? "").trim() !== "" && defaults.length === 0)
        problems.push({ line, message: "the section's default owners are not owners" });
      // Sections with the same name (any case) are one section, named as first written.
      const existing = sections.find((s) => s.name.toLowerCase() === name.toLowerCase());
      current = existing ?? { name, line, optional, approvals, defaultOwners: defaults };
      if (existing) {
        // A section stays required when any of its headers is; its last defaults apply below.
        existing.optional = existing.optional && optional;
        current = { ...existing, optional, defaultOwners: defaults };
      } else {
        sections.push(current);
      }
      if (!entries.has(current.name)) entries.set(current.name, new Map());
      return;
    }
    if (INVALID_SECTION.test(trimmed))
      problems.push({ line, message: "section header without its closing ]; read as an entry" });
    const split = /(?<!\\)\s+/.exec(trimmed);
    let pattern = split ? trimmed.slice(0, split.index) : trimmed;
    const ownersText = split ? trimmed.slice(split.index + split[0].length) : "";
    const exclusion = pattern.startsWith("!");
    if (exclusion) pattern = pattern.slice(1);
    let owners: CodeOwner[] = [];
    if (!exclusion) {
      const words = ownersText.split(/\s+/).filter((w) => w !== "" && gitlabOwners(w).length === 0);
      if (words.length > 0)
        problems.push({
          line,
          message: `ignored words that are not owners (GitLab reads no inline comments): ${words
            .slice(0, 3)
            .map((w) => `"${w}"`)
            .join(", ")}${words.length > 3 ? ", …" : ""}`,
        });
      owners = gitlabOwners(ownersText);
      if (ownersText.trim() === "") owners = current?.defaultOwners ?? [];
      if (owners.length === 0)
        problems.push({ line, message: "entry without owners: GitLab approves it automatically" });
    }
    const normalised = gitlabNormalise(pattern);
    const sectionName = current?.name ?? null;
    const section = entries.get(sectionName)!;
    const rule: CodeownersRule = {
      line,
      pattern: exclusion ? `!${pattern}` : pattern,
      owners,
      section: sectionName,
      exclusion,
      matches: onPath(gitlabPattern(normalised)),
    };
    section.set(normalised, rule);
  });
  const rules = [...entries.values()].flatMap((section) => [...section.values()]);
  return { path, dialect: "gitlab", rules, sections, problems };
}

const GITLAB_EMAIL = /[^@\s]{1,100}@[^@\s]{1,255}(?<!\W)/g;
const GITLAB_NAME = /(?<![\w@])@([A-Za-z0-9_][A-Za-z0-9_.\-/]*[A-Za-z0-9_-]|[A-Za-z0-9_])/g;
const GITLAB_ROLE = /(?:^|\s)@@(developer|maintainer|owner)s?(?=\s|$)/gi;

/** Owners GitLab finds in a text, in written order: emails, @names (users and groups) and @@roles. */
function gitlabOwners(text: string): CodeOwner[] {
  const found: { at: number; owner: CodeOwner }[] = [];
  for (const match of text.matchAll(GITLAB_EMAIL))
    found.push({ at: match.index, owner: { kind: "email", text: match[0] } });
  for (const match of text.matchAll(GITLAB_NAME)) {
    const name = match[1]!;
    found.push({
      at: match.index,
      owner: { kind: name.includes("/") ? "team" : "user", text: `@${name}` },
    });
  }
  for (const match of text.matchAll(GITLAB_ROLE))
    found.push({
      at: match.index + match[0].indexOf("@@"),
      owner: { kind: "role", text: `@@${match[1]!.toLowerCase()}` },
    });
  const out: CodeOwner[] = [];
  for (const { owner } of found.sort((a, b) => a.at - b.at))
    if (!out.some((o) => o.text === owner.text)) out.push(owner);
  return out;
}

function lines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r?\n/);
}

function onPath(test: PathTest): (path: string) => boolean {
  return (path) => test(pathSegments(path));
}
