import { stringify } from "yaml";
import { addSupersedes } from "./add-supersedes.js";
import { isCalendarDate, numberOf } from "./file-names.js";
import type { DecisionStatus } from "./model.js";

/** What a new record starts with. */
export interface NewDecision {
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Default "proposed". */
  status?: DecisionStatus;
  decisionMakers?: string[];
  /** Records the new one supersedes (each gets a "Supersedes" link under the title). */
  supersedes?: { id: string; title: string; fileName: string }[];
}

/** legible's sections in order, each with the one-line prompt shown in the new record. */
const SECTIONS: [heading: string, prompt: string, body?: string[]][] = [
  [
    "Context and Problem Statement",
    "What is happening and which question this decision answers, in two or three sentences.",
  ],
  ["Considered Options", "One bullet per option, including doing nothing."],
  ["Decision Outcome", 'Chosen option: "…", because … (which need or constraint it meets best).'],
  [
    "Executive tradeoff",
    "In business terms: complete each line, and leave a line empty rather than guess.",
    [
      "- Risk reduced:",
      "- Option preserved:",
      "- Cost accepted:",
      "- Easier later:",
      "- Business outcome protected:",
    ],
  ],
  [
    "Reversibility",
    "How hard and how costly undoing this would be, and what undoing it would take.",
  ],
  [
    "Exit path: who else can explain this decision",
    "People besides the decision-makers who can explain and defend this decision.",
  ],
  ["Revisit by", "A date (YYYY-MM-DD) to check this decision against its outcome."],
];

/**
 * A new record in legible's format: MADR 4 front matter (status, date, decision-makers,
 * consulted, informed) plus `areas: []`, then legible's sections, each with a one-line prompt in
 * an HTML comment. The "Executive tradeoff" labels are the ones `parseDecision` reads back, so a
 * fresh record parses as format "legible" with `statesTradeoff` false until they are filled.
 * Superseded records are linked under the title, as `addSupersedes` does.
 * `date` is YYYY-MM-DD; anything else throws a RangeError.
 */
export function renderNewDecision(input: NewDecision): string {
  if (!isCalendarDate(input.date))
    throw new RangeError(`date '${input.date}' is not a YYYY-MM-DD date`);
  const lines = [
    "---",
    `status: ${input.status ?? "proposed"}`,
    `date: ${input.date}`,
    `decision-makers: ${flowList(input.decisionMakers ?? [])}`,
    "consulted: []",
    "informed: []",
    "areas: []",
    "---",
    "",
    `# ${input.title.replace(/\s+/g, " ").trim()}`,
    "",
  ];
  for (const [heading, prompt, body] of SECTIONS) {
    lines.push(`## ${heading}`, "", `<!-- ${prompt} -->`, "");
    if (body) lines.push(...body, "");
  }
  let text = lines.join("\n");
  for (const old of input.supersedes ?? []) {
    text = addSupersedes(text, { ...old, number: numberOf(old.id) });
  }
  return text;
}

function flowList(items: string[]): string {
  return stringify(items, { collectionStyle: "flow", flowCollectionPadding: false }).trim();
}
