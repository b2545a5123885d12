import type { Decision, DecisionStatus } from "../core/decisions/index.js";
import { mdCell } from "./format.js";

/** `decide log --format json`: the decisions as parsed and resolved. */
export interface DecisionLogJson {
  version: 1;
  decisions: Decision[];
}

/** The formats `decide log --format` offers. */
export type DecisionLogFormat = "md" | "html" | "json";

const STATUS_ORDER: DecisionStatus[] = [
  "accepted",
  "proposed",
  "rejected",
  "deprecated",
  "superseded",
  "unknown",
];
const COLUMNS = ["ID", "Title", "Status", "Date", "Decision makers", "States tradeoff"];
const DEFAULT_TITLE = "Decision log";
const HTML_NOTE =
  "The diagrams below are Mermaid sources: they render as diagrams where Mermaid is available (a Markdown viewer or documentation site that supports it) and read as text elsewhere. This page loads no scripts.";

/**
 * A decision log, decisions in the order given: an index table (id, title, status, date,
 * decision makers, whether the record states its tradeoff), a Mermaid flowchart of supersession
 * chains, a Mermaid timeline of decisions by month, and the records' warnings.
 * `md` is Markdown; `html` a self-contained page (no scripts, no network) with the Mermaid
 * sources in `<pre class="mermaid">` blocks; `json` is `DecisionLogJson`.
 */
export function decisionLog(
  decisions: Decision[],
  format: DecisionLogFormat,
  options: { title?: string },
): string {
  const title = options.title ?? DEFAULT_TITLE;
  switch (format) {
    case "json":
      return `${JSON.stringify({ version: 1, decisions } satisfies DecisionLogJson, null, 2)}\n`;
    case "html":
      return decisionLogHtml(decisions, title);
    case "md":
      return decisionLogMarkdown(decisions, title);
  }
}

