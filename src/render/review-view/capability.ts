import type { AreaRisk } from "../../app/review.js";
import { plural, pluralWord } from "../format.js";
import { type Block, type Cell, code, type GraphNode, inline, joinParts, strong } from "../view.js";
import { areaLabel, holders, missing, STATUS, type ViewContext } from "./shared.js";
import { andMore } from "./trapped.js";

/** Working exit paths listed; the rest are counted. */
const EXIT_PATH_ROWS = 10;

/** Question 5: per team, concentrated areas and working exit paths; then the exit paths. */
export function capabilityBlocks(ctx: ViewContext): Block[] {
  const blocks: Block[] = [{ kind: "charts", ids: ["chart-capability"] }];
  const c = ctx.report.capability;
  if (c.teams.length > 0) {
    blocks.push(
      {
        kind: "table",
        name: "capability",
        columns: [
          { parts: inline`Team` },
          { parts: inline`People`, numeric: true },
          { parts: inline`Areas concentrated now or a quarter ago`, numeric: true },
          { parts: inline`Exit paths working (last quarter)`, numeric: true },
          { parts: inline`Knowledge spreading in` },
          { parts: inline`Capability contributions (e.g.)` },
        ],
        rows: c.teams.map((t): Cell[] =>
          t.withheld
            ? [
                { parts: inline`${t.team}` },
                { parts: inline`${t.people}` },
                { parts: inline`(${t.withheld})`, span: 4 },
              ]
            : [
                { parts: inline`${t.team}` },
                { parts: inline`${t.people}` },
                { parts: inline`${t.concentratedAreas}` },
                { parts: inline`${t.exitPathsWorking}` },
                {
                  parts:
                    t.spreading.length > 0
                      ? joinParts(
                          t.spreading.map((area) => [code(area)]),
                          ", ",
                        )
                      : inline`-`,
                },
                {
                  parts: inline`${t.capabilityContributions}${t.capabilityExamples.length > 0 ? ` (${t.capabilityExamples.join("; ")})` : ""}`,
                },
              ],
        ),
      },
      {
        kind: "paragraph",
        parts: inline`People: active members on the roster. Areas: those the team owns. Capability contributions: the period's changes and reviews by the team's members that build capability (docs, runbooks, tests, tooling, pairing, reviews).`,
      },
    );
  }
  const working = c.exitPaths.filter((p) => p.lastQuarter.working);
  blocks.push({
    kind: "paragraph",
    parts: inline`Exit paths: ${plural(c.exitPaths.length, "area")} concentrated now or a quarter ago; in ${working.length} of them knowledge spread over the last quarter (more active authors or a higher truck factor).`,
  });
  if (working.length > 0)
    blocks.push({
      kind: "list",
      items: working
        .slice(0, EXIT_PATH_ROWS)
        .map(
          (p) =>
            inline`${code(areaLabel(ctx, p))}: active authors ${p.lastQuarter.activeAuthorsBefore ?? 0} → ${p.lastQuarter.activeAuthorsNow}, truck factor ${p.lastQuarter.truckFactorBefore ?? 0} → ${p.lastQuarter.truckFactorNow}.`,
        ),
    });
  if (working.length > EXIT_PATH_ROWS)
    blocks.push(andMore(working.length - EXIT_PATH_ROWS, "working exit path"));
  if (c.missing) blocks.push(missing(c.missing));
  return blocks;
}

/** Who we depend on: the riskiest areas across the workspace, each with its evidence. */
export function dependsOnBlocks(ctx: ViewContext): Block[] {
  const { report } = ctx;
  if (report.dependsOn.length === 0)
    return [
      {
        kind: "paragraph",
        parts: inline`No area has its knowledge in at most one active person.`,
      },
    ];
  const blocks: Block[] = [
    {
      kind: "paragraph",
      parts: inline`The areas whose knowledge lives in at most one active person, riskiest first. These are risks of the areas, not judgments of the people.`,
    },
    dependencyGraph(ctx),
    ...report.dependsOn.map((risk): Block => riskGroup(ctx, risk)),
  ];
  const more = report.dependsOnTotal - report.dependsOn.length;
  if (more > 0) blocks.push(andMore(more, "area"));
  return blocks;
}

function riskGroup(ctx: ViewContext, risk: AreaRisk): Block {
  const was =
    risk.previousStatus && risk.previousStatus !== risk.status
      ? `; was ${risk.previousStatus} at the start of the period`
      : "";
  const items = [
    inline`${plural(risk.files, "file")}; truck factor ${risk.truckFactor}${was}.`,
    inline`Authors: ${holders(risk)}.`,
  ];
  const path = ctx.report.capability.exitPaths.find(
    (p) => p.area === risk.area && p.repository === risk.repository,
  );
  if (path) {
    const q = path.lastQuarter;
    const successors =
      path.successors.length > 0
        ? inline`suggested ${pluralWord(path.successors.length, "successor")} ${joinParts(
            path.successors.map(
              (s) =>
                inline`${strong(s.name)} (${plural(s.changes, "change")}, ${plural(s.reviews, "review")} in the last year)`,
            ),
            ", ",
          )}`
        : path.status === "orphaned"
          ? inline`no suggested successor: no active person changed or reviewed it in the last year`
          : inline`no suggested successor: no active person besides its ${pluralWord(path.holders.length, "holder")} changed or reviewed it in the last year`;
    items.push(
      inline`Exit path: ${successors}; over the last quarter active authors ${q.activeAuthorsBefore ?? 0} → ${q.activeAuthorsNow}, truck factor ${q.truckFactorBefore ?? 0} → ${q.truckFactorNow} (${q.working ? "spreading" : "not spreading yet"}).`,
    );
  }
  if (risk.exampleFiles.length > 0)
    items.push(
      inline`Most-changed files: ${joinParts(
        risk.exampleFiles.map((file) => [code(file)]),
        ", ",
      )}.`,
    );
  return {
    kind: "group",
    name: "risk",
    blocks: [
      { kind: "heading", parts: inline`${code(areaLabel(ctx, risk))}: ${STATUS[risk.status]}` },
      { kind: "list", items },
    ],
  };
}

/** The top risks as a graph: each area and the people who hold its knowledge. */
function dependencyGraph(ctx: ViewContext): Block {
  const nodes: GraphNode[] = [];
  const edges: { from: string; to: string; label: string }[] = [];
  const people = new Map<string, string>();
  ctx.report.dependsOn.forEach((risk, i) => {
    nodes.push({
      id: `a${i}`,
      lines: [areaLabel(ctx, risk), `${risk.status}, TF ${risk.truckFactor}`],
      shape: "box",
    });
    for (const holder of risk.holders) {
      let id = people.get(holder.id);
      if (id === undefined) {
        id = `p${people.size}`;
        people.set(holder.id, id);
        nodes.push({
          id,
          lines: [`${holder.name}${holder.active ? "" : " (former)"}`],
          shape: "round",
        });
      }
      edges.push({ from: id, to: `a${i}`, label: plural(holder.files, "file") });
    }
  });
  return { kind: "graph", nodes, edges };
}
