import { describe, expect, it } from "vitest";
import { detectDelimiter, streamCsvRecords } from "../../../src/sources/imports/csv-stream.js";
import { streamOf } from "./helpers.js";

async function records(text: string, chunk?: number) {
  const out: { cells: string[]; line: number }[] = [];
  const bad: { line: number; reason: string }[] = [];
  await streamCsvRecords(streamOf(text, chunk), {
    header: (cells, line) => out.push({ cells, line }),
    record: (cells, line) => out.push({ cells, line }),
    bad: (line, reason) => bad.push({ line, reason }),
  });
  return { out, bad };
}

describe("streamCsvRecords", () => {
  it("gives each record the line it starts on, across quoted line ends, blank lines and CRLF", async () => {
    for (const eol of ["\n", "\r\n"]) {
      const text = ["a,b", "1,2", "", `3,"x${eol}y${eol}z"`, "", "", "4,5"].join(eol) + eol;
      for (const size of [1, 4, 1000]) {
        const { out, bad } = await records(text, size);
        expect(bad).toEqual([]);
        expect(out.map((r) => r.line)).toEqual([1, 2, 4, 9]);
        expect(out[2]?.cells).toEqual(["3", `x${eol}y${eol}z`]);
      }
    }
  });

  it("keeps a quote inside an unquoted field, and reports an unclosed quote at its record", async () => {
    const { out, bad } = await records('a,b\n1,say "hi"\n2,"never closed\n3,4\n');
    expect(out.map((r) => r.cells)).toEqual([
      ["a", "b"],
      ["1", 'say "hi"'],
    ]);
    expect(bad).toHaveLength(1);
    expect(bad[0]?.line).toBe(3);
    expect(bad[0]?.reason).toMatch(/^not valid CSV: Quote Not Closed/);
  });

  it("drops a byte-order mark and detects tab and semicolon delimiters from the header", async () => {
    expect((await records("\uFEFFid\tname\n1\tx;y\n")).out.map((r) => r.cells)).toEqual([
      ["id", "name"],
      ["1", "x;y"],
    ]);
    expect(detectDelimiter("a;b;c\n1,2;3")).toBe(";");
    expect(detectDelimiter('"a,b";c;d')).toBe(";");
    expect(detectDelimiter("a,b;c")).toBe(",");
    expect(detectDelimiter("single")).toBe(",");
  });
});
