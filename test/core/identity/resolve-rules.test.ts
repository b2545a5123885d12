import { describe, expect, it } from "vitest";
import { membership, repo, resolve } from "./build.js";

describe("merge rules", () => {
  // A shares an email with B, B shares a name with C.
  const sources = [
    repo("r", [
      ["Ann <ann@a.com>", 5],
      ["Ann Lee <ANN@a.com>", 3],
      ["Ann Lee <lee@b.com>", 2],
    ]),
  ];

  it("email: joins same email ignoring case, not same name", () => {
    expect(membership(resolve(sources, { rule: "email" }), sources)).toEqual({
      "ann@a.com": ["r: Ann <ann@a.com>", "r: Ann Lee <ANN@a.com>"],
      "lee@b.com": ["r: Ann Lee <lee@b.com>"],
    });
  });

  it("email-or-name: joins transitively through a shared email then a shared name", () => {
    expect(membership(resolve(sources, { rule: "email-or-name" }), sources)).toEqual({
      "ann@a.com": ["r: Ann <ann@a.com>", "r: Ann Lee <ANN@a.com>", "r: Ann Lee <lee@b.com>"],
    });
  });

  it("email-or-name: compares names ignoring case and repeated spaces", () => {
    const spaced = [
      repo("r", [
        ["Bo  Chen <bo@a.com>", 1],
        ["bo chen <chen@b.com>", 1],
      ]),
    ];
    expect(resolve(spaced, { rule: "email-or-name" }).people.map((p) => p.id)).toEqual([
      "bo@a.com",
    ]);
  });

  it("joins the same email across repositories", () => {
    const twoRepos = [repo("a", [["Ann <ann@a.com>", 1]]), repo("b", [["A. <Ann@A.com>", 4]])];
    expect(membership(resolve(twoRepos), twoRepos)).toEqual({
      "ann@a.com": ["a: Ann <ann@a.com>", "b: A. <Ann@A.com>"],
    });
  });
});

describe("generic values never merge people by the rule", () => {
  it("does not merge on an empty email or an email without a domain", () => {
    const sources = [
      repo("r", [
        ["Ann <>", 1],
        ["Bob <>", 1],
        ["Cid <localuser>", 1],
        ["Dee <localuser>", 1],
      ]),
    ];
    expect(resolve(sources).people.map((p) => p.id)).toEqual([
      "ann <>",
      "bob <>",
      "cid <localuser>",
      "dee <localuser>",
    ]);
  });

  it("does not merge on placeholder or machine-account emails", () => {
    const sources = [
      repo("r", [
        ["Dev One <you@example.com>", 1],
        ["Dev Two <YOU@example.com>", 1],
        ["Ops One <root@build-1>", 1],
        ["Ops Two <root@build-1>", 1],
      ]),
    ];
    expect(Object.keys(membership(resolve(sources), sources))).toEqual([
      "dev one <you@example.com>",
      "dev two <you@example.com>",
      "ops one <root@build-1>",
      "ops two <root@build-1>",
    ]);
  });

  it("email-or-name: does not merge on generic names like root, unknown or 'Your Name'", () => {
    const sources = [
      repo("r", [
        ["root <ops1@corp.com>", 1],
        ["root <ops2@corp.com>", 1],
        ["Unknown <u1@corp.com>", 1],
        ["unknown <u2@corp.com>", 1],
        ["Your Name <yn1@corp.com>", 1],
        ["Your Name <yn2@corp.com>", 1],
        ["<e1@corp.com>", 1],
        ["<e2@corp.com>", 1],
      ]),
    ];
    expect(resolve(sources, { rule: "email-or-name" }).people).toHaveLength(8);
  });

  it("email-or-name: still merges on a real name when the emails are placeholders", () => {
    const sources = [
      repo("r", [
        ["Grace Hopper <you@example.com>", 1],
        ["Grace Hopper <grace@navy.mil>", 1],
      ]),
    ];
    expect(resolve(sources, { rule: "email-or-name" }).people.map((p) => p.id)).toEqual([
      "grace@navy.mil",
    ]);
  });

  it("treats an identical name and email as one identity, even when generic", () => {
    const sources = [repo("a", [["unknown <>", 2]]), repo("b", [["Unknown <>", 1]])];
    const { people } = resolve(sources);
    expect(people.map((p) => [p.id, p.name, p.commits])).toEqual([["unknown <>", "unknown", 3]]);
    expect(people[0]?.merged).toEqual([
      { identity: { name: "Unknown", email: "" }, repo: "b", reason: "same-email" },
    ]);
  });
});

describe("avelino2016: the reference implementation's rule (--compat avelino2016)", () => {
  it("joins on any non-empty email or name, generic values included, transitively", () => {
    const sources = [
      repo("r", [
        ["root <ops1@corp.com>", 1],
        ["root <ops2@corp.com>", 1],
        ["Dev One <you@example.com>", 1],
        ["Dev Two <YOU@example.com>", 1],
        ["Ann <>", 1],
        ["Bob <>", 1],
      ]),
    ];
    expect(membership(resolve(sources, { rule: "avelino2016" }), sources)).toEqual({
      "ann <>": ["r: Ann <>"],
      "bob <>": ["r: Bob <>"],
      "ops1@corp.com": ["r: root <ops1@corp.com>", "r: root <ops2@corp.com>"],
      "dev one <you@example.com>": ["r: Dev One <you@example.com>", "r: Dev Two <YOU@example.com>"],
    });
  });

  it("resolves an unseen identity by its generic email like the input", () => {
    const sources = [repo("r", [["Ops <root@build-1>", 3]])];
    const resolution = resolve(sources, { rule: "avelino2016" });
    expect(resolution.personOf("r", { name: "Someone Else", email: "ROOT@build-1" })).toBe(
      resolution.personOf("r", { name: "Ops", email: "root@build-1" }),
    );
  });
});
