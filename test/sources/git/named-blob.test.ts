/**
 * readNamedBlob (sources/git/repository.ts): a top-level file's blob id and text at a commit in one
 * `git cat-file --batch`, as readTree reads `.gitattributes` beside the tree listing; on a real
 * repository.
 */
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTree } from "../../../src/app/workspace.js";
import { readNamedBlob } from "../../../src/sources/git/repository.js";
import { Store } from "../../../src/store/store.js";
import { makeRepo, person, type TestRepo } from "../../helpers/gitrepo.js";

const ADA = person("Ada");
let repo: TestRepo;
let plain = "";
let linked = "";
let folder = "";

beforeAll(() => {
  repo = makeRepo();
  plain = repo.commit({
    author: ADA,
    date: "2024-01-10T10:00:00Z",
    files: { ".gitattributes": "vendor/** linguist-vendored\n# é\n", "a.ts": "a\n" },
  });
  // A symbolic link named .gitattributes: the tree listing leaves it out.
  repo.git("rm", "-q", ".gitattributes");
  symlinkSync("a.ts", join(repo.dir, ".gitattributes"));
  repo.git("add", ".gitattributes");
  linked = repo.commit({ author: ADA, date: "2024-01-11T10:00:00Z" });
  repo.git("rm", "-q", ".gitattributes");
  folder = repo.commit({
    author: ADA,
    date: "2024-01-12T10:00:00Z",
    files: { ".gitattributes/x": "x\n" },
  });
});

afterAll(() => repo.cleanup());

describe("readNamedBlob", () => {
  it("gives a regular file's blob id and text", async () => {
    expect(await readNamedBlob(repo.dir, plain, ".gitattributes")).toEqual({
      blob: repo.blobOf(plain, ".gitattributes"),
      text: "vendor/** linguist-vendored\n# é\n",
    });
  });

  it("gives null for no such file, a folder, or a commit that does not exist", async () => {
    expect(await readNamedBlob(repo.dir, plain, "nothing-here")).toBeNull();
    expect(await readNamedBlob(repo.dir, folder, ".gitattributes")).toBeNull();
    expect(await readNamedBlob(repo.dir, "f".repeat(40), ".gitattributes")).toBeNull();
  });
});

describe("readTree's .gitattributes", () => {
  it("is the file's text; a symbolic link's is its own, as any file is read", async () => {
    const store = await Store.open(join(repo.root, "tree.db"));
    try {
      const scan = { path: repo.dir, partial: false } as Parameters<typeof readTree>[1];
      // Each in a repository legible has not read yet (the first read goes beside the listing).
      expect((await readTree(store, { ...scan, path: repo.dir }, plain)).gitattributes).toEqual({
        text: "vendor/** linguist-vendored\n# é\n",
        missing: false,
      });
      const other = repo.cloneBare();
      const link = await readTree(store, { ...scan, path: other }, linked);
      expect(link.tree.map((file) => file.path)).toEqual(["a.ts"]);
      // The listing leaves the link out, so it is read by path: its own text, not a.ts's.
      expect(link.gitattributes.text).toBe("a.ts");
    } finally {
      await store.close();
    }
  });
});
