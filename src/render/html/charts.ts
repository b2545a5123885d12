import type { ReviewReport } from "../../app/review.js";

/** One bar chart of the HTML review: what the inline script draws, and what its table shows. */
export interface ChartSpec {
  /** The canvas's element id. */
  id: string;
  title: string;
  /** What the values count or measure (the value axis's title). */
  unit: string;
  /** Horizontal bars (one row per label) for long label lists such as areas. */
  horizontal: boolean;
  /** A line chart (a trend over weeks or months); bars when absent. */
  type?: "line";
  /** A small chart inside a card: no legend, no axis titles (its figcaption and label say it). */
  small?: boolean;
  labels: string[];
  /** null: no value (a median with nothing to take it of). */
  datasets: { label: string; data: (number | null)[]; color: string }[];
}

const BEFORE = "#9aa5b1";
const NOW = "#1d4ed8";
const PICKUP_BEFORE = "#f6c28b";
const PICKUP_NOW = "#c2570c";
const REVIEW_BEFORE = "#a5b4fc";
const REVIEW_NOW = "#4338ca";
/** Horizontal charts show at most this many areas (the table below lists every one). */
export const MAX_CHART_AREAS = 20;

/**
 * The charts of the review, from its data alone: knowledge islands and orphaned areas at the start
 * and end of the period (always), incidents and time to restore against the previous period (when
 * incidents were imported), and pickup and review medians per area against the previous period
 * (when an area had review friction), and per team (roster groups big enough to show) the
 * concentrated areas it owns and those whose exit path is working. No chart shows people.
 */
export function reviewCharts(report: ReviewReport): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const c = report.trappedKnowledge.counts;
  charts.push({
    id: "chart-trapped",
    title: "Knowledge islands and orphaned areas: start and end of the period",
    unit: "areas",
    horizontal: false,
    labels: ["Knowledge islands", "Orphaned areas"],
    datasets: [
      {
        label: "Start of the period",
        data: [c.previousIslands, c.previousOrphaned],
        color: BEFORE,
      },
      { label: "End of the period", data: [c.islands, c.orphaned], color: NOW },
    ],
  });
  const heroics = report.heroics;
  if (heroics.answer && heroics.missing === null) {
    const i = heroics.answer.incidents;
    charts.push({
      id: "chart-incidents",
      title: "Incidents: previous period and this period",
      unit: "incidents",
      horizontal: false,
      labels: ["Incidents"],
      datasets: [
        { label: "Previous period", data: [i.before], color: BEFORE },
        { label: "This period", data: [i.now], color: NOW },
      ],
    });
    if (i.restoreMedianHours !== null || i.restoreMedianHoursBefore !== null)
      charts.push({
        id: "chart-restore",
        title: "Median time to restore: previous period and this period",
        unit: "hours",
        horizontal: false,
        labels: ["Median time to restore"],
        datasets: [
          { label: "Previous period", data: [i.restoreMedianHoursBefore], color: BEFORE },
          { label: "This period", data: [i.restoreMedianHours], color: NOW },
        ],
      });
  }
  const areas = report.friction.answer?.areas ?? [];
  if (areas.length > 0) {
    const shown = areas.slice(0, MAX_CHART_AREAS);
    charts.push({
      id: "chart-friction",
      title: `Review waits per area: medians in the previous period and this one${areas.length > shown.length ? ` (first ${shown.length} of ${areas.length} areas)` : ""}`,
      unit: "hours",
      horizontal: true,
      labels: shown.map((a) => a.area),
      datasets: [
        {
          label: "Pickup, previous period",
          data: shown.map((a) => a.before.pickupMedianHours),
          color: PICKUP_BEFORE,
        },
        {
          label: "Pickup, this period",
          data: shown.map((a) => a.now.pickupMedianHours),
          color: PICKUP_NOW,
        },
        {
          label: "Review, previous period",
          data: shown.map((a) => a.before.reviewMedianHours),
          color: REVIEW_BEFORE,
        },
        {
          label: "Review, this period",
          data: shown.map((a) => a.now.reviewMedianHours),
          color: REVIEW_NOW,
        },
      ],
    });
  }
  const teams = report.capability.teams.filter((t) => t.withheld === null);
  if (teams.some((t) => t.concentratedAreas > 0))
    charts.push({
      id: "chart-capability",
      title:
        "Concentrated areas each team owns, and those whose knowledge spread over the last quarter",
      unit: "areas",
      horizontal: true,
      labels: teams.map((t) => t.team),
      datasets: [
        {
          label: "Areas concentrated now or a quarter ago",
          data: teams.map((t) => t.concentratedAreas),
          color: BEFORE,
        },
        {
          label: "Exit paths working",
          data: teams.map((t) => t.exitPathsWorking),
          color: NOW,
        },
      ],
    });
  return charts;
}
