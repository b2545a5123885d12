import { readFileSync, writeFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlowReport } from "../../src/app/flow.js";
import type { KnowledgeReport } from "../../src/app/report-types.js";
import type { ReviewReport } from "../../src/app/review.js";
import type { LeaderViewReport } from "../../src/app/run/impact.js";
import { runReview } from "../../src/app/run/review.js";
import { scanRepositories } from "../../src/app/scan.js";
import { AnalysisSession } from "../../src/app/session.js";
import { loadConfig } from "../../src/config/load.js";
import type { ImpactPacket } from "../../src/core/impact/index.js";
import { reviewMarkdown } from "../../src/render/review.js";
import { Store } from "../../src/store/store.js";
import { runCli, runJson } from "../helpers/cli.js";
import { buildMultiRepoWorkspace, type MultiRepoWorkspace, NOW } from "../helpers/multi-repo.js";

/** The stories of test/helpers/multi-repo.ts, each checked against what legible reports. */
describe("a workspace of repositories that share area names", () => {
  let workspace: MultiRepoWorkspace;
  const options = () => ({ cwd: workspace.root, env: workspace.env, now: NOW });
  beforeAll(() => {
    workspace = buildMultiRepoWorkspace();
    expect(runCli(["import"], options()).code).toBe(0);
  });
  afterAll(() => workspace.cleanup());

  it("keeps area statuses per repository: runbooks is an island in one, shared in the other", () => {
    const report = runJson<KnowledgeReport>(["knowledge"], options());
    const status = (repository: string, area: string) =>
      report.repositories.find((r) => r.name === repository)?.areas.find((a) => a.id === area)
        ?.status;
    expect(status("acme/shop-api", "runbooks")).toBe("knowledge-island");
    expect(status("platform", "runbooks")).toBe("shared");
    const review = runJson<ReviewReport>(["review"], options());
    expect(
      review.trappedKnowledge.now
        .filter((r) => r.area === "runbooks")
        .map((r) => [r.repository, r.status]),
    ).toEqual([["acme/shop-api", "knowledge-island"]]);
  });

  it("never credits a reviewer of one repository's runbooks with knowledge spreading in another's", () => {
    const packet = runJson<ImpactPacket>(["impact", "--person", "Mara Lind"], options());
    expect(packet.diffusion.map((d) => [d.area, d.newAuthors.length])).toEqual([
      ["acme/shop-api: component:team:platform", 0],
      ["acme/shop-api: runbooks", 0],
    ]);
  });

  it("suggests successors from the area's own repository only", () => {
    const review = runJson<ReviewReport>(["review"], options());
    const path = review.capability.exitPaths.find(
      (p) => p.repository === "acme/shop-api" && p.area === "runbooks",
    );
    expect(path?.holders.map((h) => h.name)).toEqual(["Mara Lind"]);
    // Tomas and Ines review platform's runbooks, never shop-api's.
    expect(path?.successors.map((s) => s.name)).toEqual(["Kai Berg"]);
  });

  it("names every flow area with its repository", () => {
    const flow = runJson<FlowReport>(["flow", "--since", "2025-01-01"], options());
    const areas = flow.friction.areas.map((a) => a.area);
    expect(areas.length).toBeGreaterThan(0);
    for (const area of areas) expect(area).toMatch(/^(acme\/shop-api|platform|acme\/billing): /);
  });

  it("resolves a login that only the second repository's .mailmap knows", () => {
    const packet = runCli(["impact", "--person", "Tomas Reyes"], options());
    expect(packet.code).toBe(0);
    expect(packet.stdout).toContain("gh-cli:acme/platform#9");
  });

  it("counts a squash-merged pull request and its commit on main as one change", () => {
    const packet = runJson<ImpactPacket>(["impact", "--person", "Kai Berg"], options());
    const execution = packet.leverage.execution;
    expect(execution.count).toBe(2);
    expect(execution.evidence.map((e) => e.id)).toContain("gh-cli:acme/shop-api#12");
    const ids = Object.values(packet.leverage).flatMap((l) => l.evidence.map((e) => e.id));
    expect(ids).not.toContain(workspace.commits.squash12);
    expect(ids).not.toContain(workspace.commits.squash13);
  });

  it("sorts who we depend on by risk across the workspace, and says how many more there are", () => {
    const review = runJson<ReviewReport>(["review"], options());
    expect(review.dependsOn.map((r) => [r.repository, r.area, r.status])[0]).toEqual([
      "acme/billing",
      "src/ledger",
      "orphaned",
    ]);
    expect(review.dependsOn).toHaveLength(3);
    expect(review.dependsOnTotal).toBeGreaterThan(3);
    const markdown = runCli(["review"], options()).stdout;
    expect(markdown).toContain(`… and ${review.dependsOnTotal - 3} more areas`);
  });

  it("shows a person exactly the review's leader facts about them", () => {
    const review = runJson<ReviewReport>(["review"], options());
    const seen = runJson<LeaderViewReport>(
      ["impact", "--person", "Tomas Reyes", "--what-leaders-see"],
      options(),
    );
    expect(seen.leaderViews.length).toBeGreaterThan(0);
    expect(seen.leaderViews).toEqual(
      review.leaderFacts.filter((f) => f.person.id === "tomas@acme.example"),
    );
  });

  it("under privacy.people: pseudonymous, names no one in any leader view and still shows a person their facts", () => {
    const config = join(workspace.root, "legible.yaml");
    const original = readFileSync(config, "utf8");
    writeFileSync(config, `${original}\nprivacy:\n  people: pseudonymous\n`);
    try {
      const named = Object.values(
        JSON.parse(runCli(["people", "--json"], options()).stdout).people,
      ).map((p) => (p as { name: string }).name);
      const review = runCli(["review", "--json"], options()).stdout;
      const markdown = runCli(["review"], options()).stdout;
      const flow = runCli(["flow", "--json"], options()).stdout;
      for (const name of named) {
        expect(review).not.toContain(name);
        expect(markdown).not.toContain(name);
        expect(flow).not.toContain(name);
      }
      const seen = runJson<LeaderViewReport>(
        ["impact", "--person", "Tomas Reyes", "--what-leaders-see"],
        options(),
      );
      expect(seen.person.name).toBe("Tomas Reyes");
      expect(seen.leaderViews.length).toBeGreaterThan(0);
      expect(seen.leaderViews.every((f) => f.person.name.startsWith("person-"))).toBe(true);
    } finally {
      writeFileSync(config, original);
    }
  });

  it("builds, as a library, exactly the review the CLI prints", async () => {
    const cli = runCli(["review"], options()).stdout;
    const { config, baseDir } = loadConfig({ cwd: workspace.root });
    const store = await Store.open(join(workspace.root, ".legible", "legible.db"));
    try {
      const targets = config.repositories.map((entry) => {
        const path = typeof entry === "string" ? entry : entry.path;
        return {
          path: isAbsolute(path) ? path : resolve(baseDir, path),
          name: typeof entry === "string" ? null : (entry.name ?? null),
        };
      });
      const scans = await scanRepositories(targets, {
        store,
        renameLimit: config.scan.renameLimit,
        parallelism: 1,
        now: () => new Date(NOW),
      });
      const session = new AnalysisSession({ store, config, baseDir, scans });
      const until = Date.parse(NOW) / 1000;
      const report = await runReview(session, {
        period: { since: until - config.review.days * 86_400, until, untilLabel: "now" },
      });
      expect(reviewMarkdown(report, { linkBase: workspace.root })).toBe(cli);
    } finally {
      await store.close();
    }
  });
});
