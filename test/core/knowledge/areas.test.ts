import { describe, expect, it } from "vitest";
import { areasOf } from "../../../src/core/knowledge/areas.js";

const files = [
  "README.md",
  "src/index.ts",
  "src/core/model.ts",
  "src/core/knowledge/doa.ts",
  "src/cli/main.ts",
  "docs/guide/intro/start.md",
];

function summary(areas: ReturnType<typeof areasOf>) {
  return Object.fromEntries(
    [...areas.values()].map(({ spec, files }) => [`${spec.kind} ${spec.id} ${spec.label}`, files]),
  );
}

describe("areasOf", () => {
  it("makes the repository and every directory down to the depth", () => {
    expect(summary(areasOf(files, { depth: 2, components: [] }))).toEqual({
      "repository . repository": files,
      "directory docs docs": ["docs/guide/intro/start.md"],
      "directory docs/guide docs/guide": ["docs/guide/intro/start.md"],
      "directory src src": [
        "src/index.ts",
        "src/core/model.ts",
        "src/core/knowledge/doa.ts",
        "src/cli/main.ts",
      ],
      "directory src/cli src/cli": ["src/cli/main.ts"],
      "directory src/core src/core": ["src/core/model.ts", "src/core/knowledge/doa.ts"],
    });
  });

  it("orders the repository first, then directories by id", () => {
    expect([...areasOf(files, { depth: 3, components: [] }).keys()]).toEqual([
      ".",
      "docs",
      "docs/guide",
      "docs/guide/intro",
      "src",
      "src/cli",
      "src/core",
      "src/core/knowledge",
    ]);
  });

  it("keeps root files in the repository area only", () => {
    const areas = areasOf(["README.md", "package.json"], { depth: 3, components: [] });
    expect([...areas.keys()]).toEqual(["."]);
  });

  it("makes no directory areas at depth 0", () => {
    expect([...areasOf(files, { depth: 0, components: [] }).keys()]).toEqual(["."]);
  });

  it("adds each component after the directories, even one matching nothing", () => {
    const areas = areasOf(files, {
      depth: 1,
      components: [
        { name: "core", matches: (path) => path.startsWith("src/core/") },
        { name: "markdown", matches: (path) => path.endsWith(".md") },
        { name: "empty", matches: () => false },
      ],
    });
    expect([...areas.keys()]).toEqual([
      ".",
      "docs",
      "src",
      "component:core",
      "component:markdown",
      "component:empty",
    ]);
    expect(areas.get("component:markdown")).toEqual({
      spec: { id: "component:markdown", kind: "component", label: "markdown" },
      files: ["README.md", "docs/guide/intro/start.md"],
    });
    expect(areas.get("component:empty")?.files).toEqual([]);
  });
});
