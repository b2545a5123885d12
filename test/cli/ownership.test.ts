import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReviewCoordination } from "../../src/app/review-coordination.js";
import type { OwnershipReport } from "../../src/app/run/ownership.js";
import { runCli, runJson } from "../helpers/cli.js";
import type { TestRepo } from "../helpers/gitrepo.js";
import { makeRepo } from "../helpers/gitrepo.js";
import { buildOwnershipRepo, NOW, PAT, ROSTER, SAM } from "../helpers/ownership-repo.js";

const COUPLING = ["--min-revs", "1", "--min-shared-revs", "1"];

function ownership(repo: TestRepo, args: string[] = []): OwnershipReport {
  return runJson<OwnershipReport>(["ownership", ...args, "--db", join(repo.root, "l.db")], {
    cwd: repo.dir,
    env: repo.env,
    now: NOW,
  });
}

const statuses = (report: OwnershipReport) =>
  Object.fromEntries(report.areas.map((a) => [a.area, a.status]));

describe("legible ownership, GitHub's CODEOWNERS form", () => {
  let repo: TestRepo;
  let report: OwnershipReport;
  beforeAll(() => {
    repo = buildOwnershipRepo({ form: "github" });
    report = ownership(repo, [...COUPLING, "--trend"]);
  });
  afterAll(() => repo.cleanup());

  it("reads .github/CODEOWNERS at the analysed commit with GitHub's rules", () => {
    expect(report.repositories[0]!.codeowners).toEqual({
      path: ".github/CODEOWNERS",
      dialect: "github",
      rules: 3,
      problems: [],
      searched: [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"],
    });
  });

  it("finds the drift: the payments team's only member left and a platform engineer holds the area", () => {
    expect(statuses(report)).toEqual({
      services: "drift",
      "services/payments": "drift",
      tools: "unowned",
      ".": "aligned",
      infra: "aligned",
    });
    const payments = report.areas.find((a) => a.area === "services/payments")!;
    expect(payments.declared).toEqual([
      { owner: "@acme/payments", kind: "team", team: "payments", files: 3 },
    ]);
    expect(payments.authors).toEqual([{ id: "sam@example.com", name: "Sam Ortiz" }]);
    expect(payments.reason).toBe(
      "declared to @acme/payments, but none of their 1 people is among its 1 active authors and reviewers",
    );
    expect(payments.ownersWhoLeft).toEqual([
      { owner: "@acme/payments", people: 1, lastActive: "2024-03-10T10:00:00.000Z" },
    ]);
    const infra = report.areas.find((a) => a.area === "infra")!;
    expect(infra.declared).toEqual([
      { owner: "@acme/platform", kind: "team", team: "platform", files: 3 },
    ]);
    expect(infra.authors.map((p) => p.id).sort()).toEqual(["sam@example.com", "tess@example.com"]);
    expect(report.areas.find((a) => a.area === "tools")!.reason).toBe(
      "no CODEOWNERS rule or roster entry owns any of its 1 files",
    );
    expect(report.summary).toEqual({ areas: 5, aligned: 2, drift: 2, unowned: 1, unresolved: 0 });
  });

  it("counts the teams each change needed, month by month (commits: no pull requests imported)", () => {
    const c = report.coordination;
    expect(c.changes).toEqual({ kind: "commits", total: 10 });
    expect(c.months.map((m) => [m.month, m.changes, m.byTeams, m.mean, m.multiTeamShare])).toEqual([
      ["2024-07-31", 0, { none: 0, one: 0, two: 0, threeOrMore: 0 }, null, null],
      ["2024-08-31", 2, { none: 0, one: 1, two: 1, threeOrMore: 0 }, 1.5, 0.5],
      ["2024-09-30", 1, { none: 0, one: 1, two: 0, threeOrMore: 0 }, 1, 0],
      ["2024-10-31", 1, { none: 0, one: 0, two: 1, threeOrMore: 0 }, 2, 1],
      ["2024-11-30", 2, { none: 1, one: 0, two: 1, threeOrMore: 0 }, 2, 1],
      ["2024-12-31", 1, { none: 0, one: 1, two: 0, threeOrMore: 0 }, 1, 0],
    ]);
    const trend = Object.fromEntries(
      c.areas.map((a) => [a.area, [a.before.mean, a.now.mean, a.direction]]),
    );
    expect(trend).toEqual({
      infra: [1.5, 1.67, "more"],
      "services/payments": [1.5, 2, "more"],
      tools: [null, null, "none"],
    });
  });

  it("reports cross-team coupling with code-maat's degree and says it rose", () => {
    expect(report.coordination.coupling.crossTeam).toEqual([
      {
        a: "infra",
        b: "services/payments",
        shared: 2,
        revsA: 3,
        revsB: 2,
        averageRevs: 3,
        degree: 80,
        teamA: "platform",
        teamB: "payments",
        degreeBefore: 50,
        rose: true,
      },
    ]);
    expect(report.coordination.coupling.rose).toHaveLength(1);
    // With code-maat's default thresholds (5 revisions, 5 shared) two shared changes are too few.
    const strict = ownership(repo);
    expect(strict.coordination.coupling.crossTeam).toEqual([]);
    const capped = ownership(repo, [...COUPLING, "--max-changeset-size", "1"]);
    expect(capped.coordination.coupling.tooLarge).toBe(2);
    expect(capped.coordination.coupling.crossTeam).toEqual([]);
  });

  it("shows drift over time with each month's history (--trend)", () => {
    expect(report.trend!.months).toEqual([
      "2024-07-31",
      "2024-08-31",
      "2024-09-30",
      "2024-10-31",
      "2024-11-30",
      "2024-12-31",
    ]);
    const series = Object.fromEntries(report.trend!.areas.map((a) => [a.area, a.statuses]));
    // Pat's last commit (2024-03-10) is within 180 days of July's and August's end, not September's.
    expect(series["services/payments"]).toEqual([
      "aligned",
      "aligned",
      "drift",
      "drift",
      "drift",
      "drift",
    ]);
    // At July's end Sam's and Tess's infra work was older than 180 days or not there yet.
    expect(series.infra).toEqual(["drift", "aligned", "aligned", "aligned", "aligned", "aligned"]);
  });

  it("writes one CSV row per area", () => {
    const result = runCli(["ownership", "--format", "csv", "--db", join(repo.root, "l.db")], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "area,repository,status,files,files_without_owner,declared_owners,active_authors,active_reviewers,owners_who_left,reason",
        `services,repo,drift,3,0,'@acme/payments:3,Sam Ortiz,,'@acme/payments,"declared to @acme/payments, but none of their 1 people is among its 1 active authors and reviewers"`,
        `services/payments,repo,drift,3,0,'@acme/payments:3,Sam Ortiz,,'@acme/payments,"declared to @acme/payments, but none of their 1 people is among its 1 active authors and reviewers"`,
        "tools,repo,unowned,1,1,,Quinn Ray,,,no CODEOWNERS rule or roster entry owns any of its 1 files",
        `.,repo,aligned,7,1,'@acme/payments:3 @acme/platform:3,Sam Ortiz; Quinn Ray; Tess Lund,,'@acme/payments,2 of the declared owners' 3 people are among its 3 active authors and reviewers`,
        "infra,repo,aligned,3,0,'@acme/platform:3,Sam Ortiz; Tess Lund,,,2 of the declared owners' 2 people are among its 2 active authors and reviewers",
        "",
      ].join("\n"),
    );
  });

  it("writes Markdown with the areas as a table, every cell escaped", () => {
    const result = runCli(["ownership", "--format", "md", "--db", join(repo.root, "l.db")], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("# Ownership: declared owners against real knowledge");
    expect(lines).toContain(
      "| services/payments | drift | @acme/payments | Sam Ortiz | @acme/payments (last 2024-03-10) | declared to @acme/payments, but none of their 1 people is among its 1 active authors and reviewers |",
    );
    expect(lines).toContain(
      "| (whole repository) | aligned | @acme/payments (3/7), @acme/platform (3/7) | Sam Ortiz, Quinn Ray, Tess Lund | @acme/payments (last 2024-03-10) | 2 of the declared owners' 3 people are among its 3 active authors and reviewers |",
    );
  });

  it("maps @org/team owners through ownership.teams", () => {
    const mapped = buildOwnershipRepo({
      form: "github",
      config: 'ownership:\n  teams:\n    "@acme/payments": platform\n',
    });
    try {
      const report = ownership(mapped);
      const payments = report.areas.find((a) => a.area === "services/payments")!;
      expect(payments.declared[0]!.team).toBe("platform");
      expect(payments.status).toBe("aligned");
    } finally {
      mapped.cleanup();
    }
  });

  it("says which owners it cannot resolve without a roster", () => {
    const bare = buildOwnershipRepo({ form: "github" });
    try {
      writeFileSync(join(bare.dir, "legible.yaml"), "activeDays: 180\n");
      const report = ownership(bare);
      const payments = report.areas.find((a) => a.area === "services/payments")!;
      expect(payments.status).toBe("unresolved");
      expect(payments.reason).toBe(
        "@acme/payments is not mapped to a roster team: add it under ownership.teams in legible.yaml (or name the roster team like its team part)",
      );
      expect(report.notes).toContain(
        "No roster (teams: in legible.yaml): @org/team owners cannot be resolved to people.",
      );
    } finally {
      bare.cleanup();
    }
  });
});

describe("legible ownership with pull requests and reviews", () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = buildOwnershipRepo({
      form: "github",
      config:
        "identity:\n  aliases:\n    - { name: Tess Lund, emails: [tess@example.com], names: [tlund] }\n",
    });
    const sha = (subject: string) =>
      repo
        .git("log", "--format=%H %s")
        .split("\n")
        .find((l) => l.endsWith(` ${subject}`))!
        .slice(0, 40);
    const pull = (number: number, subject: string, merged: string) => ({
      number,
      title: subject,
      url: `https://github.com/acme/repo/pull/${number}`,
      author: { login: "sam-o", is_bot: false },
      state: "MERGED",
      createdAt: "2024-10-01T09:00:00Z",
      mergedAt: merged,
      closedAt: merged,
      baseRefName: "main",
      headRefName: `sam/${number}`,
      mergeCommit: { oid: sha(subject) },
      labels: [],
      commits: [],
      reviews: [
        {
          id: `R${number}`,
          author: { login: "tlund" },
          state: "APPROVED",
          submittedAt: merged,
          body: "",
        },
      ],
      comments: [],
    });
    writeFileSync(
      join(repo.root, "prs.json"),
      JSON.stringify([
        pull(7, "Charge: deploy together", "2024-10-10T12:00:00Z"),
        pull(8, "Refunds over the new network", "2024-11-05T12:00:00Z"),
      ]),
    );
    const imported = runCli(
      [
        "import",
        "prs",
        join(repo.root, "prs.json"),
        "--repository",
        "acme/repo",
        "--db",
        join(repo.root, "l.db"),
      ],
      { cwd: repo.dir, env: repo.env, now: NOW },
    );
    expect(imported.code).toBe(0);
  });
  afterAll(() => repo.cleanup());

  it("counts reviewers as knowledge holders, changes as pull requests, and each declared owner's review load", () => {
    const report = ownership(repo);
    const payments = report.areas.find((a) => a.area === "services/payments")!;
    expect(payments.reviewers).toEqual([{ id: "tess@example.com", name: "Tess Lund" }]);
    expect(payments.status).toBe("drift");
    expect(payments.reason).toBe(
      "declared to @acme/payments, but none of their 1 people is among its 2 active authors and reviewers",
    );
    expect(report.coordination.changes).toEqual({ kind: "pull-requests", total: 2 });
    expect(report.owners).toEqual([
      {
        owner: "@acme/payments",
        kind: "team",
        team: "payments",
        areas: 2,
        files: 3,
        people: 1,
        activePeople: 0,
        pullRequests: null,
        reviewed: null,
        reviews: null,
        withheld: "fewer than 1 active people (privacy.minGroupSize)",
      },
      {
        owner: "@acme/platform",
        kind: "team",
        team: "platform",
        areas: 1,
        files: 3,
        people: 2,
        activePeople: 2,
        pullRequests: 2,
        reviewed: 2,
        reviews: 2,
        withheld: null,
      },
    ]);
  });
});

