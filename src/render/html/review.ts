import { createHash } from "node:crypto";
import type { AreaRisk, MissingInput, ReviewReport } from "../../app/review.js";
import type { Decision } from "../../core/decisions/index.js";
import { tradeoffPhrases } from "../../core/decisions/index.js";
import { describeUniverse } from "../universe.js";
import { DRAW_SCRIPT, STYLE } from "./assets.js";
import { chartJsSource } from "./chart-library.js";
import { type ChartSpec, reviewCharts } from "./charts.js";
import {
  html,
  join,
  jsonForScript,
  type Markup,
  type Part,
  scriptSafe,
  trusted,
} from "./markup.js";

/** The headings of the review's sections, in order: the five questions, then who we depend on. */
export const REVIEW_HEADINGS = [
  "1. Where did we require heroics this period, and why?",
  "2. Which recurring friction did senior people remove rather than route around?",
  "3. Which decisions are still trapped in one person's head?",
  "4. Which technical tradeoffs were translated into business terms?",
  "5. Which team is now more capable because of senior technical involvement?",
  "Who we depend on",
] as const;

const STATUS: Record<AreaRisk["status"], string> = {
  orphaned: "orphaned (every author has left)",
  "knowledge-island": "knowledge island (one active author)",
  "at-risk": "truck factor 1",
  shared: "shared",
};

const CHANGE: Record<string, string> = {
  removed: "Removed",
  "routed-around": "Routed around",
  persisting: "Persisting",
  new: "New",
};

/**
 * The weekly operating review as one self-contained HTML document: the same sections and facts as
 * the Markdown review (`reviewMarkdown`), readable without JavaScript, with charts drawn by an
 * inlined copy of Chart.js from the report embedded as JSON (`<script type="application/json"
 * id="legible-review">`). The page loads nothing: its Content-Security-Policy allows no fetch at
 * all and only its own scripts (by hash). Every text from the data is escaped. People appear only
 * as holders of a risk.
 */
export function reviewHtml(report: ReviewReport, options: { title?: string } = {}): string {
  const { period } = report;
  const title =
    options.title ??
    `Weekly operating review: ${period.since.slice(0, 10)} to ${period.until.slice(0, 10)}`;
  const charts = reviewCharts(report);
  const chartsById = new Map(charts.map((c) => [c.id, c]));
  const figure = (...ids: string[]) => {
    const shown = ids.flatMap((id) => chartsById.get(id) ?? []);
    return shown.length === 0 ? "" : html`<div class="charts">${shown.map(chartFigure)}</div>\n`;
  };

  const body = html`<main>
<header>
<h1>${title}</h1>
${intro(report)}
</header>
${section("heroics", 0, [figure("chart-incidents", "chart-restore"), heroics(report)])}
${section("friction", 1, [figure("chart-friction"), friction(report)])}
${section("trapped", 2, [figure("chart-trapped"), trapped(report)])}
${section("tradeoffs", 3, tradeoffs(report))}
${section("capability", 4, [figure("chart-capability"), capability(report)])}
${section("depends-on", 5, dependsOn(report))}
<footer><p>Made by legible. People are named only as holders of a risk: these are risks of the areas, not judgments of the people. The charts need JavaScript; the text and tables carry every figure without them. This page loads nothing from the network.</p></footer>
</main>`;

  const library = chartJsSource();
  const draw = scriptSafe(DRAW_SCRIPT);
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(library)} ${sha256(draw)}`,
    `style-src ${sha256(STYLE)}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  return `${html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="legible">
<title>${title}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
${body}
<script type="application/json" id="legible-review">${trusted(jsonForScript(report))}</script>
<script type="application/json" id="legible-charts">${trusted(jsonForScript(charts))}</script>
<script>${trusted(library)}</script>
<script>${trusted(draw)}</script>
</body>
</html>`}\n`;
}

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

function section(id: string, heading: number, content: Part) {
  return html`<section id="${id}">
<h2>${REVIEW_HEADINGS[heading]}</h2>
${content}
</section>`;
}

function intro(report: ReviewReport): Markup {
  const { period } = report;
  const repos = report.repositories.map(
    (r) =>
      html`<code>${r.name}</code> @ <code>${r.commit?.slice(0, 12) ?? "(no commit)"}</code> (${r.commitsInPeriod} commits in the period)`,
  );
  const many = report.repositories.length > 1;
  return html`<p class="lead">Repositories: ${join(repos, ", ")}. Trends compare the end of the period with its start (${period.days} days earlier).</p>
