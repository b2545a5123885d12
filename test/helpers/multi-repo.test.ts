import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PeopleReport } from "../../src/app/people.js";
import type { KnowledgeReport } from "../../src/app/report-types.js";
import { runCli, runJson } from "./cli.js";
import { buildMultiRepoWorkspace, type MultiRepoWorkspace, NOW } from "./multi-repo.js";

describe("the multi-repository workspace fixture", () => {
  let workspace: MultiRepoWorkspace;
  const options = () => ({ cwd: workspace.root, env: workspace.env, now: NOW });
  beforeAll(() => {
    workspace = buildMultiRepoWorkspace();
  });
  afterAll(() => workspace.cleanup());

  it("imports both exports", () => {
    const { root } = workspace;
    expect(runCli(["import"], options())).toEqual({
      code: 0,
      stdout: [
        `${root}/exports/prs.json (prs, gh-cli): 7 rows read; 7 new, 0 updated, 0 unchanged; 0 rows skipped`,
        `${root}/exports/incidents.csv (incidents, csv): 2 rows read; 2 new, 0 updated, 0 unchanged; 0 rows skipped`,
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("folds each person's identities across repositories (story 3)", () => {
    const { people } = runJson<PeopleReport>(["people"], options());
    expect(people.map((p) => [p.name, p.active])).toEqual([
      ["Ines Duarte", true],
      ["Kai Berg", true],
      ["Mara Lind", true],
      ["Olu Ade", false],
      ["Sam Okafor", true],
      ["Tomas Reyes", true],
    ]);
    expect(people[0]).toEqual({
      id: "ines@acme.example",
      name: "Ines Duarte",
      emails: ["ines@acme.example", "ines.duarte@gmail.com"],
      names: ["Ines Duarte", "I. Duarte"],
      logins: [],
      bot: false,
      commits: 5,
      lastCommit: "2025-06-27T10:00:00.000Z",
      active: true,
      merged: [
        {
          identity: { name: "I. Duarte", email: "ines.duarte@gmail.com" },
          repo: workspace.dirs.platform,
          reason: "mailmap",
        },
      ],
    });
  });

  it("scans the three repositories under distinct display names, each with its own runbooks", () => {
    const report = runJson<KnowledgeReport>(["knowledge"], options());
    const status = (repository: number, area: string) =>
      report.repositories[repository]!.areas.find((a) => a.id === area)?.status;
    expect(report.repositories.map((r) => [r.name, r.path])).toEqual([
      ["acme/shop-api", workspace.dirs.shopApi],
      ["platform", workspace.dirs.platform],
      ["acme/billing", workspace.dirs.billing],
    ]);
    // Story 2 and 5, per repository.
    expect([status(0, "runbooks"), status(1, "runbooks"), status(2, "src/ledger")]).toEqual([
      "knowledge-island",
      "shared",
      "orphaned",
    ]);
  });
});