describe("legible ownership under privacy.people: pseudonymous", () => {
  it("shows a person named by email in CODEOWNERS by their pseudonym, like every other person", () => {
    const repo = makeRepo({
      commits: [
        {
          author: PAT,
          date: "2024-01-10T10:00:00Z",
          files: { CODEOWNERS: "/src/ pat@example.com\n", "src/a.ts": "a\n", "src/b.ts": "b\n" },
        },
        {
          author: SAM,
          date: "2024-10-10T10:00:00Z",
          files: { "src/a.ts": "a2\n", "src/b.ts": "b2\n" },
        },
      ],
    });
    try {
      writeFileSync(join(repo.dir, "legible.yaml"), "privacy:\n  people: pseudonymous\n");
      const result = runCli(["ownership", "--json", "--db", join(repo.root, "l.db")], {
        cwd: repo.dir,
        env: repo.env,
        now: NOW,
      });
      expect(result.code).toBe(0);
      for (const name of ["pat@example.com", "Pat Payne", "sam@example.com", "Sam Ortiz"])
        expect(result.stdout).not.toContain(name);
      const report = JSON.parse(result.stdout) as OwnershipReport;
      const src = report.areas.find((a) => a.area === "src")!;
      expect(src.status).toBe("drift");
      expect(src.declared[0]!.owner).toMatch(/^person-[0-9a-f]{6}$/);
      expect(src.ownersWhoLeft[0]!.owner).toBe(src.declared[0]!.owner);
      expect(src.authors[0]!.name).toMatch(/^person-[0-9a-f]{6}$/);
    } finally {
      repo.cleanup();
    }
  });
});

