/**
 * `.mailmap` parsing and lookup, mirroring git 2.39 (`mailmap.c`), checked against
 * `git check-mailmap`:
 *
 * - A line whose first character is `#` is a comment. Anything after the last `<email>` that
 *   git uses is ignored, so `Name <a@x> # note` works; but `# note` *between* two emails is read
 *   as the commit name, and an indented `  # text <a@x>` is an entry named `# text`, exactly as
 *   git reads them (gitmailmap(5) says `#` starts a comment anywhere; git's parser does not).
 * - The first `<email>` must not be empty (the line is ignored otherwise); the second may be `<>`.
 * - Names are trimmed of spaces, tabs, CR and LF; emails are kept exactly as written between `<>`.
 * - Commit emails AND commit names are matched case-insensitively (ASCII, like `strcasecmp`);
 *   gitmailmap(5): "Both E-Mails and names are matched case-insensitively".
 * - An entry with a commit name (`Proper <p> Commit <c>`) wins over one without; for the same
 *   commit email, later simple entries override the name and the email they give, and a later
 *   entry for the same commit name and email replaces the earlier one.
 * - Mapping is one step: the result is not looked up again.
 */
import type { RawIdentity } from "../model.js";

/** One mapping line of a `.mailmap` file. `null` means "not given on the line". */
export interface MailmapEntry {
  /** The name to show instead; null keeps the commit's name. */
  properName: string | null;
  /** The email to show instead; null keeps the commit's email. */
  properEmail: string | null;
  /** When set, the entry only applies to commits with this name (case-insensitive). */
  commitName: string | null;
  /** The commit email the entry applies to (case-insensitive). */
  commitEmail: string;
  /** 1-based line number in the file. */
  line: number;
}

/** A line git would silently ignore or misread, reported so the user can fix it. */
export interface MailmapProblem {
  line: number;
  message: string;
}

/** A name and an email read from `Name <email>`, plus the text after `>` (null when none). */
interface NameAndEmail {
  name: string | null;
  email: string;
  rest: string | null;
}

type ParseFailure = "no-email" | "unclosed" | "empty-email";

const isGitSpace = (char: string | undefined): boolean =>
  char === " " || char === "\t" || char === "\n" || char === "\r";

/** Git's `parse_name_and_email`: the first `<...>` of `text` and the trimmed name before it. */
function parseNameAndEmail(text: string, allowEmptyEmail: boolean): NameAndEmail | ParseFailure {
  const left = text.indexOf("<");
  if (left < 0) return "no-email";
  const right = text.indexOf(">", left + 1);
  if (right < 0) return "unclosed";
  if (!allowEmptyEmail && right === left + 1) return "empty-email";
  let start = 0;
  while (start < left && isGitSpace(text[start])) start++;
  let end = left - 1;
  while (end > start && isGitSpace(text[end])) end--;
  const name = start <= end ? text.slice(start, end + 1) : null;
  const rest = right + 1 < text.length ? text.slice(right + 1) : null;
  return { name, email: text.slice(left + 1, right), rest };
}

const FAILURE_MESSAGES: Record<ParseFailure, string> = {
  "no-email": "no <email> on this line; git ignores it",
  unclosed: "'<' without a closing '>'; git ignores this line",
  "empty-email": "the first email is empty ('<>'); git ignores this line",
};

/** Reads one non-comment line the way git's `read_mailmap_line` does. */
function parseLine(
  text: string,
  line: number,
  problems: MailmapProblem[],
): MailmapEntry | undefined {
  const first = parseNameAndEmail(text, false);
  if (typeof first === "string") {
    const isIndentedComment = text.trimStart().startsWith("#");
    if (!(first === "no-email" && isIndentedComment)) {
      problems.push({ line, message: FAILURE_MESSAGES[first] });
    }
    return undefined;
  }
  const second = first.rest === null ? undefined : parseNameAndEmail(first.rest, true);
  if (typeof second === "string") {
    const ignored = first.rest?.trim() ?? "";
    if (ignored !== "" && !ignored.startsWith("#")) {
      problems.push({ line, message: `text after the first email is ignored: '${ignored}'` });
    }
  }
  for (const email of [first.email, typeof second === "object" ? second.email : undefined]) {
    if (email !== undefined && email !== email.trim()) {
      problems.push({
        line,
        message: `email '<${email}>' has spaces inside the brackets; git keeps them, so it only matches that exact text`,
      });
    }
  }
  if (typeof second !== "object") {
    return {
      properName: first.name,
      properEmail: null,
      commitName: null,
      commitEmail: first.email,
      line,
    };
  }
  return {
    properName: first.name,
    properEmail: first.email,
    commitName: second.name,
    commitEmail: second.email,
    line,
  };
}

/**
 * Parses the text of a `.mailmap` file. Lines git would ignore are skipped and reported in
 * `problems` (blank lines and comments are not problems).
 */
export function parseMailmap(text: string): {
  entries: MailmapEntry[];
  problems: MailmapProblem[];
} {
  const entries: MailmapEntry[] = [];
  const problems: MailmapProblem[] = [];
  text.split("\n").forEach((lineText, index) => {
    if (lineText.startsWith("#") || lineText.trim() === "") return;
    const entry = parseLine(lineText, index + 1, problems);
    if (entry) entries.push(entry);
  });
  return { entries, problems };
}

/** Lower-cases ASCII letters only, like C `strcasecmp` in the C locale. */
const asciiLower = (text: string): string =>
  text.replace(/[A-Z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 32));

interface Replacement {
  name: string | null;
  email: string | null;
}

interface EmailRule extends Replacement {
  byName: Map<string, Replacement>;
}

/** A compiled `.mailmap`: maps a raw identity to its proper form (unchanged when no rule applies). */
export type MailmapLookup = (raw: RawIdentity) => RawIdentity;

/** Indexes entries once (git's `add_mapping`), for mapping many identities quickly. */
export function compileMailmap(entries: readonly MailmapEntry[]): MailmapLookup {
  const rules = new Map<string, EmailRule>();
  for (const entry of entries) {
    const key = asciiLower(entry.commitEmail);
    let rule = rules.get(key);
    if (!rule) {
      rule = { name: null, email: null, byName: new Map() };
      rules.set(key, rule);
    }
    if (entry.commitName === null) {
      if (entry.properName !== null) rule.name = entry.properName;
      if (entry.properEmail !== null) rule.email = entry.properEmail;
    } else {
      rule.byName.set(asciiLower(entry.commitName), {
        name: entry.properName,
        email: entry.properEmail,
      });
    }
  }
  return (raw) => {
    const rule = rules.get(asciiLower(raw.email));
    if (!rule) return raw;
    const replacement = rule.byName.get(asciiLower(raw.name)) ?? rule;
    if (replacement.name === null && replacement.email === null) return raw;
    return { name: replacement.name ?? raw.name, email: replacement.email ?? raw.email };
  };
}

/** Maps one raw identity through `.mailmap` entries; returns `raw` itself when nothing matches. */
export function applyMailmap(entries: readonly MailmapEntry[], raw: RawIdentity): RawIdentity {
  return compileMailmap(entries)(raw);
}
