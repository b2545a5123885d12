import { describe, expect, it } from "vitest";
import { repo, resolve, who } from "./build.js";

const sources = [
  repo(
    "api",
    [
      ["al <old@x.org>", 4],
      ["Alice Wong <alice@x.org>", 6],
      ["Bob <bob@x.org>", 2],
      ["<nameless@x.org>", 1],
    ],
    "Alice Wong <alice@x.org> <old@x.org>",
  ),
  repo("web", [["Bob Stone <stone@y.org>", 1]]),
];

describe("personOf", () => {
  const byEmail = resolve(sources);
  const byName = resolve(sources, {
    rule: "email-or-name",
    aliases: [{ name: "Bob", emails: ["bob@z.org"], names: [] }],
  });

  it("answers every input identity with its person", () => {
    expect(byEmail.personOf("api", who("al <old@x.org>"))).toBe("alice@x.org");
    expect(byEmail.personOf("web", who("Bob Stone <stone@y.org>"))).toBe("stone@y.org");
  });

  it("maps an unseen identity through its repository's mailmap", () => {
    expect(byEmail.personOf("api", who("Al W <OLD@x.org>"))).toBe("alice@x.org");
    expect(byEmail.personOf("web", who("Al W <OLD@x.org>"))).toBe("old@x.org");
  });

  it("finds an unseen identity's person by email, and by name only under email-or-name", () => {
    expect(byEmail.personOf("web", who("B <BOB@x.org>"))).toBe("bob@x.org");
    expect(byEmail.personOf("web", who("alice wong <aw@elsewhere.org>"))).toBe("aw@elsewhere.org");
    expect(byName.personOf("web", who("alice wong <aw@elsewhere.org>"))).toBe("alice@x.org");
  });

  it("finds an unseen identity's person through an alias", () => {
    // The alias matched no input identity, so it has no person and cannot claim anyone.
    expect(byName.personOf("api", who("Robert <bob@z.org>"))).toBe("bob@z.org");
    const withAlias = resolve(sources, {
      aliases: [{ name: "Bob", emails: ["bob@x.org", "bob@z.org"], names: [] }],
    });
    expect(withAlias.personOf("api", who("Robert <bob@z.org>"))).toBe("bob@x.org");
  });

  it("gives an unknown identity a deterministic id from its email, or name and email", () => {
    expect(byEmail.personOf("new", who("Zoe <Zoe@Q.org>"))).toBe("zoe@q.org");
    expect(byEmail.personOf("new", who("Zoe  Q <>"))).toBe("zoe q <>");
    expect(byEmail.personOf("new", who("Zoe  Q <>"))).toBe("zoe q <>");
    expect(byEmail.find("zoe@q.org")).toEqual([]);
  });

  it("keeps generic values from attaching an unknown identity to someone", () => {
    const generic = resolve(
      [
        repo("r", [
          ["root <root@box>", 3],
          ["Ann <ann@a.com>", 1],
        ]),
      ],
      {
        rule: "email-or-name",
      },
    );
    expect(generic.personOf("r", who("root <ops@b.com>"))).toBe("ops@b.com");
    expect(generic.personOf("r", who("ROOT <root@box>"))).toBe("root <root@box>");
  });
});

describe("find", () => {
  const { find } = resolve(sources);

  it("finds by id, by any email (raw or mapped) and by any name, ignoring case", () => {
    expect(find("ALICE@x.org").map((p) => p.id)).toEqual(["alice@x.org"]);
    expect(find("old@x.org").map((p) => p.id)).toEqual(["alice@x.org"]);
    expect(find(" alice  WONG ").map((p) => p.id)).toEqual(["alice@x.org"]);
    expect(find("al").map((p) => p.id)).toEqual(["alice@x.org"]);
  });

  it("returns every match, sorted by id, and nothing for an unknown query", () => {
    const { find: findBoth } = resolve([
      repo("a", [["Sam <sam@b.com>", 1]]),
      repo("b", [["Sam <sam@a.com>", 1]]),
    ]);
    expect(findBoth("sam").map((p) => p.id)).toEqual(["sam@a.com", "sam@b.com"]);
    expect(findBoth("nobody")).toEqual([]);
  });

  it("shows a nameless identity under its email, with nothing merged", () => {
    const [nameless] = find("nameless@x.org");
    expect(nameless).toMatchObject({ id: "nameless@x.org", name: "nameless@x.org", names: [] });
    expect(nameless?.merged).toEqual([]);
  });

  it("treats a blank name like no name", () => {
    const blank = resolve([
      {
        repo: "r",
        mailmap: [],
        identities: [{ identity: { name: "  ", email: "b@x.org" }, commits: 1, lastTime: 0 }],
      },
    ]);
    expect(blank.people).toMatchObject([{ id: "b@x.org", name: "b@x.org", names: [], merged: [] }]);
  });
});

describe("scale", () => {
  // How fast is a benchmark's question, never a test's: this checks the answers at scale only.
  it("resolves 10,000 identities and answers 100,000 personOf calls", () => {
    const rows: [string, number][] = [];
    for (let i = 0; i < 10_000; i++) rows.push([`Dev ${i % 7_500} <dev${i}@corp.com>`, 1]);
    const source = repo("big", rows);
    const resolution = resolve([source], { rule: "email-or-name" });
    let hits = 0;
    for (let round = 0; round < 10; round++) {
      for (const { identity } of source.identities) {
        if (resolution.personOf("big", identity) !== "") hits++;
      }
    }
    expect(resolution.people).toHaveLength(7_500);
    expect(hits).toBe(100_000);
  });
});