describe("the review's coordination answers (questions 2 and 5)", () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = buildOwnershipRepo({ form: "github" });
  });
  afterAll(() => repo.cleanup());

  it("reports coordination cost added against the previous period, and teams against a quarter ago", () => {
    const args = ["review", "--since", "2024-10-01", "--until", "2024-12-31"];
    const report = runJson<{ coordination: ReviewCoordination }>(
      [...args, "--db", join(repo.root, "l.db")],
      { cwd: repo.dir, env: repo.env, now: NOW },
    );
    const c = report.coordination;
    expect(c.changes).toBe("commits");
    // Oct 10 and Nov 5 (2 teams), Nov 20 (none), Dec 1 (1) against Aug 5 (1), Aug 20 (2), Sep 1 (1).
    expect([
      c.period.now.changes,
      c.period.now.mean,
      c.period.before.changes,
      c.period.before.mean,
    ]).toEqual([4, 1.67, 3, 1.33]);
    expect(c.areas.map((a) => [a.area, a.before.mean, a.now.mean, a.direction])).toEqual([
      ["infra", 1.5, 1.67, "more"],
      ["services/payments", 1.5, 2, "more"],
    ]);
    // Team payments has no active member: withheld. Platform's changes needed 0.67 other teams in both quarters.
    expect(c.teams).toEqual([
      {
        team: "payments",
        people: 0,
        now: { changes: 0, mean: null },
        before: { changes: 0, mean: null },
        fewer: false,
        withheld: "fewer than 1 active people (privacy.minGroupSize)",
      },
      {
        team: "platform",
        people: 2,
        now: { changes: 3, mean: 0.67 },
        before: { changes: 3, mean: 0.67 },
        fewer: false,
        withheld: null,
      },
    ]);
    const markdown = runCli([...args, "--db", join(repo.root, "l.db")], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    }).stdout;
    expect(markdown).toContain(
      "- **Added**: changes to `services/payments` needed 2.00 owning teams on average (1.50 in the previous period; 2 changes).",
    );
    expect(markdown).toContain("No team's changes needed fewer other teams than a quarter ago.");
  });
});

