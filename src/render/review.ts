import type { AreaRisk, MissingInput, ReviewReport } from "../app/review.js";
import type { Decision } from "../core/decisions/index.js";
import { tradeoffPhrases } from "../core/decisions/index.js";
import { mdCell } from "./format.js";
import { describeUniverse } from "./universe.js";

const STATUS: Record<AreaRisk["status"], string> = {
  orphaned: "orphaned (every author has left)",
  "knowledge-island": "knowledge island (one active author)",
  "at-risk": "truck factor 1",
  shared: "shared",
};

/** The weekly operating review in Markdown: the five questions, then who we depend on. */
export function reviewMarkdown(report: ReviewReport): string {
  const { period } = report;
  const out: string[] = [];
  out.push(
    `# Weekly operating review: ${period.since.slice(0, 10)} to ${period.until.slice(0, 10)}`,
    "",
  );
  const repos = report.repositories.map(
    (r) =>
      `${r.name} @ ${r.commit?.slice(0, 12) ?? "(no commit)"} (${r.commitsInPeriod} commits in the period)`,
  );
  out.push(
    `Repositories: ${repos.join(", ")}. Trends compare the end of the period with its start (${period.days} days earlier).`,
    "",
  );
  for (const repository of report.repositories) {
    out.push(
      `${report.repositories.length > 1 ? `${repository.name}: ` : ""}${describeUniverse(repository.universe)}`,
      "",
    );
  }
  for (const caveat of report.repositories.flatMap((r) => r.caveats))
    out.push(`> **Caveat:** ${caveat}`, "");

  out.push("## 1. Where did we require heroics this period, and why?", "");
  const h = report.heroics;
  if (h.answer) {
    const a = h.answer;
    out.push(
      `${a.incidents.now} incident${a.incidents.now === 1 ? "" : "s"} this period (${a.incidents.before} in the previous one); median time to restore ${hours(a.incidents.restoreMedianHours)} (previously ${hours(a.incidents.restoreMedianHoursBefore)}).`,
      "",
    );
    for (const r of a.responderRisks)
      out.push(
        `- Heroics in ${r.group}: ${r.holder.name} handled ${pct(r.share)} of ${r.incidents} incidents. Spread the on-call knowledge (runbooks, pairing on incidents).`,
      );
    for (const r of a.reviewRisks)
      out.push(
        `- Work in ${r.area} waits for one person: ${r.holder.name} did ${pct(r.share)} of ${r.reviews} reviews${r.explanation ? `; ${r.explanation}` : ""}.`,
      );
    if (a.responderRisks.length + a.reviewRisks.length === 0)
      out.push("No incident or review depended on one person this period.");
    out.push("");
  }
  if (h.missing) out.push(missing(h.missing), "");

  out.push("## 2. Which recurring friction did senior people remove rather than route around?", "");
  const f = report.friction;
  if (f.answer) {
    const groups: Record<string, string> = {
      removed: "Removed",
      "routed-around": "Routed around",
      persisting: "Persisting",
      new: "New",
    };
    if (f.answer.areas.length === 0)
      out.push("No area showed review friction in this period or the previous one.");
    for (const area of f.answer.areas)
      out.push(`- ${groups[area.change] ?? area.change}: ${area.area}: ${area.reason}`);
    out.push("");
  }
  if (f.missing) out.push(missing(f.missing), "");

  out.push("## 3. Which decisions are still trapped in one person's head?", "");
  const t = report.trappedKnowledge;
  out.push(
    `From git authorship: **${t.counts.islands} knowledge island${t.counts.islands === 1 ? "" : "s"}** (areas with one active author; ${trend(t.counts.islands, t.counts.previousIslands)}) and **${t.counts.orphaned} orphaned area${t.counts.orphaned === 1 ? "" : "s"}** (every author has left; ${trend(t.counts.orphaned, t.counts.previousOrphaned)}).`,
    "",
  );
  out.push(
    "```mermaid",
    "xychart-beta",
    '  title "Concentrated areas at the start and end of the period"',
    '  x-axis ["islands (start)", "islands (end)", "orphaned (start)", "orphaned (end)"]',
    '  y-axis "areas"',
    `  bar [${t.counts.previousIslands}, ${t.counts.islands}, ${t.counts.previousOrphaned}, ${t.counts.orphaned}]`,
    "```",
    "",
  );
  const uncovered = t.now.filter((risk) => risk.decisions.length === 0);
  const covered = t.now.filter((risk) => risk.decisions.length > 0);
  if (uncovered.length > 0) {
    out.push(
      t.missing === null
        ? "Trapped: these areas' judgment lives in at most one active person and no accepted decision record is about them."
        : "These areas' judgment lives in at most one active person.",
      "",
      "| Area | Status | Files | Who holds it (files authored, last commit) |",
      "|---|---|--:|---|",
    );
    for (const risk of uncovered.slice(0, 15))
      out.push(
        `| ${mdCell(label(report, risk))} | ${risk.status === "orphaned" ? "orphaned" : "knowledge island"} | ${risk.files} | ${mdCell(holders(risk))} |`,
      );
    if (uncovered.length > 15)
      out.push("", `… and ${uncovered.length - 15} more (\`legible knowledge\` lists every area).`);
    out.push("");
  }
  if (covered.length > 0) {
    out.push(
      "Written down: these concentrated areas have accepted decision records, so their reasoning can leave one head:",
      "",
    );
    for (const risk of covered)
      out.push(`- ${label(report, risk)}: ${risk.decisions.map((p) => `[${p}](${p})`).join(", ")}`);
    out.push("");
  }
  if (t.singleDecider.length > 0) {
    out.push(
      "Decided alone: accepted decisions with a single decision-maker and no one consulted or informed:",
      "",
    );
    for (const d of t.singleDecider)
      out.push(`- [${d.title}](${d.path}) (${d.id}), decided by ${d.decisionMaker.name}`);
    out.push("");
  }
  if (t.newlyTrapped.length > 0) out.push(`New this period: ${t.newlyTrapped.join(", ")}.`, "");
  if (t.released.length > 0) out.push(`No longer trapped: ${t.released.join(", ")}.`, "");
  if (t.missing)
    out.push(`Not covered: ${t.missing.needs}. ${capitalise(t.missing.howToProvide)}.`, "");

  out.push("## 4. Which technical tradeoffs were translated into business terms?", "");
  const d = report.tradeoffs;
  if (d.missing) {
    out.push(missing(d.missing), "");
  } else {
    out.push(
      `${d.inPeriod} decision record${d.inPeriod === 1 ? "" : "s"} dated in the period: ${d.stated.length} state${d.stated.length === 1 ? "s" : ""} the tradeoff in business terms, ${d.notStated.length} do${d.notStated.length === 1 ? "es" : ""} not. Across all ${d.allRecords.total} records, ${d.allRecords.stated} state one.`,
      "",
    );
    for (const s of d.stated)
      out.push(`- Stated: [${s.title}](${s.path}): ${describeTradeoff(s.tradeoff)}`);
    for (const s of d.notStated)
      out.push(
        `- Not stated: [${s.title}](${s.path}): add the executive tradeoff (risk reduced, option preserved, cost accepted, outcome protected)`,
      );
    if (d.stated.length + d.notStated.length > 0) out.push("");
  }
  out.push("## 5. Which team is now more capable because of senior technical involvement?", "");
  const c = report.capability;
  if (c.teams.length > 0) {
    out.push(
      "| Team | People | Areas concentrated now or a quarter ago | Exit paths working (last quarter) | Knowledge spreading in | Capability contributions (e.g.) |",
      "|---|--:|--:|--:|---|---|",
    );
    for (const t of c.teams) {
      out.push(
        t.withheld
          ? `| ${mdCell(t.team)} | ${t.people} | (${t.withheld}) | | | |`
          : `| ${mdCell(t.team)} | ${t.people} | ${t.concentratedAreas} | ${t.exitPathsWorking} | ${mdCell(t.spreading.join(", ") || "-")} | ${t.capabilityContributions}${t.capabilityExamples.length > 0 ? ` (${mdCell(t.capabilityExamples.join("; "))})` : ""} |`,
      );
    }
    out.push("");
  }
  const working = c.exitPaths.filter((p) => p.lastQuarter.working);
  out.push(
    `Exit paths: ${c.exitPaths.length} area${c.exitPaths.length === 1 ? "" : "s"} concentrated now or a quarter ago; in ${working.length} of them knowledge spread over the last quarter (more active authors or a higher truck factor).`,
    "",
  );
  for (const p of working.slice(0, 10)) {
    out.push(
      `- ${p.area}: active authors ${p.lastQuarter.activeAuthorsBefore ?? 0} → ${p.lastQuarter.activeAuthorsNow}, truck factor ${p.lastQuarter.truckFactorBefore ?? 0} → ${p.lastQuarter.truckFactorNow}.`,
    );
  }
  if (working.length > 0) out.push("");
  if (c.missing) out.push(missing(c.missing), "");

  out.push("## Who we depend on", "");
  if (report.dependsOn.length === 0) {
    out.push("No area has its knowledge in at most one active person.", "");
  } else {
    out.push(
      "The areas whose knowledge lives in at most one active person, riskiest first. These are risks of the areas, not judgments of the people.",
      "",
    );
    out.push(dependencyGraph(report), "");
    for (const risk of report.dependsOn) {
      out.push(`### ${label(report, risk)}: ${STATUS[risk.status]}`, "");
      out.push(
        `- ${risk.files} files; truck factor ${risk.truckFactor}${risk.previousStatus && risk.previousStatus !== risk.status ? `; was ${risk.previousStatus} at the start of the period` : ""}.`,
      );
      out.push(`- Authors: ${holders(risk)}.`);
      const path = report.capability.exitPaths.find(
        (p) => p.area === risk.area && p.repository === risk.repository,
      );
      if (path) {
        out.push(
          `- Exit path: ${path.successors.length > 0 ? `suggested successors ${path.successors.map((s) => `${s.name} (${s.changes} changes, ${s.reviews} reviews in the last year)`).join(", ")}` : "no active person has touched this area in the last year"}; over the last quarter active authors ${path.lastQuarter.activeAuthorsBefore ?? 0} → ${path.lastQuarter.activeAuthorsNow}, truck factor ${path.lastQuarter.truckFactorBefore ?? 0} → ${path.lastQuarter.truckFactorNow} (${path.lastQuarter.working ? "spreading" : "not spreading yet"}).`,
        );
      }
      if (risk.exampleFiles.length > 0)
        out.push(`- Most-changed files: ${risk.exampleFiles.map((f) => `\`${f}\``).join(", ")}.`);
      out.push("");
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function missing(input: MissingInput): string {
  return `**Not answered: needs ${input.needs}.** ${capitalise(input.howToProvide)}.`;
}

function trend(now: number, before: number): string {
  if (now === before) return `unchanged over the period`;
  return now > before ? `up from ${before}` : `down from ${before}`;
}

function holders(risk: AreaRisk): string {
  if (risk.holders.length === 0) return "(no authors)";
  return risk.holders
    .map(
      (h) =>
        `${h.name} (${h.files}, ${h.active ? "active" : "former"}${h.lastActive ? `, last commit ${h.lastActive.slice(0, 10)}` : ""})`,
    )
    .join("; ");
}

function label(report: ReviewReport, risk: AreaRisk): string {
  return report.repositories.length > 1 ? `${risk.repository}: ${risk.area}` : risk.area;
}

function describeTradeoff(tradeoff: Decision["tradeoff"]): string {
  return mdCell(tradeoffPhrases(tradeoff).join("; "));
}

/** A Mermaid graph of the top risks: each area and the people who hold its knowledge. */
function dependencyGraph(report: ReviewReport): string {
  const lines = ["```mermaid", "graph LR"];
  const people = new Map<string, string>();
  const quote = (text: string) => text.replace(/"/g, "#quot;");
  report.dependsOn.forEach((risk, i) => {
    lines.push(
      `  a${i}["${quote(label(report, risk))}<br/>${risk.status}, TF ${risk.truckFactor}"]`,
    );
    for (const holder of risk.holders) {
      if (!people.has(holder.id)) {
        people.set(holder.id, `p${people.size}`);
        lines.push(
          `  ${people.get(holder.id)}(["${quote(holder.name)}${holder.active ? "" : " (former)"}"])`,
        );
      }
      lines.push(`  ${people.get(holder.id)} -- ${holder.files} files --> a${i}`);
    }
  });
  lines.push("```");
  return lines.join("\n");
}

function hours(value: number | null): string {
  return value === null ? "n/a" : `${value.toFixed(1)} h`;
}

function pct(share: number): string {
  return `${Math.round(share * 100)} %`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
