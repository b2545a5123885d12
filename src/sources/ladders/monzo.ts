import { isScalar, type YAMLMap } from "yaml";
import { inferLeverage } from "../../core/ladder/leverage-keywords.js";
import type { Ladder, LadderCriterion, LadderLevel, LadderTheme } from "../../core/ladder/model.js";
import { LegibleError } from "../../errors.js";
import { cleanText, slug, YamlReader } from "./yaml-reader.js";

/**
 * Monzo's progression-framework format (`frameworks/<family>/<role>.md` of monzo/progression-framework):
 * Markdown whose YAML front matter holds `title`, `levels` (how many) and `topics`, each topic with
 * `name`, `title` and `content`: a list of `{ level, criteria, exampleCriteria }`, where an
 * example criterion is `{ criteria, examples }`. The Markdown body (the framework's explanation)
 * is not read.
 *
 * How it maps:
 * - Levels as the file numbers them, ids `level-<n>`, names "Level <n>", ranked in order, all on
 *   the `shared` track: the framework has one track. Scope is null. `levels:` is how many there
 *   are: most frameworks number them 1..N; some start higher (Monzo's ops-leadership framework
 *   declares 5 and uses 2..6), so N levels in a row ending at the highest used are accepted too.
 *   Without `levels:`, the levels run from the lowest used to the highest.
 * - Topics become themes: id from `name`, name from `title` without its leading emoji, or from
 *   `name` capitalised when `title` is empty (it is for two topics of the backend framework).
 * - `criteria` and `exampleCriteria` become criteria with ids `<topic>.<level>.<n>`, numbered in
 *   file order; an example criterion keeps its examples.
 * - Leverage comes from the keywords of the topic's title and of each criterion's text.
 */
export function parseMonzoLadder(text: string, source: string): Ladder {
  const front = frontMatter(text, source);
  const yaml = new YamlReader(front.yaml, source, front.firstLine);
  const root = yaml.map(yaml.doc.contents, "the front matter (title, levels, topics)");
  const title = yaml.optionalText(root, "title", "the front matter");
  const name = title ? stripSymbols(title) : "Monzo progression framework";
  const path = yaml.optionalText(root, "path", "the front matter");
  const topicsNode = yaml.get(root, "topics");
  const prose = yaml.get(root, "yaml");
  if (topicsNode === undefined && isScalar(prose) && prose.value === false)
    yaml.fail(
      prose,
      "'yaml: false': this framework is written as prose, which legible does not read: expected 'topics' in the front matter (the frameworks with 'yaml: true')",
      root,
    );
  const topics = yaml.seq(topicsNode, "'topics'", root);
  const declared = readLevelCount(yaml, root);

  const themes: LadderTheme[] = [];
  const criteria: LadderCriterion[] = [];
  const used = new Map<number, UsedLevel>();
  for (const [i, item] of topics.items.entries()) {
    const topic = yaml.map(item, `topic ${i + 1}`, topics);
    const theme = readTheme(yaml, topic, i);
    if (themes.some((other) => other.id === theme.id))
      yaml.fail(topic, `topic '${theme.id}': duplicate topic name`);
    themes.push(theme);
    criteria.push(...readContent(yaml, topic, theme, used));
  }

  if (used.size === 0)
    yaml.fail(topics, "'topics': expected criteria for at least one level", root);
  const levels: LadderLevel[] = levelNumbers(yaml, used, declared).map((n, i) => ({
    id: `level-${n}`,
    name: `Level ${n}`,
    track: "shared",
    rank: i + 1,
    scope: null,
  }));
  return {
    id: `monzo-${slug(path ?? name)}`,
    name,
    source: "monzo",
    levels,
    themes,
    criteria,
  };
}

/** A level number the topics use, with where it is first used (for errors). */
interface UsedLevel {
  node: unknown;
  topic: string;
}

/**
 * The level numbers of the ladder, lowest first: without a declared count N, the lowest used to the
 * highest; 1..N when every level used fits; else N levels in a row ending at the highest used, when the lowest used is in
 * them (a framework numbered from 2); else an error at the first use of a level outside 1..N.
 */
function levelNumbers(
  yaml: YamlReader,
  used: Map<number, UsedLevel>,
  declared: number | null,
): number[] {
  const numbers = [...used.keys()].sort((a, b) => a - b);
  const lowest = numbers[0] ?? 1;
  const highest = numbers[numbers.length - 1] ?? 1;
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i);
  if (declared === null) return range(lowest, highest);
  if (lowest >= 1 && highest <= declared) return range(1, declared);
  if (highest - declared + 1 <= lowest) return range(highest - declared + 1, highest);
  const outside = numbers.find((n) => n < 1 || n > declared) ?? highest;
  const first = used.get(outside);
  return yaml.fail(
    first?.node,
    `topic '${first?.topic ?? ""}': level '${outside}': expected a level from 1 to ${declared}, or ${declared} levels in a row ('levels: ${declared}'); the topics use levels ${lowest} to ${highest}`,
  );
}

