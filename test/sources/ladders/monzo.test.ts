import { describe, expect, it } from "vitest";
import { criteriaFor, validateLadder } from "../../../src/core/ladder/model.js";
import { isLegibleError } from "../../../src/errors.js";
import { parseMonzoLadder } from "../../../src/sources/ladders/monzo.js";
import { describeWithFixtures, MONZO_FILE, readFixture } from "./fixtures.js";

describeWithFixtures("parseMonzoLadder on the real backend.md", () => {
  const ladder = () => parseMonzoLadder(readFixture(MONZO_FILE), MONZO_FILE);

  it("reads a ladder that validates, named after its title without the emoji", () => {
    const monzo = ladder();
    expect(monzo).toMatchObject({
      id: "monzo-engineering-backend",
      name: "Backend Engineering Framework",
      source: "monzo",
    });
    expect(validateLadder(monzo)).toEqual([]);
  });

  it("reads levels 1 to 6 on one shared track", () => {
    expect(ladder().levels).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => ({
        id: `level-${n}`,
        name: `Level ${n}`,
        track: "shared",
        rank: n,
        scope: null,
      })),
    );
  });

  it("reads the five topics as themes; an empty title falls back to the topic's name", () => {
    expect(ladder().themes.map((theme) => [theme.id, theme.name])).toEqual([
      ["communication", "Communication"],
      ["impact", "Impact"],
      ["leadership", "Leadership"],
      ["influence", "Influence"],
      ["mastery", "Mastery"],
    ]);
  });

  it("reads every criterion and example criterion, numbered per topic and level", () => {
    const monzo = ladder();
    expect(monzo.criteria).toHaveLength(135);
    const perTheme = Object.fromEntries(
      monzo.themes.map((theme) => [
        theme.id,
        monzo.criteria.filter((criterion) => criterion.theme === theme.id).length,
      ]),
    );
    expect(perTheme).toEqual({
      communication: 21,
      impact: 26,
      leadership: 21,
      influence: 19,
      mastery: 48,
    });
    expect(monzo.criteria.find((c) => c.id === "impact.4.4")).toEqual({
      id: "impact.4.4",
      theme: "impact",
      level: "level-4",
      text: "Makes pragmatic choices about taking on tech debt",
      examples: [],
      leverage: [],
    });
    // Leadership starts at level 3.
    expect(monzo.criteria.filter((c) => c.theme === "leadership").map((c) => c.level)[0]).toBe(
      "level-3",
    );
  });

  it("keeps the examples of example criteria, after the plain criteria of their level", () => {
    const monzo = ladder();
    const feedback = monzo.criteria.find((c) => c.id === "communication.2.5");
    expect(feedback).toMatchObject({
      level: "level-2",
      text: "Writes PR descriptions that provide context and provide rationale for significant decisions",
      examples: [
        "I decided to X instead of Y here, I also considered Z but for these reasons I went with X",
      ],
      leverage: ["decision"],
    });
    const security = monzo.criteria.find((c) => c.id === "mastery.3.13");
    expect(security?.text).toBe("Proactively considers security implications of their work");
    expect(security?.examples).toHaveLength(5);
    expect(security?.examples[3]).toBe(
      '"There\'s a risk here of X, Y but given Z, I think this is OK"',
    );
    expect(monzo.criteria.find((c) => c.id === "mastery.2.8")).toMatchObject({
      text: "Implements simple RPC handlers",
      examples: ["Basic CRUD handlers", "Internal/external API proxies"],
    });
  });

  it("gives a level the levels below it when cumulative", () => {
    const monzo = ladder();
    expect(criteriaFor(monzo, "level-2")).toHaveLength(21);
    expect(criteriaFor(monzo, "level-2", { cumulative: true })).toHaveLength(21 + 8);
  });
});

function errorOf(text: string, source = "frameworks/backend.md"): string {
  try {
    parseMonzoLadder(text, source);
  } catch (error) {
    if (isLegibleError(error)) return error.message;
    throw error;
  }
  throw new Error("expected an error");
}

const VALID = `---
title: "🧪 Test Framework"
levels: 3
topics:
  - name: "craft"
    title:
    content:
      - level: 1
        criteria:
          - "Writes tests"
      - level: 3
        exampleCriteria:
          - criteria: "Leads migrations"
            examples:
              - "Moved the ledger"
---
Body text that is not read.
`;

