import { describe, expect, it } from "vitest";
import { type JsonElement, streamJsonElements } from "../../../src/sources/imports/json-stream.js";
import { streamOf } from "./helpers.js";

async function scan(text: string, wrapperKeys: string[] = [], chunk?: number) {
  const elements: JsonElement[] = [];
  const bad: { line: number; path: string | undefined; reason: string }[] = [];
  await streamJsonElements(
    streamOf(text, chunk),
    { file: "f.json", wrapperKeys },
    (e) => elements.push(e),
    (line, path, reason) => bad.push({ line, path, reason }),
  );
  return { elements, bad };
}

/** Same result for every chunking, down to one byte at a time. */
async function scanAllWays(text: string, wrapperKeys: string[] = []) {
  const whole = await scan(text, wrapperKeys);
  for (const size of [1, 2, 3, 5, 16]) expect(await scan(text, wrapperKeys, size)).toEqual(whole);
  return whole;
}

describe("streamJsonElements", () => {
  it("reads an array's records with the line each starts on and its path", async () => {
    const { elements, bad } = await scanAllWays(
      '[\n  {"a": 1},\n  {"b": [1, {"c": "]}"}]},\n\n  {"d": "\\"\\\\"}\n]\n',
    );
    expect(bad).toEqual([]);
    expect(elements).toEqual([
      { value: { a: 1 }, line: 2, path: "$[0]" },
      { value: { b: [1, { c: "]}" }] }, line: 3, path: "$[1]" },
      { value: { d: '"\\' }, line: 5, path: "$[2]" },
    ]);
  });

  it("reads the wrapper key's array of an object, pages of them, and skips the object's other keys", async () => {
    const text =
      '{"limit": 2, "meta": {"incidents": [9]},\n "incidents": [\n {"id": 1},\n {"id": 2}\n ], "more": true}\n{"incidents": [{"id": 3}]}';
    const { elements, bad } = await scanAllWays(text, ["incidents"]);
    expect(bad).toEqual([]);
    expect(elements.map((e) => [e.value, e.line, e.path])).toEqual([
      [{ id: 1 }, 3, "$.incidents[0]"],
      [{ id: 2 }, 4, "$.incidents[1]"],
      [{ id: 3 }, 6, "$.incidents[0]"],
    ]);
  });

  it("reads an object without the wrapper key as one record", async () => {
    const { elements } = await scanAllWays('{\n  "id": 1,\n  "incidents": "not an array"\n}\n', [
      "incidents",
    ]);
    expect(elements).toEqual([{ value: { id: 1, incidents: "not an array" }, line: 1, path: "$" }]);
  });

  it("reads NDJSON line by line: a broken line is reported and the next one still read", async () => {
    const text = '{"a":1}\n{"b":2\n{"c":3}\r\n\n[{"d":4}]\n{"data":[{"e":5}]}\n  \n{"f":6}';
    const { elements, bad } = await scanAllWays(text, ["data"]);
    expect(elements.map((e) => [e.value, e.line, e.path])).toEqual([
      [{ a: 1 }, 1, "$"],
      [{ c: 3 }, 3, "$"],
      [{ d: 4 }, 5, "$[0]"],
      [{ e: 5 }, 6, "$.data[0]"],
      [{ f: 6 }, 8, "$"],
    ]);
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ line: 2, path: undefined });
    expect(bad[0]?.reason).toMatch(/^not valid JSON: /);
  });

  it("reports a malformed record inside an array and reads the records after it", async () => {
    const { elements, bad } = await scanAllWays(
      '[\n{"a": 1},\n{"b": 2 x},\n{"c":\n  1 2}\n,{"d": 4}\n]',
    );
    expect(elements.map((e) => e.value)).toEqual([{ a: 1 }, { d: 4 }]);
    expect(bad.map((b) => [b.line, b.path])).toEqual([
      [3, "$[1]"],
      [4, "$[2]"],
    ]);
    expect(bad[1]?.reason).toMatch(/^not valid JSON \(at line 5\): .*; the record runs to line 5$/);
  });

  it("reports a record the file ends inside, and a missing closing bracket", async () => {
    expect((await scanAllWays('[\n{"a": 1},\n{"b": [2,\n')).bad).toEqual([
      { line: 3, path: "$[1]", reason: "the file ends inside this record (truncated?)" },
    ]);
    const unclosed = await scanAllWays('[\n{"a": 1},\n{"b": 2}\n');
    expect(unclosed.elements).toHaveLength(2);
    expect(unclosed.bad).toEqual([
      {
        line: 4,
        path: undefined,
        reason: "the file ends before the records' closing bracket (truncated?)",
      },
    ]);
  });

  it("hands on values that are not objects, for the importer to reject", async () => {
    const { elements } = await scanAllWays('[1, "two", null, true, [3]]');
    expect(elements.map((e) => e.value)).toEqual([1, "two", null, true, [3]]);
  });

  it("keeps a __proto__ key as plain data", async () => {
    const { elements } = await scan('[{"__proto__": {"polluted": true}}]');
    const value = elements[0]?.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("drops a byte-order mark, decodes UTF-8 split across chunks, and reads empty input as nothing", async () => {
    const { elements } = await scanAllWays('\uFEFF[{"name": "Zoë 🚀"}]');
    expect(elements).toEqual([{ value: { name: "Zoë 🚀" }, line: 1, path: "$[0]" }]);
    expect(await scan("")).toEqual({ elements: [], bad: [] });
    expect((await scanAllWays('\n\n  \n[\n{"a": 1}]')).elements).toEqual([
      { value: { a: 1 }, line: 5, path: "$[0]" },
    ]);
    expect(await scan(" \n\n")).toEqual({ elements: [], bad: [] });
  });

  it("refuses input that is not JSON at all, naming the file", async () => {
    await expect(scan("id,title\n1,x\n")).rejects.toThrow(
      'f.json: not JSON (it starts with "id,title\\n1,x\\n")',
    );
  });
});