${report.repositories.map((r) => html`<p class="universe">${many ? `${r.name}: ` : ""}${describeUniverse(r.universe)}</p>\n`)}${report.repositories.flatMap((r) => r.caveats.map((c) => html`<p class="caveat"><strong>Caveat:</strong> ${c}</p>\n`))}`;
}

function heroics(report: ReviewReport): Markup[] {
  const out: Markup[] = [];
  const h = report.heroics;
  if (h.answer) {
    const a = h.answer;
    out.push(
      html`<p>${a.incidents.now} incident${a.incidents.now === 1 ? "" : "s"} this period (${a.incidents.before} in the previous one); median time to restore ${hours(a.incidents.restoreMedianHours)} (previously ${hours(a.incidents.restoreMedianHoursBefore)}).</p>\n`,
    );
    const items = [
      ...a.responderRisks.map(
        (r) =>
          html`<li>Heroics in ${r.group}: <strong>${r.holder.name}</strong> handled ${pct(r.share)} of ${r.incidents} incidents. Spread the on-call knowledge (runbooks, pairing on incidents).</li>\n`,
      ),
      ...a.reviewRisks.map(
        (r) =>
          html`<li>Work in <code>${r.area}</code> waits for one person: <strong>${r.holder.name}</strong> did ${pct(r.share)} of ${r.reviews} reviews${r.explanation ? `; ${r.explanation}` : ""}.</li>\n`,
      ),
    ];
    out.push(
      items.length > 0
        ? html`<ul>\n${items}</ul>\n`
        : html`<p>No incident or review depended on one person this period.</p>\n`,
    );
  }
  if (h.missing) out.push(missing(h.missing));
  return out;
}

function friction(report: ReviewReport): Markup[] {
  const out: Markup[] = [];
  const f = report.friction;
  if (f.answer) {
    if (f.answer.areas.length === 0)
      out.push(html`<p>No area showed review friction in this period or the previous one.</p>\n`);
    else
      out.push(html`<table class="friction">
<thead><tr><th>Area</th><th>Change</th><th class="num">Pickup median (previous → this period)</th><th class="num">Review median (previous → this period)</th><th>Why</th></tr></thead>
<tbody>
${f.answer.areas.map(
  (area) =>
    html`<tr><td><code>${area.area}</code></td><td>${CHANGE[area.change] ?? area.change}</td><td class="num">${hours(area.before.pickupMedianHours)} → ${hours(area.now.pickupMedianHours)}</td><td class="num">${hours(area.before.reviewMedianHours)} → ${hours(area.now.reviewMedianHours)}</td><td>${area.reason}</td></tr>\n`,
)}</tbody>
</table>\n`);
  }
  if (f.missing) out.push(missing(f.missing));
  return out;
}

function trapped(report: ReviewReport): Markup[] {
  const out: Markup[] = [];
  const t = report.trappedKnowledge;
  out.push(
    html`<p>From git authorship: <strong>${t.counts.islands} knowledge island${t.counts.islands === 1 ? "" : "s"}</strong> (areas with one active author; ${trend(t.counts.islands, t.counts.previousIslands)}) and <strong>${t.counts.orphaned} orphaned area${t.counts.orphaned === 1 ? "" : "s"}</strong> (every author has left; ${trend(t.counts.orphaned, t.counts.previousOrphaned)}).</p>\n`,
  );
  const uncovered = t.now.filter((risk) => risk.decisions.length === 0);
  const covered = t.now.filter((risk) => risk.decisions.length > 0);
  if (uncovered.length > 0) {
    out.push(
      html`<p>${
        t.missing === null
          ? "Trapped: these areas' judgment lives in at most one active person and no accepted decision record is about them."
          : "These areas' judgment lives in at most one active person."
      }</p>
<table class="trapped">
<thead><tr><th>Area</th><th>Status</th><th class="num">Files</th><th>Who holds it (files authored, last commit)</th></tr></thead>
<tbody>
${uncovered
  .slice(0, 15)
  .map(
    (risk) =>
      html`<tr><td><code>${label(report, risk)}</code></td><td>${risk.status === "orphaned" ? "orphaned" : "knowledge island"}</td><td class="num">${risk.files}</td><td>${holders(risk)}</td></tr>\n`,
  )}</tbody>
