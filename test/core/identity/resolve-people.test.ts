import { describe, expect, it } from "vitest";
import { compileBotPatterns } from "../../../src/core/identity/bots.js";
import { membership, repo, resolve } from "./build.js";

describe("mailmap per repository", () => {
  const sources = [
    repo(
      "api",
      [
        ["al <old@x.org>", 4],
        ["Alice <alice@x.org>", 6],
      ],
      "Alice <alice@x.org> <old@x.org>",
    ),
    // Same raw identity, but this repository's .mailmap gives old@x.org to Bob.
    repo("web", [["al <old@x.org>", 2]], "Bob <bob@x.org> <old@x.org>"),
    repo("cli", [["al <old@x.org>", 1]]),
  ];

  it("maps each identity through its own repository's .mailmap only", () => {
    expect(membership(resolve(sources), sources)).toEqual({
      "alice@x.org": ["api: Alice <alice@x.org>", "api: al <old@x.org>"],
      "bob@x.org": ["web: al <old@x.org>"],
      "old@x.org": ["cli: al <old@x.org>"],
    });
  });

  it("records the mailmap as the reason and names the person after mapping", () => {
    const alice = resolve(sources).find("alice@x.org")[0];
    expect(alice?.name).toBe("Alice");
    expect(alice?.merged).toEqual([
      { identity: { name: "al", email: "old@x.org" }, repo: "api", reason: "mailmap" },
    ]);
    const bob = resolve(sources).find("bob@x.org")[0];
    expect(bob).toMatchObject({ name: "Bob", emails: ["bob@x.org", "old@x.org"] });
    expect(bob?.merged).toEqual([
      { identity: { name: "al", email: "old@x.org" }, repo: "web", reason: "mailmap" },
    ]);
  });
});

describe("aliases", () => {
  const sources = [
    repo("r", [
      ["Carol <carol@work.com>", 10],
      ["C. Smith <cs@old.org>", 3],
      ["carol <carol@home.org>", 2],
      ["Dan <dan@work.com>", 1],
    ]),
  ];
  const aliases = [
    { name: "Carol Smith", emails: ["Carol@Home.org", "carol@work.com"], names: ["c. smith", ""] },
  ];

  it("joins every identity whose email or name is listed, ignoring case", () => {
    expect(membership(resolve(sources, { aliases }), sources)).toEqual({
      "carol@work.com": [
        "r: C. Smith <cs@old.org>",
        "r: Carol <carol@work.com>",
        "r: carol <carol@home.org>",
      ],
      "dan@work.com": ["r: Dan <dan@work.com>"],
    });
  });

  it("takes the alias name and lists the alias as the reason", () => {
    const [carol] = resolve(sources, { aliases }).people;
    expect(carol).toMatchObject({
      id: "carol@work.com",
      name: "Carol Smith",
      emails: ["carol@work.com", "carol@home.org", "cs@old.org"],
      names: ["Carol Smith", "C. Smith", "Carol", "carol"],
      commits: 15,
    });
    expect(carol?.merged).toEqual([
      { identity: { name: "C. Smith", email: "cs@old.org" }, repo: "r", reason: "alias" },
      { identity: { name: "Carol", email: "carol@work.com" }, repo: "r", reason: "alias" },
      { identity: { name: "carol", email: "carol@home.org" }, repo: "r", reason: "alias" },
    ]);
  });

  it("applies after the mailmap: an alias matches the mapped identity", () => {
    const mapped = [
      repo(
        "r",
        [
          ["x <x@old.org>", 1],
          ["Eve <eve@new.org>", 1],
        ],
        "Eve <eve@new.org> <x@old.org>",
      ),
    ];
    const { people } = resolve(mapped, {
      aliases: [{ name: "Eve", emails: ["x@old.org"], names: [] }],
    });
    expect(people.map((p) => p.id)).toEqual(["eve@new.org"]);
  });

  it("joins generic values when the user lists them explicitly", () => {
    const generic = [
      repo("r", [
        ["root <root@box>", 1],
        ["Fay <fay@corp.com>", 1],
      ]),
    ];
    const { people } = resolve(generic, {
      aliases: [
        { name: "Fay", emails: ["fay@corp.com"], names: ["root"] },
        { name: "Unused", emails: ["zz@z.z"], names: [] },
      ],
    });
    expect(people.map((p) => [p.id, p.name])).toEqual([["fay@corp.com", "Fay"]]);
  });
});

describe("merged reasons", () => {
  it("lists same-email and same-name joins, and leaves out the person's own form", () => {
    const sources = [
      repo("a", [
        ["Ann Lee <ann@a.com>", 5],
        ["ann lee <ANN@A.COM>", 1],
        ["Annie <ann@a.com>", 1],
        ["Ann Lee <lee@b.com>", 1],
      ]),
      repo("b", [["Ann Lee <ann@a.com>", 2]]),
    ];
    const [ann] = resolve(sources, { rule: "email-or-name" }).people;
    expect(ann?.merged).toEqual([
      { identity: { name: "Ann Lee", email: "lee@b.com" }, repo: "a", reason: "same-name" },
      { identity: { name: "Annie", email: "ann@a.com" }, repo: "a", reason: "same-email" },
      { identity: { name: "ann lee", email: "ANN@A.COM" }, repo: "a", reason: "same-email" },
    ]);
  });
});

