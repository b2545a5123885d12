import { criterionEvidence } from "../core/ladder/evidence.js";
import {
  findLevel,
  type Ladder,
  type LadderCriterion,
  type LadderLevel,
  peerLevel,
  TRACKS,
  type Track,
} from "../core/ladder/model.js";
import { LegibleError } from "../errors.js";
import { mdCell } from "./format.js";
import { renderTable } from "./table.js";

/** Options of `legible ladder show`. */
export interface LadderRenderOptions {
  /** Show the criteria of this level only (an id, or a name in any case). */
  level?: string;
  /** Table format: aligned columns (a terminal, the default) or tab-separated values (a pipe). */
  pretty?: boolean;
}

const TRACK_LABEL: Record<Track, string> = {
  shared: "both tracks",
  ic: "individual contributor",
  manager: "manager",
};

const SOURCE_LABEL: Record<Ladder["source"], string> = {
  legible: "legible's default ladder",
  "financial-times": "Financial Times engineering-progression",
  monzo: "Monzo progression framework",
};

/**
 * `legible ladder show`: the levels by track side by side (peers on one row), the themes with
 * their leverage types, and the criteria — of one level when `options.level` names one. JSON is
 * the ladder itself (`version: 1`, `level`, criteria narrowed to the level). An unknown level is a
 * BAD_USAGE error listing the known ones.
 */
export function renderLadder(
  ladder: Ladder,
  format: "table" | "md" | "json",
  options: LadderRenderOptions,
): string {
  const level = options.level === undefined ? null : requireLevel(ladder, options.level);
  const criteria = level
    ? ladder.criteria.filter((criterion) => criterion.level === level.id)
    : ladder.criteria;
  if (format === "json") {
    const withEvidence = criteria.map((criterion) => ({
      ...criterion,
      evidence: criterionEvidence(ladder, criterion),
    }));
    return `${JSON.stringify({ version: 1, ...ladder, level: level?.id ?? null, criteria: withEvidence }, null, 2)}\n`;
  }
  if (format === "md") return markdown(ladder, level, criteria);
  return table(ladder, level, criteria, options.pretty ?? true);
}

function requireLevel(ladder: Ladder, wanted: string): LadderLevel {
  const level = findLevel(ladder, wanted);
  if (level) return level;
  throw new LegibleError(
    "BAD_USAGE",
    `unknown level '${wanted}' in ladder '${ladder.id}': expected one of ${ladder.levels.map((l) => l.id).join(", ")}`,
  );
}

/** One row per rank: the rank, a column per track present, the scope(s). */
function levelGrid(ladder: Ladder): { header: string[]; rows: string[][] } {
  const tracks = TRACKS.filter((track) => ladder.levels.some((level) => level.track === track));
  const hasScope = ladder.levels.some((level) => level.scope !== null);
  const ranks = [...new Set(ladder.levels.map((level) => level.rank))].sort((a, b) => a - b);
  const header = [
    "rank",
    ...tracks.map((track) => TRACK_LABEL[track]),
    ...(hasScope ? ["scope"] : []),
  ];
  const rows = ranks.map((rank) => {
    const atRank = ladder.levels.filter((level) => level.rank === rank);
    const names = tracks.map((track) =>
      atRank
        .filter((level) => level.track === track)
        .map((level) => level.name)
        .join(", "),
    );
    const scopes = [...new Set(atRank.flatMap((level) => (level.scope ? [level.scope] : [])))];
    return [String(rank), ...names, ...(hasScope ? [scopes.join(" / ")] : [])];
  });
  return { header, rows };
}

function levelOrder(ladder: Ladder): LadderLevel[] {
  return [...ladder.levels].sort(
    (a, b) => a.rank - b.rank || TRACKS.indexOf(a.track) - TRACKS.indexOf(b.track),
  );
}

function describeLevel(ladder: Ladder, level: LadderLevel): string {
  const parts = [TRACK_LABEL[level.track], `rank ${level.rank}`];
  if (level.scope) parts.push(`scope: ${level.scope}`);
  const other: Track | null =
    level.track === "ic" ? "manager" : level.track === "manager" ? "ic" : null;
  const peer = other ? peerLevel(ladder, level.id, other) : null;
  if (peer && peer.id !== level.id) parts.push(`peer: ${peer.name}`);
  return `${level.name} (${parts.join(", ")})`;
}

function leverageText(criterion: { leverage: readonly string[] }): string {
  return criterion.leverage.join(", ");
}

