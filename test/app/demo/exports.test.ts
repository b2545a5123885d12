import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { DemoPull } from "../../../src/app/demo/pulls.js";
import { loadConfig } from "../../../src/config/load.js";
import {
  type BuiltDemo,
  build,
  csvHeader,
  DAY,
  filesByCommit,
  git,
  lines,
  median,
  NOW_SECONDS,
  readCsv,
  readPulls,
  repositoryPath,
} from "./helpers.js";

let demo: BuiltDemo;
let pulls: DemoPull[];
let files: Map<string, string[]>;
let mainCommits: Map<string, Set<string>>;
beforeAll(() => {
  demo = build();
  pulls = readPulls(demo);
  files = new Map();
  mainCommits = new Map();
  for (const repo of demo.result.repositories) {
    for (const [sha, changed] of filesByCommit(repo)) files.set(sha, changed);
    mainCommits.set(repo, new Set(lines(git(repo, "rev-list", "main"))));
  }
});
afterAll(() => demo.cleanup());

const seconds = (iso: string) => Date.parse(iso) / 1000;
const merged = () => pulls.filter((p) => p.merged_at !== null);
const touches = (pull: DemoPull, dir: string) =>
  (files.get(pull.merge_commit_sha ?? "") ?? []).some((f) => f.startsWith(`${dir}/`));
const pickupHours = (pull: DemoPull) => {
  const times = [
    ...pull.reviews.map((r) => seconds(r.submitted_at)),
    ...pull.comments
      .filter((c) => c.user.login !== pull.user.login)
      .map((c) => seconds(c.created_at)),
  ];
  return (Math.min(...times) - seconds(pull.created_at)) / 3600;
};

describe("the pull-request export", () => {
  it("is a GitHub REST array of 80 to 150 pulls with reviews, commits and comments embedded", () => {
    expect(pulls.length).toBeGreaterThanOrEqual(80);
    expect(pulls.length).toBeLessThanOrEqual(150);
    for (const pull of pulls) {
      expect(pull.url).toBe(
        `https://api.github.com/repos/${pull.base.repo.full_name}/pulls/${pull.number}`,
      );
      expect(Array.isArray(pull.reviews) && Array.isArray(pull.commits)).toBe(true);
      expect(Array.isArray(pull.comments)).toBe(true);
      expect(pull.commits.length).toBeGreaterThan(0);
    }
    const keys = new Set(pulls.map((p) => `${p.base.repo.full_name}#${p.number}`));
    expect(keys.size).toBe(pulls.length);
  });

  it("points every merged pull at a commit on its repository's main", () => {
    for (const pull of merged()) {
      const repo = repositoryPath(demo, pull.base.repo.full_name);
      expect(mainCommits.get(repo)?.has(pull.merge_commit_sha ?? "")).toBe(true);
    }
    const open = pulls.filter((p) => p.state === "open");
    expect(open).toHaveLength(2);
    expect(open.every((p) => p.merge_commit_sha === null && p.merged_at === null)).toBe(true);
    expect(pulls.filter((p) => p.state === "closed" && p.merged_at === null)).toHaveLength(1);
  });

  it("squash-merges: the pull's own commit is the commit on main, except two merge commits", () => {
    const squashed = merged().filter(
      (p) => p.commits.length === 1 && p.commits[0]?.sha === p.merge_commit_sha,
    );
    expect(merged().length - squashed.length).toBe(2);
    for (const pull of squashed) {
      const repo = repositoryPath(demo, pull.base.repo.full_name);
      const subject = git(repo, "log", "-1", "--format=%s", pull.merge_commit_sha ?? "").trim();
      expect(subject).toBe(`${pull.title} (#${pull.number})`);
    }
  });

  it("keeps review and merge times in order", () => {
    for (const pull of pulls) {
      const created = seconds(pull.created_at);
      for (const commit of pull.commits)
        expect(seconds(commit.commit.author.date)).toBeLessThanOrEqual(created);
      for (const review of pull.reviews)
        expect(seconds(review.submitted_at)).toBeGreaterThan(created);
      if (pull.merged_at) {
        for (const review of pull.reviews)
          expect(seconds(review.submitted_at)).toBeLessThanOrEqual(seconds(pull.merged_at));
      }
      expect(pull.reviews.every((r) => r.user.login !== pull.user.login)).toBe(true);
    }
  });

  it("has a reviewer bottleneck in payments, with slow pickup", () => {
    const payments = merged().filter((p) => touches(p, "services/payments"));
    const reviews = payments.flatMap((p) => p.reviews);
    const byTomas = reviews.filter((r) => r.user.login === "trivera").length;
    expect(reviews.length).toBeGreaterThanOrEqual(12);
    expect(byTomas / reviews.length).toBeGreaterThan(0.75);
    expect(byTomas / reviews.length).toBeLessThan(0.9);
    const elsewhere = merged().filter(
      (p) => !touches(p, "services/payments") && p.reviews.length > 0,
    );
    expect(median(payments.map(pickupHours))).toBeGreaterThan(18);
    expect(median(elsewhere.map(pickupHours))).toBeLessThan(6);
  });

  it("spreads reviews in the platform repository", () => {
    const reviews = merged()
      .filter((p) => p.base.repo.full_name === "acme/platform")
      .flatMap((p) => p.reviews);
    const counts = new Map<string, number>();
    for (const r of reviews) counts.set(r.user.login, (counts.get(r.user.login) ?? 0) + 1);
    expect(counts.size).toBe(3);
    expect(Math.max(...counts.values()) / reviews.length).toBeLessThan(0.5);
  });

  it("has payments review friction in both review periods", () => {
    for (const [from, to] of [
      [7, 0],
      [14, 7],
    ] as const) {
      const inPeriod = merged().filter((p) => {
        const at = seconds(p.merged_at ?? "");
        return at >= NOW_SECONDS - from * DAY && at < NOW_SECONDS - to * DAY;
      });
      const reviews = inPeriod
        .filter((p) => touches(p, "services/payments"))
        .flatMap((p) => p.reviews);
      const byTomas = reviews.filter((r) => r.user.login === "trivera").length;
      expect(reviews.length).toBeGreaterThanOrEqual(5);
      expect(byTomas / reviews.length).toBeGreaterThanOrEqual(0.7);
    }
  });
});