function decisionLogMarkdown(decisions: Decision[], title: string): string {
  const out = [`# ${title}`, "", summary(decisions), ""];
  if (decisions.length === 0) return `${out.join("\n").trimEnd()}\n`;
  out.push(`| ${COLUMNS.join(" | ")} |`, `|${COLUMNS.map(() => "---").join("|")}|`);
  for (const row of tableRows(decisions)) out.push(`| ${row.map(mdCell).join(" | ")} |`);
  out.push("", "## Supersession chains", "");
  const chains = supersessionFlowchart(decisions);
  out.push(chains ? fenced(chains) : "No record supersedes another.", "");
  out.push("## Decisions over time", "", fenced(timeline(decisions)), "");
  const undated = undatedNote(decisions);
  if (undated) out.push(undated, "");
  const problems = problemLines(decisions);
  if (problems.length > 0) {
    out.push("## Records with problems", "");
    for (const problem of problems) out.push(`- \`${problem.where}\`: ${problem.message}`);
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function decisionLogHtml(decisions: Decision[], title: string): string {
  const body = [`<h1>${html(title)}</h1>`, `<p>${html(summary(decisions))}</p>`];
  if (decisions.length > 0) {
    body.push(
      "<table>",
      `<thead><tr>${COLUMNS.map((c) => `<th>${html(c)}</th>`).join("")}</tr></thead>`,
      "<tbody>",
      ...tableRows(decisions).map(
        (row, i) =>
          `<tr class="status-${decisions[i]?.status}">${row.map((cell) => `<td>${html(cell)}</td>`).join("")}</tr>`,
      ),
      "</tbody>",
      "</table>",
      `<p class="note">${html(HTML_NOTE)}</p>`,
      "<h2>Supersession chains</h2>",
    );
    const chains = supersessionFlowchart(decisions);
    body.push(chains ? mermaidBlock(chains) : "<p>No record supersedes another.</p>");
    body.push("<h2>Decisions over time</h2>", mermaidBlock(timeline(decisions)));
    const undated = undatedNote(decisions);
    if (undated) body.push(`<p>${html(undated)}</p>`);
    const problems = problemLines(decisions);
    if (problems.length > 0) {
      body.push("<h2>Records with problems</h2>", "<ul>");
      for (const p of problems)
        body.push(`<li><code>${html(p.where)}</code>: ${html(p.message)}</li>`);
      body.push("</ul>");
    }
  }
  return `${[
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${html(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    ...body,
    "</body>",
    "</html>",
  ].join("\n")}\n`;
}

const STYLE = [
  "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328}",
  "table{border-collapse:collapse;width:100%}",
  "th,td{border:1px solid #d0d7de;padding:.35rem .6rem;text-align:left;vertical-align:top}",
  "th{background:#f6f8fa}",
  "tr.status-superseded td,tr.status-deprecated td,tr.status-rejected td{color:#6e7781}",
  "pre.mermaid{background:#f6f8fa;padding:1rem;overflow:auto}",
  ".note{color:#57606a;font-size:.9rem}",
].join("");

/** "5 decision records: 3 accepted, 2 superseded; 2 state their tradeoff." */
function summary(decisions: Decision[]): string {
  if (decisions.length === 0) return "No decision records.";
  const counts = STATUS_ORDER.flatMap((status) => {
    const count = decisions.filter((d) => d.status === status).length;
    return count > 0 ? [`${count} ${status}`] : [];
  });
  const stating = decisions.filter((d) => d.statesTradeoff).length;
  const records = decisions.length === 1 ? "decision record" : "decision records";
  const verb = stating === 1 ? "states its" : "state their";
  return `${decisions.length} ${records}: ${counts.join(", ")}; ${stating} ${verb} tradeoff.`;
}

function tableRows(decisions: Decision[]): string[][] {
  return decisions.map((d) => [
    d.id,
    d.title,
    d.status,
    d.date ?? "—",
    decisionMakersText(d) || "—",
    d.statesTradeoff ? "yes" : "no",
  ]);
}

/**
 * The decision-makers as a record names them; one taken from git is marked as such, since the
 * author of the commit that created the record wrote it down but did not necessarily decide:
 * "Greta Holm (from git: wrote the record)". Empty when there is no one.
 */
export function decisionMakersText(
  decision: Pick<Decision, "decisionMakers" | "decisionMakersSource">,
): string {
  const names = decision.decisionMakers.join(", ");
  return decision.decisionMakersSource === "git" && names !== ""
    ? `${names} (from git: wrote the record)`
    : names;
}

/** Old → new edges of supersession; null when no record supersedes another. */
function supersessionFlowchart(decisions: Decision[]): string | null {
  const edges = new Map<string, { older: string; newer: string }>();
  for (const d of decisions) {
    for (const older of d.supersedes) edges.set(`${older}\n${d.id}`, { older, newer: d.id });
    for (const newer of d.supersededBy) edges.set(`${d.id}\n${newer}`, { older: d.id, newer });
  }
  if (edges.size === 0) return null;
  const byId = new Map(decisions.map((d) => [d.id, d]));
  const nodes = new Map<string, string>();
  const lines = ["flowchart LR"];
  const node = (id: string): string => {
    const existing = nodes.get(id);
    if (existing) return existing;
    const name = `d${nodes.size}`;
    nodes.set(id, name);
    const decision = byId.get(id);
    const label = decision
      ? `${id}<br/>${decision.title}<br/>${decision.status}`
      : `${id}<br/>(not found)`;
    lines.push(`  ${name}["${flowchartText(label)}"]`);
    return name;
  };
  const edgeLines = [...edges.values()].map(
    ({ older, newer }) => `  ${node(older)} -- superseded by --> ${node(newer)}`,
  );
  lines.push(...edgeLines);
  const inactive = [...nodes]
    .filter(([id]) => byId.get(id)?.status !== "accepted" && byId.get(id)?.status !== "proposed")
    .map(([, name]) => name);
  if (inactive.length > 0)
    lines.push(
      "  classDef inactive fill:#f6f8fa,stroke:#8c959f,color:#57606a",
      `  class ${inactive.join(",")} inactive`,
    );
  return lines.join("\n");
}

/** Decisions by month of their date, oldest first. */
function timeline(decisions: Decision[]): string {
  const dated = decisions
    .filter((d): d is Decision & { date: string } => d.date !== null)
    .sort(
      (a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id, "en", { numeric: true }),
    );
  const lines = ["timeline", "  title Decisions over time"];
  let month = "";
  for (const d of dated) {
    const event = timelineText(
      `${d.number !== null ? `${d.number}. ` : ""}${d.title} (${d.status})`,
    );
    if (d.date.slice(0, 7) === month) lines.push(`    : ${event}`);
    else {
      month = d.date.slice(0, 7);
      lines.push(`  ${month} : ${event}`);
    }
  }
  if (dated.length === 0) lines.push("  undated : no record has a date");
  return lines.join("\n");
}

function undatedNote(decisions: Decision[]): string | null {
  const undated = decisions.filter((d) => d.date === null).map((d) => d.id);
  if (undated.length === 0) return null;
  return `Not on the timeline (no date): ${undated.join(", ")}.`;
}

function problemLines(decisions: Decision[]): { where: string; message: string }[] {
  return decisions.flatMap((d) =>
    d.warnings.map((w) => ({ where: `${d.path}:${w.line}`, message: w.message })),
  );
}

function fenced(mermaid: string): string {
  return `\`\`\`mermaid\n${mermaid}\n\`\`\``;
}

function mermaidBlock(mermaid: string): string {
  return `<pre class="mermaid">\n${html(mermaid)}\n</pre>`;
}

/** Text inside a quoted flowchart label: quotes and angle brackets as Mermaid entity codes. */
function flowchartText(text: string): string {
  return text
    .replace(/"/g, "#quot;")
    .replace(/<(?!br\/>)/g, "#60;")
    .replace(/(?<!<br\/)>/g, "#62;");
}

/** Timeline event text: ":" separates events and ";" ends a statement, so both become entity codes. */
function timelineText(text: string): string {
  return text.replace(/;/g, "#59;").replace(/:/g, "#58;").replace(/\s+/g, " ");
}

function html(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
