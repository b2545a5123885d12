import { bot, makeRepo, person, type TestRepo } from "../helpers/gitrepo.js";

export const ALICE = person("Alice");
export const BOB = person("Bob");
export const CAROL = person("Carol");
export const DAVE = person("Dave");
export const ERIN = person("Erin");
export const MERGY = person("Mergy");

/** The clock the CLI runs with in these tests: activity after 2024-07-05 is within 180 days. */
export const NOW = "2025-01-01T00:00:00Z";

/**
 * A small organisation whose answers are computed by hand in knowledge.test.ts:
 * Alice owns src/core (and .mailmap), Bob wrote src/api and left in 2023, Erin touched one api file
 * recently, Carol owns lib with Dave co-authoring one file, dependabot and a merge author appear
 * but must not be credited, and Alice's old email is folded by .mailmap.
 */
export function buildOrg(): TestRepo {
  const repo = makeRepo({ mailmap: "Alice <alice@example.com> <alice@old.example.com>\n" });
  repo.commit({
    author: ALICE,
    date: "2023-01-10T10:00:00Z",
    files: {
      "src/core/a.ts": "a\n",
      "src/core/b.ts": "b\n",
      "src/core/c.ts": "export const c = 1;\nexport const d = 2;\nexport const e = 3;\n",
    },
  });
  repo.commit({
    author: BOB,
    date: "2023-02-10T10:00:00Z",
    files: { "src/api/x.ts": "x\n", "src/api/y.ts": "y\n", "docs/guide.md": "# Guide\n" },
  });
  repo.commit({
    author: BOB,
    date: "2023-06-10T10:00:00Z",
    files: { "docs/guide.md": "# Guide\nmore\n" },
  });
  repo.commit({
    author: "alice <alice@old.example.com>",
    date: "2024-03-01T10:00:00Z",
    files: { "src/core/a.ts": "a2\n" },
  });
  repo.branch("feature");
  repo.commit({ author: CAROL, date: "2024-11-01T10:00:00Z", files: { "lib/util.ts": "u\n" } });
  repo.commit({
    author: CAROL,
    date: "2024-11-02T10:00:00Z",
    files: { "lib/helpers.ts": "h\n" },
    coAuthors: [DAVE],
  });
  repo.checkout("main");
  repo.merge("feature", { author: MERGY, date: "2024-11-03T10:00:00Z" });
  repo.commit({
    author: bot("dependabot"),
    date: "2024-12-01T10:00:00Z",
    files: { "lib/util.ts": "u2\n" },
  });
  repo.commit({ author: ERIN, date: "2024-12-05T10:00:00Z", files: { "src/api/x.ts": "x2\n" } });
  repo.commit({
    author: ALICE,
    date: "2024-12-10T10:00:00Z",
    renames: { "src/core/c.ts": "src/core/c2.ts" },
  });
  return repo;
}
