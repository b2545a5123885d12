import { stringify } from "csv-stringify/sync";
import type { AreaReport, KnowledgeReport, RepositoryKnowledge } from "../app/report-types.js";
import { isoDate, mdCell, plural } from "./format.js";
import { mermaidLabel } from "./markdown.js";
import { csvSafe, visibleControls } from "./safe-text.js";
import { renderTable } from "./table.js";
import { describeUniverse } from "./universe.js";

export interface RenderOptions {
  /** A terminal: aligned tables, relative times. Otherwise tab-separated values. */
  pretty: boolean;
  bold: (text: string) => string;
  /** How many areas to show in a table (all when undefined). */
  limit?: number;
}

const STATUS_LABEL: Record<AreaReport["status"], string> = {
  orphaned: "orphaned",
  "knowledge-island": "knowledge island",
  "at-risk": "at risk",
  shared: "shared",
};

/** The terminal view: one table of areas by risk per repository, with what the figures rest on. */
export function knowledgeTable(report: KnowledgeReport, options: RenderOptions): string {
  return report.repositories
    .map((repository) => repositoryTable(report, repository, options))
    .join("\n");
}

function repositoryTable(
  report: KnowledgeReport,
  repository: RepositoryKnowledge,
  options: RenderOptions,
): string {
  const lines: string[] = [];
  lines.push(
    options.bold(
      `${repository.name} @ ${repository.commit?.slice(0, 12) ?? "(no commit)"} (${repository.ref}), as of ${report.asOf.date.slice(0, 10)}, ${modeLabel(report)}`,
    ),
  );
  lines.push(headline(repository, report));
  lines.push(describeUniverse(repository.universe));
  lines.push("");
  const areas =
    options.limit === undefined ? repository.areas : repository.areas.slice(0, options.limit);
  const rows = [{ ...repository.whole, label: "(whole repository)" }, ...areas].map((area) => [
    area.label,
    STATUS_LABEL[area.status],
    String(area.truckFactor),
    String(area.activeAuthors),
    String(area.files),
    authorsCell(area, 3),
  ]);
  lines.push(
    renderTable(
      ["AREA", "STATUS", "TF", "ACTIVE AUTHORS", "FILES", "AUTHORS (files authored)"],
      rows,
      {
        pretty: options.pretty,
        numeric: [2, 3, 4],
        bold: options.bold,
      },
    ).trimEnd(),
  );
  if (areas.length < repository.areas.length)
    lines.push(
      `… ${repository.areas.length - areas.length} more areas (--json or --format csv lists all)`,
    );
  for (const caveat of repository.caveats) lines.push(`caveat: ${caveat}`);
  return `${lines.join("\n")}\n`;
}

/** Markdown with a Mermaid graph of people ↔ the riskiest areas. */
export function knowledgeMarkdown(report: KnowledgeReport, options: { limit: number }): string {
  const out: string[] = [`# Knowledge risk`, ""];
  out.push(
    `As of ${report.asOf.date.slice(0, 10)} (${report.asOf.label}), ${modeLabel(report)}; former contributors are people with no commit in the last ${report.activeDays} days.`,
    "",
  );
  for (const repository of report.repositories) {
    out.push(`## ${mdCell(repository.name)}`, "");
    out.push(
      mdCell(headline(repository, report)),
      "",
      mdCell(describeUniverse(repository.universe)),
      "",
    );
    for (const caveat of repository.caveats) out.push(`> **Caveat:** ${mdCell(caveat)}`, "");
    const areas = repository.areas.slice(0, options.limit);
    out.push(
      "| Area | Status | Truck factor | Active authors | Files | Authors (files authored) |",
      "|---|---|--:|--:|--:|---|",
    );
    for (const area of areas) {
      out.push(
        `| ${mdCell(area.label)} | ${STATUS_LABEL[area.status]} | ${area.truckFactor} | ${area.activeAuthors} | ${area.files} | ${mdCell(authorsCell(area, 4))} |`,
      );
    }
    out.push("", mermaid(areas.filter((a) => a.status !== "shared").slice(0, 8)), "");
  }
  return `${out.join("\n")}\n`;
}

/** Every area of every repository, one row each, for spreadsheets. */
export function knowledgeCsv(report: KnowledgeReport): string {
  const rows = report.repositories.flatMap((repository) =>
    repository.areas.map((area) => ({
      repository: repository.name,
      area: area.id,
      kind: area.kind,
      status: area.status,
      truck_factor: area.truckFactor,
      all_time_truck_factor: area.allTimeTruckFactor,
      active_authors: area.activeAuthors,
      files: area.files,
      orphaned_files: area.orphanedFiles,
      single_author_files: area.singleAuthorFiles,
      truck_factor_developers: area.truckFactorDevelopers.map((p) => p.name).join("; "),
      authors: area.authors
        .map((a) => `${a.name} (${a.files}${a.active ? "" : ", former"})`)
        .join("; "),
    })),
  );
  // A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is neutralised.
  return stringify(rows, {
    header: true,
    columns: CSV_COLUMNS,
    cast: { string: (value) => csvSafe(visibleControls(value)) },
  });
}

const CSV_COLUMNS = [
  "repository",
  "area",
  "kind",
  "status",
  "truck_factor",
  "all_time_truck_factor",
  "active_authors",
  "files",
  "orphaned_files",
  "single_author_files",
  "truck_factor_developers",
  "authors",
];

function modeLabel(report: KnowledgeReport): string {
  return report.mode === "avelino2016"
    ? "avelino2016 mode (the 2016 paper's rules)"
    : "default mode (former contributors count as gone)";
}

function headline(repository: RepositoryKnowledge, report: KnowledgeReport): string {
  const names = repository.truckFactorDevelopers.map((p) => p.name).join(", ");
  const base = `Truck factor ${repository.truckFactor}${names ? ` (${names})` : ""}`;
  return report.mode === "default"
    ? `${base}; ${repository.allTimeTruckFactor} counting everyone who ever authored a file.`
    : `${base}.`;
}

function authorsCell(area: AreaReport, max: number): string {
  if (area.authors.length === 0) return "(none)";
  const shown = area.authors
    .slice(0, max)
    .map(
      (a) =>
        `${a.name} (${a.files}${a.active ? "" : `, former${a.lastActive ? ` since ${isoDate(Date.parse(a.lastActive) / 1000)}` : ""}`})`,
    );
  return area.authors.length > max
    ? `${shown.join(", ")}, +${area.authors.length - max}`
    : shown.join(", ");
}

function mermaid(areas: AreaReport[]): string {
  const lines = ["```mermaid", "graph LR"];
  const people = new Map<string, string>();
  areas.forEach((area, i) => {
    lines.push(
      `  a${i}["${escapeMermaid(area.label)}<br/>${STATUS_LABEL[area.status]}, TF ${area.truckFactor}"]`,
    );
    for (const author of area.authors.slice(0, 4)) {
      if (!people.has(author.id)) {
        people.set(author.id, `p${people.size}`);
        lines.push(
          `  ${people.get(author.id)}(["${escapeMermaid(author.name)}${author.active ? "" : " (former)"}"])`,
        );
      }
      lines.push(`  ${people.get(author.id)} -- "${plural(author.files, "file")}" --> a${i}`);
    }
  });
  if (areas.length === 0) lines.push(`  none["no knowledge islands or orphaned areas"]`);
  lines.push("```");
  return lines.join("\n");
}

function escapeMermaid(text: string): string {
  return mermaidLabel(text);
}
