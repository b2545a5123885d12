/**
 * Markdown (CommonMark with GitHub tables and Mermaid) from the view model. Every text from the
 * data is escaped so it reads as itself: no HTML, link, emphasis, table cell or fence can come out
 * of a name, a path or a title.
 */
import { visibleControls } from "./safe-text.js";
import type { Block, Cell, Column, Inline } from "./view.js";

/** Characters that start Markdown syntax anywhere in a line (GitHub tables count `|`). */
const INLINE_SPECIAL = /[\\`*_[\]<>&|~#]/g;

/** Plain text for Markdown: one line, every character that could start syntax backslash-escaped. */
export function markdownText(text: string): string {
  return oneLine(text)
    .replace(INLINE_SPECIAL, "\\$&")
    .replace(/:\/\//g, ":\\/\\/")
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
}

/**
 * A code span nothing can break out of: fenced by one more backtick than the longest run inside,
 * padded when the text starts or ends with a backtick or a space. In a table cell a pipe is
 * escaped (GitHub reads `\|` as a pipe inside code too); text with a backslash before a pipe
 * cannot be written that way in a cell, so it becomes escaped text.
 */
export function markdownCode(text: string, inTable = false): string {
  const flat = oneLine(text);
  if (flat === "") return "";
  if (inTable && flat.includes("\\|")) return markdownText(flat);
  const body = inTable ? flat.replace(/\|/g, "\\|") : flat;
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(body) ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * Text for a double-quoted Mermaid label: quotes, markup, backticks (fences, Markdown strings),
 * `%` (comments) and `#` (entities) as Mermaid's `#NN;` codes.
 */
export function mermaidLabel(text: string): string {
  return oneLine(text).replace(/[#"<>&`\\%]/g, (c) => `#${c.charCodeAt(0)};`);
}

export function markdownInline(parts: readonly Inline[], inTable = false): string {
  return parts.map((part) => markdownPart(part, inTable)).join("");
}

function markdownPart(part: Inline, inTable: boolean): string {
  switch (part.kind) {
    case "text":
      return markdownText(part.text);
    case "code":
      return markdownCode(part.text, inTable);
    case "strong":
      return `**${markdownInline(part.parts, inTable)}**`;
    case "link":
      return `[${markdownText(part.text)}](${part.href.replace(/[\s()<>]/g, percent)})`;
  }
}

/** The blocks as Markdown lines, each block followed by a blank line; headings at `level`. */
export function markdownBlocks(blocks: readonly Block[], level = 3): string[] {
  return blocks.flatMap((block) => markdownBlock(block, level));
}

function markdownBlock(block: Block, level: number): string[] {
  switch (block.kind) {
    case "paragraph":
      return [lineStart(markdownInline(block.parts)), ""];
    case "note":
      return [`> **${markdownText(block.label)}:** ${markdownInline(block.parts)}`, ""];
    case "list":
      return [...block.items.map((item) => `- ${lineStart(markdownInline(item))}`), ""];
    case "heading":
      return [`${"#".repeat(level)} ${markdownInline(block.parts)}`, ""];
    case "table":
      return [...table(block.columns, block.rows), ""];
    case "group":
      return markdownBlocks(block.blocks, level);
    case "charts":
      return [];
    case "bar-chart":
      return [
        "```mermaid",
        "xychart-beta",
        `  title "${mermaidLabel(block.title)}"`,
        `  x-axis [${block.x.map((x) => `"${mermaidLabel(x)}"`).join(", ")}]`,
        `  y-axis "${mermaidLabel(block.yAxis)}"`,
        `  bar [${block.values.join(", ")}]`,
        "```",
        "",
      ];
    case "graph":
      return [
        "```mermaid",
        "graph LR",
        ...block.nodes.map((node) => {
          const label = node.lines.map(mermaidLabel).join("<br/>");
          return node.shape === "box" ? `  ${node.id}["${label}"]` : `  ${node.id}(["${label}"])`;
        }),
        ...block.edges.map((e) => `  ${e.from} -- "${mermaidLabel(e.label)}" --> ${e.to}`),
        "```",
        "",
      ];
  }
}

function table(columns: readonly Column[], rows: readonly Cell[][]): string[] {
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    row(columns.map((c) => markdownInline(c.parts, true))),
    `|${columns.map((c) => (c.numeric ? "--:" : "---")).join("|")}|`,
    ...rows.map((cells) =>
      row(
        cells.flatMap((cell) => [
          markdownInline(cell.parts, true),
          ...Array<string>((cell.span ?? 1) - 1).fill(""),
        ]),
      ),
    ),
  ];
}

/** Text at the start of a line that would open a list item or a code block: made plain. */
function lineStart(line: string): string {
  const trimmed = line.trimStart();
  if (/^[-+=]/.test(trimmed)) return `\\${trimmed}`;
  return trimmed.replace(/^(\d{1,9})([.)])/, "$1\\$2");
}

function oneLine(text: string): string {
  return visibleControls(text.replace(/[\r\n\t\u2028\u2029]+/g, " "));
}

function percent(character: string): string {
  return `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`;
}
