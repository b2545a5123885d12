/**
 * The page shell every view of legible's web client shares: the dashboard (`legible serve`) serves
 * it with its assets as files under `/assets/`; the self-contained report (`review --format html`)
 * inlines the same stylesheet and scripts, with a Content-Security-Policy that allows them by hash
 * and nothing else. The body of a page is the same Markup in both.
 *
 * What the first paint needs comes first and alone: the served page carries its text, tables and
 * chart specs, links its data to the API instead of embedding it (the report embeds it, having no
 * server), and loads Chart.js only after the load event (see DRAW_SCRIPT).
 */
import { createHash } from "node:crypto";
import { DRAW_SCRIPT, STYLE } from "../assets.js";
import { chartJsSource } from "../chart-library.js";
import type { ChartSpec } from "../charts.js";
import { html, jsonForScript, type Markup, scriptSafe, trusted } from "../markup.js";

/** One page of the client: its title, body, the charts it draws and the data it embeds. */
export interface Page {
  title: string;
  body: Markup;
  charts: ChartSpec[];
  /**
   * The data the page was written from: embedded as JSON blocks (`<script type="application/json"
   * id=…>`) in the static report; on the dashboard, linked to the API endpoint that serves it
   * (`api`), so the first page does not carry it.
   */
  data: { id: string; value: unknown; api?: string }[];
}

/** The dashboard's pages, in the order of its navigation. */
export const NAV = [
  { path: "/", label: "This week" },
  { path: "/areas", label: "Areas" },
  { path: "/whatif", label: "What if" },
  { path: "/flow", label: "Flow and delivery" },
  { path: "/decisions", label: "Decisions" },
  { path: "/teams", label: "Teams" },
  { path: "/me", label: "Me" },
] as const;

export type NavPath = (typeof NAV)[number]["path"];

const FOOTER =
  "Made by legible. People are named only as holders of a risk: these are risks of the areas, not judgments of the people; nothing here ranks people. The charts need JavaScript; the text and tables carry every figure without them.";

/** The page as the dashboard serves it: assets from `/assets/`, nothing from anywhere else. */
export function servedPage(page: Page, current: NavPath, options: { me: boolean }): string {
  const items = NAV.filter((item) => item.path !== "/me" || options.me);
  const nav = html`<nav class="site" aria-label="Dashboard"><ul>${items.map((item) =>
    item.path === current
      ? html`<li><a href="${item.path}" aria-current="page">${item.label}</a></li>`
      : html`<li><a href="${item.path}">${item.label}</a></li>`,
  )}</ul></nav>`;
  return `${html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="legible">
<title>${page.title} · legible</title>
<link rel="stylesheet" href="/assets/style.css">
<link rel="icon" href="data:,">
${dataLinks(page)}</head>
<body>
<a class="skip" href="#content">Skip to content</a>
${nav}
<main id="content" tabindex="-1">
${page.body}<footer><p>${FOOTER} Served by legible on this machine; the page loads nothing from elsewhere.</p></footer>
</main>
${dataBlocks({ ...page, data: page.data.filter((block) => block.api === undefined) })}<script src="/assets/draw.js" data-library="/assets/chart.umd.js" defer></script>
</body>
</html>`}\n`;
}

/**
 * The page as one self-contained file: stylesheet and scripts inlined, allowed by hash; no fetch
 * of any kind (`default-src 'none'`).
 */
export function staticPage(page: Page): string {
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
<title>${page.title}</title>
<style>${trusted(STYLE)}</style>
</head>
<body>
<main id="content">
${page.body}<footer><p>${FOOTER} This page loads nothing from the network.</p></footer>
</main>
${dataBlocks(page)}<script>${trusted(library)}</script>
<script>${trusted(draw)}</script>
</body>
</html>`}\n`;
}

/** The dashboard's links to the API endpoints that serve a page's data. */
function dataLinks(page: Page): Markup {
  const linked = page.data.filter((block) => block.api !== undefined);
  return html`${linked.map(
    (block) =>
      html`<link rel="alternate" type="application/json" href="${block.api ?? ""}" title="${block.id}">\n`,
  )}`;
}

function dataBlocks(page: Page): Markup {
  const blocks = [...page.data, { id: "legible-charts", value: page.charts }];
  return html`${blocks.map(
    (block) =>
      html`<script type="application/json" id="${block.id}">${trusted(jsonForScript(block.value))}</script>\n`,
  )}`;
}

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** A chart's figure: hidden until the script draws it; its canvas labelled with every value. */
export function chartFigure(chart: ChartSpec): Markup {
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

/** A group of charts side by side (empty when there is none). */
export function chartGroup(charts: readonly ChartSpec[]): Markup | "" {
  return charts.length === 0 ? "" : html`<div class="charts">${charts.map(chartFigure)}</div>\n`;
}
