import { describe, expect, it } from "vitest";
import {
  DEFAULT_LEVERAGE_RULES,
  type LeverageRule,
  mergeRules,
  validateRules,
} from "../../../src/core/leverage/index.js";

const rule = (id: string, type: LeverageRule["type"] = "capability"): LeverageRule => ({
  id,
  type,
  description: `rule ${id}`,
  when: { labels: [id] },
});

describe("mergeRules", () => {
  const defaults = [rule("a", "execution"), rule("b"), rule("c", "strategic")];

  it("overrides by id in place, appends new rules and disables by id", () => {
    const b2 = { ...rule("b"), description: "mine" };
    expect(mergeRules(defaults, { rules: [rule("d"), b2], disable: ["c"] })).toEqual([
      rule("a", "execution"),
      b2,
      rule("d"),
    ]);
  });

  it("disables added rules too, and leaves the inputs alone", () => {
    const added = [rule("d")];
    expect(mergeRules(defaults, { rules: added, disable: ["d", "a", "unknown"] })).toEqual([
      rule("b"),
      rule("c", "strategic"),
    ]);
    expect(defaults.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(added).toEqual([rule("d")]);
  });

  it("returns the defaults unchanged without overrides", () => {
    expect(mergeRules(DEFAULT_LEVERAGE_RULES, {})).toEqual(DEFAULT_LEVERAGE_RULES);
  });
});

describe("validateRules", () => {
  it("keeps valid rules, including nested unless conditions", () => {
    const valid = [
      {
        id: "capability.mentoring",
        type: "capability",
        description: "Mentoring labels.",
        when: { kinds: ["pull-request"], labels: ["mentoring"], unless: { minAreas: 3 } },
      },
    ];
    expect(validateRules(valid)).toEqual({ rules: valid, errors: [] });
  });

  it("rejects something that is not a list", () => {
    expect(validateRules({ id: "x" })).toEqual({
      rules: [],
      errors: ["rules: expected a list of rules"],
    });
  });

  it("names the rule index, id and field of every problem, and drops invalid rules", () => {
    const good = { id: "ok", type: "strategic", description: "", when: {} };
    const result = validateRules([
      "docs",
      { id: "", type: "capability", description: "d", when: {} },
      { id: "x", type: "heroics", when: [], colour: "red" },
      {
        id: "y",
        type: "capability",
        description: "d",
        when: {
          kinds: ["commit", "merge"],
          paths: [],
          labels: ["ok", 3],
          allPaths: "yes",
          titleMatches: "(",
          minAreas: 0,
          crossTeam: 1,
          owner: "me",
        },
      },
      { id: "z", type: "decision", description: "d", when: { allPaths: true, minAreas: 1.5 } },
      { id: "n", type: "decision", description: "d", when: { unless: { kinds: "review" } } },
      good,
      { ...good, description: "again" },
    ]);
    expect(result.rules).toEqual([good]);
    expect(result.errors).toEqual([
      "rules[0]: expected a rule object with id, type, description and when",
      "rules[1]: id: expected a non-empty string",
      'rules[2] (x): unknown field "colour" (known: id, type, description, when)',
      'rules[2] (x): type: "heroics" is not a leverage type (execution, decision, coordination, capability, strategic)',
      "rules[2] (x): description: expected a string",
      "rules[2] (x): when: expected an object of conditions",
      'rules[3] (y): when: unknown condition "owner" (known: kinds, paths, conventionalTypes, labels, allPaths, crossTeam, coAuthored, statesTradeoff, titleMatches, minAreas, unless)',
      'rules[3] (y): when.kinds[1]: "merge" is not a contribution kind (commit, pull-request, review, decision, incident-response, help)',
      "rules[3] (y): when.paths: expected a non-empty list, got []",
      "rules[3] (y): when.labels[1]: expected a non-empty string, got 3",
      'rules[3] (y): when.allPaths: expected true or false, got "yes"',
      "rules[3] (y): when.crossTeam: expected true or false, got 1",
      expect.stringMatching(
        /^rules\[3\] \(y\): when\.titleMatches: not a valid regular expression: /,
      ),
      "rules[3] (y): when.minAreas: expected a whole number of at least 1, got 0",
      "rules[4] (z): when.allPaths: needs when.paths",
      "rules[4] (z): when.minAreas: expected a whole number of at least 1, got 1.5",
      'rules[5] (n): when.unless.kinds: expected a non-empty list, got "review"',
      'rules[7] (ok): id: "ok" is already used by rules[6]',
    ]);
  });
});