describe("parseMonzoLadder: levels as the file numbers them", () => {
  const levelsOf = (text: string) =>
    parseMonzoLadder(text, "x.md").levels.map((level) => [level.id, level.name, level.rank]);

  it("accepts a framework whose levels start at 2, as the count declared ends at the highest", () => {
    // Monzo's ops-leadership.md: 'levels: 5', topics at levels 2 to 6.
    const text = VALID.replace("levels: 3", "levels: 2")
      .replace("      - level: 1", "      - level: 2")
      .replace("      - level: 3", "      - level: 3");
    const ladder = parseMonzoLadder(text, "x.md");
    expect(levelsOf(text)).toEqual([
      ["level-2", "Level 2", 1],
      ["level-3", "Level 3", 2],
    ]);
    expect(ladder.criteria.map((c) => [c.id, c.level])).toEqual([
      ["craft.2.1", "level-2"],
      ["craft.3.1", "level-3"],
    ]);
    expect(validateLadder(ladder)).toEqual([]);
  });

  it("keeps 1..N when every level used fits it, even if the lowest has no criteria", () => {
    const text = VALID.replace("      - level: 1", "      - level: 2");
    expect(levelsOf(text)).toEqual([
      ["level-1", "Level 1", 1],
      ["level-2", "Level 2", 2],
      ["level-3", "Level 3", 3],
    ]);
  });

  it("without a declared count, runs from the lowest level used to the highest", () => {
    const text = VALID.replace("levels: 3\n", "").replace("      - level: 1", "      - level: 2");
    expect(levelsOf(text)).toEqual([
      ["level-2", "Level 2", 1],
      ["level-3", "Level 3", 2],
    ]);
    const zero = VALID.replace("levels: 3\n", "").replace("      - level: 1", "      - level: 0");
    expect(levelsOf(zero).map(([id]) => id)).toEqual(["level-0", "level-1", "level-2", "level-3"]);
  });
});

describe("parseMonzoLadder on broken files: the file, the line, what was expected", () => {
  it("reads a small valid file; levels come from the front matter's count", () => {
    const ladder = parseMonzoLadder(VALID, "x.md");
    expect(ladder.name).toBe("Test Framework");
    expect(ladder.id).toBe("monzo-test-framework");
    expect(ladder.levels.map((level) => level.id)).toEqual(["level-1", "level-2", "level-3"]);
    expect(ladder.themes).toEqual([{ id: "craft", name: "Craft", summary: null, leverage: [] }]);
    expect(ladder.criteria.map((c) => [c.id, c.level, c.text, c.examples, c.leverage])).toEqual([
      ["craft.1.1", "level-1", "Writes tests", [], ["capability"]],
      ["craft.3.1", "level-3", "Leads migrations", ["Moved the ledger"], ["coordination"]],
    ]);
  });

  it("needs front matter, closed", () => {
    expect(errorOf("# Backend\n")).toBe(
      "frameworks/backend.md:1: expected YAML front matter: a '---' line, then the framework's title, levels and topics",
    );
    expect(errorOf("---\ntitle: x\n")).toBe(
      "frameworks/backend.md:1: the front matter is not closed: expected a '---' line after it",
    );
  });

  it("names the file line (not the front matter's) of a level that fits no numbering of the declared count", () => {
    const text = VALID.replace("      - level: 3", "      - level: 4");
    expect(errorOf(text)).toBe(
      "frameworks/backend.md:11: topic 'craft': level '4': expected a level from 1 to 3, or 3 levels in a row ('levels: 3'); the topics use levels 1 to 4",
    );
    expect(errorOf(VALID.replace("      - level: 1", "      - level: one"))).toBe(
      "frameworks/backend.md:8: topic 'craft': level 'one': expected a whole number",
    );
  });

  it("names the line of an example criterion without its text", () => {
    const text = VALID.replace(
      '          - criteria: "Leads migrations"',
      '          - text: "Leads migrations"',
    );
    expect(errorOf(text)).toBe(
      "frameworks/backend.md:13: topic 'craft', level 3: example criterion 1: expected a string 'criteria'",
    );
  });

  it("names the line of a YAML syntax error inside the front matter", () => {
    const text = VALID.replace('          - "Writes tests"', '          - "Writes tests');
    expect(errorOf(text)).toMatch(/^frameworks\/backend\.md:1[0-9]: not valid YAML: /);
  });

  it("says what it expected of topics and of criteria", () => {
    expect(errorOf("---\ntitle: x\ntopics: 3\n---\n")).toBe(
      "frameworks/backend.md:3: 'topics': expected a list, found '3'",
    );
    const text = VALID.replace('          - "Writes tests"', "          - { a: 1 }");
    expect(errorOf(text)).toBe(
      "frameworks/backend.md:10: topic 'craft', level 1: a criterion: expected text, found a mapping",
    );
    expect(errorOf(VALID.replace("levels: 3", "levels: three"))).toBe(
      "frameworks/backend.md:3: 'levels': expected the number of levels (a whole number from 1), found 'three'",
    );
  });
});

describe("parseMonzoLadder on a framework written as prose", () => {
  it("says that 'yaml: false' frameworks are not read, naming the line", () => {
    // Monzo's design frameworks: no topics, the levels are Markdown sections.
    const text =
      '---\npath: "/design/user-research"\ntitle: "Research"\nyaml: false\nlevels:\n---\n## Level 1\n';
    expect(errorOf(text)).toBe(
      "frameworks/backend.md:4: 'yaml: false': this framework is written as prose, which legible does not read: expected 'topics' in the front matter (the frameworks with 'yaml: true')",
    );
  });
});
