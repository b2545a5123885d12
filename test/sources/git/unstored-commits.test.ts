import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { splitList, unstoredCommits } from "../../../src/sources/git/history.js";
import { withGitEnvironment } from "../../../src/sources/git/run.js";
import { makeRepo, person, type TestRepo } from "../../helpers/gitrepo.js";

// An incremental scan lists its new commits from a streaming `git rev-list --parents` and the stored
// history (src/sources/git/history.ts): exactly the commits `git rev-list tip --not <stored>` names,
// parents first, even where git prints a parent before one of its children.
describe("unstoredCommits", () => {
  let repo: TestRepo;
  let stored: string[];
  let tip: string;
  const ADA = person("Ada");
  const GRACE = person("Grace");

  beforeAll(() => {
    repo = makeRepo();
    const day = (d: number) => `2024-01-${String(d).padStart(2, "0")}T10:00:00Z`;
    let n = 0;
    const commit = (author: string, date: string, committerDate?: string) =>
      repo.commit({
        author,
        date,
        ...(committerDate ? { committerDate } : {}),
        files: { [`src/f${n % 5}.txt`]: `change ${n++}\n` },
      });
    for (let d = 1; d <= 4; d++) commit(ADA, day(d));
    repo.branch("old-topic", "HEAD~2");
    commit(GRACE, day(5));
    commit(GRACE, day(6));
    repo.checkout("main");
    commit(ADA, day(7));
    stored = repo.git("rev-list", "HEAD").split("\n");
    // New: a topic from an old commit, merged; a commit with two children, one of them dated long
    // before it (git's default order prints the parent before that child); more on main.
    repo.merge("old-topic", { author: ADA, date: day(8) });
    const fork = commit(ADA, day(9));
    repo.branch("skewed", fork);
    commit(GRACE, day(10), "2023-06-01T10:00:00Z");
    repo.checkout("main");
    commit(ADA, day(11));
    repo.merge("skewed", { author: ADA, date: day(12) });
    commit(ADA, day(13));
    tip = repo.head();
  });
  afterAll(() => repo.cleanup());

  const storedOf =
    (set: ReadonlySet<string>) =>
    async (shas: string[]): Promise<Set<string>> =>
      new Set(shas.filter((sha) => set.has(sha)));
  const list = (at: string, set: ReadonlySet<string>, limit = 1000, dir = repo.dir) =>
    withGitEnvironment(repo.env, () => unstoredCommits(dir, at, storedOf(set), { limit }));
  /** Commits whose parents among `order` come after them. */
  const outOfOrder = (order: string[]) =>
    order.filter((sha, i) =>
      repo
        .git("rev-list", "--parents", "-n1", sha)
        .split(" ")
        .slice(1)
        .some((parent) => order.indexOf(parent) > i),
    );

  it("lists exactly the commits git's range walk reads, parents first", async () => {
    const expected = repo.git("rev-list", tip, "--not", stored.at(0)!).split("\n");
    expect(expected.length).toBe(8);
    const order = await list(tip, new Set(stored));
    expect(order).not.toBeNull();
    expect([...order!].sort()).toEqual([...expected].sort());
    expect(outOfOrder(order!)).toEqual([]);
    // The case that needs the ordering: git's own order puts a parent before its child.
    const gitOrder = repo.git("rev-list", tip).split("\n").reverse();
    expect(outOfOrder(gitOrder).length).toBeGreaterThan(0);
  });

  it("finds nothing new when the tip is stored", async () => {
    expect(await list(stored[0]!, new Set(stored))).toEqual([]);
    expect(splitList([], 4)).toEqual([]);
  });

  it("gives up past its limit, and on a tip git does not know", async () => {
    expect(await list(tip, new Set(stored), 3)).toBeNull();
    expect(await list("0".repeat(40), new Set(stored))).toBeNull();
  });

  it("ends where a shallow clone's history ends", async () => {
    const shallow = repo.cloneShallow(3);
    const visible = repo.git("-C", shallow, "rev-list", "HEAD").split("\n");
    const order = await list(tip, new Set(), 1000, shallow);
    expect([...order!].sort()).toEqual([...visible].sort());
    expect(visible.length).toBeLessThan(stored.length + 8);
  });

  it("cuts a list into consecutive parts of about the same length", () => {
    const commits = Array.from({ length: 10 }, (_, i) => `c${i}`);
    const parts = splitList(commits, 3);
    expect(parts.map((part) => part.commits.length)).toEqual([3, 3, 4]);
    expect(parts.flatMap((part) => part.commits)).toEqual(commits);
    expect(splitList(commits.slice(0, 2), 4).map((part) => part.commits)).toEqual([["c0"], ["c1"]]);
    expect(splitList(commits, 0)).toEqual([{ commits }]);
  });
});
