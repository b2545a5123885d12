import { describe, expect, it } from "vitest";
import {
  creditedPeople,
  firstParentAt,
  historyIndex,
  identitySource,
  markedCommits,
  markedHistories,
  reachableFrom,
} from "../../src/app/history-index.js";
import { historyTimes, validUntil } from "../../src/app/result-cache.js";
import { resolveIdentities } from "../../src/core/identity/resolve.js";
import { buildHistories } from "../../src/core/knowledge/history.js";
import { analyseKnowledge, type TallyMemo } from "../../src/core/knowledge/index.js";
import type { ChangeKind } from "../../src/core/model.js";
import { commitAtTime } from "../../src/sources/git/repository.js";
import type { StoredCommit } from "../../src/store/store.js";
import { added, modified } from "../builders.js";
import { makeRepo, person } from "../helpers/gitrepo.js";

const DAY = 86_400;

function aCommit(sha: string, parents: string[], time: number): StoredCommit {
  return {
    sha,
    parents,
    author: { name: "A", email: "a@example.com" },
    authorTime: time,
    commitTime: time,
    subject: sha,
    coAuthors: [],
    isMerge: parents.length > 1,
    skipped: null,
    changes: [],
  };
}

const history = (...commits: StoredCommit[]) => commits;

describe("history index", () => {
  it("marks what a tip reaches, in stored order, stopping at parents that are not stored", () => {
    const all = history(
      aCommit("a", ["missing"], 10),
      aCommit("b", ["a"], 20),
      aCommit("side", ["a"], 25),
      aCommit("m", ["b", "side"], 30),
      aCommit("later", ["m"], 40),
    );
    const index = historyIndex(all);
    expect(historyIndex(all)).toBe(index); // built once per history
    expect(markedCommits(index, reachableFrom(index, "m")).map((c) => c.sha)).toEqual([
      "a",
      "b",
      "side",
      "m",
    ]);
    expect(markedCommits(index, reachableFrom(index, "b")).map((c) => c.sha)).toEqual(["a", "b"]);
    expect(markedCommits(index, reachableFrom(index, "nowhere"))).toEqual([]);
  });
});

describe("identity sources", () => {
  it("adds up one identity held by several objects (two history packs), in first-appearance order", () => {
    const asOf = 100 * DAY;
    const bob = { name: "Bob", email: "bob@example.com" };
    const alice1 = { name: "Alice", email: "alice@example.com" };
    const alice2 = { name: "Alice", email: "alice@example.com" }; // another pack's object
    const commit = (
      sha: string,
      author: typeof bob,
      time: number,
      coAuthors = [] as (typeof bob)[],
    ) => ({
      ...aCommit(sha, [], time),
      author,
      coAuthors,
    });
    const all = history(
      commit("a", bob, 10 * DAY),
      commit("b", alice1, 20 * DAY),
      commit("c", alice2, 30 * DAY, [bob]),
      commit("d", alice2, 900 * DAY), // over a year after the date: counted, but not as activity
    );
    const source = identitySource(historyIndex(all), "repo", null, asOf);
    expect(source.identities).toEqual([
      { identity: bob, commits: 2, lastTime: 30 * DAY },
      { identity: alice1, commits: 3, lastTime: 30 * DAY },
    ]);
  });
});

describe("how long an analysis at 'now' stays valid", () => {
  const from = Date.UTC(2025, 0, 1, 12) / 1000;
  const endOfDay = Date.UTC(2025, 0, 2) / 1000 - 1;

  it("ends with the UTC day when no date is crossed sooner", () => {
    expect(
      validUntil(
        historyTimes([historyIndex(history(aCommit("a", [], from - 400 * DAY)))]),
        from,
        90,
      ),
    ).toBe(endOfDay);
  });

  it("ends before someone's last commit leaves the activeDays window", () => {
    const last = from - 90 * DAY + 3600; // leaves the window an hour from now
    expect(
      validUntil(historyTimes([historyIndex(history(aCommit("a", [], last)))]), from, 90),
    ).toBe(last + 90 * DAY);
  });

  it("ends before a future-dated commit comes into the past, or stops being impossible", () => {
    const future = from + 600;
    expect(
      validUntil(historyTimes([historyIndex(history(aCommit("a", [], future)))]), from, 90),
    ).toBe(future - 1);
    const farFuture = from + 366 * DAY + 60;
    expect(
      validUntil(historyTimes([historyIndex(history(aCommit("a", [], farFuture)))]), from, 90),
    ).toBe(farFuture - 366 * DAY - 1);
  });
});

describe("tally memo", () => {
  const input = (records: ReturnType<typeof added>[], memo?: TallyMemo) => ({
    records,
    files: ["a.ts", "b.ts"],
    lastActive: new Map([
      ["x", 100],
      ["y", 100],
    ]),
    asOf: 200,
    activeDays: 1,
    mode: "default" as const,
    depth: 1,
    components: [],
    ...(memo ? { memo } : {}),
  });

  it("reuses a tally only for the very same records, and gives what no memo gives", () => {
    const memo: TallyMemo = new Map();
    const first = [added("a.ts", "x"), added("b.ts", "x")];
    expect(analyseKnowledge(input(first, memo))).toEqual(analyseKnowledge(input(first)));
    const kept = memo.get("default")!.get("a.ts");
    // b.ts gains a record (a new object list for its history); a.ts keeps the same records.
    const second = [...first, modified("b.ts", "y"), modified("b.ts", "y")];
    expect(analyseKnowledge(input(second, memo))).toEqual(analyseKnowledge(input(second)));
    expect(memo.get("default")!.get("a.ts")!.tally).toBe(kept!.tally);
    expect(memo.get("default")!.get("b.ts")!.history).toHaveLength(3);
    // Equal records that are other objects are tallied again.
    const copies = second.map((record) => ({ ...record }));
    expect(analyseKnowledge(input(copies, memo))).toEqual(analyseKnowledge(input(copies)));
    expect(memo.get("default")!.get("a.ts")!.tally).not.toBe(kept!.tally);
  });
});

