/**
 * A small document model shared by the Markdown and HTML renderers: blocks of structured inline
 * parts. Text in it is plain (never escaped); each renderer escapes for its own syntax.
 */

/** Inline content: plain text, emphasis, code, or a link (`href` is a relative URL, encoded). */
export type Inline =
  | { kind: "text"; text: string }
  | { kind: "strong"; parts: Inline[] }
  | { kind: "code"; text: string }
  | { kind: "link"; text: string; href: string };

export interface Column {
  parts: Inline[];
  numeric?: boolean;
}

export interface Cell {
  parts: Inline[];
  /** Columns the cell spans (1 when absent). */
  span?: number;
}

/** A node of a dependency graph (Mermaid in Markdown): its label as lines of plain text. */
export interface GraphNode {
  id: string;
  lines: string[];
  shape: "box" | "round";
}

export type Block =
  /** `role` is a presentation hint (the HTML's class): the lead, a universe, a missing input. */
  | { kind: "paragraph"; parts: Inline[]; role?: "lead" | "universe" | "missing" }
  /** A labelled warning ("Caveat: …", "History stopped: …"). */
  | { kind: "note"; label: string; parts: Inline[] }
  | { kind: "list"; items: Inline[][] }
  | { kind: "table"; name: string; columns: Column[]; rows: Cell[][] }
  /** A heading inside a section (one level below the section's). */
  | { kind: "heading"; parts: Inline[] }
  /** Blocks that belong together (one risk): an `<article>` in HTML. */
  | { kind: "group"; name: string; blocks: Block[] }
  /** Charts drawn by the HTML page (ids of `reviewCharts`); Markdown has its own Mermaid blocks. */
  | { kind: "charts"; ids: string[] }
  /** A bar chart for Markdown (Mermaid `xychart-beta`); the HTML draws its charts from the data. */
  | { kind: "bar-chart"; title: string; x: string[]; yAxis: string; values: number[] }
  /** A graph for Markdown (Mermaid `graph LR`). */
  | { kind: "graph"; nodes: GraphNode[]; edges: { from: string; to: string; label: string }[] };

export interface Section {
  id: string;
  heading: string;
  blocks: Block[];
}

export type InlineValue = string | number | Inline | readonly Inline[];

/**
 * Inline parts from a template: interpolated strings and numbers become text, parts stay parts.
 * `inline\`${strong(name)} did ${n} reviews\``.
 */
export function inline(strings: TemplateStringsArray, ...values: InlineValue[]): Inline[] {
  const parts: Inline[] = [];
  const add = (value: InlineValue) => {
    if (typeof value === "string" || typeof value === "number") pushText(parts, String(value));
    else if (Array.isArray(value)) for (const part of value as Inline[]) add(part);
    else if (typeof value === "object" && "kind" in value)
      value.kind === "text" ? pushText(parts, value.text) : parts.push(value);
  };
  strings.forEach((s, i) => {
    pushText(parts, s);
    if (i < values.length) add(values[i]!);
  });
  return parts;
}

function pushText(parts: Inline[], text: string) {
  if (text === "") return;
  const last = parts.at(-1);
  if (last?.kind === "text") last.text += text;
  else parts.push({ kind: "text", text });
}

export const text = (value: string): Inline => ({ kind: "text", text: value });
export const code = (value: string): Inline => ({ kind: "code", text: value });
export const link = (value: string, href: string): Inline => ({ kind: "link", text: value, href });
export function strong(...values: InlineValue[]): Inline {
  return { kind: "strong", parts: values.flatMap((v) => inline`${v}`) };
}

/** Joins groups of parts with a text separator. */
export function joinParts(groups: readonly (readonly Inline[])[], separator: string): Inline[] {
  return groups.flatMap((group, i) => (i === 0 ? inline`${group}` : inline`${separator}${group}`));
}

/** Text with Markdown-style code spans (`legible import …`) as code parts. */
export function withCode(value: string): Inline[] {
  return value
    .split("`")
    .flatMap((part, i) => (part === "" ? [] : [i % 2 === 1 ? code(part) : text(part)]));
}

/** The parts as a reader sees them, without formatting. */
export function plainText(parts: readonly Inline[]): string {
  return parts.map((p) => (p.kind === "strong" ? plainText(p.parts) : p.text)).join("");
}
