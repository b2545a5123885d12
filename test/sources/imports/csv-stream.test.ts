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

  it("keeps a quote inside an unquoted field, and reports an unclosed quote and every line it swallowed", async () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const text = ["a,b", '1,say "hi"', '2,"never closed', "3,4", "", "5,6", "7,8", ""].join(eol);
      for (const size of [1, 5, 1000]) {
        const { out, bad } = await records(text, size);
        expect(out.map((r) => r.cells)).toEqual([
          ["a", "b"],
          ["1", 'say "hi"'],
        ]);
        expect(bad).toEqual([
          { line: 3, reason: "not valid CSV: a quote opened on line 3 is never closed" },
          { line: 4, reason: "not read: inside the quote opened on line 3, which is never closed" },
          { line: 6, reason: "not read: inside the quote opened on line 3, which is never closed" },
          { line: 7, reason: "not read: inside the quote opened on line 3, which is never closed" },
        ]);
      }
    }
  });

  it("reads a file with CR-only line ends (classic Mac) line by line", async () => {
    const text = ["a,b", "1,2", "", '3,"x\ry"', "4,5", ""].join("\r");
    for (const size of [1, 2, 1000]) {
      const { out, bad } = await records(text, size);
      expect(bad).toEqual([]);
      expect(out).toEqual([
        { cells: ["a", "b"], line: 1 },
        { cells: ["1", "2"], line: 2 },
        { cells: ["3", "x\ry"], line: 4 },
        { cells: ["4", "5"], line: 6 },
      ]);
    }
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
