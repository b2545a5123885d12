import { createHash } from "node:crypto";
import type { ReviewReport } from "../../app/review.js";
import { REVIEW_HEADINGS, type ReviewViewOptions, reviewView } from "../review-view.js";
import { DRAW_SCRIPT, STYLE } from "./assets.js";
import { chartJsSource } from "./chart-library.js";
import { type ChartSpec, reviewCharts } from "./charts.js";
import { html, jsonForScript, type Markup, scriptSafe, trusted } from "./markup.js";
import { htmlBlocks } from "./view.js";

export { REVIEW_HEADINGS };

/**
 * The weekly operating review as one self-contained HTML document: the same sections and facts as
 * the Markdown review (`reviewMarkdown`), readable without JavaScript, with charts drawn by an
 * inlined copy of Chart.js from the report embedded as JSON (`<script type="application/json"
 * id="legible-review">`). The page loads nothing: its Content-Security-Policy allows no fetch at
 * all and only its own scripts (by hash). Every text from the data is escaped. People appear only
 * as holders of a risk. Written from {@link reviewView}, like the Markdown; links to decision
 * records are relative to `linkBase` (the directory the page is written to).
 */
export function reviewHtml(
  report: ReviewReport,
  options: ReviewViewOptions & { title?: string } = {},
): string {
  const view = reviewView(report, options);
  const title = options.title ?? view.title;
  const charts = reviewCharts(report);
  const chartsById = new Map(charts.map((c) => [c.id, c]));
  const figure = (ids: string[]) => {
    const shown = ids.flatMap((id) => chartsById.get(id) ?? []);
    return shown.length === 0 ? "" : html`<div class="charts">${shown.map(chartFigure)}</div>\n`;
  };

  const body = html`<main>
<header>
<h1>${title}</h1>
${htmlBlocks(view.intro, figure)}</header>
${view.sections.map(
  (section) => html`<section id="${section.id}">
<h2>${section.heading}</h2>
${htmlBlocks(section.blocks, figure)}</section>\n`,
)}<footer><p>Made by legible. People are named only as holders of a risk: these are risks of the areas, not judgments of the people. The charts need JavaScript; the text and tables carry every figure without them. This page loads nothing from the network.</p></footer>
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
