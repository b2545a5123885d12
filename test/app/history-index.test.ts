import { describe, expect, it } from "vitest";
import {
  historyIndex,
  identitySource,
  markedCommits,
  reachableFrom,
} from "../../src/app/history-index.js";
import { historyTimes, validUntil } from "../../src/app/result-cache.js";
import { analyseKnowledge, type TallyMemo } from "../../src/core/knowledge/index.js";
import type { StoredCommit } from "../../src/store/store.js";
import { added, modified } from "../builders.js";

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
    const kept = memo.get("default\0a.ts");
    // b.ts gains a record (a new object list for its history); a.ts keeps the same records.
    const second = [...first, modified("b.ts", "y"), modified("b.ts", "y")];
    expect(analyseKnowledge(input(second, memo))).toEqual(analyseKnowledge(input(second)));
    expect(memo.get("default\0a.ts")!.tally).toBe(kept!.tally);
    expect(memo.get("default\0b.ts")!.history).toHaveLength(3);
    // Equal records that are other objects are tallied again.
    const copies = second.map((record) => ({ ...record }));
    expect(analyseKnowledge(input(copies, memo))).toEqual(analyseKnowledge(input(copies)));
    expect(memo.get("default\0a.ts")!.tally).not.toBe(kept!.tally);
  });
});
