import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReviewReport } from "../../src/app/review.js";
import { runCli } from "../helpers/cli.js";
import type { TestRepo } from "../helpers/gitrepo.js";
import { ALICE, BOB, buildOrg, CAROL } from "./fixture-org.js";

/**
 * `legible review` through the result cache (app/result-cache.ts, app/run/review.ts): a second run
 * with nothing new reuses the stored report, any changed input computes again, and a report at
 * "now" is reused only over the span of seconds where computing it again gives the same bytes.
 *
 * The clock: 06:00 on 2025-01-01. Carol's commit at 2024-12-25T12:00:00Z is in the 7-day period
 * until 12:00:00 that day and leaves it just after: the first moment the review changes.
 */
const NOW = "2025-01-01T06:00:00Z";
const CROSSING = Date.parse("2025-01-01T12:00:00Z") / 1000;

let repo: TestRepo;
const db = () => join(repo.root, "legible.db");
const run = (args: string[], now = NOW) => {
  const result = runCli([...args, "--db", db()], { cwd: repo.dir, env: repo.env, now });
  if (result.code !== 0) throw new Error(`legible ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
};
const review = (args: string[] = [], now = NOW) =>
  JSON.parse(run(["review", ...args, "--json"], now)) as ReviewReport;
const at = (seconds: number) => new Date(seconds * 1000).toISOString().replace(".000Z", "Z");

interface Row {
  key: string;
  value: string;
}
function rows(): Row[] {
  const sqlite = new Database(db());
  try {
    return sqlite
      .prepare("SELECT key, value FROM analysis_cache WHERE key LIKE 'review:%'")
      .all() as Row[];
  } finally {
    sqlite.close();
  }
}
function clearCache(): void {
  const sqlite = new Database(db());
  sqlite.prepare("DELETE FROM analysis_cache").run();
  sqlite.close();
}
/** The stored review's span (the only one stored). */
function span(): { validFrom: number; validUntil: number } {
  const stored = rows();
  expect(stored).toHaveLength(1);
  return JSON.parse(stored[0]!.value) as { validFrom: number; validUntil: number };
}
/** Marks every stored review, so that a run which reuses one is told from one which computes. */
function poison(): number {
  const sqlite = new Database(db());
  try {
    const stored = rows();
    for (const row of stored) {
      const entry = JSON.parse(row.value) as { value: ReviewReport };
      entry.value.repositories[0]!.name = "poisoned";
      sqlite
        .prepare("UPDATE analysis_cache SET value = ? WHERE key = ?")
        .run(JSON.stringify(entry), row.key);
    }
    return stored.length;
  } finally {
    sqlite.close();
  }
}
const poisoned = (report: ReviewReport) => report.repositories[0]!.name === "poisoned";

const DECISION = (tradeoff: string) => `---
status: accepted
date: 2024-12-28
decision-makers: [Alice]
---
# Keep the core synchronous

## Context and Problem Statement

\`src/core/a.ts\` is called from hot loops.

## Decision Outcome

Chosen option: "synchronous", because callers cannot await.

### Consequences

* Good, because ${tradeoff}.
* Bad, because we accept blocking on large inputs.
`;

beforeAll(() => {
  repo = buildOrg();
  repo.commit({
    author: CAROL,
    date: "2024-12-25T12:00:00Z",
    files: { "lib/extra.ts": "e\n" },
  });
  const merged = repo.commit({
    author: ALICE,
    date: "2024-12-28T15:00:00Z",
    files: { "docs/decisions/0001-keep-the-core-synchronous.md": DECISION("latency is stable") },
  });
  // An imported pull request (reviewed by Bob) and an incident, so the flow sections are there.
  writeFileSync(
    join(repo.root, "pulls.json"),
    JSON.stringify([
      {
        number: 7,
        title: "keep the core synchronous",
        user: { login: "alice" },
        state: "closed",
        created_at: "2024-12-27T03:00:00Z",
        closed_at: "2024-12-28T16:00:00Z",
        merged_at: "2024-12-28T16:00:00Z",
        merge_commit_sha: merged,
        labels: [],
        base: { ref: "main", repo: { full_name: "acme/org" } },
        head: { ref: "sync" },
        reviews: [
          {
            id: 70,
            user: { login: "bob" },
            state: "APPROVED",
            submitted_at: "2024-12-27T04:00:00Z",
          },
        ],
        commits: [],
        comments: [],
      },
    ]),
  );
  writeFileSync(
    join(repo.root, "incidents.csv"),
    [
      "id,title,created_at,resolved_at,service,severity,responders",
      "i1,core down,2024-12-30T20:00:00Z,2024-12-30T21:00:00Z,core,SEV1,bob",
    ].join("\n"),
  );
  run(["import", "prs", join(repo.root, "pulls.json")]);
  run(["import", "incidents", join(repo.root, "incidents.csv")]);
});
afterAll(() => repo.cleanup());

describe("the review through the result cache", () => {
  it("answers a second review from the cache, byte for byte, in every format", () => {
    for (const args of [
      ["--json"],
      [],
      ["--format", "html"],
      ["--until", "2024-12-31", "--json"],
    ]) {
      clearCache();
      const fresh = run(["review", ...args, "--no-cache"]);
      expect(rows(), "--no-cache keeps nothing").toHaveLength(0);
      expect(run(["review", ...args]), args.join(" ")).toBe(fresh); // computed and stored
      expect(rows()).toHaveLength(1);
      expect(run(["review", ...args]), args.join(" ")).toBe(fresh); // reused
      // The second came from the stored entry.
      expect(poison()).toBe(1);
      expect(run(["review", ...args])).not.toBe(fresh);
    }
  });

  it("computes again when any input changes", () => {
    clearCache();
    const first = review();
    // The imported pull request answers the friction question: the delivery records are read.
    expect(first.friction.missing).toBeNull();
    expect(poison()).toBe(1);
    expect(poisoned(review())).toBe(true);
    // --no-cache neither reads nor writes.
    expect(poisoned(review(["--no-cache"]))).toBe(false);
    expect(poisoned(review())).toBe(true);
    // Another period, by --since or --until; a --since to "now" is never cached.
    expect(poisoned(review(["--until", "2024-12-31"]))).toBe(false);
    const stored = rows().length;
    expect(poisoned(review(["--since", "2024-12-20"]))).toBe(false);
    expect(rows()).toHaveLength(stored);
    // A changed configuration; the same again reuses.
    writeFileSync(join(repo.dir, "legible.yaml"), "activeDays: 400\n");
    try {
      expect(poisoned(review())).toBe(false);
    } finally {
      writeFileSync(join(repo.dir, "legible.yaml"), "");
    }
    expect(poisoned(review())).toBe(true);
    // A changed ladder file (read from outside the store), its path unchanged.
    const ladder = join(repo.root, "ladder.yaml");
    const ladderYaml = (summary: string) =>
      `name: Eng\nlevels:\n  - { id: a, name: A }\nthemes:\n  - { id: t, name: T }\ncompetencies:\n  - { id: c, level: a, theme: t, summary: ${summary} }\n`;
    writeFileSync(ladder, ladderYaml("Does."));
    writeFileSync(join(repo.dir, "legible.yaml"), `ladder:\n  file: ${ladder}\n`);
    try {
      review();
      poison();
      expect(poisoned(review())).toBe(true);
      writeFileSync(ladder, ladderYaml("Does more."));
      expect(poisoned(review())).toBe(false);
    } finally {
      writeFileSync(join(repo.dir, "legible.yaml"), "");
    }
    expect(poisoned(review())).toBe(true);
    // An import (the store's write counter moves), even of a record outside every window.
    writeFileSync(
      join(repo.root, "old-incidents.csv"),
      [
        "id,title,created_at,resolved_at,service,severity,responders",
        "i0,api down,2020-03-01T08:00:00Z,2020-03-01T09:00:00Z,api,SEV2,bob",
      ].join("\n"),
    );
    run(["import", "incidents", join(repo.root, "old-incidents.csv")]);
    expect(poisoned(review())).toBe(false);
    poison();
    expect(poisoned(review())).toBe(true);
    // A changed decision record (committed: records are read at the scanned head).
    repo.commit({
      author: ALICE,
      date: "2024-12-29T09:00:00Z",
      files: { "docs/decisions/0001-keep-the-core-synchronous.md": DECISION("it is simple") },
    });
    const changed = review();
    expect(poisoned(changed)).toBe(false);
    expect(JSON.stringify(changed.tradeoffs)).toContain("it is simple");
    poison();
    expect(poisoned(review())).toBe(true);
    // A new commit.
    repo.commit({ author: BOB, date: "2024-12-31T09:00:00Z", files: { "src/api/z.ts": "z\n" } });
    const newCommit = review();
    expect(poisoned(newCommit)).toBe(false);
    expect(newCommit.repositories[0]!.commitsInPeriod).toBe(
      changed.repositories[0]!.commitsInPeriod + 1,
    );
  });

  it("reuses a review at 'now' only while computing it again gives the same bytes", () => {
    clearCache();
    run(["review", "--json"]);
    const { validFrom, validUntil } = span();
    expect(validFrom).toBe(Date.parse(NOW) / 1000);
    // The span ends a few seconds before Carol's commit leaves the period, and not much earlier.
    expect(validUntil).toBeLessThan(CROSSING);
    expect(validUntil).toBeGreaterThanOrEqual(CROSSING - 60);
    // That moment matters: computed afresh, the review differs either side of it.
    const before = review(["--no-cache"], at(CROSSING - 1));
    const after = review(["--no-cache"], at(CROSSING + 1));
    expect(after.repositories[0]!.commitsInPeriod).toBe(
      before.repositories[0]!.commitsInPeriod - 1,
    );
    // Anywhere inside the span, the reused review is what a fresh computation gives then.
    for (const time of [validFrom + 1, validFrom + 3_600, validUntil - 60, validUntil]) {
      for (const format of time === validUntil
        ? [["--json"], [], ["--format", "html"]]
        : [["--json"]]) {
        expect(run(["review", ...format], at(time)), `${at(time)} ${format}`).toBe(
          run(["review", ...format, "--no-cache"], at(time)),
        );
      }
    }
    expect(rows()).toHaveLength(1); // all of them reused the one entry
    poison();
    expect(poisoned(review([], at(validUntil)))).toBe(true);
    // A second past its end: computed again (the new entry is good for that one second only).
    expect(poisoned(review([], at(validUntil + 1)))).toBe(false);
    // Past the crossing: computed again, and right.
    const past = run(["review", "--json"], at(CROSSING + 1));
    expect(poisoned(JSON.parse(past) as ReviewReport)).toBe(false);
    expect(past).toBe(run(["review", "--json", "--no-cache"], at(CROSSING + 1)));
  });

  it("never reuses a review at 'now' across a UTC midnight", () => {
    clearCache();
    const evening = "2025-01-01T22:00:00Z";
    run(["review", "--json"], evening);
    const { validUntil } = span();
    expect(validUntil).toBeLessThanOrEqual(Date.parse("2025-01-01T23:59:59Z") / 1000);
    poison();
    expect(poisoned(review([], at(validUntil)))).toBe(true);
    const midnight = run(["review", "--json"], "2025-01-02T00:00:00Z");
    expect(poisoned(JSON.parse(midnight) as ReviewReport)).toBe(false);
    expect(midnight).toBe(run(["review", "--json", "--no-cache"], "2025-01-02T00:00:00Z"));
  });

  it("computes again over an entry it cannot read", () => {
    clearCache();
    const fresh = run(["review", "--json", "--no-cache"]);
    run(["review", "--json"]);
    const sqlite = new Database(db());
    expect(
      sqlite.prepare("UPDATE analysis_cache SET value = 'not json' WHERE key LIKE 'review:%'").run()
        .changes,
    ).toBe(1);
    sqlite.close();
    expect(run(["review", "--json"])).toBe(fresh);
    // And over one that is JSON but not an entry.
    const again = new Database(db());
    again.prepare("UPDATE analysis_cache SET value = '{\"value\":1}'").run();
    again.close();
    expect(run(["review", "--json"])).toBe(fresh);
  });
});
