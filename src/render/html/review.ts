import type { ReviewReport } from "../../app/review.js";
import { REVIEW_HEADINGS, type ReviewViewOptions } from "../review-view.js";
import { staticPage } from "./app/layout.js";
import { weekPage } from "./app/week.js";

export { REVIEW_HEADINGS };

/**
 * The weekly operating review as one self-contained HTML document: the dashboard's This week page
 * (`legible serve`), with its data embedded — the same page function renders both, so the report
 * and the dashboard cannot drift apart. The same sections and facts as the Markdown review
 * (`reviewMarkdown`), readable without JavaScript, with charts drawn by an inlined copy of Chart.js
 * from the data embedded as JSON (`<script type="application/json" id="legible-review">`). The page
 * loads nothing: its Content-Security-Policy allows no fetch at all and only its own scripts (by
 * hash). Every text from the data is escaped. People appear only as holders of a risk. Links to
 * decision records are relative to `linkBase` (the directory the page is written to).
 */
export function reviewHtml(
  report: ReviewReport,
  options: ReviewViewOptions & { title?: string } = {},
): string {
  return staticPage(weekPage(report, { ...options, served: false }));
}