/** The YAML between the opening and closing `---` lines, and the file line it starts on. */
function frontMatter(text: string, source: string): { yaml: string; firstLine: number } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if (lines[0]?.trim() !== "---")
    throw new LegibleError(
      "BAD_INPUT",
      `${source}:1: expected YAML front matter: a '---' line, then the framework's title, levels and topics`,
    );
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close < 0)
    throw new LegibleError(
      "BAD_INPUT",
      `${source}:1: the front matter is not closed: expected a '---' line after it`,
    );
  return { yaml: lines.slice(1, close).join("\n"), firstLine: 2 };
}

function readLevelCount(yaml: YamlReader, root: YAMLMap): number | null {
  const node = yaml.get(root, "levels");
  if (node === undefined) return null;
  const text = yaml.scalarText(node, "'levels'", root);
  const count = Number(text);
  if (text === null || !Number.isInteger(count) || count < 1)
    yaml.fail(
      node,
      `'levels': expected the number of levels (a whole number from 1), found '${text ?? ""}'`,
      root,
    );
  return count;
}

function readTheme(yaml: YamlReader, topic: YAMLMap, index: number): LadderTheme {
  const topicName = yaml.text(topic, "name", `topic ${index + 1}`);
  const title = yaml.optionalText(topic, "title", `topic '${topicName}'`);
  const name = title ? stripSymbols(title) : capitalise(topicName);
  return {
    id: slug(topicName),
    name,
    summary: null,
    leverage: inferLeverage(name),
  };
}

function readContent(
  yaml: YamlReader,
  topic: YAMLMap,
  theme: LadderTheme,
  used: Map<number, UsedLevel>,
): LadderCriterion[] {
  const what = `topic '${theme.id}'`;
  const content = yaml.seq(yaml.get(topic, "content"), `${what}: 'content'`, topic);
  const criteria: LadderCriterion[] = [];
  const numbers = new Map<number, number>();
  for (const [i, item] of content.items.entries()) {
    const entry = yaml.map(item, `${what}, content item ${i + 1}`, content);
    const levelNode = yaml.get(entry, "level");
    const levelText = yaml.text(entry, "level", `${what}, content item ${i + 1}`);
    const level = Number(levelText);
    if (!/^\d+$/.test(levelText) || !Number.isSafeInteger(level))
      yaml.fail(levelNode, `${what}: level '${levelText}': expected a whole number`);
    if (!used.has(level)) used.set(level, { node: levelNode, topic: theme.id });
    const at = `${what}, level ${level}`;
    const add = (text: string, examples: string[]) => {
      const n = (numbers.get(level) ?? 0) + 1;
      numbers.set(level, n);
      criteria.push({
        id: `${theme.id}.${level}.${n}`,
        theme: theme.id,
        level: `level-${level}`,
        text,
        examples,
        leverage: inferLeverage(text, theme.leverage),
      });
    };
    const plain = yaml.get(entry, "criteria");
    if (plain !== undefined && !isEmptyScalar(plain))
      for (const node of yaml.seq(plain, `${at}: 'criteria'`, entry).items) {
        const text = yaml.scalarText(node, `${at}: a criterion`, entry);
        if (text === null) return yaml.fail(node, `${at}: expected the text of a criterion`, entry);
        add(cleanText(text), []);
      }
    const withExamples = yaml.get(entry, "exampleCriteria");
    if (withExamples !== undefined && !isEmptyScalar(withExamples)) {
      const list = yaml.seq(withExamples, `${at}: 'exampleCriteria'`, entry);
      for (const [j, node] of list.items.entries()) {
        const example = yaml.map(node, `${at}: example criterion ${j + 1}`, list);
        const text = yaml.text(example, "criteria", `${at}: example criterion ${j + 1}`);
        add(cleanText(text), readExamples(yaml, example, at));
      }
    }
  }
  return criteria;
}

function readExamples(yaml: YamlReader, example: YAMLMap, at: string): string[] {
  const node = yaml.get(example, "examples");
  if (node === undefined || isEmptyScalar(node)) return [];
  return yaml.seq(node, `${at}: 'examples'`, example).items.flatMap((item) => {
    const text = yaml.scalarText(item, `${at}: an example`, example);
    return text === null ? [] : [cleanText(text)];
  });
}

function isEmptyScalar(node: unknown): boolean {
  return (
    typeof node === "object" &&
    node !== null &&
    "value" in node &&
    (node as { value: unknown }).value === null
  );
}

/** "🛠️ Backend Engineering Framework" → "Backend Engineering Framework". */
function stripSymbols(title: string): string {
  return cleanText(title.replace(/^[^\p{L}\p{N}]+/u, "")) || title;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
