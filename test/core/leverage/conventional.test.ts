import { describe, expect, it } from "vitest";
import { conventionalTypeOf } from "../../../src/core/leverage/index.js";

describe("conventionalTypeOf", () => {
  it("reads the type of type(scope)!: subjects, lower-cased", () => {
    expect(
      [
        "feat: add users",
        "fix(api): null check",
        "refactor!: drop v1",
        "Docs(readme)!: rewrite",
        "  ci: cache npm",
        "build(deps-dev): bump vitest",
      ].map(conventionalTypeOf),
    ).toEqual(["feat", "fix", "refactor", "docs", "ci", "build"]);
  });

  it("returns null for other subjects", () => {
    expect(
      ["Add users", "fix:", "WIP fix: thing", "feat(api: broken", "Merge branch 'main'", ""].map(
        conventionalTypeOf,
      ),
    ).toEqual([null, null, null, null, null, null]);
  });
});
