/**
 * The review's answers from git history alone (issue 14), on a real repository with review and
 * help trailers, merge-PR and squash-PR subjects, a merged topic branch, a revert, a hotfix and
 * release tags, scanned into a real SQLite file by the real CLI.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReviewReport } from "../../src/app/review.js";
import { SqliteStore } from "../../src/store/sqlite.js";
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

beforeAll(() => {
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

describe("review answers from git history alone", () => {
  it("reads trailers and reverts into the store during the scan", () => {
    const db = join(repo.root, "scan.db");
    expect(runCli(["scan", "--db", db], { cwd: repo.dir, env: repo.env, now: NOW }).code).toBe(0);
    const store = SqliteStore.open(db);
    try {
      const [repository] = store.repositories();
      const commits = store.loadCommits(repository!.id);
      expect(commits.get(branchCommit)?.signals).toEqual([
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
      store.close();
    }
  });

  it("answers questions 1, 2, 3 and 5 and gives release figures, each with its records", () => {
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
    });

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
  });

  it("says what the answers rest on and what an import would add, instead of 'Not answered'", () => {
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
    expect(section("1")).toContain("Rests on 15 commits read: 1 revert");
    expect(section("2")).toContain("| `src/api` | 1 → 2 | 72.0 h → 96.0 h | too few to compare |");
    expect(section("5")).toContain("### Releases, from git history only");
    // Question 4 has no git answer: it still says what it needs.
    expect(section("4")).toMatch(/Not answered/);
  });

  it("counts a recovered pull request that was also imported once, as the imported one", () => {
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
    // The merge PR is gone from git's figures: only the squash (untimed) remains in src/api.
    const api = git.friction.areas.find((a) => a.area === "src/api")!;
    expect(api.now).toEqual({ changes: 1, timed: 0, codingMedianHours: null });
  });
});
