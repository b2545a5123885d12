import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type YAMLMap,
  type YAMLSeq,
} from "yaml";
import { LegibleError } from "../../errors.js";

/**
 * Reads a parsed YAML document node by node, so that every error names the file, the line and
 * what was expected: `ladder.yml:42: competency 3: expected a string 'theme'`.
 */
export class YamlReader {
  readonly doc: Document.Parsed;
  private readonly lines: LineCounter;

  /**
   * Parses `text`; a syntax error stops here with its line. `firstLine` is the file line of the
   * text's first line (YAML front matter starts on line 2 of its Markdown file).
   */
  constructor(
    text: string,
    readonly source: string,
    private readonly firstLine = 1,
  ) {
    this.lines = new LineCounter();
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false });
    const error = this.doc.errors[0];
    if (error) {
      const message = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "");
      throw this.errorAt(this.lineAt(error.pos[0]), `not valid YAML: ${message}`);
    }
  }

  /** The file line of a node (or of `fallback` when the node has no position). */
  line(node: unknown, fallback?: unknown): number {
    const range = rangeOf(node) ?? rangeOf(fallback);
    return range ? this.lineAt(range[0]) : this.firstLine;
  }

  /** An error naming the file and the node's line. */
  fail(node: unknown, message: string, fallback?: unknown): never {
    throw this.errorAt(this.line(node, fallback), message);
  }

  /** The node as a mapping, or an error: "<what>: expected a mapping". */
  map(node: unknown, what: string, fallback?: unknown): YAMLMap {
    if (isMap(node)) return node;
    return this.fail(node, `${what}: expected a mapping, found ${describe(node)}`, fallback);
  }

  /** The node as a sequence, or an error: "<what>: expected a list". */
  seq(node: unknown, what: string, fallback?: unknown): YAMLSeq {
    if (isSeq(node)) return node;
    return this.fail(node, `${what}: expected a list, found ${describe(node)}`, fallback);
  }

  /** The value node of `key` in a mapping (undefined when absent). */
  get(map: YAMLMap, key: string): unknown {
    return map.get(key, true);
  }

  /** A required non-empty string (numbers are read as text), trimmed. */
  text(map: YAMLMap, key: string, what: string): string {
    const value = this.optionalText(map, key, what);
    if (value === null)
      return this.fail(this.get(map, key), `${what}: expected a string '${key}'`, map);
    return value;
  }

  /** An optional string: null when absent, empty or null; an error when not a scalar. */
  optionalText(map: YAMLMap, key: string, what: string): string | null {
    const node = this.get(map, key);
    if (node === undefined || node === null) return null;
    return this.scalarText(node, `${what}: '${key}'`, map);
  }

  /** A scalar node as trimmed text (null when empty); an error when it is not a scalar. */
  scalarText(node: unknown, what: string, fallback?: unknown): string | null {
    if (!isScalar(node))
      return this.fail(node, `${what}: expected text, found ${describe(node)}`, fallback);
    if (node.value === null || node.value === undefined) return null;
    if (typeof node.value !== "string" && typeof node.value !== "number")
      return this.fail(node, `${what}: expected text, found ${typeof node.value}`, fallback);
    const text = String(node.value).trim();
    return text === "" ? null : text;
  }

  private lineAt(offset: number | undefined): number {
    return this.lines.linePos(offset ?? 0).line + this.firstLine - 1;
  }

  private errorAt(line: number, message: string): LegibleError {
    return new LegibleError("BAD_INPUT", `${this.source}:${line}: ${message}`);
  }
}

function rangeOf(node: unknown): readonly number[] | undefined {
  if (typeof node !== "object" || node === null || !("range" in node)) return undefined;
  const range = (node as { range?: unknown }).range;
  return Array.isArray(range) ? (range as number[]) : undefined;
}

function describe(node: unknown): string {
  if (node === undefined || node === null) return "nothing";
  if (isMap(node)) return "a mapping";
  if (isSeq(node)) return "a list";
  if (isScalar(node)) return node.value === null ? "nothing" : `'${String(node.value)}'`;
  return "something else";
}

/** Lower-case words joined by dashes: "Backend Engineering" → "backend-engineering". */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** Text with zero-width characters removed and runs of white space made one space. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200B-\u200D\uFEFF]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
