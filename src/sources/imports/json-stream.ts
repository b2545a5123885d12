import { StringDecoder } from "node:string_decoder";
import { JsonScanner } from "./json-scanner.js";

/** One record found in a JSON file, with where it starts. */
export interface JsonElement {
  value: unknown;
  /** 1-based line where the record starts. */
  line: number;
  /** JSONPath of the record (`$[12]`, `$.incidents[3]`); `$` for a top-level record (NDJSON). */
  path: string;
}

/** What {@link streamJsonElements} looks for. */
export interface JsonShape {
  /** Named in messages. */
  file: string;
  /** Keys of a top-level object whose array holds the records (`incidents`, `data`). */
  wrapperKeys: readonly string[];
}

/** Receives records, and the places that hold no readable record. */
export type OnBadRecord = (line: number, path: string | undefined, reason: string) => void;

/**
 * Finds the records of a JSON file, streaming: memory holds one record's text at a time. Accepted
 * shapes: an array of records; several arrays one after another (`gh api --paginate` prints pages
 * that way); an object whose wrapper key holds the array (`{ "incidents": [...] }`), also several;
 * records one after another; and NDJSON (one record, or one wrapper object, per line).
 *
 * A scanner finds where each record starts and ends (tracking brackets and strings) and
 * `JSON.parse` reads it, so a malformed record is reported with its line (`onBad`) and the next
 * one is read. When the first line holds exactly whole records the file is NDJSON and the rest is
 * read line by line, so a broken line never swallows the next. Input that ends inside a record or
 * before an array's `]` is reported too. Throws `BAD_INPUT` only when the file does not start like
 * JSON at all.
 */
export async function streamJsonElements(
  input: NodeJS.ReadableStream,
  shape: JsonShape,
  onElement: (element: JsonElement) => void,
  onBad: OnBadRecord,
): Promise<void> {
  const scanner = new JsonScanner(shape, onElement, onBad);
  const decoder = new StringDecoder("utf8");
  for await (const chunk of input) {
    scanner.push(typeof chunk === "string" ? chunk : decoder.write(chunk));
  }
  scanner.push(decoder.end());
  scanner.end();
}
