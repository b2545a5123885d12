import { describe, expect, it } from "vitest";
import {
  commitGraph,
  findRepairs,
  isReleaseVersion,
  recoverChanges,
  releaseShipments,
  type SignalCommit,
} from "../../../src/core/signals/history.js";
import { changeOfSubject, reworkOfSubject } from "../../../src/core/signals/subjects.js";

const HOUR = 3600;

/** A commit `n` hours after the epoch, with parents, a subject and changed paths. */
function aCommit(
  sha: string,
  parents: string[],
  subject: string,
  hour: number,
  paths: string[] = [],
  extra: Partial<SignalCommit> = {},
): SignalCommit {
  return {
    sha,
    parents,
    author: { name: sha, email: `${sha}@x` },
    authorTime: hour * HOUR,
    commitTime: hour * HOUR,
    subject,
    isMerge: parents.length > 1,
    changes: paths.map((path) => ({ path })),
    ...extra,
  };
}

const byId = (commits: SignalCommit[]) => new Map(commits.map((c) => [c.sha, c]));

describe("changeOfSubject and reworkOfSubject", () => {
  it("recognises GitHub's merge and squash subjects and topic-branch merges", () => {
    expect(changeOfSubject("Merge pull request #139 from user/fix-x", true)).toEqual({
      kind: "merge-pr",
      number: 139,
      branch: "user/fix-x",
    });
    expect(changeOfSubject("Fix the router (#5012)", false)).toEqual({
      kind: "squash-pr",
      number: 5012,
    });
    expect(changeOfSubject("Fix the router (#5012)", true)).toBeNull();
    expect(changeOfSubject("Merge branch 'ps/reftable-fixes'", true)).toEqual({
      kind: "merged-branch",
      branch: "ps/reftable-fixes",
    });
    for (const subject of [
      "Merge branch 'maint'",
      "Merge branch 'master' of github.com:x/y",
      "Merge branch '4.x'",
      "Merge tag 'v2.1'",
    ])
      expect(changeOfSubject(subject, true)).toBeNull();
  });

  it("tells reverts, hotfixes and fixups apart, and not 'shotfix'", () => {
    expect(reworkOfSubject('Revert "Add x"')).toBe("revert");
    expect(reworkOfSubject("Hotfix: cache keys")).toBe("hotfix");
    expect(reworkOfSubject("ci: hot-fix the runner")).toBe("hotfix");
    expect(reworkOfSubject("fixup! Add x")).toBe("fixup");
    expect(reworkOfSubject("Add shotfix counter")).toBeNull();
  });
});

describe("recoverChanges", () => {
  it("gives each first-parent merge the commits only it brought in, once", () => {
    // main: r ── m1 ─────── m2 ── s
    //        \   /          /
    //         a1           b2
    //          \          /
    //           b1 ──────┘   (b1 branched from a1: already on main after m1)
    const commits = [
      aCommit("r", [], "root", 0, ["README"]),
      aCommit("a1", ["r"], "a", 1, ["src/a.ts"]),
      aCommit("m1", ["r", "a1"], "Merge pull request #1 from x/a", 5),
      aCommit("b1", ["a1"], "b", 2, ["lib/b.ts"]),
      aCommit("b2", ["b1"], "b again", 3, ["lib/b.ts", "lib/c.ts"]),
      aCommit("m2", ["m1", "b2"], "Merge branch 'y/b'", 10),
      aCommit("s", ["m2"], "Squashed (#3)", 12, ["src/s.ts"]),
    ];
    const changes = recoverChanges(commitGraph(commits), "s");
    expect(changes.map((c) => [c.kind, c.number, c.sha, c.commits, c.firstCommitAt])).toEqual([
      ["merge-pr", 1, "m1", ["a1"], 1 * HOUR],
      ["merged-branch", null, "m2", ["b2", "b1"], 2 * HOUR],
      ["squash-pr", 3, "s", ["s"], null],
    ]);
    expect(changes[1]?.paths).toEqual(["lib/b.ts", "lib/c.ts"]);
  });

  it("stops where the stored history stops (a shallow clone)", () => {
    const commits = [aCommit("m", ["gone", "side"], "Merge pull request #2 from x/y", 3)];
    commits.push(aCommit("side", ["gone"], "side", 1, ["a"]));
    expect(recoverChanges(commitGraph(commits), "m").map((c) => c.commits)).toEqual([["side"]]);
  });
});

