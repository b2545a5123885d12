/**
 * The review's answers from git history alone (issue 14), on a real repository with review and
 * help trailers, merge-PR and squash-PR subjects, a merged topic branch, a revert, a hotfix and
 * release tags, scanned into a real SQLite file by the real CLI.
 */
import { writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReviewReport } from "../../src/app/review.js";
import { Store } from "../../src/store/store.js";
import { runCli, runJson } from "../helpers/cli.js";
import { makeRepo, parseIdentity, person, type TestRepo } from "../helpers/gitrepo.js";

const ADA = person("Ada");
const BO = person("Bo");
const CY = person("Cy");
const DEE = person("Dee");
const EVE = person("Eve");
const NOW = "2025-01-01T00:00:00Z";
const PERIOD = ["--since", "2024-12-01", "--until", "2024-12-31"];
const email = (who: string) => parseIdentity(who).email;

let repo: TestRepo;
let branchCommit = "";
let brokenCommit = "";

beforeAll(async () => {
  repo = makeRepo();
  // The previous period (2024-10-31 to 2024-12-01): a first release and one merged pull request.
  repo.commit({
    author: ADA,
    date: "2024-11-01T10:00:00Z",
    files: { "src/core/a.ts": "a\n", "src/api/x.ts": "x\n", "lib/l.ts": "l\n" },
  });
  repo.tag("v1.0.0");
  repo.branch("bo/first");
  repo.commit({ author: BO, date: "2024-11-05T10:00:00Z", files: { "src/api/b.ts": "b\n" } });
  repo.commit({ author: BO, date: "2024-11-06T10:00:00Z", files: { "src/api/b.ts": "b2\n" } });
  repo.checkout("main");
  repo.merge("bo/first", {
    author: ADA,
    date: "2024-11-08T10:00:00Z",
    message: "Merge pull request #3 from bo/first",
  });

  // The period: a merged pull request (its first commit mentored), a squashed one, a topic branch.
  repo.branch("bo/second");
  branchCommit = repo.commit({
    author: BO,
    date: "2024-12-02T10:00:00Z",
    files: { "src/api/d.ts": "d\n" },
    message: `Add d\n\nMentored-by: ${ADA}\nReviewed-by: ${ADA}`,
  });
  repo.checkout("main");
  repo.merge("bo/second", {
    author: ADA,
    date: "2024-12-06T10:00:00Z",
    message: "Merge pull request #9 from bo/second",
  });
  repo.commit({
    author: CY,
    date: "2024-12-03T10:00:00Z",
    files: { "src/api/c.ts": "c\n" },
    message: `Add the cache (#7)\n\nReviewed-by: ${ADA}\nHelped-by: Dee`,
  });
  repo.branch("cy/topic");
  repo.commit({ author: CY, date: "2024-12-04T10:00:00Z", files: { "lib/t.ts": "t\n" } });
  repo.checkout("main");
  repo.merge("cy/topic", { author: ADA, date: "2024-12-05T10:00:00Z" });
  // Reviews of src/api concentrate on Ada: 5 of 6 trailer reviews this period.
  for (const [i, who] of [BO, CY, BO].entries())
    repo.commit({
      author: who,
      date: `2024-12-0${7 + i}T10:00:00Z`,
      files: { [`src/api/r${i}.ts`]: "r\n" },
      message: `Refine ${i}\n\nReviewed-by: ${ADA}\nAcked-by: ${i === 0 ? EVE : ADA}`,
    });
  // A change, its revert by someone else a day later, and a hotfix.
  brokenCommit = repo.commit({
    author: DEE,
    date: "2024-12-10T10:00:00Z",
    files: { "src/core/a.ts": "broken\n" },
    message: "Speed up a",
  });
  repo.commit({
    author: EVE,
    date: "2024-12-11T10:00:00Z",
    files: { "src/core/a.ts": "a\n" },
    message: `Revert "Speed up a"\n\nThis reverts commit ${brokenCommit.slice(0, 12)}.`,
  });
  repo.commit({
    author: EVE,
    date: "2024-12-12T10:00:00Z",
    files: { "src/api/c.ts": "c2\n" },
    message: "hotfix: cache keys",
  });
  repo.tag("v1.1.0");
  repo.tag("v1.2.0-rc1");
});
afterAll(() => repo.cleanup());

