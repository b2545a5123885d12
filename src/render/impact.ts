import type {
  EvidenceLink,
  Fact,
  ImpactPacket,
  ImpactStatement,
  LadderCriterionMapping,
} from "../core/impact/index.js";
import { LEVERAGE_TYPES } from "../core/model.js";
import { mdCell as md, plural } from "./format.js";
import { markdownCode } from "./markdown.js";

// Every text from the records (names, titles, areas, links, reasons) is escaped for Markdown: a
// name or a title can never become markup, a link or a script.
const fact = (f: Fact): string => (f.blank ? `**[fill in]** _${md(f.prompt)}_` : md(f.text));
const links = (items: EvidenceLink[], max = 8, inTable = false): string =>
  items.length === 0
    ? "none in the records"
    : `${items
        .slice(0, max)
        .map((e) => markdownCode(e.link, inTable))
        .join(", ")}${items.length > max ? ` and ${items.length - max} more` : ""}`;

function statement(s: ImpactStatement): string[] {
  return [
    `### ${md(s.title)}`,
    "",
    `- **Problem:** ${fact(s.problem)}`,
    `- **Decision:** ${fact(s.decision)}`,
    `- **Tradeoff:** ${fact(s.tradeoff)}`,
    `- **Outcome:** ${fact(s.outcome)}`,
    `- **Your role:** ${s.role}; leverage: ${s.leverage.join(", ") || "execution"}`,
    `- **Evidence:** ${links(s.evidence)}`,
    "",
  ];
}

/** A ladder criterion's evidence cell: each record with the rule it matched, or what is missing. */
function criterionCell(c: LadderCriterionMapping): string {
  if (c.status === "needs your words")
    return "**needs your words** — the records cannot show this; **[fill in]** an example in your own words";
  if (c.status === "not demonstrated yet")
    return `**not demonstrated yet** — no record of its kind (${c.rules.map((r) => r.description.replace(/\.$/, "").toLowerCase()).join("; ")})`;
  const shown = c.evidence
    .slice(0, 3)
    .map((e) => `${markdownCode(e.link, true)} (${md(e.rule)}: ${md(e.because)})`);
  const more = c.matched - shown.length;
  return `${shown.join("; ")}${more > 0 ? ` and ${more} more` : ""}`;
}

