/**
 * readCodeowners (app/codeowners.ts) on a real repository: every place its host looks, in order,
 * read from git's object store at a commit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCodeowners } from "../../src/app/codeowners.js";
import { parseConfig } from "../../src/config/load.js";
import { makeRepo, person, type TestRepo } from "../helpers/gitrepo.js";

const ADA = person("Ada");
const config = parseConfig("", "legible.yaml").config;

let repo: TestRepo;
let both = "";
let docsOnly = "";
let gitlabOnly = "";
let none = "";

beforeAll(() => {
  repo = makeRepo();
  both = repo.commit({
    author: ADA,
    date: "2024-01-10T10:00:00Z",
    files: { CODEOWNERS: "* @root\n", "docs/CODEOWNERS": "* @docs\n", "src/a.ts": "a\n" },
  });
  docsOnly = repo.commit({
    author: ADA,
    date: "2024-01-11T10:00:00Z",
    files: { CODEOWNERS: null },
  });
  gitlabOnly = repo.commit({
    author: ADA,
    date: "2024-01-12T10:00:00Z",
    files: { "docs/CODEOWNERS": null, ".gitlab/CODEOWNERS": "[Backend]\n* @lab\n" },
  });
  none = repo.commit({
    author: ADA,
    date: "2024-01-13T10:00:00Z",
    files: { ".gitlab/CODEOWNERS": null, "docs/CODEOWNERS/readme.md": "a folder, not the file\n" },
  });
});

afterAll(() => repo.cleanup());

describe("reading CODEOWNERS at a commit", () => {
  it("takes the first place that holds the file, with that place's dialect", async () => {
    const at = async (commit: string) => {
      const loaded = await readCodeowners({ path: repo.dir }, commit, config);
      return loaded.file && { path: loaded.file.path, dialect: loaded.file.dialect };
    };
    expect(await at(both)).toEqual({ path: "CODEOWNERS", dialect: "github" });
    expect(await at(docsOnly)).toEqual({ path: "docs/CODEOWNERS", dialect: "github" });
    expect(await at(gitlabOnly)).toEqual({ path: ".gitlab/CODEOWNERS", dialect: "gitlab" });
    const missing = await readCodeowners({ path: repo.dir }, none, config);
    expect(missing.file).toBeNull();
    expect(missing.searched).toEqual([
      ".github/CODEOWNERS",
      "CODEOWNERS",
      "docs/CODEOWNERS",
      ".gitlab/CODEOWNERS",
    ]);
  });
});
