import { describe, expect, it } from "vitest";
import { filterFiles, type TreeEntry } from "../../../src/sources/files/index.js";

/** 20,000 paths shaped like a large repository, 2,000 of each removable kind. */
function syntheticTree(): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (let i = 0; i < 2_000; i++) {
    const dir = `packages/pkg${i % 50}/src/module${i % 7}`;
    entries.push({ path: `${dir}/file${i}.ts`, size: 1_000 + i, binary: false });
    entries.push({ path: `${dir}/util${i}.py`, size: 500, binary: false });
    entries.push({ path: `${dir}/deep/nested/path/handler${i}.go`, size: 800, binary: null });
    entries.push({
      path: `services/svc${i % 30}/internal/impl${i}.java`,
      size: null,
      binary: false,
    });
    entries.push({ path: `vendor/lib${i % 40}/file${i}.c`, size: 300, binary: false });
    entries.push({ path: `web/app${i}/package-lock.json`, size: 90_000, binary: false });
    entries.push({ path: `docs/section${i % 20}/page${i}.md`, size: 400, binary: false });
    entries.push({ path: `assets/img${i}.png`, size: 4_096, binary: true });
    entries.push({ path: `packages/pkg${i % 50}/empty${i}.ts`, size: 0, binary: false });
    entries.push({ path: `packages/pkg${i % 50}/test/gen${i}.test.ts`, size: 10, binary: false });
  }
  return entries;
}

describe("filterFiles on 20,000 paths", () => {
  it("classifies every path with the expected counts", () => {
    const entries = syntheticTree();
    expect(entries).toHaveLength(20_000);
    const options = {
      linguist: true,
      exclude: ["**/*.test.ts"],
      include: [],
      filesFrom: null,
      gitattributes: "services/** -linguist-vendored\n*.snap linguist-generated\n",
    };
    const result = filterFiles(entries, options);
    expect(result.kept).toHaveLength(8_000);
    expect(result.removed).toEqual({
      "not-in-files-from": 0,
      excluded: 2_000,
      vendored: 2_000,
      generated: 2_000,
      documentation: 2_000,
      binary: 2_000,
      empty: 2_000,
    });
    expect(result.unknown).toEqual({ binary: 2_000, size: 2_000 });
    // a second snapshot reuses the compiled rules and parsed attributes
    expect(filterFiles(entries, options).kept).toEqual(result.kept);
  });
});