/** The impact packet in Markdown: the view picks the packet, the brag document or the promotion packet. */
export function impactMarkdown(
  packet: ImpactPacket,
  view: "packet" | "brag" | "promotion",
): string {
  const out: string[] = [];
  const period = `${packet.period.since.slice(0, 10)} to ${packet.period.until.slice(0, 10)}`;
  if (view === "brag") {
    out.push(`# Brag document: ${md(packet.person.name)}, ${period}`, "");
    out.push("## Goals", "", fact(packet.brag.goals), "", "## Projects and their impact", "");
    for (const s of packet.brag.projects) out.push(...statement(s));
    out.push("## Collaboration and mentorship", "", links(packet.brag.collaboration, 20), "");
    if (packet.diffusion.length > 0)
      for (const d of packet.diffusion)
        out.push(`- ${md(d.area)}: new active authors ${d.newAuthors.length}`);
    out.push(
      "",
      "## Design and documentation",
      "",
      links(packet.brag.designAndDocumentation, 20),
      "",
      "## What I learned",
      "",
      fact(packet.brag.learned),
      "",
    );
  } else if (view === "promotion") {
    out.push(
      `# Promotion packet: ${md(packet.person.name)}, ${period}`,
      "",
      "## Strongest projects",
      "",
    );
    for (const s of packet.promotion.strongest) out.push(...statement(s));
    out.push(
      "## Glue work (coordination and capability)",
      "",
      links(packet.promotion.glueWork, 20),
      "",
      "## Gaps: what I am not demonstrating yet",
      "",
    );
    if (packet.promotion.gaps.length === 0)
      out.push(
        packet.ladder
          ? "Every criterion the records can show has evidence."
          : "No ladder level chosen (--level).",
      );
    for (const g of packet.promotion.gaps) out.push(`- ${md(g.text)}`);
    out.push("");
    if (packet.promotion.needsWords.length > 0) {
      out.push(
        "## In my own words: criteria the records cannot show",
        "",
        ...packet.promotion.needsWords.map(
          (g) => `- ${md(g.text.replace(/\.$/, ""))}: **[fill in]**`,
        ),
        "",
      );
    }
  } else {
    out.push(`# Impact packet: ${md(packet.person.name)}, ${period}`, "");
    out.push(
      "This packet is for you. legible fills in only what the records prove; every **[fill in]** is a figure the records cannot prove (latency saved, incidents avoided, money): yours to add, never estimated.",
      "",
    );
    out.push("## Scope", "");
    out.push(
      `${plural(packet.scope.areas.length, "area")} (${packet.scope.areas.slice(0, 10).map(md).join(", ")}${packet.scope.areas.length > 10 ? ", ..." : ""}) in ${packet.scope.repositories.map(md).join(", ") || "no repository"}; teams reached: ${packet.scope.teamsReached.map(md).join(", ") || "none recorded"}. Observed scope: **${packet.scope.observed}** (${md(packet.scope.because)})${packet.ladder?.expectedScope ? `; the ladder expects **${packet.ladder.expectedScope}** at ${packet.ladder.levelName}` : ""}.`,
      "",
    );
    out.push("## Leverage mix", "", "| Type | Contributions | Evidence (why) |", "|---|--:|---|");
    for (const type of LEVERAGE_TYPES) {
      const m = packet.leverage[type];
      out.push(
        `| ${type} | ${m.count} | ${m.evidence
          .slice(0, 3)
          .map((e) => `${markdownCode(e.link, true)}: ${md(e.because)}`)
          .join("; ")} |`,
      );
    }
    out.push("", "## Impact statements", "");
    for (const s of packet.statements) out.push(...statement(s));
    if (packet.ladder) {
      out.push(
        `## Ladder: ${packet.ladder.levelName} (${packet.ladder.track} track, ${packet.ladder.ladder})`,
        "",
        "| Criterion | Evidence |",
        "|---|---|",
      );
      for (const c of packet.ladder.criteria) out.push(`| ${md(c.text)} | ${criterionCell(c)} |`);
      out.push(
        "",
        "Evidence is matched by criterion: a record counts only when it matches one of the criterion's evidence rules (`legible ladder show` lists them). _Needs your words_ marks behaviour the records cannot show.",
        "",
      );
    }
  }
  if (packet.missing.length > 0)
    out.push(`_Not in the records: ${md(packet.missing.join("; "))}._`, "");
  return `${out.join("\n").trimEnd()}\n`;
}

/** A self-contained HTML page of the Markdown (no scripts, no network). */
export function impactHtml(packet: ImpactPacket, view: "packet" | "brag" | "promotion"): string {
  const escapeHtml = (text: string) =>
    text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const body = impactMarkdown(packet, view)
    .split("\n")
    .map((line) => {
      // The Markdown escapes every text from the records; its backslash escapes are undone last,
      // after the markup of legible's own text has been found.
      const e = escapeHtml(line)
        .replace(/(?<!\\)\*\*([^*]+?)(?<!\\)\*\*/g, "<strong>$1</strong>")
        .replace(
          /(?<!\\)(`+) ?(.+?) ?\1(?!`)/g,
          (_m, _fence, code: string) => `<code>${code}</code>`,
        )
        .replace(/(?<![\\\w])_([^_]+?)(?<!\\)_(?!\w)/g, "<em>$1</em>")
        .replace(/\\(&lt;|&gt;|&amp;|[\\`*_[\]|~#:/.])/g, "$1");
      if (line.startsWith("### ")) return `<h3>${e.slice(4)}</h3>`;
      if (line.startsWith("## ")) return `<h2>${e.slice(3)}</h2>`;
      if (line.startsWith("# ")) return `<h1>${e.slice(2)}</h1>`;
      if (line.startsWith("- ")) return `<li>${e.slice(2)}</li>`;
      if (line.startsWith("|---")) return "";
      if (line.startsWith("| "))
        return `<div class="row">${e
          .slice(2, -2)
          .split(" | ")
          .map((c) => `<span>${c}</span>`)
          .join("")}</div>`;
      return line.trim() === "" ? "" : `<p>${e}</p>`;
    })
    .join("\n");
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(packet.person.name)}: impact</title><style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5}.row{display:grid;grid-template-columns:repeat(3,1fr);gap:.5rem;border-bottom:1px solid #ddd}code{background:#f4f4f4}</style></head><body>\n${body}\n</body></html>\n`;
}
