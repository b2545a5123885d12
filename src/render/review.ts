import type { AreaRisk, MissingInput, ReviewReport } from "../app/review.js";
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

  out.push(
    "## 1. Where did we require heroics this period, and why?",
    "",
    missing(report.heroics),
    "",
  );
  out.push(
    "## 2. Which recurring friction did senior people remove rather than route around?",
    "",
    missing(report.friction),
    "",
  );

  out.push("## 3. Which decisions are still trapped in one person's head?", "");
  const t = report.trappedKnowledge;
  out.push(
    `From git authorship: **${t.counts.islands} knowledge island${t.counts.islands === 1 ? "" : "s"}** (areas with one active author; ${trend(t.counts.islands, t.counts.previousIslands)}) and **${t.counts.orphaned} orphaned area${t.counts.orphaned === 1 ? "" : "s"}** (every author has left; ${trend(t.counts.orphaned, t.counts.previousOrphaned)}).`,
    "",
  );
  if (t.now.length > 0) {
    out.push(
      "| Area | Status | Files | Who holds it (files authored, last commit) |",
      "|---|---|--:|---|",
    );
    for (const risk of t.now.slice(0, 15))
      out.push(
        `| ${mdCell(label(report, risk))} | ${risk.status === "orphaned" ? "orphaned" : "knowledge island"} | ${risk.files} | ${mdCell(holders(risk))} |`,
      );
    if (t.now.length > 15)
      out.push("", `… and ${t.now.length - 15} more (\`legible knowledge\` lists every area).`);
    out.push("");
  }
  if (t.newlyTrapped.length > 0) out.push(`New this period: ${t.newlyTrapped.join(", ")}.`, "");
  if (t.released.length > 0) out.push(`No longer trapped: ${t.released.join(", ")}.`, "");
  out.push(`Not yet covered: ${t.missing.needs}; ${t.missing.howToProvide}.`, "");

  out.push(
    "## 4. Which technical tradeoffs were translated into business terms?",
    "",
    missing(report.tradeoffs),
    "",
  );
  out.push(
    "## 5. Which team is now more capable because of senior technical involvement?",
    "",
    missing(report.capability),
    "",
  );

  out.push("## Who we depend on", "");
  if (report.dependsOn.length === 0) {
    out.push("No area has its knowledge in at most one active person.", "");
  } else {
    out.push(
      "The areas whose knowledge lives in at most one active person, riskiest first. These are risks of the areas, not judgments of the people.",
      "",
    );
    for (const risk of report.dependsOn) {
      out.push(`### ${label(report, risk)}: ${STATUS[risk.status]}`, "");
      out.push(
        `- ${risk.files} files; truck factor ${risk.truckFactor}${risk.previousStatus && risk.previousStatus !== risk.status ? `; was ${risk.previousStatus} at the start of the period` : ""}.`,
      );
      out.push(`- Authors: ${holders(risk)}.`);
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

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
