import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReviewReport } from "../../src/app/review.js";
import { runCli, runJson } from "../helpers/cli.js";
import type { TestRepo } from "../helpers/gitrepo.js";
import { buildOrg, NOW } from "./fixture-org.js";

let repo: TestRepo;
beforeAll(() => {
  repo = buildOrg();
});
afterAll(() => repo.cleanup());

describe("legible review", () => {
  it("answers question 3 from knowledge islands and lists who we depend on, with evidence", () => {
    const result = runCli(["review", "--db", join(repo.root, "r.db")], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    expect(result.code).toBe(0);
    const md = result.stdout;
    expect(md.split("\n")[0]).toBe("# Weekly operating review: 2024-12-25 to 2025-01-01");
    const headings = md.split("\n").filter((line) => line.startsWith("## "));
    expect(headings).toEqual([
      "## 1. Where did we require heroics this period, and why?",
      "## 2. Which recurring friction did senior people remove rather than route around?",
      "## 3. Which decisions are still trapped in one person's head?",
      "## 4. Which technical tradeoffs were translated into business terms?",
      "## 5. Which team is now more capable because of senior technical involvement?",
      "## Who we depend on",
    ]);
    // Sections without their input say so plainly instead of pretending.
    for (const n of ["1", "2", "4", "5"]) {
      const section = md.split(`## ${n}.`)[1]!.split("\n## ")[0]!;
      expect(section).toMatch(/\*\*Not answered: needs /);
    }
    expect(md).toContain(
      "| `src/core` | knowledge island | 3 | **Alice** (3 files, active, last commit 2024-12-10) |",
    );
    expect(md).toContain(
      "| `src/api` | knowledge island | 2 | **Bob** (2 files, former, last commit 2023-06-10); **Erin** (1 file, active, last commit 2024-12-05) |",
    );
    expect(md).toContain("### `src/core`: knowledge island (one active author)");
    // Mermaid charts: concentrated areas over the period, and the dependency graph of the top risks.
    expect(md).toContain(
      '```mermaid\nxychart-beta\n  title "Concentrated areas at the start and end of the period"',
    );
    expect(md).toMatch(
      /```mermaid\ngraph LR\n {2}a0\["src\/core<br\/>knowledge-island, TF 1"\]\n {2}p0\(\["Alice"\]\)/,
    );
    expect(md).toContain(
      "- Most-changed files: `src/core/a.ts`, `src/core/b.ts`, `src/core/c2.ts`.",
    );
  });

  it("carries a trend against the start of the period", () => {
    const report = runJson<ReviewReport>(
      ["review", "--since", "2024-10-01", "--until", "2024-12-31", "--db", join(repo.root, "r.db")],
      {
        cwd: repo.dir,
        env: repo.env,
        now: NOW,
      },
    );
    expect(report.period.days).toBe(92);
    // On 2024-10-01 nobody had committed for 180 days (Alice last in March, Bob in 2023): the whole
    // repository, src, src/core and src/api were orphaned. By the end, Alice and Erin are back and
    // Carol and Dave own lib: src/core and src/api are islands, src and the repository have TF 1.
    expect(report.trappedKnowledge.counts).toEqual({
      islands: 2,
      orphaned: 0,
      previousIslands: 0,
      previousOrphaned: 4,
    });
    expect(report.trappedKnowledge.now.map((r) => [r.area, r.previousStatus])).toEqual([
      ["src/core", "orphaned"], // riskiest first: among islands, more files first
      ["src/api", "orphaned"],
    ]);
    expect(report.trappedKnowledge.released).toEqual(["(whole repository)", "src"]);
    expect(report.trappedKnowledge.newlyTrapped).toEqual([]);
  });

  it("writes the review to --out atomically", () => {
    const out = join(repo.root, "review.md");
    const result = runCli(["review", "--out", out, "--db", join(repo.root, "r.db")], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`wrote ${out}\n`);
    expect(readFileSync(out, "utf8")).toMatch(/^# Weekly operating review/);
  });

  it("fills questions 3 and 4 from decision records, linking them", () => {
    const decided = buildOrg();
    try {
      decided.commit({
        author: "Alice <alice@example.com>",
        date: "2024-12-28T10:00:00Z",
        files: {
          "docs/decisions/0001-keep-the-core-synchronous.md": `---
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

* Good, because latency stays predictable.
* Bad, because we accept blocking on large inputs.
`,
          "docs/decisions/0002-api-versioning.md":
            "# API versioning\n\n## Status\n\nAccepted\n\n## Context\n\n`src/api/x.ts` changes often.\n\n## Decision\n\nVersion the URL.\n\n## Consequences\n\nClients pin a version.\n",
        },
      });
      const report = runJson<ReviewReport>(["review", "--db", join(decided.root, "r.db")], {
        cwd: decided.dir,
        env: decided.env,
        now: NOW,
      });
      // src/core's judgment is written down; 0002 names no decision-maker, so git's author of the file (Alice) stands in.
      expect(report.trappedKnowledge.now.find((r) => r.area === "src/core")?.decisions).toEqual([
        "docs/decisions/0001-keep-the-core-synchronous.md",
      ]);
      expect(
        report.trappedKnowledge.singleDecider.map((d) => [d.id, d.decisionMaker.name]),
      ).toEqual([
        ["0001-keep-the-core-synchronous", "Alice"],
        ["0002-api-versioning", "Alice"],
      ]);
      expect(report.tradeoffs.inPeriod).toBe(2);
      expect(report.tradeoffs.stated.map((d) => d.id)).toEqual(["0001-keep-the-core-synchronous"]);
      expect(report.tradeoffs.notStated.map((d) => d.id)).toEqual(["0002-api-versioning"]);
      expect(report.tradeoffs.missing).toBeNull();
      const md = runCli(["review", "--db", join(decided.root, "r.db")], {
        cwd: decided.dir,
        env: decided.env,
        now: NOW,
      }).stdout;
      const q4 = md.split("## 4.")[1]!.split("\n## ")[0]!;
      expect(q4).toContain(
        "2 decision records dated in the period: 1 states the tradeoff in business terms, 1 does not.",
      );
      expect(q4).toContain(
        "- Stated: [Keep the core synchronous](docs/decisions/0001-keep-the-core-synchronous.md): good: latency stays predictable.; bad: we accept blocking on large inputs.",
      );
    } finally {
      decided.cleanup();
    }
  });

  it("answers question 5 per team with exit paths, folding teams below the minimum size", () => {
    const config = join(repo.root, "teams.yaml");
    writeFileSync(
      config,
      [
        "teams:",
        "  core:",
        "    members: [alice@example.com, bob@example.com, carol@example.com, dave@example.com, erin@example.com]",
        '    areas: ["src/**"]',
        "  tiny:",
        "    members: [mergy@example.com]",
        '    areas: ["lib/**"]',
      ].join("\n"),
    );
    const report = runJson<ReviewReport>(
      ["review", repo.dir, "--config", config, "--db", join(repo.root, "r.db")],
      { cwd: repo.dir, env: repo.env, now: NOW },
    );
    // A quarter ago (2024-10-03) nobody had committed to src/ for 180 days: both islands, and src
    // itself, were orphaned. src now has two active authors: an exit path that worked.
    // Team sizes count active members: core's fifth member left, so core (4 active) folds with
    // the one-person team into a unit of 5, which is shown.
    expect(report.capability.teams).toEqual([
      {
        team: "smaller teams combined",
        people: 5,
        concentratedAreas: 3,
        exitPathsWorking: 3,
        spreading: ["src/core", "src/api", "src"],
        capabilityContributions: 0, // no docs, tests, runbooks, pairing or reviews in the last 7 days
        capabilityExamples: [],
        withheld: null,
      },
    ]);
    const api = report.capability.exitPaths.find((p) => p.area === "src/api")!;
    expect(api.holders.map((h) => h.name)).toEqual(["Erin"]);
    expect(api.successors).toEqual([]); // Bob, the only other author, has left
    expect(api.lastQuarter).toEqual({
      activeAuthorsBefore: 0,
      activeAuthorsNow: 1,
      truckFactorBefore: 0,
      truckFactorNow: 1,
      working: true,
    });
    expect(report.capability.missing).toBeNull();
  });

  it("shows pseudonyms instead of names when privacy.people is pseudonymous", () => {
    const config = join(repo.root, "private.yaml");
    writeFileSync(config, "privacy:\n  people: pseudonymous\n");
    const md = runCli(["review", repo.dir, "--config", config, "--db", join(repo.root, "r.db")], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    }).stdout;
    expect(md).not.toMatch(/Alice|Erin|Bob|alice@/);
    expect(md).toMatch(/person-[0-9a-f]{6}\*\* \(3 files, active/);
  });

  it("writes one self-contained HTML file with --format html", () => {
    const out = join(repo.root, "review.html");
    const result = runCli(
      ["review", "--format", "html", "--out", out, "--db", join(repo.root, "r.db")],
      { cwd: repo.dir, env: repo.env, now: NOW },
    );
    expect(result.code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain("Which decisions are still trapped in one person");
    expect(html).not.toMatch(/\s(src|href)=["']?https?:/i);
  });

  it("rejects a period that ends before it starts", () => {
    const result = runCli(["review", "--since", "2025-01-01", "--until", "2024-01-01"], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("legible: --since must be before --until\n");
  });
});