describe("findRepairs", () => {
  it("links a revert to the commit it names, by full or abbreviated id", () => {
    const commits = [
      aCommit("1111111111111111111111111111111111111111", [], "Add x", 1, ["x"]),
      aCommit("2222222", ["1111111111111111111111111111111111111111"], "Drop x again", 5, ["x"], {
        signals: [{ kind: "reverts", sha: "1111111" }],
      }),
      aCommit("3333333", ["2222222"], "hotfix: y", 6, ["y"]),
      aCommit("4444444", ["3333333"], "fixup! hotfix: y", 7, ["y"]),
      aCommit("5555555", ["4444444"], 'Revert "Something not here"', 8, ["z"]),
    ];
    const { repairs, fixups } = findRepairs(commits, byId(commits));
    expect(repairs.map((r) => [r.sha, r.kind, r.reverted.map((t) => [t.sha, t.time])])).toEqual([
      ["2222222", "revert", [["1111111111111111111111111111111111111111", HOUR]]],
      ["3333333", "hotfix", []],
      ["5555555", "revert", []],
    ]);
    expect(fixups).toEqual(["4444444"]);
  });

  it("leaves an abbreviated id that two commits start with unlinked, and links each of several", () => {
    const a = `abcdef${"0".repeat(34)}`;
    const b = `abcdef${"1".repeat(34)}`;
    const commits = [
      aCommit(a, [], "Add a", 1, ["a"]),
      aCommit(b, [a], "Add b", 2, ["b"]),
      aCommit("r1", [b], "Drop one of them", 3, ["a"], {
        signals: [{ kind: "reverts", sha: "abcdef" }],
      }),
      aCommit("r2", ["r1"], "Drop both", 4, ["a", "b"], {
        signals: [
          { kind: "reverts", sha: "abcdef1" },
          { kind: "reverts", sha: a },
        ],
      }),
    ];
    const { repairs } = findRepairs(commits, byId(commits));
    expect(repairs.map((r) => [r.sha, r.reverted.map((t) => t.sha)])).toEqual([
      ["r1", []],
      ["r2", [b, a]],
    ]);
  });

  it("links a SHA-256 repository's ids, full or abbreviated", () => {
    const long = "c".repeat(64);
    const commits = [
      aCommit(long, [], "Add c", 1, ["c"]),
      aCommit("r3", [long], "Drop c", 2, ["c"], { signals: [{ kind: "reverts", sha: long }] }),
      aCommit("r4", ["r3"], "Drop c again", 3, ["c"], {
        signals: [{ kind: "reverts", sha: "c".repeat(12) }],
      }),
    ];
    const { repairs } = findRepairs(commits, byId(commits));
    expect(repairs.map((r) => [r.sha, r.reverted.map((t) => t.sha)])).toEqual([
      ["r3", [long]],
      ["r4", [long]],
    ]);
  });
});

describe("releaseShipments", () => {
  it("credits each commit to the first release, by date, that contains it", () => {
    const commits = [
      aCommit("a", [], "a", 1),
      aCommit("b", ["a"], "b", 2),
      aCommit("c", ["b"], "c", 3),
      aCommit("d", ["c"], "d", 4),
    ];
    const shipped = releaseShipments(
      [
        { name: "v2.0", sha: "d", time: 10 * HOUR },
        { name: "v1.0", sha: "b", time: 5 * HOUR },
        { name: "v0.9", sha: "unknown", time: 1 },
      ],
      commitGraph(commits),
    );
    expect(
      shipped.map((s) => [s.release.name, s.known, s.shipped.map((c) => c.sha).sort()]),
    ).toEqual([
      ["v0.9", false, []],
      ["v1.0", true, ["a", "b"]],
      ["v2.0", true, ["c", "d"]],
    ]);
    expect(["v2.47.0", "1.2", "v2.47.0-rc1", "latest"].map(isReleaseVersion)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});
