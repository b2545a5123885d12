import { describe, expect, it } from "vitest";
import {
  linguistOverridesFor,
  parseLinguistAttributes,
} from "../../../src/sources/files/gitattributes.js";

const overrides = (text: string, path: string) =>
  linguistOverridesFor(parseLinguistAttributes(text), path);

describe("parseLinguistAttributes", () => {
  it("keeps only lines that mention linguist attributes, with their line numbers", () => {
    const text = [
      "# comment",
      "* text=auto",
      "",
      "gen/** linguist-generated",
      "[attr]vendoredlib linguist-vendored",
      "*.png binary",
      "docs/** -linguist-documentation linguist-vendored=false",
    ].join("\n");
    const rules = parseLinguistAttributes(text);
    expect(rules.map((rule) => [rule.line, rule.pattern, Object.fromEntries(rule.states)])).toEqual(
      [
        [4, "gen/**", { generated: true }],
        [7, "docs/**", { documentation: false, vendored: false }],
      ],
    );
  });

  it("reads set, unset, =false, =other and unspecified states", () => {
    const rules = parseLinguistAttributes(
      "a linguist-vendored -linguist-generated linguist-documentation=true\n" +
        "b linguist-vendored=false linguist-generated=yes !linguist-documentation\n",
    );
    expect(rules.map((rule) => Object.fromEntries(rule.states))).toEqual([
      { vendored: true, generated: false, documentation: true },
      { vendored: false, generated: true, documentation: "unspecified" },
    ]);
  });

  it("ignores negative patterns and unterminated quotes, reads quoted patterns", () => {
    const rules = parseLinguistAttributes(
      '!x linguist-vendored\n"my dir/*.js" linguist-vendored\n"broken linguist-vendored\n',
    );
    expect(rules.map((rule) => rule.pattern)).toEqual(["my dir/*.js"]);
    expect(overrides('"my dir/*.js" linguist-vendored', "my dir/a.js")).toEqual({ vendored: true });
    expect(overrides('"caf\\303\\251/*" linguist-vendored', "café/a.js")).toEqual({
      vendored: true,
    });
  });
});

describe("linguistOverridesFor (gitattributes matching)", () => {
  it("matches a slash-less pattern against the file name at any depth", () => {
    const text = "*.gen.ts linguist-generated";
    expect(overrides(text, "a.gen.ts")).toEqual({ generated: true });
    expect(overrides(text, "src/deep/b.gen.ts")).toEqual({ generated: true });
    expect(overrides(text, "src/b.ts")).toEqual({});
  });

  it("anchors a pattern with a slash at the root; * does not cross directories", () => {
    const text = "/build.js linguist-generated\nsrc/*.js linguist-vendored";
    expect(overrides(text, "build.js")).toEqual({ generated: true });
    expect(overrides(text, "tools/build.js")).toEqual({});
    expect(overrides(text, "src/a.js")).toEqual({ vendored: true });
    expect(overrides(text, "src/lib/a.js")).toEqual({});
  });

  it("matches ** across directories and never matches a directory pattern ending in /", () => {
    const text =
      "third/** linguist-vendored\nlegacy/ linguist-vendored\n**/gen/*.go linguist-generated";
    expect(overrides(text, "third/a/b/c.c")).toEqual({ vendored: true });
    expect(overrides(text, "legacy/a.c")).toEqual({});
    expect(overrides(text, "gen/a.go")).toEqual({ generated: true });
    expect(overrides(text, "x/y/gen/a.go")).toEqual({ generated: true });
  });

  it("lets the last matching line win, attribute by attribute", () => {
    const text = [
      "*.js linguist-vendored linguist-generated",
      "keep/*.js -linguist-vendored",
      "keep/reset.js !linguist-generated",
    ].join("\n");
    expect(overrides(text, "a.js")).toEqual({ vendored: true, generated: true });
    expect(overrides(text, "keep/a.js")).toEqual({ vendored: false, generated: true });
    expect(overrides(text, "keep/reset.js")).toEqual({ vendored: false });
  });

  it("is case-sensitive and matches dot files", () => {
    const text = "*.md linguist-documentation";
    expect(overrides(text, ".hidden.md")).toEqual({ documentation: true });
    expect(overrides(text, "NOTES.MD")).toEqual({});
  });
});
