import { describe, expect, it } from "vitest";
import { isoDay, isoTime } from "../../../src/core/dates.js";
import { parseCommitLog } from "../../../src/sources/git/commits.js";
import { decodePath, encodePath } from "../../../src/sources/git/paths.js";

const raw = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p))));

describe("decodePath", () => {
  const names = [
    raw("plain/é.md"),
    raw("latin-", [0xe9], ".txt"),
    raw("latin-", [0xe8], ".txt"),
    raw("latin-%E9.txt"),
    raw("latin-%25E9.txt"),
    raw("100%.txt"),
    raw("%2"),
    raw("%", [0xff]),
    raw("cut-", [0xe2, 0x82]),
    raw("surrogate-", [0xed, 0xa0, 0x80]),
    raw("new\nline\ttab\x1f"),
  ];

  it("keeps names that differ in any byte distinct, and is reversible", () => {
    const decoded = names.map(decodePath);
    expect(new Set(decoded).size).toBe(names.length);
    for (const [i, name] of names.entries()) expect(encodePath(decoded[i]!)).toEqual(name);
  });

  it("leaves valid UTF-8 as it is, except a % that would read as an escape", () => {
    expect(names.map(decodePath)).toEqual([
      "plain/é.md",
      "latin-%E9.txt",
      "latin-%E8.txt",
      "latin-%25E9.txt",
      "latin-%2525E9.txt",
      "100%.txt",
      "%2",
      "%%FF",
      "cut-%E2%82",
      "surrogate-%ED%A0%80",
      "new\nline\ttab\x1f",
    ]);
  });
});

describe("parseCommitLog", () => {
  const commit = (sha: string, name: string, trailers: string) =>
    [sha, "", name, "e@x", "1700000000", "1700000000", "subject\x1f1 2", trailers].join("\0");

  it("reads \\x1f in names and any number of co-authors without shifting fields", () => {
    const text = `${[
      commit("a".repeat(40), "Unit\x1fSep 1 +0000", "A <a@x>\0\x01B\x1f <b@x>"),
      commit("b".repeat(40), "Plain", ""),
    ].join("\0")}\0`;
    expect(parseCommitLog(text)).toEqual([
      {
        sha: "a".repeat(40),
        parents: [],
        author: { name: "Unit\x1fSep 1 +0000", email: "e@x" },
        authorTime: 1700000000,
        commitTime: 1700000000,
        subject: "subject\x1f1 2",
        coAuthors: [
          { name: "A", email: "a@x" },
          { name: "B\x1f", email: "b@x" },
        ],
      },
      {
        sha: "b".repeat(40),
        parents: [],
        author: { name: "Plain", email: "e@x" },
        authorTime: 1700000000,
        commitTime: 1700000000,
        subject: "subject\x1f1 2",
        coAuthors: [],
      },
    ]);
  });

  it("leaves a date git cannot print (before 1970) unknown instead of 1970", () => {
    const [row] = parseCommitLog(`${["c".repeat(40), "", "n", "e", "", "", "s", ""].join("\0")}\0`);
    expect(row?.authorTime).toBeNaN();
  });
});

describe("isoTime", () => {
  it("formats every date git can hold without throwing", () => {
    expect(isoTime(-2208988800)).toBe("1900-01-01T00:00:00.000Z");
    expect(isoTime(94670856000000)).toBe("@94670856000000");
    expect(isoDay(94670856000000)).toBe("@94670856000000");
    expect(isoDay(1704067200)).toBe("2024-01-01");
    expect(isoTime(Number.NaN)).toBe("@NaN");
  });
});
