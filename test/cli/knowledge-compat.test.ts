import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeReport } from "../../src/app/report-types.js";
import { runJson } from "../helpers/cli.js";
import { makeRepo, type TestRepo } from "../helpers/gitrepo.js";

/**
 * `.mailmap` says Robert <robert@b.com> is Bo Chen <bo@a.com>; the 2016 tooling read raw
 * `%an/%ae` and never applied it. Carol commits the .mailmap with c1, c2 (3 files), Bo adds
 * a1..a3 (3 files), Robert adds r1, r2 (2 files): 8 scored files, everyone recent.
 */
let repo: TestRepo;
const run = (args: string[]) =>
  runJson<KnowledgeReport>([...args, "--db", `${repo.root}/legible.db`], {
    cwd: repo.dir,
    env: repo.env,
    now: "2025-01-01T00:00:00Z",
  });

beforeAll(() => {
  repo = makeRepo({ mailmap: "Bo Chen <bo@a.com> <robert@b.com>\n" });
  repo.commit({
    author: "Carol <carol@c.com>",
    date: "2024-12-01T10:00:00Z",
    files: { "c1.ts": "1\n", "c2.ts": "2\n" },
  });
  repo.commit({
    author: "Bo Chen <bo@a.com>",
    date: "2024-12-02T10:00:00Z",
    files: { "a1.ts": "1\n", "a2.ts": "2\n", "a3.ts": "3\n" },
  });
  repo.commit({
    author: "Robert <robert@b.com>",
    date: "2024-12-03T10:00:00Z",
    files: { "r1.ts": "1\n", "r2.ts": "2\n" },
  });
});
afterAll(() => repo.cleanup());

describe("--compat avelino2016 identities", () => {
  it("the default mode folds Robert into Bo through .mailmap", () => {
    // Bo 5 files, Carol 3: removing Bo leaves 3/8 < 0.5.
    const report = run(["knowledge"]);
    expect(report.repositories[0]!.universe.filesScored).toBe(8);
    expect(report.truckFactorDevelopers!.map((p) => p.id)).toEqual(["bo@a.com"]);
  });

  it("compat reads raw identities: Robert stays a developer of his own", () => {
    // Bo 3, Carol 3, Robert 2: remove Bo (tie with Carol, broken by id) → 5/8, Carol → 2/8.
    const report = run(["knowledge", "--compat", "avelino2016"]);
    expect(report.truckFactorDevelopers!.map((p) => p.id)).toEqual(["bo@a.com", "carol@c.com"]);
  });
});