describe("the deployments export", () => {
  it("has the documented columns and production deployments of commits on main", () => {
    const path = demo.result.files.deployments;
    expect(csvHeader(path)).toBe(
      "id,repository,environment,result,commit_sha,started_at,finished_at,name",
    );
    const rows = readCsv(path);
    const production = rows.filter((r) => r.environment === "production");
    expect(production.length).toBeGreaterThan(50);
    expect(rows.some((r) => r.environment === "staging")).toBe(true);
    const failures = production.filter((r) => r.result === "failure").length;
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThan(production.length / 5);
    for (const row of rows) {
      expect(["acme/shop-api", "acme/web", "acme/platform"]).toContain(row.repository);
      const repo = repositoryPath(demo, row.repository ?? "");
      expect(mainCommits.get(repo)?.has(row.commit_sha ?? "")).toBe(true);
      expect(seconds(row.finished_at ?? "")).toBeGreaterThan(seconds(row.started_at ?? ""));
      expect(seconds(row.finished_at ?? "")).toBeLessThan(NOW_SECONDS);
    }
    const recent = production.filter((r) => seconds(r.started_at ?? "") > NOW_SECONDS - 7 * DAY);
    expect(new Set(recent.map((r) => r.repository)).size).toBe(3);
  });
});

describe("the incidents export", () => {
  it("has about 20 incidents, most of them handled by one hero", () => {
    const path = demo.result.files.incidents;
    expect(csvHeader(path)).toBe("id,title,created_at,resolved_at,service,severity,responders");
    const rows = readCsv(path);
    expect(rows.length).toBeGreaterThanOrEqual(18);
    expect(rows.length).toBeLessThanOrEqual(25);
    const withMara = rows.filter((r) => (r.responders ?? "").split(";").includes("mara-ok"));
    expect(withMara.length / rows.length).toBeGreaterThan(0.5);
    const inDays = (from: number, to: number) =>
      rows.filter((r) => {
        const at = seconds(r.created_at ?? "");
        return at >= NOW_SECONDS - from * DAY && at < NOW_SECONDS - to * DAY;
      });
    const thisWeek = inDays(7, 0);
    expect(thisWeek.length).toBeGreaterThanOrEqual(4);
    expect(
      thisWeek.filter((r) => r.responders?.includes("mara-ok")).length / thisWeek.length,
    ).toBeGreaterThanOrEqual(0.5);
    expect(inDays(14, 7).length).toBeGreaterThan(0);
    for (const row of rows)
      expect(seconds(row.resolved_at ?? "")).toBeGreaterThan(seconds(row.created_at ?? ""));
  });
});

describe("legible.yaml", () => {
  it("is valid, lists the repositories, teams, sources, services and aliases", () => {
    const loaded = loadConfig({ cwd: demo.result.dir });
    expect(loaded.file).toBe(demo.result.config);
    expect(loaded.warnings).toEqual([]);
    const { config } = loaded;
    expect(config.repositories).toEqual(["shop-api", "web", "platform"]);
    expect(config.sources.map((s) => [s.kind, s.file])).toEqual([
      ["prs", "exports/pulls.json"],
      ["deployments", "exports/deployments.csv"],
      ["incidents", "exports/incidents.csv"],
    ]);
    expect(Object.keys(config.teams)).toEqual(["commerce", "storefront", "platform"]);
    expect(config.teams.platform?.members.length).toBeLessThan(config.privacy.minGroupSize);
    expect(config.teams.commerce?.members.length).toBeGreaterThanOrEqual(5);

    const logins = new Set(config.identity.aliases.flatMap((a) => a.names));
    const used = new Set([
      ...pulls.flatMap((p) => [p.user.login, ...p.reviews.map((r) => r.user.login)]),
      ...readCsv(demo.result.files.incidents).flatMap((r) => (r.responders ?? "").split(";")),
    ]);
    for (const login of used) if (login !== "dependabot[bot]") expect(logins).toContain(login);

    const services = new Set(readCsv(demo.result.files.incidents).map((r) => r.service ?? ""));
    for (const service of services) expect(config.delivery.services[service]).toMatch(/^acme\//);
    const raw = parse(readFileSync(demo.result.config, "utf8")) as Record<string, unknown>;
    expect(Object.keys(raw)).toEqual(["repositories", "identity", "teams", "sources", "delivery"]);
  });
});
