import {
  cleanHeading,
  isPlaceholder,
  type MarkdownDocument,
  paragraphsOf,
  type Section,
  sectionLines,
  sectionsOf,
  stripEmphasis,
  topLevelBullets,
} from "./markdown.js";
import type { DecisionTradeoff } from "./model.js";

type ExecutiveField =
  | "riskReduced"
  | "optionPreserved"
  | "costAccepted"
  | "easierLater"
  | "outcomeProtected";

/** The executive-tradeoff labels legible writes, and the variants it reads back. */
const EXECUTIVE_LABELS: [ExecutiveField, RegExp][] = [
  ["riskReduced", /^risks? reduced$/],
  ["optionPreserved", /^options? preserved$/],
  ["costAccepted", /^costs? accepted$/],
  ["easierLater", /^(?:what becomes )?easier later$/],
  ["outcomeProtected", /^(?:business )?outcomes? protected$/],
];

const LABELLED_LINE = /^\s*(?:[-*+]\s+)?([A-Za-z][A-Za-z ]{2,40}?)\s*[:：]\s*(.*)$/;

/** The tradeoff a record states, from every place a supported format states one. */
export function readTradeoff(doc: MarkdownDocument): DecisionTradeoff {
  const tradeoff: DecisionTradeoff = { ...executiveFields(doc) };
  const accepting = yStatementAccepting(doc);
  if (accepting) tradeoff.accepting = accepting;
  const { good, bad } = consequences(doc);
  if (good.length > 0) tradeoff.goodConsequences = good;
  if (bad.length > 0) tradeoff.badConsequences = bad;
  const sections: [keyof DecisionTradeoff & ("reversibility" | "exitPath" | "revisit"), RegExp][] =
    [
      ["reversibility", /^reversib/i],
      ["exitPath", /^exit path\b/i],
      ["revisit", /^revisit\b/i],
    ];
  for (const [field, title] of sections) {
    const text = sectionText(doc, title);
    if (text) tradeoff[field] = text;
  }
  return tradeoff;
}

/** True when the record states a tradeoff in any of the ways the issue counts. */
export function statesTradeoff(tradeoff: DecisionTradeoff): boolean {
  return (
    EXECUTIVE_LABELS.some(([field]) => tradeoff[field] !== undefined) ||
    tradeoff.accepting !== undefined ||
    (tradeoff.goodConsequences?.length ?? 0) > 0 ||
    (tradeoff.badConsequences?.length ?? 0) > 0
  );
}

function executiveFields(doc: MarkdownDocument): Partial<Record<ExecutiveField, string>> {
  const fields: Partial<Record<ExecutiveField, string>> = {};
  for (const line of doc.lines.slice(doc.bodyStart)) {
    const match = LABELLED_LINE.exec(stripEmphasis(line.prose));
    const label = (match?.[1] ?? "").trim().toLowerCase();
    const field = EXECUTIVE_LABELS.find(([, pattern]) => pattern.test(label))?.[0];
    const value = (match?.[2] ?? "").trim();
    if (field && value !== "" && !isPlaceholder(value) && fields[field] === undefined)
      fields[field] = value;
  }
  return fields;
}

/**
 * The "accepting …" clause of a Y-statement ("In the context of …, facing … we decided for … and
 * neglected …, to achieve …, accepting …"), up to the end of its sentence or a ", because" clause.
 */
function yStatementAccepting(doc: MarkdownDocument): string | null {
  for (const paragraph of paragraphsOf(doc)) {
    const text = stripEmphasis(paragraph.text).replace(/^\s*(?:[-*+>]\s+)+/, "");
    if (!/\bin the context of\b/i.test(text) || !/\bwe\s+(?:decided|decide|chose)\b/i.test(text))
      continue;
    const match = /\baccepting\s+(.+?)(?:,\s*because\b|\.(?:\s|$)|$)/is.exec(text);
    const clause = match?.[1]?.trim();
    if (clause && !isPlaceholder(clause)) return clause;
  }
  return null;
}

/**
 * Good and bad consequences: bullets of "Positive/Negative Consequences" sections (MADR 2,
 * log4brains), "Good, because"/"Bad, because" bullets of any "Consequences" section (MADR 3/4,
 * Nygard records that use them), and the pros and cons of the chosen option (MADR).
 */
function consequences(doc: MarkdownDocument): { good: string[]; bad: string[] } {
  const good: string[] = [];
  const bad: string[] = [];
  const sections = sectionsOf(doc);
  for (const section of sections) {
    const title = cleanHeading(section.heading.title).toLowerCase();
    if (!title.includes("consequences")) continue;
    const items = bulletsOf(doc, section);
    if (/^(?:positive|good)\b/.test(title)) good.push(...items);
    else if (/^(?:negative|bad)\b/.test(title)) bad.push(...items);
    else pushGoodAndBad(items, good, bad);
  }
  const chosen = chosenOptionSection(doc, sections);
  if (chosen) pushGoodAndBad(bulletsOf(doc, chosen), good, bad);
  return { good: unique(good), bad: unique(bad) };
}

function bulletsOf(doc: MarkdownDocument, section: Section): string[] {
  return topLevelBullets(sectionLines(doc, section))
    .map((item) => stripEmphasis(item.text).trim())
    .filter((text) => text !== "" && !isPlaceholder(text));
}

function pushGoodAndBad(items: string[], good: string[], bad: string[]): void {
  for (const item of items) {
    const match = /^(good|bad)\b\s*(?:[,:;-]\s*)?(?:because\b\s*)?(.*)$/i.exec(item);
    const text = (match?.[2] ?? "").trim();
    if (!match?.[1] || text === "" || isPlaceholder(text)) continue;
    (match[1].toLowerCase() === "good" ? good : bad).push(text);
  }
}

/** The "Pros and Cons of the Options" subsection of the option named by "Chosen option: …". */
function chosenOptionSection(doc: MarkdownDocument, sections: Section[]): Section | undefined {
  const name = chosenOptionName(doc);
  if (!name) return undefined;
  const prosAndCons = sections.find((s) => /^pros and cons\b/i.test(cleanHeading(s.heading.title)));
  if (!prosAndCons) return undefined;
  return sections.find(
    (s) =>
      s.heading.index > prosAndCons.heading.index &&
      s.heading.index < prosAndCons.end &&
      normaliseOption(cleanHeading(s.heading.title)) === name,
  );
}

function chosenOptionName(doc: MarkdownDocument): string | null {
  for (const line of doc.lines.slice(doc.bodyStart)) {
    const match = /^\s*chosen option\s*:\s*(.+)$/i.exec(stripEmphasis(line.prose));
    if (!match?.[1]) continue;
    const rest = match[1].trim();
    const quoted = /^["“'`](.+?)["”'`]/.exec(rest);
    const name = quoted?.[1] ?? rest.split(/,\s*because\b/i)[0] ?? "";
    return isPlaceholder(name) ? null : normaliseOption(name);
  }
  return null;
}

function normaliseOption(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`"“”]/g, "")
    .replace(/[.:]+$/, "")
    .trim()
    .toLowerCase();
}

/** A section's text without its prompt comments and template placeholders; null when empty. */
function sectionText(doc: MarkdownDocument, title: RegExp): string | null {
  const section = sectionsOf(doc).find((s) => title.test(cleanHeading(s.heading.title)));
  if (!section) return null;
  const lines = sectionLines(doc, section)
    .map((line) => line.prose.trim())
    .filter((text) => text !== "" && !isPlaceholder(text));
  return lines.length > 0 ? lines.join("\n") : null;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
