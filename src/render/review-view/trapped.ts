import { tradeoffPhrases } from "../../core/decisions/index.js";
import { plural, pluralWord } from "../format.js";
import { type Block, code, inline, joinParts, strong, withCode } from "../view.js";
import {
  areaLabel,
  capitalise,
  decisionRef,
  holders,
  missing,
  trend,
  type ViewContext,
} from "./shared.js";

/** Rows of the trapped-areas table; the rest are counted ("… and N more"). */
const TRAPPED_ROWS = 15;

/** Question 3: concentrated areas, which of them are written down, and decisions made alone. */
export function trappedBlocks(ctx: ViewContext): Block[] {
  const t = ctx.report.trappedKnowledge;
  const c = t.counts;
  const blocks: Block[] = [
    { kind: "charts", ids: ["chart-trapped"] },
    {
      kind: "paragraph",
      parts: inline`From git authorship: ${strong(plural(c.islands, "knowledge island"))} (areas with one active author; ${trend(c.islands, c.previousIslands)}) and ${strong(plural(c.orphaned, "orphaned area"))} (every author has left; ${trend(c.orphaned, c.previousOrphaned)}).`,
    },
    {
      kind: "bar-chart",
      title: "Concentrated areas at the start and end of the period",
      x: ["islands (start)", "islands (end)", "orphaned (start)", "orphaned (end)"],
      yAxis: "areas",
      values: [c.previousIslands, c.islands, c.previousOrphaned, c.orphaned],
    },
  ];
  const uncovered = t.now.filter((risk) => risk.decisions.length === 0);
  const covered = t.now.filter((risk) => risk.decisions.length > 0);
  if (uncovered.length > 0) {
    blocks.push(
      {
        kind: "paragraph",
        parts: inline`${
          t.missing === null
            ? "Trapped: these areas' judgment lives in at most one active person and no accepted decision record is about them."
            : "These areas' judgment lives in at most one active person."
        }`,
      },
      {
        kind: "table",
        name: "trapped",
        columns: [
          { parts: inline`Area` },
          { parts: inline`Status` },
          { parts: inline`Files`, numeric: true },
          { parts: inline`Who holds it (files authored, last commit)` },
        ],
        rows: uncovered
          .slice(0, TRAPPED_ROWS)
          .map((risk) => [
            { parts: [code(areaLabel(ctx, risk))] },
            { parts: inline`${risk.status === "orphaned" ? "orphaned" : "knowledge island"}` },
            { parts: inline`${risk.files}` },
            { parts: holders(risk) },
          ]),
      },
    );
    if (uncovered.length > TRAPPED_ROWS)
      blocks.push(andMore(uncovered.length - TRAPPED_ROWS, "area"));
  }
  if (covered.length > 0)
    blocks.push(
      {
        kind: "paragraph",
        parts: inline`Written down: these concentrated areas have accepted decision records, so their reasoning can leave one head:`,
      },
      {
        kind: "list",
        items: covered.map(
          (risk) =>
            inline`${code(areaLabel(ctx, risk))}: ${joinParts(
              risk.decisionLinks.length > 0
                ? risk.decisionLinks.map((d) => decisionRef(ctx, d))
                : risk.decisions.map((path) => [code(`${risk.repository}: ${path}`)]),
              ", ",
            )}`,
        ),
      },
    );
  if (t.singleDecider.length > 0)
    blocks.push(
      {
        kind: "paragraph",
        parts: inline`Decided alone: accepted decisions with a single decision-maker and no one consulted or informed:`,
      },
      {
        kind: "list",
        items: t.singleDecider.map(
          (d) => inline`${decisionRef(ctx, d, [d.id])}, decided by ${strong(d.decisionMaker.name)}`,
        ),
      },
    );
  if (t.participantsUnrecorded > 0) {
    const n = t.participantsUnrecorded;
    blocks.push({
      kind: "paragraph",
      parts: inline`${plural(n, "accepted record")} ${pluralWord(n, "uses", "use")} a format (Nygard, adr-tools) that does not record who decided or was consulted: not judged.`,
    });
  }
  if (t.newlyTrapped.length > 0)
    blocks.push({
      kind: "paragraph",
      parts: inline`New this period: ${joinParts(
        t.newlyTrapped.map((area) => [code(area)]),
        ", ",
      )}.`,
    });
  if (t.released.length > 0)
    blocks.push({
      kind: "paragraph",
      parts: inline`No longer trapped: ${joinParts(
        t.released.map((area) => [code(area)]),
        ", ",
      )}.`,
    });
  if (t.missing)
    blocks.push({
      kind: "paragraph",
      role: "missing",
      parts: inline`Not covered: ${withCode(t.missing.needs)}. ${withCode(capitalise(t.missing.howToProvide))}.`,
    });
  return blocks;
}

/** Question 4: records dated in the period, with and without their tradeoff in business terms. */
export function tradeoffBlocks(ctx: ViewContext): Block[] {
  const d = ctx.report.tradeoffs;
  if (d.missing) return [missing(d.missing)];
  const stated = d.stated.length;
  const notStated = d.notStated.length;
  const all = d.allRecords;
  const blocks: Block[] = [
    {
      kind: "paragraph",
      parts: inline`${plural(d.inPeriod, "decision record")} dated in the period: ${stated} ${pluralWord(stated, "states", "state")} the tradeoff in business terms, ${notStated} ${pluralWord(notStated, "does", "do")} not. In all, ${all.stated} of ${plural(all.total, "record")} ${pluralWord(all.stated, "states", "state")} one.`,
    },
  ];
  const items = [
    ...d.stated.map(
      (s) => inline`Stated: ${decisionRef(ctx, s)}: ${tradeoffPhrases(s.tradeoff).join("; ")}`,
    ),
    ...d.notStated.map(
      (s) =>
        inline`Not stated: ${decisionRef(ctx, s)}: add the executive tradeoff (risk reduced, option preserved, cost accepted, outcome protected)`,
    ),
  ];
  if (items.length > 0) blocks.push({ kind: "list", items });
  return blocks;
}

/** "… and N more areas (`legible knowledge` lists every area)." */
export function andMore(count: number, noun: string): Block {
  return {
    kind: "paragraph",
    parts: inline`… and ${plural(count, `more ${noun}`, `more ${noun}s`)} (${code("legible knowledge")} lists every area).`,
  };
}