const review = (db: string) =>
  runJson<ReviewReport>(["review", ...PERIOD, "--db", join(repo.root, db)], {
    cwd: repo.dir,
    env: repo.env,
    now: NOW,
  });

describe("review answers from git history alone", async () => {
  it("reads trailers and reverts into the store during the scan", async () => {
    const db = join(repo.root, "scan.db");
    expect(runCli(["scan", "--db", db], { cwd: repo.dir, env: repo.env, now: NOW }).code).toBe(0);
    const store = await Store.open(db);
    try {
      const [repository] = await store.repositories();
      const commits = await store.loadCommits(repository!.id);
      expect(commits.find((c) => c.sha === branchCommit)?.signals).toEqual([
        { kind: "mentored-by", person: { name: "Ada", email: email(ADA) } },
        { kind: "reviewed-by", person: { name: "Ada", email: email(ADA) } },
      ]);
      const revert = [...commits.values()].find((c) => c.subject.startsWith("Revert"));
      expect(revert?.signals).toEqual([{ kind: "reverts", sha: brokenCommit.slice(0, 12) }]);
      const squash = [...commits.values()].find((c) => c.subject.endsWith("(#7)"));
      expect(squash?.signals).toEqual([
        { kind: "reviewed-by", person: { name: "Ada", email: email(ADA) } },
        { kind: "helped-by", person: { name: "Dee", email: "" } },
      ]);
    } finally {
      await store.close();
    }
  });

  it("answers questions 1, 2, 3 and 5 and gives release figures, each with its records", async () => {
    const report = review("review.db");
    const git = report.gitHistory!;
    expect(git.signals).toMatchObject({
      reverts: 1,
      hotfixes: 1,
      mergePullRequests: 2,
      squashPullRequests: 1,
      mergedBranches: 1,
      releaseTags: 2, // v1.0.0 and v1.1.0; the -rc1 pre-release is not a release
    });
    expect(git.signals.trailers["reviewed-by"]).toBe(5);

    // Question 1: the revert came a day after the change, by someone other than its author.
    expect(git.heroics.now).toMatchObject({
      repairs: 2,
      reverts: 1,
      hotfixes: 1,
      revertsTimed: 1,
      revertMedianHours: 24,
      byOtherThanAuthor: 1,
    });
    expect(git.heroics.before.repairs).toBe(0);
    expect(git.heroics.areas.map((a) => [a.area, a.repairs, a.repairers])).toEqual([
      ["src/api", 1, 1],
      ["src/core", 1, 1],
    ]);

    // Question 2: coding time from first commit to merge, per area, against the previous period.
    expect(git.friction.recovered).toMatchObject({
      now: 3,
      before: 1,
      mergePullRequests: 1,
      squashPullRequests: 1,
      mergedBranches: 1,
      alsoImported: 0,
    });
    const api = git.friction.areas.find((a) => a.area === "src/api")!;
    // #9: first commit 12-02 → merge 12-06 (96 h); the squash #7 is counted but not timed.
    expect(api.now).toEqual({ changes: 2, timed: 1, codingMedianHours: 96 });
    // #3: first commit 11-05 → merge 11-08.
    expect(api.before).toEqual({ changes: 1, timed: 1, codingMedianHours: 72 });
    expect(git.friction.reviewConcentration).toEqual([
      {
        area: "src/api",
        holder: { id: email(ADA), name: "Ada" },
        share: 5 / 6,
        reviews: 6,
        reviewers: 2,
      },
    ]);
    expect(report.leaderFacts.filter((f) => f.kind === "review-concentration")).toHaveLength(1);

    // Question 5: mentoring and help trailers, credited to the people they name.
    expect(git.capability.now).toMatchObject({
      commits: 2,
      mentoredBy: 1,
      helpedBy: 1,
      suggestedBy: 0,
      helpers: 2,
      helped: 2,
      // Cy's first change (src/api) was helped; Bo had changed src/api before.
      newAreas: 1,
    });
    expect(git.capability.before).toMatchObject({ commits: 0, newAreas: 0 });

    // Releases: v1.1.0 in the period shipped 11 commits (v1.0.0, the first, has no range), with
    // the revert and the hotfix among them.
    expect(git.releases).toMatchObject({ releasesNow: 1, releasesBefore: 1 });
    expect(git.releases!.lastQuarter).toMatchObject({
      releases: 2,
      commits: 11,
      reworkCommits: 2,
      releasesWithRework: 1,
    });
    expect(git.releases!.lastQuarter.reworkRate).toBeCloseTo(2 / 11);
    expect(git.releases).toMatchObject({
      latest: { name: "v1.1.0", date: "2024-12-12", repository: "repo" },
      repositories: 1,
    });
  });

  it("names the repository of the latest release when several repositories have tags", async () => {
    const other = makeRepo();
    try {
      other.commit({ author: BO, date: "2024-12-01T10:00:00Z", files: { "app.ts": "1\n" } });
      other.tag("v0.9.0");
      other.commit({ author: BO, date: "2024-12-20T10:00:00Z", files: { "app.ts": "2\n" } });
      other.tag("v1.0.0");
      const args = ["review", repo.dir, other.dir, ...PERIOD, "--db", join(other.root, "two.db")];
      const options = { cwd: other.root, env: other.env, now: NOW };
      const releases = runJson<ReviewReport>(args, options).gitHistory!.releases!;
      // Both folders are called repo: the workspace names them by their parent folder too.
      const name = `${basename(other.root)}/repo`;
      // v1.0.0 of the second repository (12-20) is newer than the first's v1.1.0 (12-12); the
      // period holds both, and v0.9.0 (12-01) too.
      expect(releases).toMatchObject({
        latest: { name: "v1.0.0", date: "2024-12-20", repository: name },
        repositories: 2,
        releasesNow: 3,
      });
      const markdown = runCli(args, options).stdout;
      expect(markdown).toContain(
        `3 releases this period (1 in the previous one); latest ${name} v1.0.0 on 2024-12-20 (release tags of 2 repositories, added up).`,
      );
    } finally {
      other.cleanup();
    }
  });

  it("says what the answers rest on and what an import would add, instead of 'Not answered'", async () => {
    const result = runCli(["review", ...PERIOD, "--db", join(repo.root, "review.db")], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    expect(result.code).toBe(0);
    const section = (n: string) => result.stdout.split(`## ${n}.`)[1]!.split("\n## ")[0]!;
    for (const n of ["1", "2", "5"]) {
      expect(section(n)).not.toMatch(/Not answered/);
      expect(section(n)).toMatch(/\*\*What an import would add:\*\*/);
    }
    expect(section("1")).toContain("Rests on the 15 commits up to the period's end: 1 revert");
    expect(section("2")).toContain("| `src/api` | 1 → 2 | 72.0 h → 96.0 h | too few to compare |");
    expect(section("5")).toContain("### Releases, from git history only");
    // Question 4 has no git answer: it still says what it needs.
    expect(section("4")).toMatch(/Not answered/);
  });

  it("puts mentoring, help and trailer reviews in the impact packet of the person they name", async () => {
    const packet = runJson<{
      leverage: { capability: { count: number; evidence: { title: string; because: string }[] } };
      brag: { collaboration: { kind: string; title: string }[] };
    }>(["impact", "--person", email(ADA), ...PERIOD, "--db", join(repo.root, "review.db")], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    // One Mentored-by and four Reviewed-by trailers name Ada this period (Acked-by on Refine 1 and
    // 2 are the same commits as her Reviewed-by: one credit per person and commit).
    expect(packet.leverage.capability.count).toBe(5);
    expect(packet.leverage.capability.evidence.map((e) => [e.title, e.because])).toEqual([
      ["Mentored-by on Add d", "is help credited in a commit trailer"],
      ["Reviewed-by on Add the cache (#7)", "is a review"],
      ["Reviewed-by on Refine 0", "is a review"],
      ["Reviewed-by on Refine 1", "is a review"],
      ["Reviewed-by on Refine 2", "is a review"],
    ]);
    expect(packet.brag.collaboration.map((c) => c.kind)).toEqual([
      "help",
      "review",
      "review",
      "review",
      "review",
    ]);
  });

  it("counts a recovered pull request that was also imported once, as the imported one", async () => {
    const db = join(repo.root, "imported.db");
    const file = join(repo.root, "prs.json");
    writeFileSync(
      file,
      JSON.stringify([
        {
          number: 9,
          title: "Add d",
          url: "https://github.com/acme/repo/pull/9",
          state: "MERGED",
          author: { login: "bo" },
          createdAt: "2024-12-02T12:00:00Z",
          mergedAt: "2024-12-06T10:00:00Z",
          closedAt: "2024-12-06T10:00:00Z",
          mergeCommit: null,
          baseRefName: "main",
          headRefName: "bo/second",
          labels: [],
          comments: [],
          commits: [
            {
              oid: branchCommit,
              authoredDate: "2024-12-02T10:00:00Z",
              committedDate: "2024-12-02T10:00:00Z",
              messageHeadline: "Add d",
              authors: [{ login: "bo", email: email(BO), name: "Bo" }],
            },
          ],
          reviews: [
            {
              id: "R1",
              author: { login: "ada" },
              state: "APPROVED",
              submittedAt: "2024-12-05T10:00:00Z",
            },
          ],
        },
      ]),
    );
    const imported = runCli(
      ["import", "prs", file, "--format", "gh-cli", "--repository", "acme/repo", "--db", db],
      { cwd: repo.dir, env: repo.env, now: NOW },
    );
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    const git = review("imported.db").gitHistory!;
    expect(git.friction.recovered).toMatchObject({ now: 2, before: 1, alsoImported: 1 });
    // Ada's imported review of #9 stands for her Reviewed-by trailer on its commit: 5 reviews, not 6.
    expect(git.friction.reviews.now).toBe(5);
    // The merge PR is gone from git's figures: only the squash (untimed) remains in src/api.
    const api = git.friction.areas.find((a) => a.area === "src/api")!;
    expect(api.now).toEqual({ changes: 1, timed: 0, codingMedianHours: null });
  });
});

describe("signals through interrupted, incremental and rewritten scans", async () => {
  let small: TestRepo;
  beforeAll(async () => {
    small = makeRepo();
    for (let i = 0; i < 10; i++)
      small.commit({
        author: i % 2 === 0 ? ADA : BO,
        date: `2024-12-${String(i + 1).padStart(2, "0")}T10:00:00Z`,
        files: { [`f${i}.ts`]: `${i}\n` },
        message: `Change ${i}\n\nReviewed-by: ${i % 2 === 0 ? BO : ADA}\nHelped-by: ${CY}`,
      });
  });
  afterAll(() => small.cleanup());

  const scan = (db: string, env: Record<string, string> = {}) =>
    runCli(["scan", "--db", db], { cwd: small.dir, env: { ...small.env, ...env }, now: NOW });
  const signalRows = async (db: string) => {
    const store = await Store.open(db);
    try {
      const [repository] = await store.repositories();
      const rows: string[] = [];
      for (const commit of await store.loadCommits(repository!.id))
        for (const s of commit.signals ?? [])
          rows.push(`${commit.sha} ${s.kind} ${"sha" in s ? s.sha : s.person.name}`);
      return rows.sort();
    } finally {
      await store.close();
    }
  };

  it("stores every commit's signals exactly once when a scan is interrupted and resumed", async () => {
    const clean = join(small.root, "clean.db");
    expect(scan(clean).code).toBe(0);
    expect(await signalRows(clean)).toHaveLength(20);
    const db = join(small.root, "stopped.db");
    const hooks = { LEGIBLE_TEST_BATCH_SIZE: "3", LEGIBLE_TEST_STOP_AFTER_BATCHES: "2" };
    expect(scan(db, hooks).code).toBe(130);
    expect(await signalRows(db)).toHaveLength(12);
    expect(scan(db, { LEGIBLE_TEST_BATCH_SIZE: "3" }).code).toBe(0);
    expect(await signalRows(db)).toEqual(await signalRows(clean));
  });

  it("reads new commits' signals incrementally and drops a rewritten history's", async () => {
    const db = join(small.root, "rewrite.db");
    expect(scan(db).code).toBe(0);
    small.commit({
      author: CY,
      date: "2024-12-20T10:00:00Z",
      files: { "g.ts": "g\n" },
      message: `New\n\nMentored-by: ${ADA}`,
    });
    expect(scan(db).code).toBe(0);
    expect(await signalRows(db)).toHaveLength(21);
    small.git("reset", "-q", "--hard", "HEAD~3");
    small.commit({
      author: CY,
      date: "2024-12-21T10:00:00Z",
      files: { "h.ts": "h\n" },
      message: `Other\n\nTested-by: ${BO}`,
    });
    const rescanned = runJson<{ repositories: { mode: string }[] }>(["scan", "--db", db], {
      cwd: small.dir,
      env: small.env,
      now: NOW,
    });
    expect(rescanned.repositories[0]?.mode).toBe("rewritten");
    // 8 of the 10 first commits (2 signals each) and the new one: nothing left from the others.
    expect(await signalRows(db)).toHaveLength(17);
  });
});

describe("the signals migration", () => {
  it("drops a history stored without signals, so the next scan reads it again in full", async () => {
    const { default: Database } = await import("better-sqlite3");
    const { MIGRATIONS } = await import("../../src/store/schema.js");
    const dir = makeRepo();
    try {
      const path = join(dir.root, "old.db");
      const db = new Database(path);
      const { Kysely, SqliteDialect } = await import("kysely");
      const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: db }) });
      for (const migration of MIGRATIONS.slice(0, 3)) await migration(old, "sqlite");
      db.pragma("user_version = 3");
      db.exec(
        "INSERT INTO repositories (id, path, name) VALUES (1, '/x', 'x'); INSERT INTO commits (repository_id, sha, parents, author_name, author_email, author_time, commit_time, subject, is_merge) VALUES (1, 'a', '', 'n', 'e', 1, 1, 's', 0); INSERT INTO scans (repository_id, ref, tip) VALUES (1, 'HEAD', 'a');",
      );
      db.close();
      const store = await Store.open(path);
      try {
        expect(await store.commitCount(1)).toBe(0);
        expect(await store.scans(1)).toEqual([]);
        expect((await store.repositories()).map((r) => r.name)).toEqual(["x"]);
      } finally {
        await store.close();
      }
    } finally {
      dir.cleanup();
    }
  });
});

