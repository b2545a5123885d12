import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Store } from "../../src/store/store.js";
import { runCli } from "../helpers/cli.js";
import { makeRepo, person, type TestRepo } from "../helpers/gitrepo.js";

/** A GitHub release whose target_commitish is a branch, as GitHub usually writes it. */
const release = (tag: string) =>
  JSON.stringify([
    {
      url: "https://api.github.com/repos/acme/shop/releases/9",
      html_url: `https://github.com/acme/shop/releases/tag/${tag}`,
      id: 9,
      tag_name: tag,
      target_commitish: "main",
      draft: false,
      prerelease: false,
      created_at: "2024-05-01T00:00:00Z",
      published_at: "2024-05-02T10:00:00Z",
    },
  ]);

describe("legible import deployments: releases resolved through the scanned repository", () => {
  let repo: TestRepo;
  let dir: string;
  let tagged: string;
  beforeAll(async () => {
    repo = makeRepo();
    tagged = repo.commit({
      author: person("Ada"),
      date: "2024-05-01T09:00:00Z",
      message: "release",
      files: { "a.txt": "a\n" },
    });
    repo.tag("v1.0.0");
    // The config lives elsewhere: the import does not run inside the clone.
    dir = mkdtempSync(join(tmpdir(), "legible-release-tags-"));
    mkdirSync(join(dir, "exports"));
    writeFileSync(join(dir, "exports", "releases.json"), release("v1.0.0"));
    writeFileSync(join(dir, "exports", "missing.json"), release("v9.9.9"));
    writeFileSync(
      join(dir, "legible.yaml"),
      `repositories:\n  - { path: ${JSON.stringify(repo.dir)}, name: acme/shop }\n`,
    );
  });
  afterAll(async () => {
    repo.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("takes the tag's commit from the repository legible.yaml names acme/shop", async () => {
    const run = runCli(["import", "deployments", "exports/releases.json", "--json"], { cwd: dir });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const [result] = JSON.parse(run.stdout).imports;
    expect(result).toMatchObject({ format: "github-releases", rows: 1, rejected: [] });
    const store = await Store.open(join(dir, ".legible", "legible.db"));
    try {
      expect((await store.delivery.deployments()).map((d) => [d.key, d.commitSha])).toEqual([
        ["github-releases:acme/shop:9", tagged],
      ]);
    } finally {
      await store.close();
    }
    const missing = runCli(["import", "deployments", "exports/missing.json"], { cwd: dir });
    expect(missing.stderr).toContain(`tag "v9.9.9", which is not in ${repo.dir}`);
  });

  it("says how in --help", () => {
    const help = runCli(["import", "--help"], { cwd: dir });
    expect(help.stdout.replace(/\s+/g, " ")).toContain(
      "gets its tag's commit from the scanned repository of that name",
    );
  });
});

describe("legible review: a repository's tags are listed once", () => {
  let repo: TestRepo;
  let dir: string;
  beforeAll(() => {
    repo = makeRepo();
    for (const day of ["01", "02", "03"])
      repo.commit({
        author: person("Ada"),
        date: `2024-12-${day}T10:00:00Z`,
        message: `change ${day}`,
        files: { [`f${day}.txt`]: `${day}\n` },
      });
    repo.tag("v1.0.0", "HEAD~1");
    repo.tag("v1.1.0");
    dir = mkdtempSync(join(tmpdir(), "legible-tags-once-"));
    // Tags are deployments (delivery figures) and releases (the git-history answers): two readers.
    writeFileSync(
      join(dir, "legible.yaml"),
      `repositories: [${JSON.stringify(repo.dir)}]\ndelivery:\n  deployTags: "v*"\n`,
    );
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    { how: "computed afresh", flags: ["--no-cache"] },
    { how: "through the result cache (its key holds the tags)", flags: [] },
  ])("review $how", ({ flags }) => {
    // git writes every command it runs to GIT_TRACE's file.
    const trace = join(dir, `trace${flags.length}`);
    const run = runCli(["review", "--json", ...flags], {
      cwd: dir,
      env: { ...process.env, GIT_TRACE: trace },
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const review = JSON.parse(run.stdout);
    expect(review.gitHistory.releases.latest).toMatchObject({ name: "v1.1.0" });
    expect(review.gitHistory.releases.rule).toBe("tags matching v* (delivery.deployTags)");
    const listings = readFileSync(trace, "utf8")
      .split("\n")
      .filter((line) => line.includes("for-each-ref refs/tags"));
    expect(listings).toHaveLength(1);
  });
});
