import { describe, expect, it } from "vitest";
import {
  criteriaFor,
  levelsOnTrack,
  peerLevel,
  validateLadder,
} from "../../../src/core/ladder/model.js";
import { isLegibleError } from "../../../src/errors.js";
import { parseFinancialTimesLadder } from "../../../src/sources/ladders/ft.js";
import { describeWithFixtures, FT_FILE, readFixture } from "./fixtures.js";

describeWithFixtures("parseFinancialTimesLadder on the real engineering.yml", () => {
  const ladder = () => parseFinancialTimesLadder(readFixture(FT_FILE), FT_FILE);

  it("reads a ladder that validates", () => {
    const ft = ladder();
    expect(ft).toMatchObject({
      id: "financial-times-engineering",
      name: "Engineering",
      source: "financial-times",
    });
    expect(validateLadder(ft)).toEqual([]);
  });

  it("reads the eight levels in order, IC and people-manager variants as peers", () => {
    const levels = ladder().levels.map(({ id, track, rank }) => [id, track, rank]);
    expect(levels).toEqual([
      ["junior", "shared", 1],
      ["engineer", "shared", 2],
      ["senior-1", "shared", 3],
      ["senior-2-ic", "ic", 4],
      ["senior-2-pm", "manager", 4],
      ["principal-ic", "ic", 5],
      ["principal-pm", "manager", 5],
      ["tech-director", "shared", 6],
    ]);
    const ft = ladder();
    expect(ft.levels.find((level) => level.id === "principal-pm")?.name).toBe(
      "Principal Engineer (People Manager)",
    );
    expect(ft.levels.every((level) => level.scope === null)).toBe(true);
    expect(peerLevel(ft, "senior-2-ic", "manager")?.id).toBe("senior-2-pm");
    expect(peerLevel(ft, "principal-pm", "ic")?.id).toBe("principal-ic");
    expect(levelsOnTrack(ft, "manager").map((level) => level.id)).toEqual([
      "junior",
      "engineer",
      "senior-1",
      "senior-2-pm",
      "principal-pm",
      "tech-director",
    ]);
  });

  it("reads the nine themes with their summaries, leverage from their words", () => {
    const themes = ladder().themes;
    expect(themes.map((theme) => theme.id)).toEqual([
      "planning-organising",
      "independent-working",
      "problem-solving-decision-making",
      "business-impact",
      "communication",
      "team-work",
      "curiosity-learning",
      "leadership",
      "technical",
    ]);
    const decisions = themes.find((theme) => theme.id === "problem-solving-decision-making");
    expect(decisions).toEqual({
      id: "problem-solving-decision-making",
      name: "Problem Solving & Decision Making",
      summary:
        "Makes well-judged and timely decisions, identifies problems, and creates effective solutions.",
      leverage: ["decision"],
    });
    expect(themes.find((theme) => theme.id === "business-impact")?.leverage).toEqual(["strategic"]);
    // A summary wrapped over several lines reads as one paragraph.
    expect(themes.find((theme) => theme.id === "planning-organising")?.summary).toBe(
      "Effectively manages activities within the available people, resources and keeps to expected or communicated timelines. Includes contributing to task break-down and estimating.",
    );
  });

  it("turns the 72 competencies into criteria, one per item of a numbered list", () => {
    const ft = ladder();
    expect(ft.criteria).toHaveLength(92);
    expect(ft.criteria.find((c) => c.id === "8c647db4-b7b2-4fdf-83c2-028a8219a890")).toEqual({
      id: "8c647db4-b7b2-4fdf-83c2-028a8219a890",
      theme: "problem-solving-decision-making",
      level: "engineer",
      text: "Makes pragmatic decisions and independently resolves complex bugs.",
      examples: [],
      leverage: ["decision"],
    });
    const technical = ft.criteria.filter((c) =>
      c.id.startsWith("1ce54b83-4e0a-4f88-b9db-e2a99ff3ec53"),
    );
    expect(technical.map((c) => [c.id.slice(-2), c.level, c.theme])).toEqual([
      [".1", "engineer", "technical"],
      [".2", "engineer", "technical"],
      [".3", "engineer", "technical"],
      [".4", "engineer", "technical"],
    ]);
    expect(technical[2]?.text).toBe(
      "Contributes to troubleshooting and resolving production incidents in their area.",
    );
    expect(criteriaFor(ft, "principal-ic").filter((c) => c.theme === "technical")).toHaveLength(5);
  });

  it("adds the leverage the words of a criterion suggest, and drops zero-width spaces", () => {
    const ft = ladder();
    const byId = (id: string) => ft.criteria.find((c) => c.id === id);
    // "Writes well-tested code and documentation ..." (junior, technical item 1)
    expect(byId("5d6ccb96-2cf8-4aec-bfe3-3fa4ceae1119.1")?.leverage).toEqual([
      "execution",
      "capability",
    ]);
    // senior-2-ic planning: "Translates complex business requirements ... Makes pragmatic
    // trade-offs that balance delivery speed and technical debt, ... the FT's strategic priorities."
    expect(byId("882dacde-aa8b-4b28-86b3-e4c1d029739e")?.leverage).toEqual([
      "execution",
      "decision",
      "strategic",
    ]);
    const teamWork = byId("cecac595-d72d-423c-9081-eed774fff3b0")?.text ?? "";
    expect(teamWork).toContain("a positive team environment. Provides clear");
    expect(ft.criteria.some((c) => c.text.includes("\u200B"))).toBe(false);
  });

  it("gives a manager level the shared levels below it when cumulative", () => {
    const ft = ladder();
    const levels = new Set(
      criteriaFor(ft, "senior-2-pm", { cumulative: true }).map((c) => c.level),
    );
    expect([...levels]).toEqual(["junior", "engineer", "senior-1", "senior-2-pm"]);
  });
});

