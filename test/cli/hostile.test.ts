/**
 * The hostile-repository suite: legible reads a repository built to break its git reader (see
 * test/helpers/hostile-repo.ts) and must not crash, lose a commit, merge two files, miss a caveat
 * or fetch anything from a remote.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeReport } from "../../src/app/report-types.js";
import type { RepositoryScan } from "../../src/app/scan.js";
import { runCli, runJson } from "../helpers/cli.js";
import { makeRepo, person, type TestRepo } from "../helpers/gitrepo.js";
import {
  EXPECTED_PATHS,
  HOSTILE,
  type HostileRepo,
  makeHostileRepo,
} from "../helpers/hostile-repo.js";
import { storedCommits } from "../helpers/stored.js";

const NOW = "2025-01-01T00:00:00Z";

describe("a hostile repository", () => {
  let repo: HostileRepo;
  let db: string;
  const cli = (...args: string[]) =>
    runCli([...args, "--db", db], { cwd: repo.dir, env: repo.env, now: NOW });
  const json = <T>(...args: string[]) =>
    runJson<T>([...args, "--db", db], { cwd: repo.dir, env: repo.env, now: NOW });

  beforeAll(() => {
    repo = makeHostileRepo();
    db = join(repo.root, "legible.db");
  });
  afterAll(() => repo.cleanup());

  it("stores every commit as recorded, ignoring the replace ref and the grafts file", () => {
    const scan = json<{ repositories: RepositoryScan[] }>("scan").repositories[0]!;
    expect(scan.storedCommits).toBe(HOSTILE.commits);
    expect(scan.rewrites).toEqual({ replaceRefs: 1, graftsFile: true });
    expect(scan.unreadable).toEqual([".mailmap"]);
    expect(scan.skipped).toEqual([]);
  });

  it("stores what git says: names with \\x1f keep their own date, 1900 and year 3,000,000 stay", () => {
    const rows = storedCommits(db).map((c) => ({
      sha: c.sha,
      author_name: c.author.name,
      author_time: c.authorTime,
      commit_time: c.commitTime,
    }));
    const bySha = new Map(rows.map((row) => [row.sha, row]));
    expect(rows).toHaveLength(HOSTILE.commits);
    repo.shas.forEach((sha, index) => {
      const i = index + 1;
      const expected =
        i === HOSTILE.oldCommit
          ? HOSTILE.oldDate
          : (HOSTILE.futureCommits as readonly number[]).includes(i)
            ? HOSTILE.futureDate
            : 1704067200 + i * 86_400;
      expect(bySha.get(sha)?.author_time).toBe(expected);
      expect(bySha.get(sha)?.commit_time).toBe(expected);
    });
    expect(new Set(rows.map((row) => row.author_name))).toEqual(
      new Set([
        "Ada Lovelace",
        "Unit\x1fSeparator 1700000000 +0000",
        "Tab\tPerson",
        "Esc\x1b]0;pwned\x07Person",
      ]),
    );
  });

  it("keeps every file distinct, whatever bytes its name holds", () => {
    const paths = new Set(storedCommits(db).flatMap((c) => c.changes.map((f) => f.path)));
    expect([...paths].sort()).toEqual([...EXPECTED_PATHS].sort());
  });

  it("reports without crashing, with every caveat", () => {
    const report = json<KnowledgeReport>("knowledge");
    const repository = report.repositories[0]!;
    expect(repository.universe.filesAtRef).toBe(EXPECTED_PATHS.length);
    const caveats = repository.caveats.join("\n");
    expect(caveats).toContain(
      "history was rewritten locally by 1 replace ref(s) (git replace) and a grafts file (.git/info/grafts)",
    );
    expect(caveats).toContain("hostile's .mailmap could not be read");
    expect(caveats).toContain(
      `3 file(s) of hostile have no content in the object store (missing blobs; nothing was fetched): .gitattributes among them, so its linguist attributes were not applied; binary files among them could not be recognised: ${HOSTILE.missing.join(", ")}.`,
    );
    expect(caveats).toContain(
      `3 commit(s) of hostile carry impossible dates (at or before 1970, or more than a year after the analysed date); they are kept but count as no activity: ${repo.shas[0]!.slice(0, 12)} (1900-01-01T00:00:00.000Z), ${HOSTILE.futureCommits.map((i) => `${repo.shas[i - 1]!.slice(0, 12)} (@${HOSTILE.futureDate})`).join(", ")}.`,
    );
  });

  it.each([
    ["people"],
    ["people", "--json"],
    ["knowledge"],
    ["knowledge", "--format", "md"],
    ["knowledge", "--format", "csv"],
    ["whatif", "--leave", "ada@old.example.com"],
    ["review"],
    ["review", "--format", "html"],
    ["decide", "list"],
  ])("legible %s does not crash on the hostile dates, names and paths", (...args) => {
    const result = cli(...args);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/Error|\n\s+at /);
  });

  it("never counts an impossible date as activity", () => {
    const people = json<{ people: { name: string; lastCommit: string | null }[] }>("people");
    for (const person of people.people) {
      expect(person.lastCommit === null || /^202\d-/.test(person.lastCommit)).toBe(true);
    }
  });

  it("reads each decision record as itself, a newline in a name shifting nothing", () => {
    const list = json<{
      repositories: { decisions: { path: string; title: string; status: string }[] }[];
    }>("decide", "list");
    expect(
      list.repositories[0]!.decisions.map((d) => ({
        path: d.path,
        title: d.title,
        status: d.status,
      })),
    ).toEqual(HOSTILE.decisions);
  });
});

describe("a partial clone", () => {
  let source: TestRepo;
  const ADA = person("Ada");
  beforeAll(() => {
    source = makeRepo({
      mailmap: `Ada <ada@example.com> <ada@old.example.com>\n`,
      commits: [
        { author: ADA, date: "2024-01-01T00:00:00Z", files: { "a.txt": "a\n" } },
        { author: ADA, date: "2024-01-02T00:00:00Z", files: { "b.txt": "b\n" } },
      ],
    });
  });
  afterAll(() => source.cleanup());

  const missingObjects = (dir: string) =>
    source
      .tryGit("-C", dir, "rev-list", "--objects", "--all", "--missing=print")
      .stdout.split("\n")
      .filter((line) => line.startsWith("?")).length;

  for (const offline of [false, true]) {
    it(`fetches nothing and says the .mailmap is unreadable (remote ${offline ? "gone" : "reachable"})`, () => {
      const clone = source.clonePartial({ checkout: false, offline });
      const before = missingObjects(clone);
      expect(before).toBeGreaterThan(0);
      const report = runJson<KnowledgeReport>(["knowledge", "--db", join(clone, "x.db")], {
        cwd: clone,
        env: source.env,
        now: NOW,
      });
      runJson(["decide", "list", "--db", join(clone, "x.db")], {
        cwd: clone,
        env: source.env,
        now: NOW,
      });
      expect(missingObjects(clone)).toBe(before);
      expect(report.repositories[0]!.caveats.join("\n")).toContain(".mailmap could not be read");
    });
  }
});
