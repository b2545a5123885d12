/**
 * Comparison keys for names and emails, and the values too generic to merge people on.
 *
 * Decision: merging on a shared value is only safe when the value identifies one person. An empty
 * email, an email without "@", a placeholder copied from setup instructions ("you@example.com")
 * or a machine account ("root@…") is shared by unrelated people, and so are names like
 * "unknown", "root" or "Your Name". Such values never merge identities by the `email` or
 * `email-or-name` rule. They still merge through `.mailmap` and configured aliases (explicit
 * decisions), and two identities whose name and email are both equal (ignoring case) are the same
 * identity wherever they appear.
 */
import type { IdentityRule } from "./types.js";

/** The comparison key of an email: trimmed and lower-cased. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

/** Whitespace other than single spaces: what collapsing a trimmed name would change. */
const COLLAPSIBLE = /\s\s|[^\S ]/;

/** The comparison key of a name: trimmed, inner whitespace collapsed to one space, lower-cased. */
export const nameKey = (name: string): string => {
  const trimmed = name.trim();
  // Most names have only single spaces: testing is a third of the cost of replacing.
  return (COLLAPSIBLE.test(trimmed) ? trimmed.replace(/\s+/g, " ") : trimmed).toLowerCase();
};

/** Placeholder addresses that many unrelated people commit with (compared as email keys). */
export const GENERIC_EMAILS: ReadonlySet<string> = new Set([
  "you@example.com",
  "your@email.com",
  "your@example.com",
  "your.email@example.com",
  "your_email@example.com",
  "youremail@example.com",
  "email@example.com",
  "noreply@github.com",
  "none@none",
  "unknown@unknown",
  "nobody@nowhere",
]);

/** Email local parts that name a machine account or no one, whatever the domain. */
export const GENERIC_EMAIL_USERS: ReadonlySet<string> = new Set([
  "root",
  "nobody",
  "none",
  "unknown",
  "anonymous",
  "noreply",
  "no-reply",
  "(none)",
]);

/** Names that many unrelated people commit with (compared as name keys). */
export const GENERIC_NAMES: ReadonlySet<string> = new Set([
  "unknown",
  "root",
  "admin",
  "administrator",
  "user",
  "your name",
  "you",
  "name",
  "nobody",
  "none",
  "(none)",
  "no name",
  "anonymous",
  "system",
  "ubuntu",
  "ec2-user",
  "vagrant",
  "git",
  "github",
  "gitlab",
  "localhost",
  "developer",
  "dev",
  "test",
  "build",
  "builder",
]);

/** True when an email key may merge identities: it has a local part and a domain and is not a placeholder. */
export function isMergeableEmail(key: string): boolean {
  const at = key.lastIndexOf("@");
  if (at <= 0 || at === key.length - 1) return false;
  return !GENERIC_EMAILS.has(key) && !GENERIC_EMAIL_USERS.has(key.slice(0, at));
}

/** True when a name key may merge identities: not empty and not a generic account name. */
export function isMergeableName(key: string): boolean {
  return key !== "" && !GENERIC_NAMES.has(key);
}

/** Which email and name keys join identities under a rule; `name` is null when names never join. */
export interface MergeableKeys {
  email: (key: string) => boolean;
  name: ((key: string) => boolean) | null;
}

const isNotEmpty = (key: string): boolean => key !== "";

/**
 * The keys each rule joins on. `avelino2016` joins on any non-empty value, as the reference
 * implementation does (its user name is the upper-cased email, or the name when the email is
 * empty; then every user name sharing an upper-cased non-empty name is joined).
 */
export function mergeableKeys(rule: IdentityRule): MergeableKeys {
  if (rule === "email") return { email: isMergeableEmail, name: null };
  if (rule === "email-or-name") return { email: isMergeableEmail, name: isMergeableName };
  return { email: isNotEmpty, name: isNotEmpty };
}

/**
 * GitHub's no-reply commit address, `12345+login@users.noreply.github.com` (or, for accounts made
 * before July 2017, `login@users.noreply.github.com`): GitHub writes it for one account only.
 */
const GITHUB_NOREPLY =
  /^(?:\d+\+)?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\[bot\])?)@users\.noreply\.github\.com$/;

/** The GitHub login (lower case) of a no-reply address (an email key), else null. */
export function githubLoginOfEmail(key: string): string | null {
  return GITHUB_NOREPLY.exec(key)?.[1] ?? null;
}

/** Whether a name key could be a GitHub login: letters, digits and inner hyphens, no spaces. */
export function isLoginLike(key: string): boolean {
  return /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(key);
}
