/**
 * openRepository (sources/git/repository.ts) on each kind of place a user may point legible at: a
 * work tree asks git its questions in one process, anything else one by one; both give the same
 * answers and the same errors.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLegibleError } from "../../../src/errors.js";
import { openRepository } from "../../../src/sources/git/repository.js";
import { makeRepo, person, type TestRepo } from "../../helpers/gitrepo.js";

let repo: TestRepo;
let first = "";
let head = "";

beforeAll(() => {
  repo = makeRepo();
  first = repo.commit({
    author: person("Ada"),
    date: "2024-01-10T10:00:00Z",
    files: { "src/a.ts": "a\n" },
  });
  head = repo.commit({
    author: person("Ada"),
    date: "2024-01-11T10:00:00Z",
    files: { "src/a.ts": "b\n" },
  });
});
afterAll(() => repo.cleanup());

async function failure(path: string, ref?: string): Promise<string> {
  try {
    await openRepository(path, ref);
  } catch (error) {
    if (isLegibleError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error("expected openRepository to fail");
}

describe("openRepository", () => {
  it("reads a work tree, from its top or from a subfolder", async () => {
    for (const path of [repo.dir, join(repo.dir, "src")]) {
      const info = await openRepository(path);
      expect(info).toMatchObject({
        path: repo.dir,
        name: "repo",
        bare: false,
        shallow: false,
        partial: false,
        ref: "HEAD",
        head,
        rewrites: { replaceRefs: 0, graftsFile: false },
      });
    }
    expect((await openRepository(repo.dir, "HEAD~1")).head).toBe(first);
  });

  it("reads a linked work tree at its own folder", async () => {
    const linked = join(repo.root, "linked");
    repo.git("worktree", "add", "-q", "--detach", linked, first);
    const info = await openRepository(linked);
    expect(info).toMatchObject({ path: linked, name: "linked", bare: false, head: first });
  });

  it("reads a bare repository at its own folder", async () => {
    const bare = repo.cloneBare();
    const info = await openRepository(bare);
    expect(info).toMatchObject({ path: bare, bare: true, head });
  });

  it("counts replace refs", async () => {
    repo.git("replace", first, head);
    try {
      expect((await openRepository(repo.dir)).rewrites.replaceRefs).toBe(1);
    } finally {
      repo.git("replace", "-d", first);
    }
  });

  it("names an unknown ref, an empty repository and a folder that is not a repository", async () => {
    expect(await failure(repo.dir, "no-such-branch")).toBe(
      `UNKNOWN_REF: ${repo.dir}: unknown ref 'no-such-branch'`,
    );
    const empty = join(repo.root, "empty");
    mkdirSync(empty);
    repo.git("init", "-q", empty);
    expect(await failure(empty)).toBe(`UNKNOWN_REF: ${empty}: unknown ref 'HEAD'`);
    const plain = mkdtempSync(join(tmpdir(), "legible-plain-"));
    try {
      expect(await failure(plain)).toBe(`NOT_A_REPOSITORY: ${plain}: not a git repository`);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
  });

  it("fails inside a work tree's .git folder with git's own reason", async () => {
    // git's wording varies between versions; the error names the folder and passes git's reason on.
    expect(await failure(join(repo.dir, ".git"))).toMatch(
      /^GIT_FAILED: git rev-parse failed in .*\.git: fatal: \S/,
    );
  });
});
