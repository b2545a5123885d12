import { readFileSync } from "node:fs";
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
      "| src/core | knowledge island | 3 | Alice (3, active, last commit 2024-12-10) |",
    );
    expect(md).toContain(
      "| src/api | knowledge island | 2 | Bob (2, former, last commit 2023-06-10); Erin (1, active, last commit 2024-12-05) |",
    );
    expect(md).toContain("### src/core: knowledge island (one active author)");
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
