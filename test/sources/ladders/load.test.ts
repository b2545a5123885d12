import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_LADDER } from "../../../src/core/ladder/default-ladder.js";
import { isLegibleError } from "../../../src/errors.js";
import { loadLadder } from "../../../src/sources/ladders/index.js";
import { describeWithFixtures, LADDER_FIXTURES } from "./fixtures.js";

const fromDisk = (path: string) => readFileSync(path, "utf8");

/** A reader over an in-memory folder, recording the paths asked for. */
function memory(files: Record<string, string>) {
  const asked: string[] = [];
  const read = (path: string) => {
    asked.push(path);
    const text = files[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
    return text;
  };
  return { read, asked };
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isLegibleError(error)) return `${error.code} ${error.message}`;
    throw error;
  }
  throw new Error("expected an error");
}

describe("loadLadder", () => {
  it("gives the default ladder for null and 'default', reading nothing", () => {
    const { read, asked } = memory({});
    expect(loadLadder(null, read, "/repo")).toBe(DEFAULT_LADDER);
    expect(loadLadder("default", read, "/repo")).toBe(DEFAULT_LADDER);
    expect(asked).toEqual([]);
  });

  it("reads a relative path from the base folder, an absolute one as it is", () => {
    const yaml =
      "name: Eng\nlevels:\n  - { id: a, name: A }\nthemes:\n  - { id: t, name: T }\ncompetencies:\n  - { id: c, level: a, theme: t, summary: Does. }\n";
    const { read, asked } = memory({ "/repo/ladders/eng.yaml": yaml, "/elsewhere/eng.yml": yaml });
    expect(loadLadder("ladders/eng.yaml", read, "/repo").source).toBe("financial-times");
    expect(loadLadder("/elsewhere/eng.yml", read, "/repo").name).toBe("Eng");
    expect(asked).toEqual(["/repo/ladders/eng.yaml", "/elsewhere/eng.yml"]);
  });

  it("names the file it cannot read, or whose format it does not know", () => {
    const { read } = memory({});
    expect(errorOf(() => loadLadder("missing.yml", read, "/repo"))).toBe(
      "BAD_INPUT /repo/missing.yml: cannot read the ladder: ENOENT",
    );
    expect(errorOf(() => loadLadder("ladder.json", read, "/repo"))).toBe(
      "BAD_INPUT /repo/ladder.json: unknown ladder format: expected 'default', a Financial Times .yml/.yaml file or a Monzo .md file",
    );
  });

  it("passes the file's path to the parser, so its errors name the file and line", () => {
    const { read } = memory({ "/repo/monzo.md": "---\ntopics: nope\n---\n" });
    expect(errorOf(() => loadLadder("monzo.md", read, "/repo"))).toBe(
      "BAD_INPUT /repo/monzo.md:2: 'topics': expected a list, found 'nope'",
    );
  });

  it("refuses a ladder that parses but does not validate, naming the file", () => {
    // A numbered summary becomes criteria c.1 and c.2; another competency is called c.1.
    const yaml = [
      "name: Eng",
      "levels: [{ id: a, name: A }]",
      "themes: [{ id: t, name: T }]",
      "competencies:",
      '  - { id: c, level: a, theme: t, summary: "1. One\\n2. Two" }',
      "  - { id: c.1, level: a, theme: t, summary: Three }",
      "",
    ].join("\n");
    const { read } = memory({ "/repo/eng.yml": yaml });
    expect(errorOf(() => loadLadder("eng.yml", read, "/repo"))).toBe(
      "BAD_INPUT /repo/eng.yml: not a usable ladder: duplicate criterion id 'c.1'",
    );
  });
});

describeWithFixtures("loadLadder on the real files", () => {
  it("picks the format from the extension", () => {
    expect(loadLadder("ft-engineering.yml", fromDisk, LADDER_FIXTURES).source).toBe(
      "financial-times",
    );
    expect(loadLadder("monzo-backend.md", fromDisk, LADDER_FIXTURES).source).toBe("monzo");
  });
});