</table>\n`,
    );
    if (uncovered.length > 15)
      out.push(
        html`<p>… and ${uncovered.length - 15} more (<code>legible knowledge</code> lists every area).</p>\n`,
      );
  }
  if (covered.length > 0)
    out.push(html`<p>Written down: these concentrated areas have accepted decision records, so their reasoning can leave one head:</p>
<ul>
${covered.map(
  (risk) =>
    html`<li><code>${label(report, risk)}</code>: ${join(
      risk.decisions.map((p) => html`<code>${p}</code>`),
      ", ",
    )}</li>\n`,
)}</ul>\n`);
  if (t.singleDecider.length > 0)
    out.push(html`<p>Decided alone: accepted decisions with a single decision-maker and no one consulted or informed:</p>
<ul>
${t.singleDecider.map((d) => html`<li>${d.title} (<code>${d.path}</code>, ${d.id}), decided by <strong>${d.decisionMaker.name}</strong></li>\n`)}</ul>\n`);
  if (t.newlyTrapped.length > 0)
    out.push(html`<p>New this period: ${join(t.newlyTrapped.map(codeText), ", ")}.</p>\n`);
  if (t.released.length > 0)
    out.push(html`<p>No longer trapped: ${join(t.released.map(codeText), ", ")}.</p>\n`);
  if (t.missing)
    out.push(
      html`<p class="missing">Not covered: ${withCode(t.missing.needs)}. ${withCode(capitalise(t.missing.howToProvide))}.</p>\n`,
    );
  return out;
}

function tradeoffs(report: ReviewReport): Markup[] {
  const d = report.tradeoffs;
  if (d.missing) return [missing(d.missing)];
  const out: Markup[] = [
    html`<p>${d.inPeriod} decision record${d.inPeriod === 1 ? "" : "s"} dated in the period: ${d.stated.length} state${d.stated.length === 1 ? "s" : ""} the tradeoff in business terms, ${d.notStated.length} do${d.notStated.length === 1 ? "es" : ""} not. Across all ${d.allRecords.total} records, ${d.allRecords.stated} state one.</p>\n`,
  ];
  const items = [
    ...d.stated.map(
      (s) =>
        html`<li>Stated: ${s.title} (<code>${s.path}</code>): ${describeTradeoff(s.tradeoff)}</li>\n`,
    ),
    ...d.notStated.map(
      (s) =>
        html`<li>Not stated: ${s.title} (<code>${s.path}</code>): add the executive tradeoff (risk reduced, option preserved, cost accepted, outcome protected)</li>\n`,
    ),
  ];
  if (items.length > 0) out.push(html`<ul>\n${items}</ul>\n`);
  return out;
}

function capability(report: ReviewReport): Markup[] {
  const out: Markup[] = [];
  const c = report.capability;
  if (c.teams.length > 0)
    out.push(html`<table class="capability">
<thead><tr><th>Team</th><th class="num">People</th><th class="num">Areas concentrated now or a quarter ago</th><th class="num">Exit paths working (last quarter)</th><th>Knowledge spreading in</th><th>Capability contributions (e.g.)</th></tr></thead>
<tbody>
${c.teams.map((t) =>
  t.withheld
    ? html`<tr><td>${t.team}</td><td class="num">${t.people}</td><td colspan="4">(${t.withheld})</td></tr>\n`
    : html`<tr><td>${t.team}</td><td class="num">${t.people}</td><td class="num">${t.concentratedAreas}</td><td class="num">${t.exitPathsWorking}</td><td>${t.spreading.length > 0 ? join(t.spreading.map(codeText), ", ") : "-"}</td><td>${t.capabilityContributions}${t.capabilityExamples.length > 0 ? ` (${t.capabilityExamples.join("; ")})` : ""}</td></tr>\n`,
)}</tbody>
</table>\n`);
  const working = c.exitPaths.filter((p) => p.lastQuarter.working);
  out.push(
    html`<p>Exit paths: ${c.exitPaths.length} area${c.exitPaths.length === 1 ? "" : "s"} concentrated now or a quarter ago; in ${working.length} of them knowledge spread over the last quarter (more active authors or a higher truck factor).</p>\n`,
  );
  if (working.length > 0)
    out.push(html`<ul>
