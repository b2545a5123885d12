import { describe, expect, it } from "vitest";
import {
  inferLeverage,
  LEVERAGE_KEYWORD_RULES,
  leverageKeywordMatches,
} from "../../../src/core/ladder/leverage-keywords.js";
import { LEVERAGE_TYPES } from "../../../src/core/model.js";

describe("leverage keyword rules", () => {
  it("has one rule per leverage type", () => {
    expect(LEVERAGE_KEYWORD_RULES.map((rule) => rule.leverage)).toEqual([...LEVERAGE_TYPES]);
  });

  it.each([
    ["Makes pragmatic trade-offs", ["decision"]],
    ["Decides when to stop", ["decision"]],
    ["Leads cross-team migrations", ["coordination"]],
    ["Removes dependencies between squads", ["coordination"]],
    ["Works across teams", ["coordination"]],
    ["Writes runbooks and documentation", ["capability"]],
    ["Writes well-tested modules", ["capability"]],
    ["Pairs with and mentors new joiners", ["capability"]],
    ["Frames work in terms of customer outcomes and cost", ["strategic"]],
    ["Strategically aligns actions", ["strategic"]],
    ["Ships and delivers features", ["execution"]],
    ["Implements the codebase changes", ["execution"]],
  ])("%s → %j", (text, expected) => {
    expect(inferLeverage(text)).toEqual(expected);
  });

  it("matches stems at the start of a word only", () => {
    expect(inferLeverage("Uses the latest contest results to repair leadership")).toEqual([]);
  });

  it("adds the base types and keeps the order of LEVERAGE_TYPES, without repeats", () => {
    expect(inferLeverage("Business decisions in code review", ["strategic", "decision"])).toEqual([
      "execution",
      "decision",
      "capability",
      "strategic",
    ]);
  });

  it("says which word matched which rule", () => {
    expect(
      leverageKeywordMatches("Co-ordinates complex deployments and database migrations"),
    ).toEqual([
      { leverage: "coordination", stem: "migration", word: "migrations" },
      { leverage: "coordination", stem: "co-ordinat", word: "Co-ordinates" },
    ]);
  });
});
