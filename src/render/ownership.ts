import { stringify } from "csv-stringify/sync";
import type { CoordinationReport } from "../app/coordination.js";
import type { AreaOwnership, OwnerLoad } from "../app/ownership.js";
import type { OwnershipReport } from "../app/run/ownership.js";
import { mdCell, percent, plural } from "./format.js";
import { csvSafe } from "./safe-text.js";
import { renderTable } from "./table.js";

export interface OwnershipRenderOptions {
  pretty: boolean;
  bold: (text: string) => string;
  /** Areas shown in tables (all when undefined). */
  limit?: number;
}

const STATUS: Record<AreaOwnership["status"], string> = {
  aligned: "aligned",
  drift: "drift",
  unowned: "unowned",
  unresolved: "owners unresolved",
};

/** The area as tables name it: the whole repository of a single-repository report is "(whole repository)". */
function areaLabel(area: AreaOwnership): string {
  return area.area === "." ? "(whole repository)" : area.area;
}

function declaredCell(area: AreaOwnership): string {
  if (area.declared.length === 0) return "-";
  return area.declared
    .slice(0, 3)
    .map((d) => (d.files === area.files ? d.owner : `${d.owner} (${d.files}/${area.files})`))
    .concat(area.declared.length > 3 ? [`+${area.declared.length - 3}`] : [])
    .join(", ");
}

function holdersCell(area: AreaOwnership): string {
  const names = [
    ...area.authors,
    ...area.reviewers.filter((r) => !area.authors.some((a) => a.id === r.id)),
  ];
  if (names.length === 0) return "-";
  return (
    names
      .slice(0, 3)
      .map((p) => p.name)
      .join(", ") + (names.length > 3 ? ` +${names.length - 3}` : "")
  );
}

function leftCell(area: AreaOwnership): string {
  return area.ownersWhoLeft.length === 0
    ? "-"
    : area.ownersWhoLeft
        .map((o) => `${o.owner} (last ${o.lastActive?.slice(0, 10) ?? "unknown"})`)
        .join(", ");
}

function headline(report: OwnershipReport): string[] {
  const s = report.summary;
  const lines = [
    `Declared ownership against real knowledge, as of ${report.asOf.date.slice(0, 10)} (active: a commit${report.pullRequests ? " or review" : ""} in the last ${report.activeDays} days)`,
    `${plural(s.areas, "area")}: ${s.aligned} aligned, ${s.drift} drifting (no declared owner among the active authors${report.pullRequests ? " and reviewers" : ""}), ${s.unowned} unowned, ${s.unresolved} with owners legible cannot resolve`,
  ];
  for (const r of report.repositories) {
    const c = r.codeowners;
    lines.push(
      c.path === null
        ? `${r.name}: no CODEOWNERS file`
        : `${r.name}: ${c.path} (${c.dialect} rules, ${plural(c.rules, "rule")}${c.problems.length > 0 ? `, ${plural(c.problems.length, "line")} the host rejects` : ""})`,
    );
    for (const p of c.problems) lines.push(`  ${c.path}:${p.line}: ${p.message}`);
  }
  return lines;
}

/** The terminal view: areas (drift first), declared owners' review load, coordination. */
export function ownershipTable(report: OwnershipReport, options: OwnershipRenderOptions): string {
  const out = headline(report);
  out.push("");
  const areas = options.limit === undefined ? report.areas : report.areas.slice(0, options.limit);
  out.push(
    renderTable(
      ["AREA", "STATUS", "DECLARED OWNERS", "ACTIVE HOLDERS", "OWNERS WHO LEFT", "WHY"],
      areas.map((a) => [
        areaLabel(a),
        STATUS[a.status],
        declaredCell(a),
        holdersCell(a),
        leftCell(a),
        a.reason,
      ]),
      { pretty: options.pretty, bold: options.bold },
    ).trimEnd(),
  );
  if (report.areas.length > areas.length)
    out.push(`… ${report.areas.length - areas.length} more areas (--json lists all)`);
  if (report.owners.length > 0) {
    out.push(
      "",
      options.bold(
        `Review load of declared owners, ${report.reviewWindow.since.slice(0, 10)} to ${report.reviewWindow.until.slice(0, 10)} (by owner name, not a ranking)`,
      ),
    );
    out.push(
      renderTable(
        [
          "OWNER",
          "AREAS",
          "FILES",
          "PEOPLE (ACTIVE)",
          "PRS TOUCHING",
          "REVIEWED BY THEM",
          "REVIEWS",
        ],
        report.owners.map((o) => loadRow(o)),
        { pretty: options.pretty, numeric: [1, 2, 4, 5, 6], bold: options.bold },
      ).trimEnd(),
    );
  }
  out.push("", ...coordinationLines(report.coordination, options));
  if (report.trend) {
    out.push("", options.bold("Drift month by month (areas that drifted or changed status)"));
    out.push(
      renderTable(
        ["AREA", ...report.trend.months.map((m) => m.slice(0, 7))],
        report.trend.areas.map((a) => [
          a.area,
          ...a.statuses.map((s) => (s === null ? "-" : STATUS[s])),
        ]),
        { pretty: options.pretty, bold: options.bold },
      ).trimEnd(),
    );
  }
  for (const note of report.notes) out.push(`note: ${note}`);
  return `${out.join("\n")}\n`;
}

function loadRow(o: OwnerLoad): string[] {
  const people = o.people === null ? "unresolved" : `${o.people} (${o.activePeople})`;
  if (o.withheld)
    return [o.owner, String(o.areas), String(o.files), people, "-", "-", `withheld: ${o.withheld}`];
  return [
    o.owner,
    String(o.areas),
    String(o.files),
    people,
    o.pullRequests === null ? "-" : String(o.pullRequests),
    o.reviewed === null ? "-" : String(o.reviewed),
    o.reviews === null ? "-" : String(o.reviews),
  ];
}