describe("legible ownership, GitLab's CODEOWNERS form (sections, default owners)", () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = buildOwnershipRepo({ form: "gitlab" });
  });
  afterAll(() => repo.cleanup());

  it("reads .gitlab/CODEOWNERS with GitLab's rules and finds the same drift", () => {
    const report = ownership(repo, COUPLING);
    expect(report.repositories[0]!.codeowners).toMatchObject({
      path: ".gitlab/CODEOWNERS",
      dialect: "gitlab",
      rules: 2,
      problems: [],
    });
    expect(statuses(report)).toEqual({
      services: "drift",
      "services/payments": "drift",
      ".gitlab": "unowned",
      tools: "unowned",
      ".": "aligned",
      infra: "aligned",
    });
    const payments = report.areas.find((a) => a.area === "services/payments")!;
    // The section's default owner applies to its entry with no owner of its own.
    expect(payments.declared).toEqual([
      { owner: "@acme/payments", kind: "team", team: "payments", files: 3 },
    ]);
    expect(report.coordination.coupling.crossTeam.map((p) => [p.a, p.b, p.degree, p.rose])).toEqual(
      [["infra", "services/payments", 80, true]],
    );
  });

  it("takes the roster alone where no CODEOWNERS rule applies", () => {
    const rostered = buildOwnershipRepo({
      form: "gitlab",
      config: "",
    });
    try {
      writeFileSync(
        join(rostered.dir, "legible.yaml"),
        ROSTER.replace(
          "members: [sam@example.com, tess@example.com]",
          'members: [sam@example.com, tess@example.com]\n    areas: ["tools/**"]',
        ),
      );
      const report = ownership(rostered);
      const tools = report.areas.find((a) => a.area === "tools")!;
      expect(tools.declared).toEqual([
        { owner: "team platform", kind: "roster", team: "platform", files: 1 },
      ]);
      expect(tools.status).toBe("drift"); // Quinn, not on the platform team, is its only active author
    } finally {
      rostered.cleanup();
    }
  });
});
