import type { ReviewCoordination } from "../../app/review-coordination.js";
import { plural } from "../format.js";
import { type Block, code, inline, strong } from "../view.js";
import type { ViewContext } from "./shared.js";

const mean = (value: number | null) => (value === null ? "none" : value.toFixed(2));

function what(c: ReviewCoordination): string {
  return c.changes === "pull-requests" ? "merged pull request" : "commit";
}

/** Question 2, coordination cost: teams per change against the previous period, and areas that moved. */
export function coordinationCostBlocks(ctx: ViewContext): Block[] {
  const c = ctx.report.coordination;
  if (!c) return [];
  const { now, before } = c.period;
  const blocks: Block[] = [
    { kind: "heading", parts: inline`Coordination cost` },
    {
      kind: "paragraph",
      parts: inline`Teams per change (each ${what(c)}, by the teams owning the files it touched, from CODEOWNERS and the roster): ${mean(now.mean)} over ${plural(now.changes, "change")} this period, ${mean(before.mean)} over ${plural(before.changes, "change")} in the previous one.`,
    },
  ];
  if (c.areas.length > 0)
    blocks.push({
      kind: "list",
      items: c.areas.map(
        (a) =>
          inline`${strong(a.direction === "fewer" ? "Removed" : "Added")}: changes to ${code(a.area)} needed ${mean(a.now.mean)} owning teams on average (${mean(a.before.mean)} in the previous period; ${plural(a.now.changes, "change")}).`,
      ),
    });
  return blocks;
}

/** Question 5, coordination: roster teams whose changes need fewer other teams than a quarter ago. */
export function teamCoordinationBlocks(ctx: ViewContext): Block[] {
  const c = ctx.report.coordination;
  if (!c || c.teams.length === 0) return [];
  const fewer = c.teams.filter((t) => t.fewer);
  const withheld = c.teams.filter((t) => t.withheld !== null).length;
  const shown = c.teams.length - withheld;
  const blocks: Block[] =
    shown === 0
      ? []
      : [
          {
            kind: "paragraph",
            parts:
              fewer.length === 0
                ? inline`No team's changes needed fewer other teams than a quarter ago.`
                : inline`Teams whose changes need fewer other teams than a quarter ago (owning teams other than their own, per ${what(c)}):`,
          },
        ];
  if (fewer.length > 0)
    blocks.push({
      kind: "list",
      items: fewer.map(
        (t) =>
          inline`${strong(t.team)}: ${mean(t.now.mean)} other teams per change over ${plural(t.now.changes, "change")} in the last quarter, ${mean(t.before.mean)} over ${t.before.changes} the quarter before.`,
      ),
    });
  if (withheld > 0)
    blocks.push({
      kind: "paragraph",
      parts: inline`Teams needing fewer other teams: ${plural(withheld, "team")} with fewer active people than privacy.minGroupSize not shown.`,
    });
  return blocks;
}
