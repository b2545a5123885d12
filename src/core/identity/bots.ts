/**
 * Bot detection: an identity is a bot when its name or its email matches one of a list of
 * case-insensitive regular expressions.
 */
import type { RawIdentity } from "../model.js";

/**
 * Regular-expression sources (compiled case-insensitively) for well-known automation accounts.
 * Each is matched against the name and against the email separately.
 */
export const DEFAULT_BOT_PATTERNS: string[] = [
  // GitHub App accounts: "dependabot[bot]", "12345+renovate[bot]@users.noreply.github.com".
  "\\[bot\\]",
  // "bot"/"robot" as a whole name, or joined by "-"/"_": "snyk-bot", "k8s-ci-robot",
  // "bot@renovateapp.com". Spaces and dots do not count, so a person surnamed Bot
  // ("Ioana Bot", "ioana.bot@example.ro") is not caught.
  "(^|[-_])(ro)?bot([-_@]|$)",
  "\\bdependabot",
  "\\brenovate(bot|app)?\\b",
  "\\bgithub[- ]actions?\\b",
  "^actions?@github\\.com$",
  "\\bgreenkeeper",
  "\\bsnyk[- ]?bot\\b",
  "\\bmergify\\b",
  "\\bpre-commit-ci\\b",
  "\\bimgbot",
  "\\ball-?contributors\\b",
  "\\bsemantic-release-bot\\b",
  "\\bcodecov",
  "\\bdeepsource",
  "\\bwhitesource",
  "\\bmend[- ](bolt|renovate)",
  "\\bpyup[-.]?bot\\b",
  "^github-bot@pyup\\.io$",
  "\\btravis[- ]ci\\b",
  "\\bgitlab[- ]ci\\b",
  "\\bweblate\\b",
  "\\bcrowdin",
  "\\btransifex",
  "\\bjenkins[- ]ci\\b",
  "^jenkins$",
  "\\bautofix-ci\\b",
  "\\bcopilot-swe-agent\\b",
];

/**
 * AI coding assistants that co-author commits (`Co-authored-by:` trailers), recognised by the
 * addresses they sign with, never by name: "Claude <noreply@anthropic.com>" is the assistant,
 * "Claude <claude@acme.fr>" a person. Kept out of people like bots (`bots.assistants`).
 */
export const DEFAULT_ASSISTANT_PATTERNS: string[] = [
  // Claude Code: "Claude <noreply@anthropic.com>", "Claude Opus 4 <noreply@anthropic.com>".
  "^noreply@anthropic\\.com$",
  // GitHub Copilot's coding agent: "Copilot <175728472+Copilot@users.noreply.github.com>".
  "^\\d+\\+copilot@users\\.noreply\\.github\\.com$",
  "^copilot@github\\.com$",
  // Cursor: "Cursor Agent <cursoragent@cursor.com>".
  "^cursoragent@cursor\\.com$",
  // OpenAI Codex: "Codex <noreply@openai.com>".
  "^noreply@openai\\.com$",
  // Gemini CLI: "Gemini CLI <noreply@google.com>".
  "^noreply@google\\.com$",
  // aider: "aider (gpt-4o) <noreply@aider.chat>".
  "^noreply@aider\\.chat$",
  // Windsurf (Codeium): "Windsurf <noreply@codeium.com>".
  "^noreply@codeium\\.com$",
  // OpenHands: "openhands <openhands@all-hands.dev>".
  "^openhands@all-hands\\.dev$",
];

/** Thrown when a bot pattern is not a valid regular expression. */
export class BotPatternError extends Error {
  override readonly name = "BotPatternError";

  constructor(
    /** The pattern source that failed to compile. */
    readonly pattern: string,
    reason: string,
  ) {
    super(`invalid bot pattern '${pattern}': ${reason}`);
  }
}

/** Compiles pattern sources case-insensitively; throws {@link BotPatternError} on the first bad one. */
export function compileBotPatterns(sources: readonly string[]): RegExp[] {
  return sources.map((source) => {
    try {
      return new RegExp(source, "i");
    } catch (error) {
      throw new BotPatternError(source, error instanceof Error ? error.message : String(error));
    }
  });
}

/**
 * True when the identity's name or email matches any pattern. Uses `String.search`, so a
 * pattern carrying the `g` flag gives the same answer on every call (no `lastIndex` state).
 */
export function isBot(identity: RawIdentity, patterns: readonly RegExp[]): boolean {
  const one = joined(patterns);
  if (one) return one.test(identity.name) || one.test(identity.email);
  return patterns.some(
    (pattern) => identity.name.search(pattern) !== -1 || identity.email.search(pattern) !== -1,
  );
}

/** Each pattern list joined into one expression, or null where it cannot be. */
const joinedPatterns = new WeakMap<readonly RegExp[], RegExp | null>();

/**
 * One expression that matches where any of `patterns` matches (an alternation of them): a fourth
 * of the time of trying each in turn over a history's identities. Null when they cannot be joined
 * without changing what they mean: different flags, a back-reference (its group number would
 * shift), or names a group twice. Without the `g` and `y` flags, `test` keeps no state.
 */
function joined(patterns: readonly RegExp[]): RegExp | null {
  const known = joinedPatterns.get(patterns);
  if (known !== undefined) return known;
  const flagsOf = (pattern: RegExp) => pattern.flags.replace(/[gy]/g, "");
  const flags = patterns[0] ? flagsOf(patterns[0]) : "";
  let one: RegExp | null = null;
  const joinable =
    patterns.length > 1 &&
    patterns.every((p) => flagsOf(p) === flags && !/\\[1-9]|\\k</.test(p.source));
  if (joinable) {
    try {
      one = new RegExp(patterns.map((p) => `(?:${p.source})`).join("|"), flags);
    } catch {
      one = null; // a group named twice
    }
  }
  joinedPatterns.set(patterns, one);
  return one;
}