${working
  .slice(0, 10)
  .map(
    (p) =>
      html`<li><code>${p.area}</code>: active authors ${p.lastQuarter.activeAuthorsBefore ?? 0} → ${p.lastQuarter.activeAuthorsNow}, truck factor ${p.lastQuarter.truckFactorBefore ?? 0} → ${p.lastQuarter.truckFactorNow}.</li>\n`,
  )}</ul>\n`);
  if (c.missing) out.push(missing(c.missing));
  return out;
}

function exitPath(report: ReviewReport, risk: AreaRisk): Markup | "" {
  const path = report.capability.exitPaths.find(
    (p) => p.area === risk.area && p.repository === risk.repository,
  );
  if (!path) return "";
  const q = path.lastQuarter;
  const successors =
    path.successors.length > 0
      ? html`suggested successors ${join(
          path.successors.map(
            (s) =>
              html`<strong>${s.name}</strong> (${s.changes} changes, ${s.reviews} reviews in the last year)`,
          ),
          ", ",
        )}`
      : html`no active person has touched this area in the last year`;
  return html`<li>Exit path: ${successors}; over the last quarter active authors ${q.activeAuthorsBefore ?? 0} → ${q.activeAuthorsNow}, truck factor ${q.truckFactorBefore ?? 0} → ${q.truckFactorNow} (${q.working ? "spreading" : "not spreading yet"}).</li>\n`;
}

function dependsOn(report: ReviewReport): Markup[] {
  if (report.dependsOn.length === 0)
    return [html`<p>No area has its knowledge in at most one active person.</p>\n`];
  return [
    html`<p>The areas whose knowledge lives in at most one active person, riskiest first. These are risks of the areas, not judgments of the people.</p>\n`,
    ...report.dependsOn.map(
      (risk) => html`<article class="risk">
<h3><code>${label(report, risk)}</code>: ${STATUS[risk.status]}</h3>
<ul>
<li>${risk.files} files; truck factor ${risk.truckFactor}${risk.previousStatus && risk.previousStatus !== risk.status ? `; was ${risk.previousStatus} at the start of the period` : ""}.</li>
<li>Authors: ${holders(risk)}.</li>
${exitPath(report, risk)}${risk.exampleFiles.length > 0 ? html`<li>Most-changed files: ${join(risk.exampleFiles.map(codeText), ", ")}.</li>\n` : ""}</ul>
</article>\n`,
    ),
  ];
}

function chartFigure(chart: ChartSpec): Markup {
  const summary = chart.labels
    .map(
      (label, i) =>
        `${label}: ${chart.datasets.map((d) => `${d.label.toLowerCase()} ${d.data[i] ?? "n/a"}`).join(", ")}`,
    )
    .join("; ");
  return html`<figure class="chart" hidden>
<figcaption>${chart.title}</figcaption>
<div class="chart-box${chart.horizontal ? " wide" : ""}"><canvas id="${chart.id}" role="img" aria-label="${`${chart.title} (${chart.unit}). ${summary}`}"></canvas></div>
</figure>\n`;
}

function missing(input: MissingInput): Markup {
  return html`<p class="missing"><strong>Not answered: needs ${withCode(input.needs)}.</strong> ${withCode(capitalise(input.howToProvide))}.</p>\n`;
}

/** Text with Markdown code spans (`legible import …`, `teams:`) as `<code>`; the rest escaped. */
function withCode(text: string): Markup {
  return html`${text.split("`").map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part))}`;
}

function holders(risk: AreaRisk): Markup {
  if (risk.holders.length === 0) return html`(no authors)`;
  return join(
    risk.holders.map(
      (h) =>
        html`<strong>${h.name}</strong> (${h.files}, ${h.active ? "active" : "former"}${h.lastActive ? `, last commit ${h.lastActive.slice(0, 10)}` : ""})`,
    ),
    "; ",
  );
}

function label(report: ReviewReport, risk: AreaRisk): string {
  return report.repositories.length > 1 ? `${risk.repository}: ${risk.area}` : risk.area;
}

function describeTradeoff(tradeoff: Decision["tradeoff"]): string {
  return tradeoffPhrases(tradeoff).join("; ");
}

function codeText(text: string): Markup {
  return html`<code>${text}</code>`;
}

function trend(now: number, before: number): string {
  if (now === before) return "unchanged over the period";
  return now > before ? `up from ${before}` : `down from ${before}`;
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
