import { describe, expect, it } from "vitest";
import {
  compileBotPatterns,
  DEFAULT_ASSISTANT_PATTERNS,
  DEFAULT_BOT_PATTERNS,
} from "../../../src/core/identity/bots.js";
import { repo, resolve, who } from "./build.js";

const reasons = (sources: ReturnType<typeof repo>[], query: string, rule = "email-or-name") =>
  Object.fromEntries(
    (resolve(sources, { rule: rule as "email-or-name" }).find(query)[0]?.merged ?? []).map((m) => [
      `${m.identity.name} <${m.identity.email}>`,
      m.reason,
    ]),
  );

describe("merge reasons: what really ties an identity to the person", () => {
  it("a .mailmap rewrite that ties nothing (a change of case) is not the reason: the same name is", () => {
    // .mailmap only fixes the case of the email; the identity joins Ada by her name.
    const sources = [
      repo(
        "r",
        [
          ["Ada Lovelace <ada@new.org>", 9],
          ["Ada Lovelace <ADA@old.org>", 2],
        ],
        "<ada@old.org> <ADA@old.org>",
      ),
    ];
    expect(reasons(sources, "ada@new.org")).toEqual({
      "Ada Lovelace <ADA@old.org>": "same-name",
    });
  });

  it("a rewrite to an address nobody else has is not the reason either: the name is", () => {
    const sources = [
      repo(
        "r",
        [
          ["Ada Lovelace <ada@new.org>", 9],
          ["Ada Lovelace <ada@old.org>", 2],
        ],
        "<ada@mid.org> <ada@old.org>",
      ),
    ];
    expect(reasons(sources, "ada@new.org")).toEqual({
      "Ada Lovelace <ada@old.org>": "same-name",
    });
  });

  it("a rewrite into another identity's email is the mailmap's doing", () => {
    const sources = [
      repo(
        "r",
        [
          ["Ada Lovelace <ada@new.org>", 9],
          ["al <ada@old.org>", 2],
        ],
        "<ada@new.org> <ada@old.org>",
      ),
    ];
    expect(reasons(sources, "ada@new.org")).toEqual({ "al <ada@old.org>": "mailmap" });
  });

  it("same email and same name are told apart", () => {
    const sources = [
      repo("r", [
        ["Ada Lovelace <ada@new.org>", 9],
        ["ada <ada@new.org>", 3],
        ["Ada Lovelace <ada@old.org>", 2],
      ]),
    ];
    expect(reasons(sources, "ada@new.org")).toEqual({
      "ada <ada@new.org>": "same-email",
      "Ada Lovelace <ada@old.org>": "same-name",
    });
  });
});

describe("GitHub no-reply addresses", () => {
  const sources = [
    repo("r", [
      ["Ada Lovelace <12345+AdaL@users.noreply.github.com>", 9],
      ["ada-laptop <adal@users.noreply.github.com>", 2],
      ["Bo <bo@example.com>", 1],
    ]),
  ];

  it("two no-reply addresses of one login are one person, even under the email rule", () => {
    const people = resolve(sources, { rule: "email" });
    const ada = people.find("adal");
    expect(ada).toHaveLength(1);
    expect(ada[0]).toMatchObject({
      id: "12345+adal@users.noreply.github.com",
      logins: ["adal"],
      commits: 11,
    });
    expect(ada[0]?.merged).toEqual([
      {
        identity: who("ada-laptop <adal@users.noreply.github.com>"),
        repo: "r",
        reason: "github-login",
      },
    ]);
  });

  it("the login pull request data uses resolves to that person", () => {
    const people = resolve(sources, { rule: "email-or-name" });
    expect(people.personOf("r", { name: "AdaL", email: "" })).toBe(
      "12345+adal@users.noreply.github.com",
    );
    // A login nobody's no-reply address names stays its own.
    expect(people.personOf("r", { name: "someone", email: "" })).not.toBe(
      "12345+adal@users.noreply.github.com",
    );
  });

  it("an identity named by the login joins under email-or-name (as in flask: oleksis), not under email", () => {
    const named = [
      repo("r", [
        ["Oleksis Fraga <44526468+oleksis@users.noreply.github.com>", 3],
        ["oleksis <oleksis.fraga@example.com>", 2],
        ["Ana <ana@example.com>", 1],
      ]),
    ];
    expect(reasons(named, "oleksis")).toEqual({
      "oleksis <oleksis.fraga@example.com>": "github-login",
    });
    expect(resolve(named, { rule: "email" }).find("oleksis")).toHaveLength(2);
  });

  it("the 2016 reference rule knows nothing of no-reply logins", () => {
    const people = resolve(sources, { rule: "avelino2016" });
    expect(people.find("12345+adal@users.noreply.github.com")[0]?.commits).toBe(9);
  });
});

describe("AI assistants in Co-authored-by trailers", () => {
  const patterns = compileBotPatterns([...DEFAULT_BOT_PATTERNS, ...DEFAULT_ASSISTANT_PATTERNS]);
  // Trailers as the tools write them.
  const assistants = [
    "Claude <noreply@anthropic.com>",
    "Claude Opus 4 <noreply@anthropic.com>",
    "Copilot <175728472+Copilot@users.noreply.github.com>",
    "Copilot <223556219+Copilot@users.noreply.github.com>",
    "Cursor Agent <cursoragent@cursor.com>",
    "Codex <noreply@openai.com>",
    "Gemini CLI <noreply@google.com>",
    "aider (gpt-4o) <noreply@aider.chat>",
    "Windsurf <noreply@codeium.com>",
    "claude[bot] <209825114+claude[bot]@users.noreply.github.com>",
  ];
  const people = [
    "Claude Monet <claude@example.com>",
    "Claude <claude@acme.fr>",
    "Cursor Johnson <cj@example.com>",
    "Gemini Rossi <g@example.com>",
    "Codex Rivera <c@example.com>",
  ];

  it("recognises the assistants by their addresses and people who share their names as people", () => {
    const sources = [
      repo(
        "r",
        [...assistants, ...people].map((c) => [c, 1] as [string, number]),
      ),
    ];
    const resolved = resolve(sources, { rule: "email-or-name", botPatterns: patterns });
    const bot = (contact: string) =>
      resolved.people.find((p) => p.id === resolved.personOf("r", who(contact)))?.isBot;
    for (const contact of assistants) expect(bot(contact), contact).toBe(true);
    for (const contact of people) expect(bot(contact), contact).toBe(false);
    // "Claude" the colleague is not merged into the assistant by name.
    expect(resolved.personOf("r", who("Claude <claude@acme.fr>"))).not.toBe(
      resolved.personOf("r", who("Claude <noreply@anthropic.com>")),
    );
  });

  it("are people again when the assistant patterns are left out", () => {
    const sources = [repo("r", [["Claude <noreply@anthropic.com>", 1]])];
    const resolved = resolve(sources, { botPatterns: compileBotPatterns(DEFAULT_BOT_PATTERNS) });
    expect(resolved.people[0]?.isBot).toBe(false);
  });
});
