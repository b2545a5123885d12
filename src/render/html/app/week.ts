import type { ReviewReport } from "../../../app/review.js";
import type { Headline, WeeksReport } from "../../../app/review-headlines.js";
import { reviewHeadlines } from "../../../app/review-headlines.js";
import { REVIEW_HEADINGS, type ReviewViewOptions, reviewView } from "../../review-view.js";
import { type ChartSpec, reviewCharts } from "../charts.js";
import { html, type Markup } from "../markup.js";
import { htmlBlocks } from "../view.js";
import { chartFigure, chartGroup, type Page } from "./layout.js";

export interface WeekPageOptions extends ReviewViewOptions {
  title?: string;
  /** The headline figures of the last weeks (the dashboard); null in the static report. */
  weeks?: WeeksReport | null;
  /** Served by the dashboard: evidence links go to its pages; otherwise to this page's sections. */
  served?: boolean;
}

const NOW = "#1d4ed8";

/**
 * This week: the weekly operating review. First each question's headline figure, with its trend
 * over the last weeks when known and a link to the records behind it; then the review itself, the
 * same sections and sentences as the Markdown (both walk {@link reviewView}).
 */
export function weekPage(report: ReviewReport, options: WeekPageOptions = {}): Page {
  const view = reviewView(report, options);
  const title = options.title ?? view.title;
  const charts = reviewCharts(report);
  const chartsById = new Map(charts.map((c) => [c.id, c]));
  const figure = (ids: string[]) => chartGroup(ids.flatMap((id) => chartsById.get(id) ?? []));
  const trends = options.weeks ? trendCharts(options.weeks) : [];
  const headlines = reviewHeadlines(report);
  const body = html`<header>
<h1>${title}</h1>
${htmlBlocks(view.intro, figure)}</header>
<section id="headlines" aria-labelledby="headlines-title">
<h2 id="headlines-title">The five questions at a glance</h2>
<ul class="headlines">
${headlines.map((h) => card(h, trends[h.question - 1] ?? null, options.served === true))}</ul>
</section>
${view.sections.map(
  (section) => html`<section id="${section.id}">
<h2>${section.heading}</h2>
${htmlBlocks(section.blocks, figure)}</section>\n`,
)}`;
  return {
    title,
    body,
    charts: [...charts, ...trends],
    data: [{ id: "legible-review", value: report, api: "/api/v1/review" }],
  };
}

function card(headline: Headline, trend: ChartSpec | null, served: boolean): Markup {
  const question = REVIEW_HEADINGS[headline.question - 1]!;
  const evidence = served ? `/${headline.evidence}` : `#${headline.section}`;
  const value = headline.value === null ? "—" : String(headline.value);
  return html`<li class="headline" id="headline-${headline.question}">
<p class="q">${question}</p>
<p class="value" data-value="${value}">${value}</p>
<p class="label">${headline.label}</p>
${headline.missing ? html`<p class="rests">Not answered: needs ${headline.missing}.</p>` : html`<p class="rests">Rests on: ${headline.restsOn}.</p>`}${trend ? chartFigure(trend) : ""}<p><a href="${evidence}" class="evidence">Evidence for question ${headline.question}</a></p>
</li>\n`;
}

/** One small line chart per question: its headline figure, week by week. */
function trendCharts(weeks: WeeksReport): ChartSpec[] {
  const labels = weeks.weeks.map((w) => w.until.slice(0, 10));
  return [1, 2, 3, 4, 5].map((question) => {
    const points = weeks.weeks.map(
      (w) => w.headlines.find((h) => h.question === question)?.value ?? null,
    );
    const label = weeks.weeks[0]?.headlines.find((h) => h.question === question)?.label ?? "";
    return {
      id: `trend-q${question}`,
      title: `Question ${question}, week by week (weeks ending ${labels[0]} to ${labels.at(-1)})`,
      unit: label,
      horizontal: false,
      type: "line" as const,
      small: true,
      labels,
      datasets: [{ label, data: points, color: NOW }],
    };
  });
}
