import { describe, expect, it } from "vitest";
import { parseCommitLog } from "../../../src/sources/git/commits.js";
import { parseSignals, trailerPerson } from "../../../src/sources/git/signals.js";

describe("parseSignals", () => {
  it("reads review and help trailers as git prints them, and revert lines of the body", () => {
    const field = [
      "\x02Reviewed-by: Jeff King <peff@peff.net>",
      "Acked-By: Junio C Hamano <gitster@pobox.com>",
      "Helped-by: Eric Sunshine",
      "Signed-off-by: Not Read <n@x>",
      "Mentored-by: <mentor@example.com>",
      "Tested-by:    ",
    ].join("\x01");
    const body =
      "\x03Revert it.\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567, reversing\nchanges made to 89abcdef.\nThis reverts commit deadbeef1.\n  This reverts commit cafebabe (indented: prose, not git's line)\n";
    expect(parseSignals(field + body)).toEqual([
      { kind: "reviewed-by", person: { name: "Jeff King", email: "peff@peff.net" } },
      { kind: "acked-by", person: { name: "Junio C Hamano", email: "gitster@pobox.com" } },
      { kind: "helped-by", person: { name: "Eric Sunshine", email: "" } },
      { kind: "mentored-by", person: { name: "", email: "mentor@example.com" } },
      { kind: "reverts", sha: "0123456789abcdef0123456789abcdef01234567" },
      { kind: "reverts", sha: "deadbeef1" },
    ]);
  });

  it("reads nothing from an empty field", () => {
    expect(parseSignals("\x02\x03")).toEqual([]);
    expect(parseSignals("")).toEqual([]);
  });

  it("takes a quoted name, an email alone, and refuses an empty value", () => {
    expect(trailerPerson(' "Ada, L." <ada@x> ')).toEqual({ name: "Ada, L.", email: "ada@x" });
    expect(trailerPerson("ada@x")).toEqual({ name: "", email: "ada@x" });
    expect(trailerPerson("  ")).toBeNull();
  });
});

describe("parseCommitLog with the signal field", () => {
  const commit = (sha: string, coAuthors: string, signals: string | null) =>
    [
      sha,
      "",
      "Name",
      "e@x",
      "1700000000",
      "1700000000",
      "subject",
      coAuthors,
      ...(signals === null ? [] : [signals]),
    ].join("\0");

  it("reads the signals after any number of co-authors without shifting the next commit", () => {
    const text = `${[
      commit("a".repeat(40), "A <a@x>\0\x01B <b@x>", "\x02Reviewed-by: R <r@x>\x03body\x01\x02"),
      commit("b".repeat(40), "", "\x02\x03This reverts commit aaaaaaa."),
      commit("c".repeat(40), "", null), // an older format without the field still reads
    ].join("\0")}\0`;
    const rows = parseCommitLog(text);
    expect(rows.map((r) => r.sha)).toEqual(["a".repeat(40), "b".repeat(40), "c".repeat(40)]);
    expect(rows[0]?.coAuthors).toEqual([
      { name: "A", email: "a@x" },
      { name: "B", email: "b@x" },
    ]);
    expect(rows[0]?.signals).toEqual([
      { kind: "reviewed-by", person: { name: "R", email: "r@x" } },
    ]);
    expect(rows[1]?.signals).toEqual([{ kind: "reverts", sha: "aaaaaaa" }]);
    expect(rows[2]).not.toHaveProperty("signals");
  });
});
