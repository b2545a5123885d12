import { LegibleError } from "../../errors.js";
import type { JsonElement, JsonShape, OnBadRecord } from "./json-stream.js";

/**
 * The scanner behind `streamJsonElements`: a character-level state machine that finds where
 * each record starts and ends (tracking brackets, strings and escapes, and the wrapper key of a
 * top-level object) and hands each record's text to `JSON.parse`. Text comes in pieces of any
 * size; only the record being read is held.
 */
const QUOTE = 34;
const BACKSLASH = 92;
const NEWLINE = 10;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

function isSpace(code: number): boolean {
  return code === 32 || code === NEWLINE || code === 13 || code === 9;
}

type Mode = "top" | "array" | "element" | "topObject" | "lines";

/** The scanning state machine; {@link push} text in any pieces, then {@link end}. */
export class JsonScanner {
  private mode: Mode = "top";
  private started = false;
  private bomChecked = false;
  private line = 1;
  // the value being captured (an array element, or a top-level value)
  private capturing = false;
  private parts: string[] = [];
  private from = 0;
  private valueLine = 1;
  private depth = 0;
  /** Nesting inside a top-level object (apart from `depth`, which an array's elements use). */
  private topDepth = 0;
  private inString = false;
  private escaped = false;
  private elementOfArray = false;
  // the records array being read
  private prefix = "$";
  private index = 0;
  private wrapped = false;
  // a top-level object: a record, or a wrapper of the records array
  private keyParts: string[] | null = null;
  private keyFrom = -1;
  private lastKey: string | null = null;
  private key: string | null = null;
  private afterColon = false;
  // NDJSON detection: top-level values completed, and whether each was a one-line record
  private completed = 0;
  private oneLineRecords = true;
  private decided = false;
  private pendingLine: string[] = [];

  constructor(
    private readonly shape: JsonShape,
    private readonly onElement: (element: JsonElement) => void,
    private readonly onBad: OnBadRecord,
  ) {}

  push(text: string): void {
    if (text === "") return;
    if (!this.started) {
      if (!this.bomChecked) text = text.replace(/^\uFEFF/, "");
      this.bomChecked = true;
      const first = text.trimStart();
      if (first !== "") {
        if (first[0] !== "[" && first[0] !== "{") {
          throw new LegibleError(
            "BAD_INPUT",
            `${this.shape.file}: not JSON (it starts with ${JSON.stringify(first.slice(0, 20))}); expected an array or object of records, or one record per line`,
          );
        }
        this.started = true;
      }
    }
    if (this.mode === "lines") {
      this.pushLines(text);
      return;
    }
    this.from = 0;
    const length = text.length;
    let i = 0;
    while (i < length) {
      if (this.currentMode() === "lines") {
        this.pushLines(text.slice(i));
        return;
      }
      i = this.step(text, i);
    }
    if (this.capturing) this.parts.push(text.slice(this.from));
    if (this.keyParts !== null && this.keyFrom >= 0) this.keyParts.push(text.slice(this.keyFrom));
    this.keyFrom = this.keyParts !== null ? 0 : -1;
  }

  /** The mode, read afresh (after calls that change it). */
  private currentMode(): Mode {
    return this.mode;
  }

  /** Consumes the character at `i` (or more) and returns the next index. */
  private step(text: string, i: number): number {
    const code = text.charCodeAt(i);
    switch (this.mode) {
      case "top":
        if (isSpace(code)) {
          if (code === NEWLINE) this.newline();
          return i + 1;
        }
        if (code === OPEN_BRACKET) {
          this.openArray("$", false);
          return i + 1;
        }
        if (code === OPEN_BRACE) {
          this.startCapture(i);
          this.mode = "topObject";
          this.topDepth = 1;
          this.key = null;
          this.lastKey = null;
          this.afterColon = false;
          return i + 1;
        }
        this.startCapture(i);
        this.mode = "element";
        this.elementOfArray = false;
        this.depth = 0;
        return i;
      case "array":
        if (isSpace(code) || code === COMMA) {
          if (code === NEWLINE) this.newline();
          return i + 1;
        }
        if (code === CLOSE_BRACKET) {
          if (this.wrapped) {
            this.mode = "topObject";
            this.afterColon = false;
          } else {
            this.topDone(false);
          }
          return i + 1;
        }
        this.startCapture(i);
        this.mode = "element";
        this.elementOfArray = true;
        this.depth = 0;
        return i;
      case "element":
        return this.stepElement(text, i, code);
      case "topObject":
        return this.stepTopObject(text, i, code);
      default:
        return i + 1;
    }
  }

