import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlowReport } from "../../src/app/flow.js";
import type { KnowledgeReport } from "../../src/app/report-types.js";
import type { ReviewReport } from "../../src/app/review.js";
import type { DoraReport } from "../../src/core/delivery/index.js";
import { runCli, runJson } from "../helpers/cli.js";
import { makeRepo, person, type TestRepo } from "../helpers/gitrepo.js";

const ADA = person("Ada");
const BOB = person("Bob");
const NOW = "2024-06-30T00:00:00Z";
let repo: TestRepo;
const shas: string[] = [];
const db = () => join(repo.root, "d.db");
const iso = (day: number, hour = 0) => new Date(Date.UTC(2024, 5, day, hour)).toISOString();

beforeAll(() => {
  repo = makeRepo();
  for (let day = 1; day <= 6; day++) {
    shas.push(
      repo.commit({
        author: day % 2 ? ADA : BOB,
        date: iso(day, 10),
        files: { [`api/handler${day % 2}.ts`]: `v${day}\n`, "web/page.ts": `p${day}\n` },
      }),
    );
  }
  // Three merged PRs, each squash-merged as one of the commits above; Bob reviews all of them.
  const pulls = [1, 3, 5].map((day, i) => ({
    number: 10 + i,
    title: `change ${i}`,
    user: { login: "ada" },
    state: "closed",
    created_at: iso(day, 0),
    closed_at: iso(day, 10),
    merged_at: iso(day, 10),
    merge_commit_sha: shas[day - 1],
    labels: [],
    base: { ref: "main", repo: { full_name: "acme/shop" } },
    head: { ref: `t${i}` },
    reviews: [
      { id: 100 + i, user: { login: "bob" }, state: "APPROVED", submitted_at: iso(day, 2) },
    ],
    commits: [
      {
        sha: shas[day - 1],
        commit: { author: { name: "Ada", email: "ada@example.com", date: iso(day - 1 || 1, 0) } },
        author: { login: "ada" },
      },
    ],
    comments: [],
  }));
  writeFileSync(join(repo.root, "pulls.json"), JSON.stringify(pulls));
  writeFileSync(
    join(repo.root, "deploys.csv"),
    [
      "id,repository,environment,result,commit_sha,started_at,finished_at,name",
      `d1,acme/shop,production,success,${shas[0]},${iso(1, 11)},${iso(1, 12)},v1`,
      `d2,acme/shop,production,success,${shas[3]},${iso(4, 11)},${iso(4, 12)},v2`,
      `d3,acme/shop,production,success,${shas[5]},${iso(6, 11)},${iso(6, 12)},v3`,
      `d4,acme/shop,production,success,,${iso(6, 13)},not-a-date,v4`,
    ].join("\n"),
  );
  writeFileSync(
    join(repo.root, "incidents.csv"),
    [
      "id,title,created_at,resolved_at,service,severity,responders",
      `i1,checkout down,${iso(5, 0)},${iso(5, 3)},checkout,SEV1,bob`,
    ].join("\n"),
  );
});
afterAll(() => repo.cleanup());

