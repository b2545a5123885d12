import type { ReviewReport } from "../../app/review.js";
import { plural } from "../format.js";
import { type Block, type Cell, code, type Inline, inline, strong } from "../view.js";
import { hours, missing, pct, type ViewContext } from "./shared.js";

/** Question 1: incidents against the previous period, then the risks held by one person. */
export function heroicsBlocks(ctx: ViewContext): Block[] {
  const blocks: Block[] = [{ kind: "charts", ids: ["chart-incidents", "chart-restore"] }];
  const h = ctx.report.heroics;
  if (h.answer) {
    const a = h.answer;
    blocks.push({
      kind: "paragraph",
      parts: inline`${plural(a.incidents.now, "incident")} this period (${a.incidents.before} in the previous one); median time to restore ${hours(a.incidents.restoreMedianHours)} (previously ${hours(a.incidents.restoreMedianHoursBefore)}).`,
    });
    const items: Inline[][] = [
      ...a.responderRisks.map(
        (r) =>
          inline`Heroics in ${r.group}: ${strong(r.holder.name)} handled ${pct(r.share)} of the ${plural(r.incidents, "incident")} with a recorded responder this period. Spread the on-call knowledge (runbooks, pairing on incidents).`,
      ),
      ...a.reviewRisks.map(
        (r) =>
          inline`Work in ${code(r.area)} waits for one person: ${strong(r.holder.name)} did ${pct(r.share)} of its ${plural(r.reviews, "review")} this period${r.explanation ? `; ${r.explanation}` : ""}.`,
      ),
    ];
    blocks.push(
      items.length > 0
        ? { kind: "list", items }
        : {
            kind: "paragraph",
            parts: inline`No incident or review depended on one person this period.`,
          },
    );
  }
  if (h.missing) blocks.push(missing(h.missing));
  return blocks;
}

const CHANGE: Record<string, string> = {
  removed: "Removed",
  "routed-around": "Routed around",
  persisting: "Persisting",
  new: "New",
};

/** The overall medians slow areas are judged against; not yet in `ReviewReport` (see below). */
export interface FrictionBaseline {
  slowFactor: number;
  now: FrictionOverall;
  before: FrictionOverall;
}
interface FrictionOverall {
  pullRequests: number;
  pickupMedianHours: number | null;
  reviewMedianHours: number | null;
}

/**
 * Question 2: per area, its class, the figures of both periods and the rule that classified it.
 * The baseline sentence is written when the report carries `friction.answer.baseline` (proposed:
 * the period's overall medians and the slow factor), which the data side does not give yet.
 */
export function frictionBlocks(ctx: ViewContext): Block[] {
  const blocks: Block[] = [{ kind: "charts", ids: ["chart-friction"] }];
  const f = ctx.report.friction;
  if (f.answer) {
    const areas = f.answer.areas;
    if (areas.length === 0)
      blocks.push({
        kind: "paragraph",
        parts: inline`No area showed review friction in this period or the previous one.`,
      });
    else {
      const cell = (parts: Inline[]): Cell => ({ parts });
      const pair = (before: string | number, now: string | number) =>
        cell(inline`${before} → ${now}`);
      blocks.push({
        kind: "table",
        name: "friction",
        columns: [
          { parts: inline`Area` },
          { parts: inline`Change` },
          { parts: inline`Pull requests (previous → this period)`, numeric: true },
          { parts: inline`Reviews (previous → this period)`, numeric: true },
          { parts: inline`Pickup median (previous → this period)`, numeric: true },
          { parts: inline`Review median (previous → this period)`, numeric: true },
          { parts: inline`Why` },
        ],
        rows: areas.map((area) => [
          cell([code(area.area)]),
          cell(inline`${CHANGE[area.change] ?? area.change}`),
          pair(area.before.pullRequests, area.now.pullRequests),
          pair(area.before.reviews, area.now.reviews),
          pair(hours(area.before.pickupMedianHours), hours(area.now.pickupMedianHours)),
          pair(hours(area.before.reviewMedianHours), hours(area.now.reviewMedianHours)),
          cell(inline`${area.reason}`),
        ]),
      });
      blocks.push({
        kind: "paragraph",
        parts: inline`Each area's medians are over the merged pull requests that touched it in that period (a pull request counts in every area it touched). ${baselineSentence(f.answer)}`,
      });
    }
  }
  if (f.missing) blocks.push(missing(f.missing));
  return blocks;
}

function baselineSentence(answer: NonNullable<ReviewReport["friction"]["answer"]>): string {
  const baseline = (answer as { baseline?: FrictionBaseline }).baseline;
  if (!baseline)
    return "An area is slow when its pickup or review median exceeds the period's overall median by the slow factor.";
  const overall = (o: FrictionOverall) =>
    `pickup ${hours(o.pickupMedianHours)}, review ${hours(o.reviewMedianHours)} over ${plural(o.pullRequests, "pull request")}`;
  return `An area is slow when its pickup or review median exceeds the period's overall median × ${baseline.slowFactor}: this period ${overall(baseline.now)}; the previous period ${overall(baseline.before)}.`;
}