/** The error message of a parse, or a failure when it parses. */
function errorOf(text: string, source = "ladders/eng.yml"): string {
  try {
    parseFinancialTimesLadder(text, source);
  } catch (error) {
    if (isLegibleError(error)) return error.message;
    throw error;
  }
  throw new Error("expected an error");
}

const VALID = `name: Engineering
levels:
  - id: junior
    name: Junior
  - id: senior-ic
    name: Senior (IC)
  - id: senior-pm
    name: Senior (PM)
themes:
  - id: tech
    name: Technical
    summary: Builds things.
competencies:
  - id: c1
    level: junior
    theme: tech
    summary: |
      Ships small changes.
`;

describe("parseFinancialTimesLadder on broken files: the file, the line, what was expected", () => {
  it("reads a small valid file", () => {
    const ladder = parseFinancialTimesLadder(VALID, "eng.yml");
    expect(ladder.levels.map((level) => [level.id, level.track, level.rank])).toEqual([
      ["junior", "shared", 1],
      ["senior-ic", "ic", 2],
      ["senior-pm", "manager", 2],
    ]);
    expect(ladder.criteria).toEqual([
      {
        id: "c1",
        theme: "tech",
        level: "junior",
        text: "Ships small changes.",
        examples: [],
        leverage: ["execution"],
      },
    ]);
  });

  it("names the line of a YAML error", () => {
    const repeated = VALID.replace(
      "    name: Senior (IC)",
      "    name: Senior (IC)\n    name: again",
    );
    expect(errorOf(repeated)).toBe("ladders/eng.yml:7: not valid YAML: Map keys must be unique");
    const unclosed = VALID.replace("    name: Senior (IC)", "    name: [Senior (IC)");
    expect(errorOf(unclosed)).toMatch(/^ladders\/eng\.yml:[67]: not valid YAML: Flow sequence/);
  });

  it("names the line of a competency's unknown level and the levels expected", () => {
    const text = VALID.replace("    level: junior", "    level: staff");
    expect(errorOf(text)).toBe(
      "ladders/eng.yml:15: competency 'c1': unknown level 'staff': expected one of junior, senior-ic, senior-pm",
    );
  });

  it("names the line of a competency's unknown theme", () => {
    const text = VALID.replace("    theme: tech", "    theme: craft");
    expect(errorOf(text)).toBe(
      "ladders/eng.yml:16: competency 'c1': unknown theme 'craft': expected one of tech",
    );
  });

  it("names the line of a level without a name", () => {
    const text = VALID.replace("    name: Senior (PM)\n", "");
    expect(errorOf(text)).toBe("ladders/eng.yml:7: level 'senior-pm': expected a string 'name'");
  });

  it("names the line of a competency without a summary", () => {
    const text = VALID.replace("    summary: |\n      Ships small changes.\n", "    summary:\n");
    expect(errorOf(text)).toBe("ladders/eng.yml:17: competency 'c1': expected a string 'summary'");
  });

  it("names the line of a duplicate level id", () => {
    const text = VALID.replace("  - id: senior-pm", "  - id: senior-ic");
    expect(errorOf(text)).toBe("ladders/eng.yml:7: level 'senior-ic': duplicate level id");
  });

  it("says what it expected when levels is not a list or is missing", () => {
    expect(errorOf("name: x\nlevels: none\nthemes: []\ncompetencies: []\n")).toBe(
      "ladders/eng.yml:2: 'levels': expected a list, found 'none'",
    );
    expect(errorOf("name: x\nthemes: []\n")).toBe(
      "ladders/eng.yml:1: 'levels': expected a list, found nothing",
    );
    expect(errorOf("- just\n- a list\n")).toBe(
      "ladders/eng.yml:1: the top level (name, levels, themes, competencies): expected a mapping, found a list",
    );
  });
});

