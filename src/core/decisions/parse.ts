import { decisionIdOf, numberOf } from "./file-names.js";
import { detectFormat } from "./format.js";
import { type FrontMatter, readFrontMatter } from "./front-matter.js";
import { type MarkdownDocument, scanMarkdown } from "./markdown.js";
import { readMentions } from "./mentions.js";
import { readMetadata } from "./metadata.js";
import type { Decision, DecisionFormat, DecisionWarning } from "./model.js";
import { readParticipantFields } from "./participants.js";
import { dateOnlyLine, readDate, readNames } from "./people-and-dates.js";
import { readStatus } from "./read-status.js";
import { rememberReferenceLines } from "./reference-lines.js";
import { readSupersession } from "./supersession.js";
import { readTitle } from "./title.js";
import { readTradeoff, statesTradeoff } from "./tradeoff.js";

export { isDecisionFile } from "./file-names.js";
export { resolveReferences } from "./resolve.js";

/**
 * Reads one decision record in any supported format. Never throws: anything it cannot read
 * becomes a warning with the line where it looked and what it expected.
 */
export function parseDecision(input: { path: string; text: string }): Decision {
  try {
    return readDecision(input);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ...emptyDecision(input.path),
      warnings: [{ line: 1, message: `could not be read: ${reason}` }],
    };
  }
}

function readDecision({ path, text }: { path: string; text: string }): Decision {
  const warnings: DecisionWarning[] = [];
  const id = decisionIdOf(path);
  const doc = scanMarkdown(text);
  const frontMatter = readFrontMatter(doc, warnings);
  const title = readTitle(doc, frontMatter, id, warnings);
  const metadata = readMetadata(doc, title.index);
  const format = detectFormat({ doc, frontMatter, metadata, id });
  if (format === "unknown" && text.trim() !== "")
    warnings.push({
      line: title.line,
      message:
        "not a recognised decision record: expected a '## Status' section, 'status:' front matter or a '* Status:' line",
    });
  const status = readStatus(
    { doc, frontMatter, metadata, format, titleLine: title.line },
    warnings,
  );
  const supersession = readSupersession(doc, frontMatter, status.supersededBy);
  const tradeoff = readTradeoff(doc);
  const decisionMakers = readNames(
    ["decision-makers", "deciders"],
    "deciders",
    frontMatter,
    metadata,
    warnings,
  );
  const participantFields = readParticipantFields(frontMatter, metadata);
  const decision: Decision = {
    id,
    number: numberOf(id),
    title: title.text,
    status: status.status,
    rawStatus: status.raw,
    date: readDate(frontMatter, metadata, warnings, dateUnderTitle(doc, title.index)),
    path,
    format,
    supersedes: supersession.supersedes.map((r) => r.reference),
    supersededBy: supersession.supersededBy.map((r) => r.reference),
    decisionMakers,
    decisionMakersSource: decisionMakers.length > 0 ? "record" : null,
    consulted: readNames(["consulted"], "consulted", frontMatter, metadata, warnings),
    informed: readNames(["informed"], "informed", frontMatter, metadata, warnings),
    participantFields,
    recordsParticipants: participantFields.length > 0,
    declaredAreas: readAreas(frontMatter, warnings),
    mentions: readMentions(doc, path),
    tradeoff,
    statesTradeoff: statesTradeoff(tradeoff),
    warnings: sortWarnings(warnings),
  };
  rememberReferenceLines(decision, [...supersession.supersedes, ...supersession.supersededBy]);
  return decision;
}

/** A line under the title, before any section, that holds only a date ("June 19, 2018"). */
function dateUnderTitle(doc: MarkdownDocument, titleIndex: number | null): string | null {
  if (titleIndex === null) return null;
  const start = titleIndex + 1;
  const next = doc.headings.find((h) => h.index >= start);
  for (const line of doc.lines.slice(start, next ? next.index : doc.lines.length)) {
    if (line.prose.trim() === "") continue;
    const date = dateOnlyLine(line.prose);
    if (date) return date;
  }
  return null;
}

function readAreas(frontMatter: FrontMatter, warnings: DecisionWarning[]): string[] {
  return readNames(["areas"], null, frontMatter, new Map(), warnings);
}

function emptyDecision(path: string): Decision {
  const id = decisionIdOf(path);
  return {
    id,
    number: numberOf(id),
    title: id,
    status: "unknown",
    rawStatus: null,
    date: null,
    path,
    format: "unknown" satisfies DecisionFormat,
    supersedes: [],
    supersededBy: [],
    decisionMakers: [],
    decisionMakersSource: null,
    consulted: [],
    informed: [],
    participantFields: [],
    recordsParticipants: false,
    declaredAreas: [],
    mentions: [],
    tradeoff: {},
    statesTradeoff: false,
    warnings: [],
  };
}

function sortWarnings(warnings: DecisionWarning[]): DecisionWarning[] {
  return [...warnings].sort((a, b) => a.line - b.line);
}
