import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RepositoryScan } from "../../src/app/scan.js";
import { runCli, runJson } from "../helpers/cli.js";
import { makeRepo, person, type TestRepo } from "../helpers/gitrepo.js";
import { buildMultiRepoWorkspace, type MultiRepoWorkspace, NOW } from "../helpers/multi-repo.js";

type ScanOutput = { repositories: RepositoryScan[] };

describe("repository display names", () => {
  let shop: TestRepo;
  let platform: TestRepo;
  let root: string;
  let mirrorA: string;
  let mirrorB: string;
  const scan = (args: string[], cwd = root) =>
    runJson<ScanOutput>(["scan", ...args, "--db", join(root, "x.db")], {
      cwd,
      env: shop.env,
    }).repositories.map((r) => ({ path: r.path, name: r.name }));

  beforeAll(() => {
    shop = makeRepo({
      commits: [{ author: person("Ada"), date: "2024-01-10T10:00:00Z", files: { "a.ts": "a\n" } }],
    });
    shop.git("remote", "add", "origin", "https://github.com/acme/shop-api.git");
    platform = makeRepo({
      commits: [{ author: person("Ines"), date: "2024-02-10T10:00:00Z", files: { "b.ts": "b\n" } }],
    });
    platform.git("remote", "add", "origin", "git@gitlab.example.com:acme/infra/platform.git");
    root = shop.root;
    // Two bare mirrors in folders both called `repo`; their origin is a local path, which names
    // no project, so the folder names them.
    mirrorA = join(root, "a", "repo");
    mirrorB = join(root, "b", "repo");
    shop.git("clone", "-q", "--bare", platform.dir, mirrorA);
    shop.git("clone", "-q", "--bare", platform.dir, mirrorB);
  });
  afterAll(() => {
    shop.cleanup();
    platform.cleanup();
  });

  it("names a repository by its remote, else its folder, and never gives two the same name", () => {
    expect(scan([shop.dir, platform.dir, mirrorA, mirrorB])).toEqual([
      { path: shop.dir, name: "acme/shop-api" },
      { path: platform.dir, name: "acme/infra/platform" },
      { path: mirrorA, name: "a/repo" },
      { path: mirrorB, name: "b/repo" },
    ]);
    // The same repositories in another order, on a second run: the same names.
    expect(scan([mirrorB, mirrorA])).toEqual([
      { path: mirrorB, name: "b/repo" },
      { path: mirrorA, name: "a/repo" },
    ]);
    // Alone, a mirror collides with nothing and keeps its folder's name.
    expect(scan([mirrorB])).toEqual([{ path: mirrorB, name: "repo" }]);
  });

  it("takes the name legible.yaml gives, and the remote's or folder's for plain paths", () => {
    const workspace = join(root, "workspace");
    mkdirSync(workspace, { recursive: true });
    writeFileSync(
      join(workspace, "legible.yaml"),
      [
        "repositories:",
        `  - path: ${shop.dir}`,
        "    name: Shop API",
        `  - ${platform.dir}`,
        "  - path: ../a/repo",
        "  - path: ../b/repo",
        "    name: platform-mirror",
        "",
      ].join("\n"),
    );
    expect(scan([], workspace)).toEqual([
      { path: shop.dir, name: "Shop API" },
      { path: platform.dir, name: "acme/infra/platform" },
      { path: mirrorA, name: "repo" },
      { path: mirrorB, name: "platform-mirror" },
    ]);
  });
});

describe("imported records and repository display names", () => {
  let workspace: MultiRepoWorkspace;
  const options = () => ({ cwd: workspace.root, env: workspace.env, now: NOW });
  const scopeOf = (name: string) =>
    runJson<{ scope: { repositories: string[] } }>(["impact", "--person", name], options()).scope
      .repositories;
  beforeAll(() => {
    workspace = buildMultiRepoWorkspace();
    expect(runCli(["import"], options()).code).toBe(0);
  });
  afterAll(() => workspace.cleanup());

  it("counts a pull request of acme/shop-api in the repository named acme/shop-api by its remote", () => {
    // Kai's commits and his pull requests (#12, #13, exported as acme/shop-api): one repository.
    expect(scopeOf("Kai Berg")).toEqual(["acme/shop-api"]);
  });

  it("counts a pull request of acme/platform in the repository named platform by its folder", () => {
    // Ines's platform pull requests (#7, #8) are exported as acme/platform; the repository has no
    // remote, so its display name is its folder's.
    expect(scopeOf("Ines Duarte")).toEqual(["acme/shop-api", "platform"]);
  });
});
