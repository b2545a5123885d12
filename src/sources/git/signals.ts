import { type CommitSignal, TRAILER_KINDS, type TrailerKind } from "../../core/model.js";

/**
 * Commit-message signals read during the commit walk: review and help trailers (`Reviewed-by`,
 * `Acked-by`, `Tested-by`, `Helped-by`, `Mentored-by`, `Suggested-by`, `Reported-by`), parsed by
 * git itself (`%(trailers)`, folded lines unfolded), and the commits a revert names ("This reverts
 * commit <sha>", a line of the body as `git revert` writes it).
 *
 * The field is one token of the `-z` log: it starts with SIGNAL_MARK (no commit id starts with it)
 * and holds no NUL (git prints none from a message): the trailers separated by \x01, then \x03,
 * then the body. Only the revert lines of the body are kept.
 */
export const SIGNAL_MARK = "\x02";

const TRAILERS = TRAILER_KINDS.map((kind) => `key=${kind}`).join(",");

/** The log format of the signal field (appended to commits.ts's FORMAT). */
export const SIGNAL_FORMAT = `%x02%(trailers:${TRAILERS},unfold,separator=%x01)%x03%b`;

const KINDS: ReadonlySet<string> = new Set(TRAILER_KINDS);
const REVERTS = /^This reverts commit ([0-9a-f]{7,64})\b/gm;

/** The signals in one field printed by SIGNAL_FORMAT (with or without its leading mark). */
export function parseSignals(field: string): CommitSignal[] {
  const text = field.startsWith(SIGNAL_MARK) ? field.slice(1) : field;
  const split = text.indexOf("\x03");
  const trailers = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? "" : text.slice(split + 1);
  const signals: CommitSignal[] = [];
  for (const line of trailers.split("\x01")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const kind = line.slice(0, colon).trim().toLowerCase();
    if (!KINDS.has(kind)) continue;
    const person = trailerPerson(line.slice(colon + 1));
    if (person) signals.push({ kind: kind as TrailerKind, person });
  }
  if (body.includes("This reverts commit")) {
    const seen = new Set<string>();
    for (const match of body.matchAll(REVERTS)) {
      const sha = match[1]!;
      if (!seen.has(sha)) signals.push({ kind: "reverts", sha });
      seen.add(sha);
    }
  }
  return signals;
}

/**
 * "Name <email>" → both; a bare name ("Reviewed-by: Jeff King") → the name with no email; an
 * email alone ("<a@x>" or "a@x") → the email with no name. Empty values are no one.
 */
export function trailerPerson(value: string): { name: string; email: string } | null {
  const text = value.trim();
  if (text === "") return null;
  const bracketed = /^(.*?)\s*<([^<>]*)>/.exec(text);
  if (bracketed) {
    const name = bracketed[1]!.trim().replace(/^"(.*)"$/, "$1");
    const email = bracketed[2]!.trim();
    return name === "" && email === "" ? null : { name, email };
  }
  if (/^\S+@\S+$/.test(text)) return { name: "", email: text };
  return { name: text, email: "" };
}