describe("review help counts: areas new to the helped author", () => {
  it("counts a helped change in an area its author had not changed before, once per author and area", () => {
    const own = makeRepo();
    try {
      // Before the period Bo changes src/api; Ada changes nothing there.
      own.commit({ author: BO, date: "2024-11-01T10:00:00Z", files: { "src/api/a.ts": "a\n" } });
      own.commit({ author: ADA, date: "2024-11-02T10:00:00Z", files: { "docs/x.md": "x\n" } });
      // In the period, helped: Ada in src/api twice (new to her: one pair), Bo in src/api (not
      // new), in lib and in tools (both new to him).
      const helped = (who: string, day: string, file: string) =>
        own.commit({
          author: who,
          date: `2024-12-${day}T10:00:00Z`,
          files: { [file]: `${day}\n` },
          message: `Change ${file}\n\nHelped-by: ${CY}`,
        });
      helped(ADA, "02", "src/api/b.ts");
      helped(ADA, "03", "src/api/c.ts");
      helped(BO, "04", "src/api/d.ts");
      helped(BO, "05", "lib/e.ts");
      helped(BO, "06", "tools/f.ts");
      const report = runJson<ReviewReport>(
        ["review", ...PERIOD, "--db", join(own.root, "help.db")],
        { cwd: own.dir, env: own.env, now: NOW },
      );
      expect(report.gitHistory!.capability.now).toMatchObject({
        commits: 5,
        helpedBy: 5,
        helped: 2,
        helpers: 1,
        newAreas: 3,
      });
    } finally {
      own.cleanup();
    }
  });
});