/** Modelled on `engineering-v1.yml` and `operations.yml`: competencies with examples. */
const WITH_EXAMPLES = `name: Operations
summary: >
  Competencies for System Engineers.
isLegacy: true
levels:
  - id: engineer
    name: Engineer
  - id: senior-1
    name: Senior Engineer 1
themes:
  - id: technical
    name: Technical
competencies:
  - id: 06e32fac-1368-47fb-b6ef-261d58662ba8
    summary: Supports systems and performs technical processes
    examples:
      - Supports systems consistently and follows processes without help
      - "Git example: is able to clone a repo, check out a branch"
    supportingUrls: []
    level: engineer
    theme: technical
    proficiency: Working knowledge
  - id: 655e2933-b58e-488b-9683-a0b191a37788
    summary: Implements automated tests with help
    examples: []
    supportingUrls: []
    level: engineer
    theme: technical
  - id: 9b1c
    summary: |
      1. Designs systems
      2. Reviews designs
    examples:
      - Led the queue redesign
    level: senior-1
    theme: technical
`;

describe("parseFinancialTimesLadder keeps the examples of a competency", () => {
  it("reads each example as written, none for an empty list", () => {
    const ladder = parseFinancialTimesLadder(WITH_EXAMPLES, "operations.yml");
    expect(ladder.criteria.map((c) => [c.id, c.examples])).toEqual([
      [
        "06e32fac-1368-47fb-b6ef-261d58662ba8",
        [
          "Supports systems consistently and follows processes without help",
          "Git example: is able to clone a repo, check out a branch",
        ],
      ],
      ["655e2933-b58e-488b-9683-a0b191a37788", []],
      ["9b1c.1", ["Led the queue redesign"]],
      ["9b1c.2", ["Led the queue redesign"]],
    ]);
    expect(validateLadder(ladder)).toEqual([]);
  });

  it("names the line of examples that are not a list of texts", () => {
    expect(errorOf(WITH_EXAMPLES.replace("    examples: []", "    examples: none"))).toBe(
      "ladders/eng.yml:25: competency '655e2933-b58e-488b-9683-a0b191a37788': 'examples': expected a list, found 'none'",
    );
    expect(
      errorOf(WITH_EXAMPLES.replace("      - Led the queue redesign", "      - { what: x }")),
    ).toBe("ladders/eng.yml:34: competency '9b1c': example 1: expected text, found a mapping");
  });
});
