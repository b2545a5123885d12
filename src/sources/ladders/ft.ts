import { isScalar, type YAMLMap } from "yaml";
import { inferLeverage } from "../../core/ladder/leverage-keywords.js";
import type {
  Ladder,
  LadderCriterion,
  LadderLevel,
  LadderTheme,
  Track,
} from "../../core/ladder/model.js";
import { cleanText, slug, YamlReader } from "./yaml-reader.js";

/**
 * The Financial Times engineering-progression format (`data/job-families/*.yml` of
 * Financial-Times/engineering-progression): `name`, `summary`, `levels` (id, name), `themes`
 * (id, name, summary) and `competencies` (id, level, theme, summary, proficiency).
 *
 * How it maps:
 * - A level whose id ends in `-ic` (or whose name says "(Individual Contributor)") is on the IC
 *   track, `-pm` ("(People Manager)") on the manager track, any other on both (`shared`).
 * - Ranks follow the file's order; the IC and people-manager variants of one level (same id
 *   without the suffix) share a rank: they are peers.
 * - Scope is null: the file does not say.
 * - A competency whose summary is a numbered list ("1. … 2. …", as the Technical theme's are)
 *   becomes one criterion per item, with ids `<competency id>.<n>`; any other is one criterion with
 *   the competency's id. Its `examples` (a list of texts, in `engineering-v1.yml` and
 *   `operations.yml`) are kept, on each of its criteria. `proficiency` (Awareness … Expert) and
 *   `supportingUrls` have no place in the schema and are dropped.
 * - A theme's leverage comes from the keywords of its name and summary; a criterion's adds those
 *   of its own text (`core/ladder/leverage-keywords.ts`).
 */
export function parseFinancialTimesLadder(text: string, source: string): Ladder {
  const yaml = new YamlReader(text, source);
  const root = yaml.map(yaml.doc.contents, "the top level (name, levels, themes, competencies)");
  const name = yaml.optionalText(root, "name", "the file") ?? "Financial Times engineering";
  const levels = readLevels(yaml, root);
  const themes = readThemes(yaml, root);
  const criteria = readCompetencies(yaml, root, levels, themes);
  return {
    id: `financial-times-${slug(name)}`,
    name,
    source: "financial-times",
    levels,
    themes,
    criteria,
  };
}

const SUFFIX = /-(ic|pm)$/;

function trackOf(id: string, name: string): Track {
  const suffix = SUFFIX.exec(id)?.[1];
  if (suffix === "ic" || /\(individual contributor\)/i.test(name)) return "ic";
  if (suffix === "pm" || /\(people manager\)/i.test(name)) return "manager";
  return "shared";
}

function readLevels(yaml: YamlReader, root: YAMLMap): LadderLevel[] {
  const list = yaml.seq(yaml.get(root, "levels"), "'levels'", root);
  if (list.items.length === 0) yaml.fail(list, "'levels': expected at least one level");
  const rankOfBase = new Map<string, number>();
  const seen = new Set<string>();
  return list.items.map((item, i) => {
    const what = `level ${i + 1}`;
    const map = yaml.map(item, what, list);
    const id = yaml.text(map, "id", what);
    const name = yaml.text(map, "name", `level '${id}'`);
    if (seen.has(id)) yaml.fail(map, `level '${id}': duplicate level id`);
    seen.add(id);
    const base = id.replace(SUFFIX, "");
    const rank = rankOfBase.get(base) ?? rankOfBase.size + 1;
    rankOfBase.set(base, rank);
    return { id, name: cleanText(name), track: trackOf(id, name), rank, scope: null };
  });
}

function readThemes(yaml: YamlReader, root: YAMLMap): LadderTheme[] {
  const list = yaml.seq(yaml.get(root, "themes"), "'themes'", root);
  const seen = new Set<string>();
  return list.items.map((item, i) => {
    const what = `theme ${i + 1}`;
    const map = yaml.map(item, what, list);
    const id = yaml.text(map, "id", what);
    const name = cleanText(yaml.text(map, "name", `theme '${id}'`));
    if (seen.has(id)) yaml.fail(map, `theme '${id}': duplicate theme id`);
    seen.add(id);
    const rawSummary = yaml.optionalText(map, "summary", `theme '${id}'`);
    const summary = rawSummary === null ? null : cleanText(rawSummary);
    return { id, name, summary, leverage: inferLeverage(`${name}. ${summary ?? ""}`) };
  });
}

function readCompetencies(
  yaml: YamlReader,
  root: YAMLMap,
  levels: LadderLevel[],
  themes: LadderTheme[],
): LadderCriterion[] {
  const list = yaml.seq(yaml.get(root, "competencies"), "'competencies'", root);
  const levelIds = levels.map((level) => level.id);
  const themeById = new Map(themes.map((theme) => [theme.id, theme]));
  const seen = new Set<string>();
  return list.items.flatMap((item, i) => {
    const map = yaml.map(item, `competency ${i + 1}`, list);
    const id = yaml.text(map, "id", `competency ${i + 1}`);
    const what = `competency '${id}'`;
    if (seen.has(id)) yaml.fail(map, `${what}: duplicate competency id`);
    seen.add(id);
    const level = yaml.text(map, "level", what);
    if (!levelIds.includes(level))
      yaml.fail(
        yaml.get(map, "level"),
        `${what}: unknown level '${level}': expected one of ${levelIds.join(", ")}`,
      );
    const themeId = yaml.text(map, "theme", what);
    const theme = themeById.get(themeId);
    if (!theme)
      return yaml.fail(
        yaml.get(map, "theme"),
        `${what}: unknown theme '${themeId}': expected one of ${[...themeById.keys()].join(", ")}`,
      );
    const items = numberedItems(yaml.text(map, "summary", what));
    const examples = readExamples(yaml, map, what);
    return items.map((text, n) => ({
      id: items.length === 1 ? id : `${id}.${n + 1}`,
      theme: theme.id,
      level,
      text,
      examples: [...examples],
      leverage: inferLeverage(text, theme.leverage),
    }));
  });
}

/** A competency's `examples`: absent, empty or `[]` give none; each must be a text. */
function readExamples(yaml: YamlReader, map: YAMLMap, what: string): string[] {
  const node = yaml.get(map, "examples");
  if (node === undefined || node === null || (isScalar(node) && node.value === null)) return [];
  return yaml.seq(node, `${what}: 'examples'`, map).items.flatMap((item, i) => {
    const text = yaml.scalarText(item, `${what}: example ${i + 1}`, node);
    return text === null ? [] : [cleanText(text)];
  });
}

/** "1. a\n2. b" → ["a", "b"]; any other text → [the text], white space tidied. */
function numberedItems(summary: string): string[] {
  const parts = summary.split(/^\s*\d+\.\s+/m);
  if (parts.length < 3 || cleanText(parts[0] ?? "") !== "") return [cleanText(summary)];
  return parts
    .slice(1)
    .map(cleanText)
    .filter((part) => part !== "");
}
