import { isPlaceholder, linkTextOnly, stripEmphasis } from "./markdown.js";
import type { DecisionStatus } from "./model.js";
import { extractReferences } from "./references.js";

/** The words each status is written with, matched at the start of the status text. */
const STATUS_WORDS: [DecisionStatus, RegExp][] = [
  ["superseded", /^(?:superseded|superceded)\b/],
  ["proposed", /^(?:proposed|draft|rfc|in review|under review|pending)\b/],
  ["accepted", /^(?:accepted|approved|adopted|done|agreed|decided|implemented)\b/],
  ["rejected", /^(?:rejected|declined|withdrawn)\b/],
  ["deprecated", /^(?:deprecated|retired|obsolete)\b/],
];

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
  const text = stripEmphasis(raw).trim();
  if (isPlaceholder(text) || /\s\|\s/.test(text))
    return { status: "unknown", recognised: false, placeholder: true, supersededBy: [] };
  const words = linkTextOnly(text)
    .toLowerCase()
    .replace(/^[^a-z]+/, "");
  const found = STATUS_WORDS.find(([, pattern]) => pattern.test(words));
  if (!found) return { status: "unknown", recognised: false, placeholder: false, supersededBy: [] };
  const [status] = found;
  const supersededBy =
    status === "superseded" ? extractReferences(text.replace(/^.*?\b(?:by|:)\s*/i, "")) : [];
  return { status, recognised: true, placeholder: false, supersededBy };
}

/** The message for a status no rule recognises. */
export function unrecognisedStatusMessage(raw: string): string {
  return `unrecognised status '${raw}': expected Proposed, Accepted, Rejected, Deprecated or Superseded by …`;
}
