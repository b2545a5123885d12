import { describe, expect, it } from "vitest";
import {
  compilePathPatterns,
  type PatternSource,
} from "../../../src/sources/files/path-patterns.js";

const compile = (...patterns: (string | PatternSource)[]) => {
  const tests = compilePathPatterns(
    patterns.map((pattern) =>
      typeof pattern === "string" ? { source: pattern, flags: "m" } : pattern,
    ),
  );
  return { tests, matches: (path: string) => tests.some((test) => test(path)) };
};

describe("compilePathPatterns", () => {
  it("groups patterns by anchoring and flags", () => {
    const { tests } = compile("(^|/)a/", "(?:^|\\/)b/", "^c/", "d$", { source: "e", flags: "im" });
    expect(tests).toHaveLength(4); // segment, start, anywhere, anywhere+i
  });

  it("matches segment-anchored patterns only at the start or after a slash", () => {
    const { matches } = compile("(^|/)cache/");
    expect(matches("cache/x")).toBe(true);
    expect(matches("src/cache/x")).toBe(true);
    expect(matches("src/mycache/x")).toBe(false);
  });

  it("matches start-anchored patterns only at the start (or a line start, as in Ruby)", () => {
    const { matches } = compile("^deps/");
    expect(matches("deps/a.c")).toBe(true);
    expect(matches("src/deps/a.c")).toBe(false);
    expect(matches("odd\ndeps/a.c")).toBe(true);
    const { matches: stringStart } = compile({ source: "^deps/", flags: "" }); // from \A
    expect(stringStart("odd\ndeps/a.c")).toBe(false);
  });

  it("honours $ as a line end for paths with a newline", () => {
    const { matches } = compile("(^|/)configure$");
    expect(matches("configure")).toBe(true);
    expect(matches("configure.ac")).toBe(false);
    expect(matches("a/configure\nb")).toBe(true);
  });

  it("keeps a pattern with a top-level | or an optional prefix intact", () => {
    const { matches } = compile("^x/|y$", "(^|/)?z/");
    expect(matches("x/a")).toBe(true);
    expect(matches("a/x/b")).toBe(false);
    expect(matches("ay")).toBe(true);
    expect(matches("az/q")).toBe(true);
  });

  it("drops a leading (.*)-style group without changing what matches", () => {
    const { matches } = compile("([^\\s]*)import\\.(css|less)$", "(.*?)\\.d\\.ts$");
    expect(matches("styles/import.css")).toBe(true);
    expect(matches("styles/myimport.less")).toBe(true);
    expect(matches("styles/import.css.bak")).toBe(false);
    expect(matches("types/index.d.ts")).toBe(true);
    expect(matches("types/index.ts")).toBe(false);
  });

  it("keeps patterns with back-references on their own", () => {
    const { tests, matches } = compile("(^|/)(a)\\2/", "(^|/)b/");
    expect(tests).toHaveLength(2);
    expect(matches("x/aa/y")).toBe(true);
    expect(matches("x/ab/y")).toBe(false);
    expect(matches("b/")).toBe(true);
  });
});