function coordinationLines(c: CoordinationReport, options: OwnershipRenderOptions): string[] {
  const what = c.changes.kind === "pull-requests" ? "merged pull request" : "commit";
  const out = [
    options.bold(`Teams per change (each ${what}: the teams owning the files it touched)`),
    renderTable(
      ["MONTH", "CHANGES", "NO TEAM", "1 TEAM", "2 TEAMS", "3+ TEAMS", "MEAN", "2+ TEAMS"],
      c.months.map((m) => [
        m.month.slice(0, 7),
        String(m.changes),
        String(m.byTeams.none),
        String(m.byTeams.one),
        String(m.byTeams.two),
        String(m.byTeams.threeOrMore),
        m.mean === null ? "-" : m.mean.toFixed(2),
        m.multiTeamShare === null ? "-" : percent(m.multiTeamShare),
      ]),
      { pretty: options.pretty, numeric: [1, 2, 3, 4, 5, 6, 7], bold: options.bold },
    ).trimEnd(),
  ];
  const moved = c.areas.filter((a) => a.direction === "fewer" || a.direction === "more");
  if (moved.length > 0) {
    out.push(
      "",
      `Areas whose changes needed fewer or more teams (${c.quarters.now.since} to ${c.quarters.now.until} against the quarter before):`,
    );
    for (const a of moved)
      out.push(
        `  ${a.area}: ${a.before.mean?.toFixed(2)} → ${a.now.mean?.toFixed(2)} teams per change (${a.direction}; ${plural(a.now.changes, "change")} now, ${a.before.changes} before)`,
      );
  }
  const o = c.coupling.options;
  out.push(
    "",
    options.bold(
      `Cross-team change coupling, ${c.quarters.now.since} to ${c.quarters.now.until} (code-maat degree: shared changes ÷ mean changes of the two areas; min revs ${o.minRevs}, min shared ${o.minSharedRevs}, min degree ${o.minCoupling}%, change sets over ${o.maxChangesetSize} areas left out: ${c.coupling.tooLarge} of ${c.coupling.changesets})`,
    ),
  );
  if (c.coupling.crossTeam.length === 0)
    out.push("  no pair of areas owned by different teams is over the thresholds");
  else
    out.push(
      renderTable(
        ["AREA", "TEAM", "COUPLED AREA", "TEAM", "DEGREE", "SHARED", "AVG REVS", "BEFORE", "ROSE"],
        c.coupling.crossTeam.map((p) => [
          p.a,
          p.teamA,
          p.b,
          p.teamB,
          `${p.degree}%`,
          String(p.shared),
          String(p.averageRevs),
          p.degreeBefore === null ? "-" : `${p.degreeBefore}%`,
          p.rose ? "yes" : "no",
        ]),
        { pretty: options.pretty, numeric: [4, 5, 6, 7], bold: options.bold },
      ).trimEnd(),
    );
  return out;
}

/** Markdown: the same sections as the terminal view, every text from the data escaped. */
export function ownershipMarkdown(
  report: OwnershipReport,
  options: { limit?: number } = {},
): string {
  const out = [`# Ownership: declared owners against real knowledge`, ""];
  for (const line of headline(report)) out.push(`${mdCell(line)}  `);
  out.push(
    "",
    "## Areas",
    "",
    "| Area | Status | Declared owners | Active holders | Owners who left | Why |",
    "|---|---|---|---|---|---|",
  );
  const areas = options.limit === undefined ? report.areas : report.areas.slice(0, options.limit);
  for (const a of areas)
    out.push(
      `| ${[areaLabel(a), STATUS[a.status], declaredCell(a), holdersCell(a), leftCell(a), a.reason].map(mdCell).join(" | ")} |`,
    );
  if (report.owners.length > 0) {
    out.push(
      "",
      "## Review load of declared owners",
      "",
      `${mdCell(`${report.reviewWindow.since.slice(0, 10)} to ${report.reviewWindow.until.slice(0, 10)}, by owner name (not a ranking).`)}`,
      "",
      "| Owner | Areas | Files | People (active) | PRs touching | Reviewed by them | Reviews |",
      "|---|---:|---:|---|---:|---:|---:|",
    );
    for (const o of report.owners) out.push(`| ${loadRow(o).map(mdCell).join(" | ")} |`);
  }
  out.push("", "## Coordination", "");
  for (const line of coordinationLines(report.coordination, { pretty: false, bold: (t) => t }))
    for (const l of line.split("\n")) out.push(`    ${l}`);
  for (const note of report.notes) out.push("", `> ${mdCell(note)}`);
  return `${out.join("\n")}\n`;
}

/** CSV: one row per area. */
export function ownershipCsv(report: OwnershipReport): string {
  return stringify([
    [
      "area",
      "repository",
      "status",
      "files",
      "files_without_owner",
      "declared_owners",
      "active_authors",
      "active_reviewers",
      "owners_who_left",
      "reason",
    ],
    ...report.areas.map((a) =>
      [
        a.area,
        a.repository,
        a.status,
        a.files,
        a.filesWithoutOwner,
        a.declared.map((d) => `${d.owner}:${d.files}`).join(" "),
        a.authors.map((p) => p.name).join("; "),
        a.reviewers.map((p) => p.name).join("; "),
        a.ownersWhoLeft.map((o) => o.owner).join(" "),
        a.reason,
      ].map((cell) => (typeof cell === "string" ? csvSafe(cell) : cell)),
    ),
  ]);
}