describe("the commit at a date, from the stored history", () => {
  it("answers as git rev-list -1 --first-parent --before does, at every commit time and between", async () => {
    // A side branch merged into main, and a main commit whose commit date is older than its parent's.
    const repo = makeRepo();
    const dev = person("Dev");
    repo.commit({ author: dev, date: "2024-01-01T10:00:00Z", files: { "a.ts": "1" } });
    repo.commit({ author: dev, date: "2024-01-03T10:00:00Z", files: { "a.ts": "2" } });
    repo.branch("side");
    repo.commit({ author: dev, date: "2024-01-04T10:00:00Z", files: { "b.ts": "1" } });
    repo.checkout("main");
    repo.commit({ author: dev, date: "2024-01-05T10:00:00Z", files: { "c.ts": "1" } });
    repo.merge("side", { author: dev, date: "2024-01-06T10:00:00Z" });
    repo.commit({ author: dev, date: "2024-01-08T10:00:00Z", files: { "a.ts": "3" } });
    repo.commit({
      author: dev,
      date: "2024-01-09T10:00:00Z",
      committerDate: "2024-01-07T10:00:00Z", // skewed: older than its parent
      files: { "a.ts": "4" },
    });
    repo.commit({ author: dev, date: "2024-01-10T10:00:00Z", files: { "a.ts": "5" } });
    const all = repo
      .git("log", "--topo-order", "--reverse", "--format=%H %ct %P")
      .split("\n")
      .map((line) => {
        const [sha, time, ...parents] = line.split(" ").filter((field) => field !== "");
        return aCommit(sha!, parents, Number(time));
      });
    const index = historyIndex(all);
    const head = repo.head();
    const times = all.flatMap((c) => [c.commitTime - 1, c.commitTime, c.commitTime + 1]);
    times.push(all[0]!.commitTime - DAY, Math.max(...times) + DAY);
    for (const time of times)
      expect(firstParentAt(index, head, time), `at ${time}`).toBe(
        await commitAtTime(repo.dir, head, time),
      );
    // Unknown when the history cannot tell: the tip, or a first parent, not stored.
    expect(firstParentAt(index, "0".repeat(40), times[0]!)).toBeUndefined();
    const cut = historyIndex(all.slice(1));
    expect(firstParentAt(cut, head, all[0]!.commitTime)).toBeUndefined();
    expect(firstParentAt(cut, head, Math.max(...times))).toBe(head);
  });
});

describe("file histories over marked commits", () => {
  const change = (kind: ChangeKind, path: string, oldPath: string | null = null) => ({
    sha: "",
    kind,
    path,
    oldPath,
  });
  const withChanges = (
    sha: string,
    parents: string[],
    time: number,
    changes: ReturnType<typeof change>[],
  ) => ({ ...aCommit(sha, parents, time), changes });

  it("gives what buildHistories gives over the marked commits' records, renames included", () => {
    const all = history(
      withChanges("a", [], 10, [change("A", "old.ts"), change("A", "other.ts")]),
      withChanges("b", ["a"], 20, [change("M", "old.ts")]),
      withChanges("side", ["a"], 25, [change("R", "mid.ts", "other.ts")]),
      withChanges("c", ["b"], 30, [change("R", "new.ts", "old.ts")]),
      withChanges("m", ["c", "side"], 40, []),
      withChanges("d", ["m"], 50, [change("R", "new.ts", "mid.ts"), change("M", "new.ts")]),
      // A rename back and forth: each old path is read once.
      withChanges("e", ["d"], 60, [change("R", "old.ts", "new.ts")]),
      withChanges("f", ["e"], 70, [change("R", "new.ts", "old.ts")]),
    );
    const index = historyIndex(all);
    const identities = resolveIdentities({
      sources: [identitySource(index, "repo", null, 100)],
      aliases: [],
      rule: "email",
      botPatterns: [],
    });
    const credits = creditedPeople(index, "repo", identities, new Set());
    const tips = ["a", "c", "side", "m", "d", "e", "f"];
    const paths = ["old.ts", "new.ts", "mid.ts", "other.ts", "none.ts"];
    for (const tip of tips) {
      const marks = reachableFrom(index, tip);
      const kept = credits.records.filter((_, r) => marks[credits.recordCommit[r]!] === 1);
      const expected = buildHistories(kept);
      const actual = markedHistories(credits, marks);
      for (const path of paths) {
        expect(actual.of(path), `${path} at ${tip}`).toEqual(expected(path));
        // Told without building it: the same as comparing with every other date's history.
        for (const other of tips) {
          const theirs = markedHistories(credits, reachableFrom(index, other)).of(path);
          const same =
            theirs.length === expected(path).length &&
            theirs.every((record, i) => record === expected(path)[i]);
          expect(actual.is(path, theirs), `${path} at ${tip} against ${other}`).toBe(same);
        }
        expect(actual.is(path, [...actual.of(path), credits.records[0]!])).toBe(false);
      }
    }
    // The rename in the side branch joins mid.ts's history only once the merge reaches it.
    expect(markedHistories(credits, reachableFrom(index, "c")).of("new.ts")).toHaveLength(3);
    expect(markedHistories(credits, reachableFrom(index, "d")).of("new.ts")).toHaveLength(7);
  });
});