describe("importing delivery records", () => {
  it("imports idempotently and reports malformed rows with file, line and reason", () => {
    const first = runCli(["import", "prs", join(repo.root, "pulls.json"), "--db", db()], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    expect(first).toMatchObject({
      code: 0,
      stdout: `${join(repo.root, "pulls.json")} (prs, github): 3 rows read; 3 new, 0 updated, 0 unchanged; 0 rows skipped\n`,
    });
    const again = runCli(["import", "prs", join(repo.root, "pulls.json"), "--db", db()], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    expect(again.stdout).toContain("3 rows read; 0 new, 0 updated, 3 unchanged");
    const deploys = runCli(
      ["import", "deployments", join(repo.root, "deploys.csv"), "--db", db()],
      { cwd: repo.dir, env: repo.env, now: NOW },
    );
    expect(deploys.code).toBe(0);
    expect(deploys.stdout).toContain("3 rows read; 3 new");
    expect(deploys.stderr).toMatch(new RegExp(`^skipped ${join(repo.root, "deploys.csv")}:5: `));
    const incidents = runCli(
      ["import", "incidents", join(repo.root, "incidents.csv"), "--db", db()],
      { cwd: repo.dir, env: repo.env, now: NOW },
    );
    expect(incidents.stdout).toContain("1 row read; 1 new");
  });

  it("names an unreadable file and an unknown format", () => {
    const missing = runCli(["import", "prs", join(repo.root, "nope.json"), "--db", db()], {
      cwd: repo.dir,
      env: repo.env,
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr.split("\n")[0]).toBe(
      `legible: ${join(repo.root, "nope.json")}: cannot read: ENOENT`,
    );
    const wrong = runCli(["import", "prs", join(repo.root, "deploys.csv"), "--db", db()], {
      cwd: repo.dir,
      env: repo.env,
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr.split("\n")[0]).toBe(
      `legible: ${join(repo.root, "deploys.csv")}: not a prs export legible recognises`,
    );
  });
});

describe("flow, dora and the review from imported records", () => {
  it("computes review waits per area from the PRs joined to git", () => {
    const flow = runJson<FlowReport>(
      ["flow", "--since", "2024-06-01", "--until", "2024-06-30", "--db", db()],
      { cwd: repo.dir, env: repo.env, now: NOW },
    );
    expect(flow.friction.universe.pullRequests.counted).toBe(3);
    const api = flow.friction.areas.find((a) => a.area === "api")!;
    expect(api).toMatchObject({
      pullRequests: 3,
      pickupMedianHours: 2,
      reviewMedianHours: 8,
      distinctReviewers: 1,
    });
    expect(flow.incidents.overall.incidents).toBe(1);
    expect(flow.incidents.overall.restoreMedianHours).toBe(3);
  });

  it("computes the four keys with their universe", () => {
    const dora = runJson<DoraReport>(
      ["dora", "--since", "2024-06-01", "--until", "2024-06-30", "--db", db()],
      { cwd: repo.dir, env: repo.env, now: NOW },
    );
    expect(dora.mode).toBe("default");
    expect(dora.deploymentFrequency.universe.deployments?.counted).toBe(3);
    expect(dora.changeFailureRate.value).toBeCloseTo(1 / 3);
    expect(dora.leadTime.value).not.toBeNull();
    const devlake = runJson<DoraReport>(
      [
        "dora",
        "--compat",
        "devlake",
        "--since",
        "2024-06-01",
        "--until",
        "2024-06-30",
        "--db",
        db(),
      ],
      { cwd: repo.dir, env: repo.env, now: NOW },
    );
    expect(devlake.mode).toBe("devlake");
    const md = runCli(
      ["dora", "--format", "md", "--since", "2024-06-01", "--until", "2024-06-30", "--db", db()],
      { cwd: repo.dir, env: repo.env, now: NOW },
    );
    expect(md.stdout).toMatch(
      /^# DORA metrics, 2024-06-01 to 2024-06-30 \(default mode; bands of the 2024 report\)/,
    );
  });

  it("counts reviews as knowledge on request", () => {
    const files = (args: string[]) => {
      const report = runJson<KnowledgeReport>(["knowledge", ...args, "--db", db()], {
        cwd: repo.dir,
        env: repo.env,
        now: NOW,
      });
      const api = report.repositories[0]!.areas.find((a) => a.id === "api")!;
      return Object.fromEntries(api.authors.map((a) => [a.name, a.files]));
    };
    // Bob wrote handler0 and reviewed the three PRs that changed Ada's handler1: one review
    // record per reviewed file makes him an author of handler1 too (DOA 3.43 against Ada's 4.27).
    expect(files([])).toEqual({ Ada: 1, Bob: 1 });
    expect(files(["--reviews-as-knowledge"])).toEqual({ Ada: 1, Bob: 2 });
    // The paper's model never counts reviews.
    expect(
      runJson<KnowledgeReport>(
        ["knowledge", "--reviews-as-knowledge", "--compat", "avelino2016", "--db", db()],
        { cwd: repo.dir, env: repo.env, now: NOW },
      )
        .repositories[0]!.areas.find((a) => a.id === "api")!
        .authors.map((a) => a.files),
    ).toEqual([1, 1]);
  });

  it("answers questions 1 and 2 of the review from them", () => {
    const report = runJson<ReviewReport>(
      ["review", "--since", "2024-06-01", "--until", "2024-06-30", "--db", db()],
      { cwd: repo.dir, env: repo.env, now: NOW },
    );
    expect(report.heroics.missing).toBeNull();
    expect(report.heroics.answer?.incidents.now).toBe(1);
    expect(report.friction.missing).toBeNull();
    expect(report.friction.answer).not.toBeNull();
  });
});

describe("dora with nothing imported", () => {
  it("bands no figure and says plainly why, in the table and in JSON", () => {
    const empty = makeRepo();
    empty.commit({ author: ADA, date: iso(1, 10), files: { "a.ts": "a\n" } });
    const args = ["dora", "--since", "2024-06-01", "--until", "2024-06-30"];
    const options = { cwd: empty.dir, env: empty.env, now: NOW };
    const table = runCli([...args, "--db", join(empty.root, "d.db")], options);
    expect(table.stdout).toBe(
      [
        "DORA metrics, 2024-06-01 to 2024-06-30 (default mode; bands of the 2024 report)",
        "METRIC\tVALUE\tBAND\tRESTS ON",
        "Deployment frequency\tunknown\tnot banded\tno deployment records imported: deployment frequency unknown; 0 of 0 deployments counted",
        "Lead time for changes\tunknown\tnot banded\tno pull-request records imported: lead time unknown; 0 of 0 pull requests counted",
        "Change failure rate\tunknown\tnot banded\tno incident records imported: change failure rate unknown; 0 of 0 deployments counted; 0 of 0 incidents counted",
        "Failed deployment recovery time\tunknown\tnot banded\tno incident records imported: recovery time unknown; 0 of 0 incidents counted",
        "Rework rate\tunknown\tnot banded\tno incident records imported: rework rate unknown; 0 of 0 deployments counted; 0 of 0 incidents counted",
        "",
      ].join("\n"),
    );
    const dora = runJson<DoraReport>([...args, "--db", join(empty.root, "d.db")], options);
    expect(dora.changeFailureRate).toMatchObject({
      value: null,
      band: null,
      failures: null,
      reason: "no incident records imported: change failure rate unknown",
    });
    expect(dora.deploymentFrequency).toMatchObject({
      value: null,
      band: null,
      reason: "no deployment records imported: deployment frequency unknown",
    });
    empty.cleanup();
  });
});
