import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