  private stepElement(text: string, i: number, code: number): number {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (code === BACKSLASH) this.escaped = true;
      else if (code === QUOTE) {
        this.inString = false;
        if (this.depth === 0) this.finishValue(text, i + 1);
      }
      return i + 1;
    }
    if (code === QUOTE) {
      this.inString = true;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      this.depth += 1;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (this.depth === 0) return this.endBefore(text, i); // it closes the enclosing array
      this.depth -= 1;
      if (this.depth === 0) this.finishValue(text, i + 1);
    } else if (this.depth === 0 && (code === COMMA || isSpace(code))) {
      return this.endBefore(text, i);
    } else if (code === NEWLINE) {
      this.newline();
    }
    return i + 1;
  }

  /**
   * A value without brackets (a number, a literal, stray text) ends before `i`; the character is
   * read again by the enclosing mode. A value that would be empty takes the character instead, so
   * stray punctuation is reported rather than read forever.
   */
  private endBefore(text: string, i: number): number {
    if (this.parts.length === 0 && i === this.from) {
      this.finishValue(text, i + 1);
      return i + 1;
    }
    this.finishValue(text, i);
    return i;
  }

  private stepTopObject(text: string, i: number, code: number): number {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (code === BACKSLASH) this.escaped = true;
      else if (code === QUOTE) {
        this.inString = false;
        if (this.keyParts !== null) {
          this.keyParts.push(text.slice(this.keyFrom, i));
          this.lastKey = this.keyParts.join("");
          this.keyParts = null;
          this.keyFrom = -1;
        }
      }
      return i + 1;
    }
    if (code === NEWLINE) {
      this.newline();
      return i + 1;
    }
    if (isSpace(code)) return i + 1;
    const wasAfterColon = this.afterColon;
    this.afterColon = false;
    if (code === QUOTE) {
      this.inString = true;
      if (this.topDepth === 1 && !wasAfterColon && this.shape.wrapperKeys.length > 0) {
        this.keyParts = [];
        this.keyFrom = i + 1;
      }
    } else if (code === COLON && this.topDepth === 1) {
      this.key = this.lastKey;
      this.afterColon = true;
    } else if (
      code === OPEN_BRACKET &&
      this.topDepth === 1 &&
      wasAfterColon &&
      this.isWrapperKey(this.key)
    ) {
      this.capturing = false; // a wrapper, not a record: its other keys are not kept
      this.parts = [];
      this.openArray(`$.${this.key ?? ""}`, true);
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      this.topDepth += 1;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      this.topDepth -= 1;
      if (this.topDepth === 0) {
        if (this.capturing) this.finishValue(text, i + 1);
        else this.topDone(false);
      }
    }
    return i + 1;
  }

  private isWrapperKey(raw: string | null): boolean {
    if (raw === null) return false;
    let key = raw;
    if (raw.includes("\\")) {
      try {
        key = JSON.parse(`"${raw}"`) as string;
      } catch {
        return false;
      }
    }
    if (!this.shape.wrapperKeys.includes(key)) return false;
    this.key = key;
    return true;
  }

  private openArray(prefix: string, wrapped: boolean): void {
    if (!wrapped) this.valueLine = this.line;
    this.mode = "array";
    this.prefix = prefix;
    this.index = 0;
    this.wrapped = wrapped;
  }

  /** Starts capturing a value at index `i` of the current text (push() keeps the rest at its end). */
  private startCapture(i: number): void {
    this.capturing = true;
    this.parts = [];
    this.from = i;
    this.valueLine = this.line;
    this.inString = false;
    this.escaped = false;
  }

  /** The captured value ends before `end`: parse it and hand it on. */
  private finishValue(text: string, end: number): void {
    this.parts.push(text.slice(this.from, end));
    const source = this.parts.join("");
    this.parts = [];
    this.capturing = false;
    const fromArray = this.mode === "element" && this.elementOfArray;
    const path = fromArray ? `${this.prefix}[${this.index}]` : "$";
    this.emit(source, this.valueLine, path);
    if (fromArray) {
      this.index += 1;
      this.mode = "array";
    } else {
      this.topDone(this.mode === "topObject" && this.valueLine === this.line);
    }
  }

  private emit(source: string, line: number, path: string): void {
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      this.onBad(line, path, invalidJson(error, source, line));
      return;
    }
    this.onElement({ value, line, path });
  }

  private topDone(oneLineRecord: boolean): void {
    this.completed += 1;
    if (!oneLineRecord) this.oneLineRecords = false;
    this.mode = "top";
  }

  private newline(): void {
    if (!this.decided && this.mode === "top" && this.completed > 0) {
      this.decided = true;
      if (this.oneLineRecords) this.mode = "lines";
    } else if (!this.decided && this.mode !== "top") {
      this.decided = true;
    }
    this.line += 1;
  }

  /** NDJSON: every line is read on its own. */
  private pushLines(text: string): void {
    let start = 0;
    for (;;) {
      const newline = text.indexOf("\n", start);
      if (newline === -1) {
        if (start < text.length) this.pendingLine.push(text.slice(start));
        return;
      }
      this.pendingLine.push(text.slice(start, newline));
      this.readLine(this.pendingLine.join(""));
      this.pendingLine = [];
      this.line += 1;
      start = newline + 1;
    }
  }

  private readLine(text: string): void {
    const trimmed = text.trim();
    if (trimmed === "") return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      this.onBad(this.line, undefined, invalidJson(error, trimmed, this.line));
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((record, index) => {
        this.onElement({ value: record, line: this.line, path: `$[${index}]` });
      });
      return;
    }
    if (typeof value === "object" && value !== null) {
      for (const key of this.shape.wrapperKeys) {
        const records = (value as Record<string, unknown>)[key];
        if (Object.hasOwn(value, key) && Array.isArray(records)) {
          records.forEach((record, index) => {
            this.onElement({ value: record, line: this.line, path: `$.${key}[${index}]` });
          });
          return;
        }
      }
    }
    this.onElement({ value, line: this.line, path: "$" });
  }

  /** The input is over: reports a record or array it ended inside. */
  end(): void {
    if (this.mode === "lines") {
      this.readLine(this.pendingLine.join(""));
      this.pendingLine = [];
      return;
    }
    const truncated = "the file ends inside this record (truncated?)";
    if (this.mode === "element" && this.depth === 0 && !this.inString) {
      this.finishValue("", 0); // a last value with nothing after it (`[1, 2` or `42`)
      if (this.currentMode() !== "top") this.end();
    } else if (this.mode === "element" || (this.mode === "topObject" && this.capturing)) {
      const path =
        this.mode === "element" && this.elementOfArray ? `${this.prefix}[${this.index}]` : "$";
      this.onBad(this.valueLine, path, truncated);
    } else if (this.mode === "array" || this.mode === "topObject") {
      this.onBad(
        this.line,
        undefined,
        "the file ends before the records' closing bracket (truncated?)",
      );
    }
  }
}

/** JSON.parse's complaint, with the line it points at when that is not the record's first. */
function invalidJson(error: unknown, source: string, line: number): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  let where = "";
  if (position) {
    const before = source.slice(0, Number(position[1]));
    let extra = 0;
    for (let at = before.indexOf("\n"); at !== -1; at = before.indexOf("\n", at + 1)) extra += 1;
    if (extra > 0) where = ` (at line ${line + extra})`;
  }
  const end = source.length > 0 ? line + (source.match(/\n/g)?.length ?? 0) : line;
  const span = end > line ? `; the record runs to line ${end}` : "";
  return `not valid JSON${where}: ${message.replace(/\s+in JSON at position \d+.*$/, "")}${span}`;
}
