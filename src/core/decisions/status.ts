import { isPlaceholder, linkTextOnly, stripEmphasis, unbracket } from "./markdown.js";
import type { DecisionStatus } from "./model.js";
import { extractReferences } from "./references.js";

/** The words each status is written with, matched at the start of the status text. */
const STATUS_WORDS: [DecisionStatus, RegExp][] = [
  [
    "superseded",
    /^(?:(?:partly|partially|in part)\s+)?(?:superseded|superceded|overridden|replaced)\b/,
  ],
  ["proposed", /^(?:proposed|proposal|draft|rfc|in review|under review|pending|undecided)\b/],
  [
    "accepted",
    /^(?:(?:partly|partially)\s+)?(?:accepted|approved|adopted|done|agreed|decided|implemented)\b/,
  ],
  ["rejected", /^(?:rejected|declined|withdrawn)\b/],
  ["deprecated", /^(?:deprecated|retired|obsolete|reverted)\b/],
];

/** "Accepted or Rejected", "proposed / accepted": the template's choice left in place. */
const CHOICE = new RegExp(
  `^(?:${STATUS_WORDS.map(([, pattern]) => pattern.source.slice(1).replace(/\\b$/, "")).join("|")})\\s*(?:\\bor\\b|/)\\s*[a-z]+\\s*$`,
);

/** What a status text says. */
export interface ReadStatus {
  status: DecisionStatus;
  /** False when no known status word starts the text. */
  recognised: boolean;
  /** True for an unfilled template value such as "[proposed | accepted | …]". */
  placeholder: boolean;
  /** The records named after "superseded by". */
  supersededBy: string[];
}

/** Normalises a status as written ("Accepted", "superseded by [ADR-5](0005-x.md)", "Draft"). */
export function normaliseStatus(raw: string): ReadStatus {
  const text = unbracket(stripEmphasis(raw));
  const all = linkTextOnly(text).toLowerCase();
  // "Proposed, accepted, reconsidered, and ultimately reverted": the last word is the status now.
  const statusNow = /\b(?:ultimately|finally|eventually|now)\s+([a-z]+)/.exec(all)?.[1];
  const words = (statusNow ?? all).replace(/^[^a-z]+/, "").trim();
  if (isPlaceholder(text) || /\s\|\s/.test(text) || CHOICE.test(words))
    return { status: "unknown", recognised: false, placeholder: true, supersededBy: [] };
  const found = STATUS_WORDS.find(([, pattern]) => pattern.test(words));
  if (!found) return { status: "unknown", recognised: false, placeholder: false, supersededBy: [] };
  const [status] = found;
  const supersededBy =
    status === "superseded" ? extractReferences(text.replace(/^.*?\b(?:by|:)\s*/i, "")) : [];
  // "Reverted by [discussion #1198](…)": who reverted it is not a record that supersedes it.
  return { status, recognised: true, placeholder: false, supersededBy };
}

/** The message for a status no rule recognises. */
export function unrecognisedStatusMessage(raw: string): string {
  return `unrecognised status '${raw}': expected Proposed, Accepted, Rejected, Deprecated or Superseded by …`;
}
