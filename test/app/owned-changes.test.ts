/**
 * ownedChanges (app/coordination.ts) with `describedAfter`: what the review's coordination reads.
 */
import { describe, expect, it } from "vitest";
import { areaKeys } from "../../src/app/areas.js";
import { otherTeamsPerChange, ownedChanges } from "../../src/app/coordination.js";
import type { OwnershipModel } from "../../src/app/ownership-model.js";
import type { PreparedRepository, Workspace } from "../../src/app/workspace.js";
import { configSchema } from "../../src/config/schema.js";
import type { StoredCommit } from "../../src/store/store.js";

const DAY = 86_400;

function aCommit(sha: string, email: string, time: number, paths: string[]): StoredCommit {
  return {
    sha,
    parents: [],
    author: { name: email, email },
    authorTime: time,
    commitTime: time,
    subject: sha,
    coAuthors: [],
    isMerge: false,
    skipped: null,
    changes: paths.map((path) => ({ sha, kind: "M" as const, path, oldPath: null })),
  };
}

// Ada (team web) changed web/ long ago only; Bo (team api) changes api/ and web/ now.
const commits = [
  aCommit("old", "ada@x", 10 * DAY, ["web/a.ts"]),
  aCommit("new", "bo@x", 400 * DAY, ["api/b.ts", "web/a.ts"]),
];
const teams: Record<string, string> = { "ada@x": "web", "bo@x": "api" };
const workspace = {
  asOf: { time: 500 * DAY, label: "now", rev: null },
  repositories: [
    { scan: { name: "repo", path: "/repo" }, commits } as unknown as PreparedRepository,
  ],
  identities: { personOf: (_repo: string, raw: { email: string }) => raw.email },
  bots: new Set<string>(),
  areas: areaKeys(["repo"]),
} as unknown as Workspace;
const model = {
  teamOf: (person: string) => teams[person] ?? null,
  teamsOfFile: (_repository: string, path: string) => [path.startsWith("web/") ? "web" : "api"],
} as unknown as OwnershipModel;
const config = configSchema.parse({});

describe("ownedChanges", () => {
  it("keeps only changes after describedAfter, and the teams of the authors of the others", () => {
    const all = ownedChanges(workspace, model, null, config);
    const cut = ownedChanges(workspace, model, null, config, 100 * DAY);
    expect(all.changes.map((c) => [c.id, c.areas, c.teams, c.authorTeam])).toEqual([
      ["old", ["web"], ["web"], "web"],
      ["new", ["api", "web"], ["api", "web"], "api"],
    ]);
    expect(all.earlierTeams).toBeUndefined();
    expect(cut.changes.map((c) => [c.id, c.areas, c.teams, c.authorTeam])).toEqual([
      ["new", ["api", "web"], ["api", "web"], "api"],
    ]);
    expect([...(cut.earlierTeams ?? [])]).toEqual(["web"]);
    // The review's per-team figures read only windows after the cut: the same either way, and the
    // team whose changes are all older than them is still listed.
    const windows = {
      now: { since: 300 * DAY, until: 500 * DAY },
      before: { since: 100 * DAY, until: 300 * DAY },
    };
    expect([...otherTeamsPerChange(cut, windows)]).toEqual([...otherTeamsPerChange(all, windows)]);
    expect([...otherTeamsPerChange(cut, windows).keys()]).toEqual(["api", "web"]);
  });
});
