import type { ReviewReport } from "../app/review.js";
import { markdownBlocks, markdownText } from "./markdown.js";
import { type ReviewViewOptions, reviewView } from "./review-view.js";

/**
 * The weekly operating review in Markdown: the five questions, then who we depend on, with Mermaid
 * charts. Written from {@link reviewView}, like the HTML review; every text from the data is
 * escaped. `linkBase` is the directory the Markdown is written to (decision records are linked
 * relative to it).
 */
export function reviewMarkdown(report: ReviewReport, options: ReviewViewOptions = {}): string {
  const view = reviewView(report, options);
  const lines = [`# ${markdownText(view.title)}`, "", ...markdownBlocks(view.intro)];
  for (const section of view.sections)
    lines.push(`## ${markdownText(section.heading)}`, "", ...markdownBlocks(section.blocks, 3));
  return `${lines.join("\n").trimEnd()}\n`;
}