describe("ids and names", () => {
  it("uses the email with the most commits as the id, and the most frequent name", () => {
    const sources = [
      repo("r", [
        ["Gus <gus@home.org>", 2],
        ["Gustavo <Gus@Work.com>", 4],
        ["Gus <gus@work.com>", 1],
        ["Gustavo R. <gus@home.org>", 1],
      ]),
    ];
    const [gus] = resolve(sources, { rule: "email-or-name" }).people;
    expect(gus).toMatchObject({ id: "gus@work.com", name: "Gustavo", commits: 8 });
  });

  it("breaks ties with the smallest email and the smallest name", () => {
    const sources = [
      repo("r", [
        // emails: zed@a.com 2, zed@b.com 2, z@c.com 1, z@d.com 1; names: Abe 3, Zed 3.
        ["Zed <zed@b.com>", 1],
        ["Abe <zed@b.com>", 1],
        ["Abe <zed@a.com>", 2],
        ["Zed <z@c.com>", 1],
        ["Zed <z@d.com>", 1],
      ]),
    ];
    const [person] = resolve(sources, { rule: "email-or-name" }).people;
    expect([person?.id, person?.name]).toEqual(["zed@a.com", "Abe"]);
  });

  it("gives the same people whatever the input order", () => {
    const rows: [string, number, number][] = [
      ["Ann <ann@a.com>", 5, 100],
      ["Ann Lee <ann@a.com>", 3, 300],
      ["Ann Lee <lee@b.com>", 2, 200],
      ["Bob <bob@b.com>", 2, 50],
    ];
    const forward = resolve([repo("r", rows), repo("s", [["Bob <bob@b.com>", 1, 400]])], {
      rule: "email-or-name",
    });
    const backward = resolve(
      [repo("s", [["Bob <bob@b.com>", 1, 400]]), repo("r", [...rows].reverse())],
      {
        rule: "email-or-name",
      },
    );
    expect(backward.people).toEqual(forward.people);
    expect(forward.people.map((p) => [p.id, p.commits, p.lastTime])).toEqual([
      ["ann@a.com", 10, 300],
      ["bob@b.com", 3, 400],
    ]);
  });

  it("sorts people by id", () => {
    const sources = [
      repo("r", [
        ["Z <z@z.com>", 9],
        ["a <A@a.com>", 1],
        ["m <>", 5],
      ]),
    ];
    expect(resolve(sources).people.map((p) => p.id)).toEqual(["a@a.com", "m <>", "z@z.com"]);
  });

  it("adds up an identity listed twice in one repository", () => {
    const [person] = resolve([
      repo("r", [
        ["Ann <ann@a.com>", 2, 10],
        ["Ann <ann@a.com>", 3, 5],
      ]),
    ]).people;
    expect(person).toMatchObject({ commits: 5, lastTime: 10, merged: [] });
  });

  it("keeps ids unique even for hand-made emails that look like ids", () => {
    const sources = [
      repo("r", [
        ["root <root@localhost>", 1],
        ["x <root <root@localhost>>", 1],
      ]),
    ];
    expect(resolve(sources).people.map((p) => p.id)).toEqual([
      "root <root@localhost>",
      "root <root@localhost> #2",
    ]);
  });
});

describe("bots", () => {
  const sources = [
    repo("r", [
      ["dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>", 40],
      ["Hal <hal@corp.com>", 3],
      ["release-train <rt@corp.com>", 5],
    ]),
  ];

  it("keeps bots in people, marked", () => {
    expect(resolve(sources).people.map((p) => [p.id, p.isBot])).toEqual([
      ["49699333+dependabot[bot]@users.noreply.github.com", true],
      ["hal@corp.com", false],
      ["rt@corp.com", false],
    ]);
  });

  it("uses custom patterns instead of the defaults when given", () => {
    const people = resolve(sources, {
      botPatterns: compileBotPatterns(["^release-train$"]),
    }).people;
    expect(people.filter((p) => p.isBot).map((p) => p.id)).toEqual(["rt@corp.com"]);
  });

  it("marks a person as a bot when any of its identities is one", () => {
    const mixed = [
      repo("r", [
        ["Hal <hal@corp.com>", 3],
        ["hal-bot <hal@corp.com>", 1],
      ]),
    ];
    expect(resolve(mixed).people.map((p) => [p.id, p.isBot])).toEqual([["hal@corp.com", true]]);
  });

  it("checks the identity after the mailmap too", () => {
    const mapped = [repo("r", [["ci <ci@corp.com>", 1]], "renovate[bot] <ci@corp.com>")];
    expect(resolve(mapped).people[0]?.isBot).toBe(true);
  });
});
