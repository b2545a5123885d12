import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { type CsvError, parse } from "csv-parse";

/** Receives a CSV file's header and records. */
export interface CsvHandler {
  /** The first non-empty record, as written. */
  header(cells: string[], line: number): void;
  /** Each later record with the 1-based line it starts on (the header is line 1). */
  record(cells: string[], line: number): void;
  /**
   * A record the CSV parser could not read. A quote that is never closed swallows the rest of the
   * file: its record and every non-blank line after it are reported, each with its own line.
   */
  bad(line: number, reason: string): void;
}

const PEEK_LIMIT = 64 * 1024;

/**
 * Streams a delimited text file through csv-parse: one record in memory at a time. The delimiter
 * is the most frequent of comma, tab and semicolon in the first line (comma on a tie). A UTF-8
 * byte-order mark is dropped, blank lines are skipped, CRLF and LF line ends both work (mixed too),
 * a file whose first line ends with a lone CR (classic Mac) is read with CR line ends, and a quote
 * inside an unquoted field is kept as text. Quoted fields may span lines: a record's line is the
 * line it starts on.
 */
export async function streamCsvRecords(
  input: NodeJS.ReadableStream,
  handler: CsvHandler,
): Promise<void> {
  const chunks = decode(input)[Symbol.asyncIterator]();
  let head = "";
  let ended = false;
  // Until the first line end is known: a CR at the very end may be the first half of a CRLF.
  while (!/\n|\r[^\n]/.test(head) && head.length < PEEK_LIMIT) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    head += next.value;
  }
  head = head.replace(/^\uFEFF/, "");
  const parser = parse({
    delimiter: detectDelimiter(head),
    raw: true,
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    record_delimiter: lineEndOf(head) === "\r" ? ["\r"] : ["\r\n", "\n"],
  });
  // Lines are counted from each record's raw text (csv-parse's own count takes a CRLF inside quotes
  // for two lines). A line end shows in it as CRLF, LF, or a lone CR where csv-parse kept only the
  // first character of a CRLF record delimiter; skipped blank lines lead the next raw text.
  let consumed = 0;
  const startOf = (raw: string): number => {
    const line = 1 + consumed + breaks(leadingBreaks(raw));
    consumed += breaks(raw);
    return line;
  };
  let headerSeen = false;
  parser.on("skip", (error: CsvError) => {
    const raw = typeof error.raw === "string" ? error.raw : "";
    const first = consumed + 1 + breaks(leadingBreaks(raw));
    const line = startOf(raw);
    if (error.code !== "CSV_QUOTE_NOT_CLOSED") {
      handler.bad(line, `not valid CSV: ${error.message.replace(/\s+at line \d+/, "")}`);
      return;
    }
    // The quote swallowed every line after it: say so for each, never as one skipped row.
    const lines = raw.slice(leadingBreaks(raw).length).split(/\r\n|\r|\n/);
    handler.bad(line, `not valid CSV: a quote opened on line ${line} is never closed`);
    lines.forEach((text, index) => {
      if (index === 0 || text.trim() === "") return;
      handler.bad(
        first + index,
        `not read: inside the quote opened on line ${line}, which is never closed`,
      );
    });
  });
  async function* source(): AsyncGenerator<string> {
    if (head !== "") yield head;
    if (ended) return;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield next.value;
    }
  }
  // The handler's own error (a missing column, a failing consumer) is what the caller must see,
  // not the abort it causes upstream.
  let failure: unknown = null;
  try {
    await pipeline(
      Readable.from(source()),
      parser,
      async (records: AsyncIterable<{ record: string[]; raw: string }>) => {
        try {
          for await (const { record, raw } of records) {
            const line = startOf(raw);
            if (!headerSeen) {
              headerSeen = true;
              handler.header(record, line);
            } else {
              handler.record(record, line);
            }
          }
        } catch (error) {
          failure = error;
          throw error;
        }
      },
    );
  } catch (error) {
    throw failure ?? error;
  }
}

async function* decode(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  for await (const chunk of input) {
    const text = typeof chunk === "string" ? chunk : decoder.write(chunk);
    if (text !== "") yield text;
  }
  const rest = decoder.end();
  if (rest !== "") yield rest;
}

/** The first line end of `head`: a lone CR, or LF/CRLF (the default, also when there is none). */
export function lineEndOf(head: string): "\r" | "\n" {
  const match = /\r\n|\r|\n/.exec(head);
  return match?.[0] === "\r" && match.index + 1 < head.length ? "\r" : "\n";
}

function breaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

function leadingBreaks(raw: string): string {
  return /^[\r\n]*/.exec(raw)?.[0] ?? "";
}

/** The delimiter of a header line: the most frequent of `,`, tab and `;` outside quotes. */
export function detectDelimiter(head: string): string {
  const firstLine = head.split(/\r?\n/, 1)[0] ?? "";
  const counts = new Map<string, number>([
    [",", 0],
    ["\t", 0],
    [";", 0],
  ]);
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best = ",";
  for (const [delimiter, count] of counts) {
    if (count > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}