/** The evidence rules that demonstrate a criterion, or "your words" when the records cannot. */
function evidenceText(ladder: Ladder, criterion: LadderCriterion): string {
  const { rules } = criterionEvidence(ladder, criterion);
  return rules.length === 0 ? "your words" : rules.join(", ");
}

function criterionText(criterion: LadderCriterion): string {
  return criterion.examples.length === 0
    ? criterion.text
    : `${criterion.text} (e.g. ${criterion.examples.join("; ")})`;
}

function table(
  ladder: Ladder,
  level: LadderLevel | null,
  criteria: LadderCriterion[],
  pretty: boolean,
): string {
  const themeName = new Map(ladder.themes.map((theme) => [theme.id, theme.name]));
  const levelName = new Map(ladder.levels.map((l) => [l.id, l.name]));
  const grid = levelGrid(ladder);
  const out = [
    `${ladder.name} — ${SOURCE_LABEL[ladder.source]}\n\nLevels\n`,
    renderTable(grid.header, grid.rows, { pretty, numeric: [0] }),
    "\nThemes\n",
    renderTable(
      ["id", "theme", "leverage", "criteria"],
      ladder.themes.map((theme) => [
        theme.id,
        theme.name,
        leverageText(theme),
        String(criteria.filter((criterion) => criterion.theme === theme.id).length),
      ]),
      { pretty, numeric: [3] },
    ),
  ];
  if (level) {
    out.push(`\nCriteria: ${describeLevel(ladder, level)}\n`);
    out.push(
      renderTable(
        ["theme", "criterion", "leverage", "evidence"],
        criteria.map((c) => [
          themeName.get(c.theme) ?? c.theme,
          criterionText(c),
          leverageText(c),
          evidenceText(ladder, c),
        ]),
        { pretty },
      ),
    );
  } else {
    const rank = new Map(levelOrder(ladder).map((l, i) => [l.id, i]));
    const sorted = [...criteria].sort(
      (a, b) => (rank.get(a.level) ?? 0) - (rank.get(b.level) ?? 0),
    );
    out.push("\nCriteria\n");
    out.push(
      renderTable(
        ["level", "theme", "criterion", "leverage", "evidence"],
        sorted.map((c) => [
          levelName.get(c.level) ?? c.level,
          themeName.get(c.theme) ?? c.theme,
          criterionText(c),
          leverageText(c),
          evidenceText(ladder, c),
        ]),
        { pretty },
      ),
    );
  }
  return out.join("");
}

function markdown(ladder: Ladder, level: LadderLevel | null, criteria: LadderCriterion[]): string {
  const lines: string[] = [`# ${ladder.name}`, ""];
  lines.push(
    `${SOURCE_LABEL[ladder.source]}: ${ladder.levels.length} levels, ${ladder.themes.length} themes, ${ladder.criteria.length} criteria. Levels of the same rank are peers.`,
    "",
    "## Levels",
    "",
  );
  const grid = levelGrid(ladder);
  lines.push(mdRow(grid.header), mdRow(grid.header.map(() => "---")), ...grid.rows.map(mdRow), "");
  lines.push(
    "## Themes",
    "",
    mdRow(["theme", "leverage", "summary"]),
    mdRow(["---", "---", "---"]),
  );
  for (const theme of ladder.themes)
    lines.push(mdRow([theme.name, leverageText(theme), theme.summary ?? ""]));
  lines.push(
    "",
    "## Criteria",
    "",
    "Each criterion names the evidence rules whose records demonstrate it in an impact packet; _your words_ marks behaviour the records cannot show.",
    "",
  );
  const levels = level ? [level] : levelOrder(ladder);
  for (const shown of levels) {
    const own = criteria.filter((criterion) => criterion.level === shown.id);
    if (own.length === 0) continue;
    lines.push(`### ${describeLevel(ladder, shown)}`, "");
    for (const theme of ladder.themes) {
      const inTheme = own.filter((criterion) => criterion.theme === theme.id);
      if (inTheme.length === 0) continue;
      lines.push(`**${theme.name}**`, "");
      for (const criterion of inTheme) {
        const leverage = criterion.leverage.length > 0 ? ` _(${leverageText(criterion)})_` : "";
        lines.push(`- ${criterion.text}${leverage}`);
        for (const example of criterion.examples) lines.push(`  - e.g. ${example}`);
        lines.push(`  - evidence: ${evidenceText(ladder, criterion)}`);
      }
      lines.push("");
    }
  }
  if (level && criteria.length === 0) lines.push(`${level.name} has no criteria of its own.`, "");
  return `${lines.join("\n").trimEnd()}\n`;
}

function mdRow(cells: string[]): string {
  return `| ${cells.map(mdCell).join(" | ")} |`;
}
