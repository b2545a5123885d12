import { existsSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { bot, gitDate, makeRepo, person, type TestRepo } from "./gitrepo.js";

const alice = person("Alice");
const bob = person("Bob Stone");

describe("gitrepo helper", () => {
  const repos: TestRepo[] = [];
  const track = (repo: TestRepo) => {
    repos.push(repo);
    return repo;
  };
  afterEach(() => {
    for (const repo of repos.splice(0)) repo.cleanup();
  });

  it("builds identities, dates and helpers deterministically", () => {
    expect(person("Bob Stone")).toBe("Bob Stone <bob.stone@example.com>");
    expect(bot("dependabot")).toBe(
      "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>",
    );
    expect(gitDate("2024-01-15T10:00:00Z")).toBe("@1705312800 +0000");
    expect(gitDate("2024-01-15T12:00:00+02:00")).toBe("@1705312800 +0200");
    const spec = { author: alice, date: "2024-01-15T10:00:00Z", files: { "a.txt": "a\n" } };
    const one = track(makeRepo({ commits: [spec] }));
    const two = track(makeRepo({ commits: [spec] }));
    expect(one.head()).toBe(two.head());
    expect(one.git("symbolic-ref", "--short", "HEAD")).toBe("main");
  });

  it("records authors, dates, co-author trailers and the .mailmap", () => {
    const repo = track(
      makeRepo({
        mailmap: "Alice <alice@example.com> <alice@old.example.com>\n",
        commits: [
          { author: alice, date: "2024-01-15T10:00:00Z", files: { "a.txt": "one\n" } },
          {
            author: "Alice <alice@old.example.com>",
            date: "2024-01-16T10:00:00Z",
            committerDate: "2024-01-17T09:00:00Z",
            message: "pair work",
            files: { "b.txt": "two\n" },
            coAuthors: [bob],
          },
        ],
      }),
    );
    const log = repo.git(
      "log",
      "--format=%an|%ae|%aI|%cI|%(trailers:key=Co-authored-by,valueonly)",
    );
    expect(log.split("\n")).toEqual([
      "Alice|alice@old.example.com|2024-01-16T10:00:00+00:00|2024-01-17T09:00:00+00:00|Bob Stone <bob.stone@example.com>",
      "",
      "Alice|alice@example.com|2024-01-15T10:00:00+00:00|2024-01-15T10:00:00+00:00|",
    ]);
    expect(repo.git("log", "--use-mailmap", "-1", "--format=%aN <%aE>")).toBe(alice);
    expect(repo.git("show", "--name-only", "--format=", "HEAD~1")).toContain(".mailmap");
    expect(repo.git("log", "-1", "--format=%s")).toBe("pair work");
  });

  it("makes renames git detects, deletes, and --no-ff merges", () => {
    const repo = track(makeRepo());
    const content = "line one\nline two\nline three\nline four\n";
    repo.commit({ author: alice, date: "2024-01-01T00:00:00Z", files: { "src/old.ts": content } });
    repo.branch("feature");
    repo.commit({
      author: bob,
      date: "2024-01-02T00:00:00Z",
      renames: { "src/old.ts": "lib/new.ts" },
    });
    repo.checkout("main");
    repo.commit({ author: alice, date: "2024-01-03T00:00:00Z", files: { "x.txt": "x\n" } });
    const merge = repo.merge("feature", { author: alice, date: "2024-01-04T00:00:00Z" });
    repo.commit({ author: bob, date: "2024-01-05T00:00:00Z", files: { "x.txt": null } });

    expect(repo.git("rev-list", "--parents", "-n", "1", merge).split(" ")).toHaveLength(3);
    expect(repo.git("log", "-1", "--format=%s", merge)).toBe("Merge branch 'feature'");
    const status = repo.git("log", "--no-merges", "-M", "--name-status", "--format=%an");
    expect(status).toContain("R100\tsrc/old.ts\tlib/new.ts");
    expect(status).toContain("D\tx.txt");
    expect(repo.git("ls-tree", "-r", "--name-only", "HEAD")).toBe("lib/new.ts");
  });

  it("removes an object so that git log fails with 'unable to read'", () => {
    const repo = track(makeRepo());
    repo.commit({ author: alice, date: "2024-01-01T00:00:00Z", files: { "a.txt": "a\n" } });
    const second = repo.commit({
      author: bob,
      date: "2024-01-02T00:00:00Z",
      files: { "dir/b.txt": "b\n" },
    });
    repo.commit({ author: alice, date: "2024-01-03T00:00:00Z", files: { "c.txt": "c\n" } });
    repo.git("repack", "-a", "-d", "-q"); // the object must be found inside a pack too
    const tree = repo.treeOf(second);
    expect(repo.blobOf(second, "dir/b.txt")).toMatch(/^[0-9a-f]{40}$/);
    repo.removeObject(tree);
    const result = repo.tryGit("log", "--name-status", "--format=%H");
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("unable to read");
    expect(repo.tryGit("cat-file", "-e", repo.head()).status).toBe(0);
  });

  it("makes bare, shallow and blobless clones", () => {
    const repo = track(makeRepo());
    for (let i = 1; i <= 3; i++) {
      repo.commit({ author: alice, date: `2024-01-0${i}T00:00:00Z`, files: { "a.txt": `${i}\n` } });
    }
    const bare = repo.cloneBare();
    expect(existsSync(bare)).toBe(true);
    const revParse = (cwd: string, ...args: string[]) => repo.git("-C", cwd, "rev-parse", ...args);
    expect(revParse(bare, "--is-bare-repository")).toBe("true");

    const shallow = repo.cloneShallow(1);
    expect(revParse(shallow, "--is-shallow-repository")).toBe("true");
    expect(repo.git("-C", shallow, "rev-list", "--count", "HEAD")).toBe("1");

    const partial = repo.clonePartial();
    expect(repo.git("-C", partial, "config", "remote.origin.promisor")).toBe("true");
    expect(revParse(partial, "--is-shallow-repository")).toBe("false");
    expect(repo.git("-C", partial, "rev-list", "--count", "HEAD")).toBe("3");
    // Blobs of older commits are missing locally.
    const missing = repo.git("-C", partial, "rev-list", "--objects", "--all", "--missing=print");
    expect(missing.split("\n").filter((l) => l.startsWith("?"))).toHaveLength(2);
  });

  it("makes an offline blobless clone where rename detection cannot fetch blobs", () => {
    const repo = track(makeRepo());
    const body = "alpha\nbeta\ngamma\ndelta\n";
    repo.commit({ author: alice, date: "2024-01-01T00:00:00Z", files: { "a.txt": body } });
    repo.commit({
      author: alice,
      date: "2024-01-02T00:00:00Z",
      files: { "a.txt": null, "b.txt": `${body}epsilon\n` },
    });
    const partial = repo.clonePartial({ checkout: false, offline: true });
    const withRenames = repo.tryGit("-C", partial, "log", "-M", "--name-status", "--format=");
    expect(withRenames.status).not.toBe(0);
    expect(withRenames.stderr).toContain("could not fetch");
    const plain = repo.git("-C", partial, "log", "--no-renames", "--name-status", "--format=");
    expect(plain.split("\n").filter(Boolean)).toEqual(["D\ta.txt", "A\tb.txt", "A\ta.txt"]);
  });
});
