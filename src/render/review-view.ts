/**
 * The weekly review as a view: its title, a top matter and six sections of blocks, every sentence
 * written once. `reviewMarkdown` and `reviewHtml` walk it, each escaping for its own syntax; the
 * JSON output is the report itself.
 */
import type { ReviewReport } from "../app/review.js";
import { plural } from "./format.js";
import { capabilityBlocks, dependsOnBlocks } from "./review-view/capability.js";
import { coordinationCostBlocks, teamCoordinationBlocks } from "./review-view/coordination.js";
import { frictionBlocks, heroicsBlocks } from "./review-view/delivery.js";
import { answeredFromGit, gitHistoryBlocks } from "./review-view/git-history.js";
import { dateOf, type ReviewViewOptions, type ViewContext } from "./review-view/shared.js";
import { tradeoffBlocks, trappedBlocks } from "./review-view/trapped.js";
import { describeUniverse } from "./universe.js";
import { type Block, code, inline, joinParts, type Section } from "./view.js";

export type { ReviewViewOptions } from "./review-view/shared.js";

/** The headings of the review's sections, in order: the five questions, then who we depend on. */
export const REVIEW_HEADINGS = [
  "1. Where did we require heroics this period, and why?",
  "2. Which recurring friction did senior people remove rather than route around?",
  "3. Which decisions are still trapped in one person's head?",
  "4. Which technical tradeoffs were translated into business terms?",
  "5. Which team is now more capable because of senior technical involvement?",
  "Who we depend on",
] as const;

export interface ReviewView {
  title: string;
  /** Before the questions: history that stopped, the repositories, what the figures rest on, caveats. */
  intro: Block[];
  sections: Section[];
}

/** The review's view: pure, from the report and where the report is written (for links). */
export function reviewView(report: ReviewReport, options: ReviewViewOptions = {}): ReviewView {
  const ctx: ViewContext = {
    report,
    linkBase: options.linkBase ?? null,
    many: report.repositories.length > 1,
  };
  const builders = [
    ["heroics", heroicsBlocks],
    ["friction", (ctx: ViewContext) => [...frictionBlocks(ctx), ...coordinationCostBlocks(ctx)]],
    ["trapped", trappedBlocks],
    ["tradeoffs", tradeoffBlocks],
    [
      "capability",
      (ctx: ViewContext) => [...capabilityBlocks(ctx), ...teamCoordinationBlocks(ctx)],
    ],
    ["depends-on", dependsOnBlocks],
  ] as const;
  return {
    title: `Weekly operating review: ${dateOf(report.period.since)} to ${dateOf(report.period.until)}`,
    intro: intro(ctx),
    sections: builders.map(([id, build], i) => ({
      id,
      heading: REVIEW_HEADINGS[i]!,
      blocks: withGitHistory(ctx, id, build(ctx)),
    })),
  };
}

/**
 * A section's blocks followed by what git history alone answers there; when git answers it, the
 * "Not answered" paragraph gives way to the git answer's "what an import would add".
 */
function withGitHistory(ctx: ViewContext, id: string, blocks: Block[]): Block[] {
  const kept = answeredFromGit(ctx, id)
    ? blocks.filter((b) => !(b.kind === "paragraph" && b.role === "missing"))
    : blocks;
  return [...kept, ...gitHistoryBlocks(ctx, id)];
}

function intro(ctx: ViewContext): Block[] {
  const { report } = ctx;
  const blocks: Block[] = report.repositories
    .filter((r) => r.historyStopped)
    .map((r) => ({ kind: "note", label: "History stopped", parts: historyStopped(ctx, r) }));
  const repositories = report.repositories.map(
    (r) =>
      inline`${code(r.name)} @ ${code(r.commit?.slice(0, 12) ?? "(no commit)")} (${plural(r.commitsInPeriod, "commit")} in the period)`,
  );
  blocks.push({
    kind: "paragraph",
    role: "lead",
    parts: inline`Repositories: ${joinParts(repositories, ", ")}. Trends compare the end of the period with its start (${plural(report.period.days, "day")} earlier).`,
  });
  for (const r of report.repositories)
    blocks.push({
      kind: "paragraph",
      role: "universe",
      parts: inline`${ctx.many ? `${r.name}: ` : ""}${describeUniverse(r.universe)}`,
    });
  for (const caveat of report.repositories.flatMap((r) => r.caveats))
    blocks.push({ kind: "note", label: "Caveat", parts: inline`${caveat}` });
  return blocks;
}

function historyStopped(ctx: ViewContext, r: ReviewReport["repositories"][number]) {
  if (r.lastCommit === null)
    return inline`${code(r.name)} has no commit at the analysed ref: the history stopped, so its authors look former.`;
  const last = dateOf(r.lastCommit);
  const days = Math.floor(
    (Date.parse(ctx.report.period.until) - Date.parse(r.lastCommit)) / 86_400_000,
  );
  return inline`${code(r.name)}: the newest commit is from ${last}, ${plural(days, "day")} before the end of this period: the history stopped, so its authors look former. Review an earlier period with ${code(`--until ${last}`)}.`;
}
