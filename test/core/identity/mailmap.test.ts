import { describe, expect, it } from "vitest";
import { applyMailmap, compileMailmap, parseMailmap } from "../../../src/core/identity/mailmap.js";

const id = (name: string, email: string) => ({ name, email });

describe("parseMailmap", () => {
  it("reads the four documented forms", () => {
    const { entries, problems } = parseMailmap(
      [
        "Proper Name <commit@email.xx>",
        "<proper@email.xx> <commit2@email.xx>",
        "Proper Name <proper@email.xx> <commit3@email.xx>",
        "Proper Name <proper@email.xx> Commit Name <commit4@email.xx>",
      ].join("\n"),
    );
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      {
        properName: "Proper Name",
        properEmail: null,
        commitName: null,
        commitEmail: "commit@email.xx",
        line: 1,
      },
      {
        properName: null,
        properEmail: "proper@email.xx",
        commitName: null,
        commitEmail: "commit2@email.xx",
        line: 2,
      },
      {
        properName: "Proper Name",
        properEmail: "proper@email.xx",
        commitName: null,
        commitEmail: "commit3@email.xx",
        line: 3,
      },
      {
        properName: "Proper Name",
        properEmail: "proper@email.xx",
        commitName: "Commit Name",
        commitEmail: "commit4@email.xx",
        line: 4,
      },
    ]);
  });

  it("skips comments and blank lines, and ignores a comment after the last email", () => {
    const { entries, problems } = parseMailmap(
      "# team\n\n   \nJane <jane@x.org> # her work address\r\n#Joe <joe@x.org>\n",
    );
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      {
        properName: "Jane",
        properEmail: null,
        commitName: null,
        commitEmail: "jane@x.org",
        line: 4,
      },
    ]);
  });

  it("reads '#' between two emails and an indented '#' as names, as git does", () => {
    const { entries } = parseMailmap("T <t@x> # note <q@x>\n  # Indented <i@x>");
    expect(entries.map((entry) => [entry.properName, entry.commitName])).toEqual([
      ["T", "# note"],
      ["# Indented", null],
    ]);
  });

  it("trims names, keeps emails as written, and accepts missing spaces", () => {
    const { entries } = parseMailmap("\t Name \t<n@x><e@x>");
    expect(entries[0]).toMatchObject({
      properName: "Name",
      properEmail: "n@x",
      commitName: null,
      commitEmail: "e@x",
    });
  });

  it("accepts an empty commit email but not an empty proper email", () => {
    const { entries, problems } = parseMailmap("First <f@x> <>\nX <> <e@x>");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ properEmail: "f@x", commitEmail: "" });
    expect(problems).toEqual([
      { line: 2, message: "the first email is empty ('<>'); git ignores this line" },
    ]);
  });

  it("reports lines git would ignore or misread, with their line numbers", () => {
    const { entries, problems } = parseMailmap(
      "Just A Name\nOpen <a@x\nOk <ok@x> Commit Name\nSpaced < s@x >",
    );
    expect(entries.map((entry) => entry.commitEmail)).toEqual(["ok@x", " s@x "]);
    expect(problems.map((problem) => problem.line)).toEqual([1, 2, 3, 4]);
    expect(problems[0]?.message).toContain("no <email>");
    expect(problems[1]?.message).toContain("without a closing '>'");
    expect(problems[2]?.message).toContain("'Commit Name'");
    expect(problems[3]?.message).toContain("spaces inside the brackets");
  });
});

describe("applyMailmap", () => {
  const { entries } = parseMailmap(
    [
      "Proper One <p1@x.com>",
      "<p2@x.com> <c2@x.com>",
      "Proper Three <p3@x.com> <c3@x.com>",
      "Proper Four <p4@x.com> Commit Four <c4@x.com>",
      "Other Four <o4@x.com> Someone Else <C4@X.com>",
    ].join("\n"),
  );

  it("replaces only the name for 'Name <email>'", () => {
    expect(applyMailmap(entries, id("Foo", "p1@x.com"))).toEqual(id("Proper One", "p1@x.com"));
  });

  it("replaces only the email for '<proper> <commit>'", () => {
    expect(applyMailmap(entries, id("Foo", "c2@x.com"))).toEqual(id("Foo", "p2@x.com"));
  });

  it("replaces both for 'Name <proper> <commit>'", () => {
    expect(applyMailmap(entries, id("Foo", "c3@x.com"))).toEqual(id("Proper Three", "p3@x.com"));
  });

  it("matches the commit email case-insensitively and keeps its spelling when not replaced", () => {
    expect(applyMailmap(entries, id("Foo", "P1@X.COM"))).toEqual(id("Proper One", "P1@X.COM"));
  });

  it("matches the commit name case-insensitively (git 2.39)", () => {
    expect(applyMailmap(entries, id("cOMMIT fOUR", "c4@X.COM"))).toEqual(
      id("Proper Four", "p4@x.com"),
    );
    expect(applyMailmap(entries, id("someone else", "c4@x.com"))).toEqual(
      id("Other Four", "o4@x.com"),
    );
  });

  it("leaves an identity alone when only name-specific entries exist for its email", () => {
    const raw = id("Somebody", "c4@x.com");
    expect(applyMailmap(entries, raw)).toBe(raw);
  });

  it("returns the same object when nothing matches", () => {
    const raw = id("Nobody", "nobody@else.com");
    expect(applyMailmap(entries, raw)).toBe(raw);
  });

  it("prefers a name+email entry over an email-only one, in either order", () => {
    const nameFirst = parseMailmap("A <a@x> Bob <b@x>\nB <bb@x> <b@x>").entries;
    const emailFirst = parseMailmap("B <bb@x> <b@x>\nA <a@x> Bob <b@x>").entries;
    for (const mailmap of [nameFirst, emailFirst]) {
      expect(applyMailmap(mailmap, id("bob", "b@x"))).toEqual(id("A", "a@x"));
      expect(applyMailmap(mailmap, id("Robert", "b@x"))).toEqual(id("B", "bb@x"));
    }
  });

  it("lets later simple lines override the name and the email they give", () => {
    const { entries: layered } = parseMailmap("Both <b1@x>\n<b2@x> <B1@x>\nLate <l@x> <b1@x>");
    expect(applyMailmap(layered, id("x", "b1@x"))).toEqual(id("Late", "l@x"));
    const { entries: kept } = parseMailmap("Both <b1@x>\n<b2@x> <B1@x>");
    expect(applyMailmap(kept, id("x", "b1@x"))).toEqual(id("Both", "b2@x"));
  });

  it("lets a later name+email line replace an earlier one for the same pair", () => {
    const { entries: twice } = parseMailmap("A <a@x> Bob <b@x>\nC <c@x> BOB <B@x>");
    expect(applyMailmap(twice, id("Bob", "b@x"))).toEqual(id("C", "c@x"));
  });

  it("maps one step only", () => {
    const { entries: chain } = parseMailmap("<b@x> <a@x>\nBee <c@x> <b@x>");
    expect(applyMailmap(chain, id("A", "a@x"))).toEqual(id("A", "b@x"));
  });

  it("maps an empty commit email through '<>'", () => {
    const { entries: empty } = parseMailmap("First <f@x> <>");
    expect(applyMailmap(empty, id("x", ""))).toEqual(id("First", "f@x"));
  });

  it("compileMailmap gives the same answers as applyMailmap", () => {
    const lookup = compileMailmap(entries);
    for (const raw of [id("Foo", "c3@x.com"), id("Commit Four", "c4@x.com"), id("n", "n@n")]) {
      expect(lookup(raw)).toEqual(applyMailmap(entries, raw));
    }
  });
});
