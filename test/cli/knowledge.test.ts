import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PeopleReport } from "../../src/app/people.js";
import type { KnowledgeReport } from "../../src/app/report-types.js";
import type { WhatifReport } from "../../src/app/whatif.js";
import { runCli, runJson } from "../helpers/cli.js";
import type { TestRepo } from "../helpers/gitrepo.js";
import { buildOrg, NOW } from "./fixture-org.js";

let repo: TestRepo;
const run = <T>(args: string[]) =>
  runJson<T>([...args, "--db", `${repo.root}/legible.db`], {
    cwd: repo.dir,
    env: repo.env,
    now: NOW,
  });
const ids = (people: { id: string }[]) => people.map((p) => p.id);

beforeAll(() => {
  repo = buildOrg();
});
afterAll(() => repo.cleanup());

describe("legible knowledge on a built organisation", () => {
  it("computes the default truck factor with former contributors gone and co-authors credited", () => {
    const report = run<KnowledgeReport>(["knowledge"]);
    // 8 scored files: a, b, c2, .mailmap (Alice), x (Bob + Erin), y (Bob), util (Carol), helpers (Carol, Dave).
    // Bob is former; active coverage 7/8 → remove Alice (4 files) → 3/8 < 0.5.
    expect(report.truckFactor).toBe(1);
    expect(ids(report.truckFactorDevelopers!)).toEqual(["alice@example.com"]);
    const [only] = report.repositories;
    expect(only!.universe.filesScored).toBe(8);
    expect(only!.universe.filesRemoved.documentation).toBe(1);
    expect(only!.universe.merges).toBe(1);
    expect(only!.universe.botCommits).toBe(1);
    const status = Object.fromEntries(only!.areas.map((a) => [a.id, a.status]));
    expect(status).toMatchObject({
      "src/core": "knowledge-island",
      "src/api": "knowledge-island",
      lib: "shared",
    });
    const api = only!.areas.find((a) => a.id === "src/api")!;
    expect(api.orphanedFiles).toBe(1); // y.ts: only Bob, who has left
    expect(api.authors.map((a) => [a.id, a.files, a.active])).toEqual([
      ["bob@example.com", 2, false],
      ["erin@example.com", 1, true],
    ]);
  });

  it("reproduces the 2016 paper's rules with --compat avelino2016", () => {
    const report = run<KnowledgeReport>(["knowledge", "--compat", "avelino2016"]);
    // Everyone counts, no co-authors: Alice 4, Bob 2, Carol 2, Erin 1 → remove Alice (4/8 left, not < 0.5),
    // then Bob (tie with Carol on files and deliveries, broken by id) → 2/8.
    expect(report.truckFactor).toBe(2);
    expect(ids(report.truckFactorDevelopers!)).toEqual(["alice@example.com", "bob@example.com"]);
    const lib = report.repositories[0]!.areas.find((a) => a.id === "lib")!;
    expect(ids(lib.authors)).toEqual(["carol@example.com"]); // Dave's co-authorship is not credited
    expect(lib.status).toBe("knowledge-island");
  });

  it("never credits bots or merge authors, and follows .mailmap and renames", () => {
    const report = run<KnowledgeReport>(["knowledge"]);
    const authors = new Set(report.repositories[0]!.areas.flatMap((a) => ids(a.authors)));
    expect([...authors].sort()).toEqual([
      "alice@example.com",
      "bob@example.com",
      "carol@example.com",
      "dave@example.com",
      "erin@example.com",
    ]);
    const core = report.repositories[0]!.areas.find((a) => a.id === "src/core")!;
    expect(core.files).toBe(3); // c.ts was renamed to c2.ts and keeps Alice's authorship
    expect(core.authors).toMatchObject([{ id: "alice@example.com", files: 3 }]);
  });

  it("lists people with merged identities and why", () => {
    const report = run<PeopleReport>(["people"]);
    const alice = report.people.find((p) => p.id === "alice@example.com")!;
    expect(alice.merged).toContainEqual({
      identity: { name: "alice", email: "alice@old.example.com" },
      repo: repo.dir,
      reason: "mailmap",
    });
    expect(report.people.find((p) => p.name.startsWith("dependabot"))?.bot).toBe(true);
    expect(report.people.find((p) => p.id === "bob@example.com")?.active).toBe(false);
  });

  it("simulates departures", () => {
    const report = run<WhatifReport>(["whatif", "--leave", "Alice"]);
    const [only] = report.repositories;
    expect(only!.areasLosingAllAuthors.map((a) => a.id)).toEqual(["src/core"]);
    expect(only!.filesOrphanedBefore).toBe(1);
    expect(only!.filesOrphanedAfter).toBe(5);
    expect(only!.shareOrphanedAfter).toBeCloseTo(5 / 8);
    const both = run<WhatifReport>(["whatif", "--leave", "alice@example.com", "--leave", "Erin"]);
    expect(both.repositories[0]!.areasLosingAllAuthors.map((a) => a.id).sort()).toEqual([
      "src",
      "src/api",
      "src/core",
    ]);
  });

  it("analyses a past point with --as-of", () => {
    // At the end of 2023 nobody had committed for 180 days: everyone is former, nothing is covered.
    expect(run<KnowledgeReport>(["knowledge", "--as-of", "2023-12-31"]).truckFactor).toBe(0);
    const report = run<KnowledgeReport>(["knowledge", "--as-of", "2023-06-30"]);
    // Files then: a, b, c, x, y, .mailmap; Alice (4) and Bob (2) both active within 180 days of that date.
    expect(report.repositories[0]!.universe.filesScored).toBe(6);
    expect(report.truckFactor).toBe(1);
    expect(report.repositories[0]!.areas.find((a) => a.id === "src/api")!.status).toBe(
      "knowledge-island",
    );
  });

  it("restricts scoring to --files-from", () => {
    const list = `${repo.root}/files.txt`;
    writeFileSync(list, "src/api/x.ts\nsrc/api/y.ts\n");
    const report = run<KnowledgeReport>([
      "knowledge",
      "--files-from",
      list,
      "--compat",
      "avelino2016",
    ]);
    expect(report.repositories[0]!.universe.filesScored).toBe(2);
    expect(report.repositories[0]!.universe.filesRemoved["not-in-files-from"]).toBe(7);
  });

  it("shows the trend month by month", () => {
    const trend = runJson<{
      months: string[];
      repositories: { areas: { id: string; points: { activeAuthors: number }[] }[] }[];
    }>(["knowledge", "--trend", "--months", "4", "--db", `${repo.root}/legible.db`], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    expect(trend.months).toEqual(["2024-10-31", "2024-11-30", "2024-12-31", "2025-01-01"]);
    const lib = trend.repositories[0]!.areas.find((a) => a.id === "lib")!;
    expect(lib.points.map((p) => p.activeAuthors)).toEqual([0, 2, 2, 2]);
  });

  it("restricts output to --area and rejects an unknown one", () => {
    const api = run<KnowledgeReport>(["knowledge", "--area", "src/api"]);
    expect(api.repositories[0]!.areas.map((a) => a.id)).toEqual(["src/api"]);
    const bad = runCli(["knowledge", "--area", "nope", "--db", `${repo.root}/legible.db`], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n")[0]).toBe("legible: --area nope: no such area");
  });

  it("writes Markdown with a Mermaid diagram and CSV", () => {
    const md = runCli(["knowledge", "--format", "md", "--db", `${repo.root}/legible.db`], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/```mermaid\ngraph LR\n/);
    expect(md.stdout).toContain("| src/core | knowledge island | 1 | 1 | 3 | Alice (3) |");
    const csv = runCli(["knowledge", "--format", "csv", "--db", `${repo.root}/legible.db`], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      "repository,area,kind,status,truck_factor,all_time_truck_factor,active_authors,files,orphaned_files,single_author_files,truck_factor_developers,authors",
    );
    expect(lines).toContain("repo,src/core,directory,knowledge-island,1,1,1,3,0,3,Alice,Alice (3)");
  });
});
