import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImpactPacket } from "../../src/core/impact/index.js";
import { runCli, runJson } from "../helpers/cli.js";
import type { TestRepo } from "../helpers/gitrepo.js";
import { buildOrg, NOW } from "./fixture-org.js";

let repo: TestRepo;
const db = () => join(repo.root, "i.db");
beforeAll(() => {
  repo = buildOrg();
});
afterAll(() => repo.cleanup());

const packet = (args: string[]) =>
  runJson<ImpactPacket>(["impact", "--since", "2023-01-01", ...args, "--db", db()], {
    cwd: repo.dir,
    env: repo.env,
    now: NOW,
  });

describe("legible impact", () => {
  it("drafts statements from the records and leaves unprovable figures blank", () => {
    const alice = packet(["--person", "Alice"]);
    expect(alice.person).toEqual({ id: "alice@example.com", name: "Alice" });
    expect(alice.scope.areas).toEqual([".", "src/core"]);
    const work = alice.statements.find((s) => s.title === "Work in src/core")!;
    expect(work.outcome).toMatchObject({
      blank: false,
      text: "3 commits in src/core; the effect on users or the business is yours to add",
    });
    expect(work.problem.blank).toBe(true);
    expect(work.tradeoff.blank).toBe(true);
    expect(alice.leverage.execution.count).toBe(3);
    expect(alice.missing).toEqual([
      "pull requests and reviews (legible import prs, legible fetch github)",
      "incidents (legible import incidents)",
      "decision records (legible decide new)",
    ]);
  });

  it("never states a number the records do not prove", () => {
    for (const person of ["Alice", "Bob", "Carol", "Erin"]) {
      const p = packet(["--person", person]);
      for (const s of p.statements) {
        for (const fact of [s.problem, s.decision, s.tradeoff, s.outcome]) {
          if (fact.blank) continue;
          // Every count in a proven text is a count of the evidence listed with it.
          for (const n of fact.text.match(/\b\d+\b/g) ?? [])
            expect(fact.evidence.length).toBeGreaterThanOrEqual(Number(n));
          expect(fact.text).not.toMatch(/%|\$|€|\bms\b|hours? saved|incidents avoided/);
        }
      }
    }
  });

  it("maps the packet to a ladder level and lists what is not demonstrated yet", () => {
    const alice = packet(["--person", "Alice", "--level", "Senior Engineer"]);
    expect(alice.ladder).toMatchObject({
      ladder: "legible",
      levelName: "Senior Engineer",
      track: "ic",
      expectedScope: "systems",
    });
    expect(alice.ladder!.criteria.length).toBeGreaterThan(0);
    // Alice's three code commits demonstrate no Senior criterion: evidence is matched by
    // criterion, not by leverage type (before, they were cited for every execution criterion).
    expect(alice.ladder!.criteria.filter((c) => c.demonstrated)).toEqual([]);
    expect(alice.ladder!.criteria.find((c) => c.id === "senior.coordination.2")).toMatchObject({
      status: "not demonstrated yet",
      evidence: [],
    });
    expect(alice.ladder!.criteria.find((c) => c.id === "senior.communication.3")).toMatchObject({
      status: "needs your words",
      rules: [],
    });
    // Bob's documentation commits demonstrate the documentation criteria of Engineer I, and
    // nothing about saying early when blocked.
    const bob = packet(["--person", "Bob", "--level", "engineer-1"]);
    const status = (id: string) => bob.ladder!.criteria.find((c) => c.id === id);
    expect(status("engineer-1.capability-building.1")).toMatchObject({
      status: "demonstrated",
      matched: 2,
    });
    expect(status("engineer-1.capability-building.1")!.evidence.map((e) => e.rule)).toEqual([
      "docs",
      "docs",
    ]);
    expect(status("engineer-1.execution.3")).toMatchObject({
      status: "needs your words",
      evidence: [],
    });
    expect(status("engineer-1.craft.3")?.status).toBe("not demonstrated yet");
    // Gaps are criteria with no record of their kind; those records cannot show need her words.
    expect(alice.promotion.gaps.map((g) => g.id)).toEqual(
      alice.ladder!.criteria.filter((c) => c.status === "not demonstrated yet").map((c) => c.id),
    );
    expect(alice.promotion.needsWords.map((g) => g.id)).toEqual(
      alice.ladder!.criteria.filter((c) => c.status === "needs your words").map((c) => c.id),
    );
    expect(alice.promotion.gaps.length).toBeGreaterThan(0);
    expect(alice.promotion.needsWords.length).toBeGreaterThan(0);
    const bad = runCli(["impact", "--person", "Alice", "--level", "Wizard", "--db", db()], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^legible: --level Wizard: not a level of .+\n {2}hint: levels: /);
  });

  it("writes the brag document and promotion views, and HTML", () => {
    const brag = runCli(
      ["impact", "--person", "Alice", "--since", "2023-01-01", "--view", "brag", "--db", db()],
      { cwd: repo.dir, env: repo.env, now: NOW },
    );
    expect(brag.stdout).toMatch(/^# Brag document: Alice, 2023-01-01 to 2025-01-01/);
    expect(brag.stdout).toContain("## Goals\n\n**[fill in]**");
    const promotion = runCli(
      [
        "impact",
        "--person",
        "Alice",
        "--since",
        "2023-01-01",
        "--view",
        "promotion",
        "--level",
        "Staff Engineer",
        "--db",
        db(),
      ],
      { cwd: repo.dir, env: repo.env, now: NOW },
    );
    expect(promotion.stdout).toContain("## Gaps: what I am not demonstrating yet");
    const html = runCli(["impact", "--person", "Alice", "--format", "html", "--db", db()], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    expect(html.stdout).toMatch(/^<!doctype html>/);
    expect(html.stdout).not.toMatch(/<script|https?:\/\//);
  });

  it("shows a person exactly what leader views say about them", () => {
    const result = runCli(["impact", "--person", "Alice", "--what-leaders-see", "--db", db()], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    expect(result.stdout).toContain(
      "- knowledge, you are its holder: src/core is a knowledge island: one active author holds it (3 files); among its truck-factor developers (truck factor 1).",
    );
    const bob = runCli(["impact", "--person", "Bob", "--what-leaders-see", "--db", db()], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    expect(bob.stdout).toMatch(
      /- knowledge, you are listed as a former author: src\/api \(knowledge-island\) lists a former author of 2 files/,
    );
  });

  it("finds the person behind git config user.email with --me", () => {
    repo.git("config", "user.email", "carol@example.com");
    const carol = packet(["--me"]);
    expect(carol.person.id).toBe("carol@example.com");
  });
});

const FT = join(import.meta.dirname, "../../../shared/fixtures/ladders/ft-engineering.yml");
describe.skipIf(!existsSync(FT))("legible ladder show", () => {
  if (!existsSync(FT)) console.warn(`skipped: ${FT} is absent`);
  it("shows the default ladder and an imported one", () => {
    const own = runCli(["ladder", "show"], { cwd: repo.root });
    expect(own.code).toBe(0);
    expect(own.stdout).toContain("Staff Engineer");
    const ft = runCli(["ladder", "show", "--file", FT, "--json"], { cwd: repo.root });
    const parsed = JSON.parse(ft.stdout) as { levels: { id: string; track: string }[] };
    expect(parsed.levels.find((l) => l.id === "senior-2-pm")?.track).toBe("manager");
  });
});
