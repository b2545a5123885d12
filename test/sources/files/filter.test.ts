import { describe, expect, it } from "vitest";
import {
  type FileFilterOptions,
  filterFiles,
  type TreeEntry,
} from "../../../src/sources/files/index.js";

const text = (path: string, size = 100): TreeEntry => ({ path, size, binary: false });

const defaults: FileFilterOptions = {
  linguist: true,
  exclude: [],
  include: [],
  filesFrom: null,
  gitattributes: null,
};

const noneRemoved = {
  "not-in-files-from": 0,
  excluded: 0,
  vendored: 0,
  generated: 0,
  documentation: 0,
  binary: 0,
  empty: 0,
};

describe("filterFiles", () => {
  it("keeps source files and removes each Linguist class, binary and empty files", () => {
    const entries: TreeEntry[] = [
      text("src/app.ts"),
      text("lib/util.py"),
      text("vendor/foo.js"),
      text("node_modules/x/y.js"),
      text("third_party/z/z.c"),
      text("package-lock.json"),
      text("Cargo.lock"),
      text("docs/guide.md"),
      text("README.md"),
      text("CHANGELOG.md"),
      { path: "assets/logo.png", size: 2048, binary: true },
      { path: "src/empty.ts", size: 0, binary: false },
      text("go.sum"),
    ];
    const result = filterFiles(entries, defaults);
    expect(result.kept).toEqual(["go.sum", "lib/util.py", "src/app.ts"]);
    expect(result.removed).toEqual({
      ...noneRemoved,
      vendored: 3,
      generated: 2,
      documentation: 3,
      binary: 1,
      empty: 1,
    });
    expect(result.examples).toEqual({
      "not-in-files-from": [],
      excluded: [],
      vendored: ["node_modules/x/y.js", "third_party/z/z.c", "vendor/foo.js"],
      generated: ["Cargo.lock", "package-lock.json"],
      documentation: ["CHANGELOG.md", "README.md", "docs/guide.md"],
      binary: ["assets/logo.png"],
      empty: ["src/empty.ts"],
    });
    expect(result.unknown).toEqual({ binary: 0, size: 0 });
  });

  it("keeps at most five examples per rule, in path order, and sorts kept paths", () => {
    const entries = ["f", "e", "d", "c", "b", "a"].map((name) => text(`vendor/${name}.js`));
    entries.push(text("z.ts"), text("a.ts"), text("m/b.ts"));
    const result = filterFiles(entries, defaults);
    expect(result.removed.vendored).toBe(6);
    expect(result.examples.vendored).toEqual([
      "vendor/a.js",
      "vendor/b.js",
      "vendor/c.js",
      "vendor/d.js",
      "vendor/e.js",
    ]);
    expect(result.kept).toEqual(["a.ts", "m/b.ts", "z.ts"]);
  });

  it("counts each file once, under the first rule in precedence order", () => {
    const entries: TreeEntry[] = [
      { path: "vendor/blob.bin", size: 0, binary: true }, // excluded, vendored, binary, empty
      { path: "docs/_build/a.html", size: 0, binary: false }, // vendored and documentation
      { path: "docs/pic.png", size: 10, binary: true }, // documentation and binary
      { path: "src/zero.bin", size: 0, binary: true }, // binary and empty
    ];
    const result = filterFiles(entries, { ...defaults, exclude: ["vendor/**"] });
    expect(result.removed).toEqual({
      ...noneRemoved,
      excluded: 1,
      vendored: 1,
      documentation: 1,
      binary: 1,
    });
    expect(result.kept).toEqual([]);
  });

  it("lets include force-keep a file that any other rule would remove", () => {
    const entries: TreeEntry[] = [
      text("vendor/ours/lib.js"),
      text("docs/guide.md"),
      { path: "fixtures/empty.txt", size: 0, binary: false },
      { path: "fixtures/data.bin", size: 9, binary: true },
      text("src/gen/api.ts"),
      text("src/app.ts"),
    ];
    const result = filterFiles(entries, {
      ...defaults,
      include: ["vendor/ours/**", "docs/*.md", "fixtures/**", "src/gen/**"],
      exclude: ["src/gen/**"],
      gitattributes: "docs/** linguist-documentation",
    });
    expect(result.kept).toEqual([
      "docs/guide.md",
      "fixtures/data.bin",
      "fixtures/empty.txt",
      "src/app.ts",
      "src/gen/api.ts",
      "vendor/ours/lib.js",
    ]);
    expect(result.removed).toEqual(noneRemoved);
  });

  it("removes files matching exclude globs, dot files included", () => {
    const entries = [
      text("src/app.ts"),
      text("src/app.test.ts"),
      text(".config/x.ts"),
      text("a.ts"),
    ];
    const result = filterFiles(entries, {
      ...defaults,
      exclude: ["**/*.test.ts", "**/.config/**"],
    });
    expect(result.kept).toEqual(["a.ts", "src/app.ts"]);
    expect(result.removed.excluded).toBe(2);
    expect(result.examples.excluded).toEqual([".config/x.ts", "src/app.test.ts"]);
  });

  it("applies .gitattributes overrides both ways, per category", () => {
    const gitattributes = [
      "vendor/ours/** -linguist-vendored",
      "docs/** linguist-documentation=false",
      "src/gen/** linguist-generated",
      "tools/*.js linguist-vendored=true",
      "CHANGELOG.md -linguist-vendored", // unsetting vendored leaves documentation in force
    ].join("\n");
    const entries = [
      text("vendor/ours/lib.js"),
      text("vendor/theirs/lib.js"),
      text("docs/guide.md"),
      text("docs/_build/page.html"), // vendored by path, documentation unset: still vendored
      text("src/gen/api.ts"),
      text("src/app.ts"),
      text("tools/build.js"),
      text("CHANGELOG.md"),
    ];
    const result = filterFiles(entries, { ...defaults, gitattributes });
    expect(result.kept).toEqual(["docs/guide.md", "src/app.ts", "vendor/ours/lib.js"]);
    expect(result.examples.vendored).toEqual([
      "docs/_build/page.html",
      "tools/build.js",
      "vendor/theirs/lib.js",
    ]);
    expect(result.examples.generated).toEqual(["src/gen/api.ts"]);
    expect(result.examples.documentation).toEqual(["CHANGELOG.md"]);
  });

  it("classifies a path again under another .gitattributes (the path rules' answer is remembered, not the override)", () => {
    const entries = [text("vendor/ours/lib.js"), text("docs/_build/page.html"), text("src/a.ts")];
    // First without attributes: both paths match Linguist's rules and are remembered so.
    expect(filterFiles(entries, defaults).kept).toEqual(["src/a.ts"]);
    // Then the months of a trend read another .gitattributes: its overrides still apply.
    const unset = filterFiles(entries, {
      ...defaults,
      gitattributes: "vendor/ours/** -linguist-vendored\nsrc/** linguist-generated",
    });
    expect(unset.kept).toEqual(["vendor/ours/lib.js"]);
    expect(unset.examples.vendored).toEqual(["docs/_build/page.html"]);
    expect(unset.examples.generated).toEqual(["src/a.ts"]);
    // And without Linguist, nothing remembered applies.
    expect(filterFiles(entries, { ...defaults, linguist: false }).kept).toHaveLength(3);
  });

  it("reports a category set by .gitattributes before the path rules' category", () => {
    const result = filterFiles([text("vendor/notes.md")], {
      ...defaults,
      gitattributes: "vendor/*.md linguist-documentation",
    });
    expect(result.removed).toEqual({ ...noneRemoved, documentation: 1 });
  });

  it("with linguist off, keeps Linguist classes and ignores linguist-* attributes", () => {
    const entries = [text("vendor/foo.js"), text("README.md"), text("src/gen.ts")];
    const result = filterFiles(entries, {
      ...defaults,
      linguist: false,
      gitattributes: "src/gen.ts linguist-generated",
    });
    expect(result.kept).toEqual(["README.md", "src/gen.ts", "vendor/foo.js"]);
    expect(result.removed).toEqual(noneRemoved);
  });

  it("restricts to files-from before anything else, include cannot bring a file back", () => {
    const entries = [text("src/a.ts"), text("src/b.ts"), text("vendor/c.js"), text("README.md")];
    const result = filterFiles(entries, {
      ...defaults,
      filesFrom: ["src/a.ts", "vendor/c.js", "missing.ts"],
      include: ["src/**"],
    });
    expect(result.kept).toEqual(["src/a.ts"]);
    expect(result.removed).toEqual({ ...noneRemoved, "not-in-files-from": 2, vendored: 1 });
    expect(result.examples["not-in-files-from"]).toEqual(["README.md", "src/b.ts"]);
  });

  it("keeps entries with unknown binary or size flags and counts them", () => {
    const entries: TreeEntry[] = [
      { path: "a.ts", size: null, binary: null },
      { path: "b.ts", size: 10, binary: null },
      { path: "c.ts", size: null, binary: false },
      { path: "d.png", size: null, binary: true }, // binary known: size never checked
      { path: "e.ts", size: 0, binary: null }, // binary unknown, but empty
      { path: "vendor/f.js", size: null, binary: null }, // removed before either check
    ];
    const result = filterFiles(entries, defaults);
    expect(result.kept).toEqual(["a.ts", "b.ts", "c.ts"]);
    expect(result.removed).toEqual({ ...noneRemoved, vendored: 1, binary: 1, empty: 1 });
    expect(result.unknown).toEqual({ binary: 3, size: 2 });
  });

  it("considers a duplicated path once", () => {
    const result = filterFiles(
      [text("a.ts"), text("a.ts"), text("README.md"), text("README.md")],
      defaults,
    );
    expect(result.kept).toEqual(["a.ts"]);
    expect(result.removed.documentation).toBe(1);
  });
});
