import { describe, expect, it } from "vitest";
import {
  type Contribution,
  classifyContributions,
  DEFAULT_LEVERAGE_RULES,
  validateRules,
} from "../../../src/core/leverage/index.js";
import { aContribution, defaultRule } from "./builders.js";

/** The reason the rule gives alone on this contribution, or null when it does not match. */
function because(ruleId: string, contribution: Contribution): string | null {
  const rule = defaultRule(ruleId);
  const [result] = classifyContributions([contribution], [rule]);
  const classification = result?.leverage.find((c) => c.rule === ruleId);
  if (classification !== undefined) expect(classification.type).toBe(rule.type);
  return classification?.because ?? null;
}

interface Case {
  matches: Partial<Contribution>;
  because: string;
  almost: Partial<Contribution>;
}

const CASES: Record<string, Case> = {
  "execution.code": {
    matches: { paths: ["src/api/user.ts", "src/api/user.test.ts"] },
    because: "changes src/api/user.ts, outside **/docs/**, **/doc/** and 39 more globs",
    almost: { paths: ["docs/api.md", "src/api/user.test.ts", "scripts/release.sh"] },
  },
  "decision.record": {
    matches: { kind: "decision", paths: ["docs/decisions/0007-queue.md"] },
    because: "is a decision record",
    almost: { kind: "commit", paths: ["docs/decisions/0007-queue.md"] },
  },
  "decision.design-doc": {
    matches: { kind: "pull-request", paths: ["src/search.ts", "docs/design/search.md"] },
    because: "changes docs/design/search.md (path **/docs/design/**)",
    almost: { kind: "pull-request", paths: ["src/search.ts", "docs/guide/search.md"] },
  },
  "coordination.incident-response": {
    matches: { kind: "incident-response", paths: [] },
    because: "is an incident response",
    almost: { kind: "commit", title: "fix: incident 42 follow-up" },
  },
  "coordination.dependency-upgrade": {
    matches: {
      kind: "pull-request",
      paths: ["package-lock.json", "services/pay/package.json"],
      teamsReached: ["core", "payments"],
    },
    because:
      "changes package-lock.json (path **/package-lock.json), reaches team payments beyond own team core",
    almost: {
      kind: "pull-request",
      paths: ["package-lock.json", "services/pay/package.json"],
      teamsReached: ["core"],
    },
  },
  "coordination.cross-team": {
    matches: { kind: "review", teamsReached: ["payments", "search"] },
    because: "reaches teams payments, search beyond own team core",
    almost: { kind: "review", teamsReached: ["payments"], ownTeam: null },
  },
  "coordination.migration-path": {
    matches: { paths: ["db/migrations/0042_add_index.sql"] },
    because: "changes db/migrations/0042_add_index.sql (path **/*[Mm]igrat*/**)",
    almost: { paths: ["db/schema.sql"] },
  },
  "coordination.migration-title": {
    matches: { title: "Migrate billing to the new ledger" },
    because: 'title "Migrate billing to the new ledger" matches /\\bmigrat/i',
    almost: { title: "Fix the immigration form" },
  },
  "coordination.many-areas": {
    matches: { areas: ["a", "b", "c", "d", "e"] },
    because: "touches 5 areas (at least 5)",
    almost: { areas: ["a", "b", "c", "d", "d"] },
  },
  "capability.runbooks": {
    matches: { paths: ["ops/runbooks/db.md"] },
    because: "changes ops/runbooks/db.md (path **/runbooks/**)",
    almost: { paths: ["ops/handbook/db.md"] },
  },
  "capability.docs": {
    matches: { paths: ["src/api/user.ts", "docs/api.md"] },
    because: "changes docs/api.md (path **/docs/**)",
    almost: { paths: ["src/api/user.ts", "src/api/markdown.ts"] },
  },
  "capability.tests": {
    matches: { paths: ["src/api/user.ts", "src/api/user.test.ts"] },
    because: "changes src/api/user.test.ts (path **/*.test.*)",
    almost: { paths: ["src/api/testing.ts"] },
  },
  "capability.ci": {
    matches: { paths: [".github/workflows/ci.yml"] },
    because: "changes .github/workflows/ci.yml (path .github/workflows/**)",
    almost: { paths: [".github/CODEOWNERS"] },
  },
  "capability.tooling": {
    matches: { paths: ["scripts/release.sh"] },
    because: "changes scripts/release.sh (path scripts/**)",
    almost: { paths: ["src/scripts/release.ts"] },
  },
  "capability.conventional": {
    matches: { conventionalType: "docs", title: "docs(api): explain pagination" },
    because: 'conventional type "docs"',
    almost: { conventionalType: "fix", title: "fix(api): docs link" },
  },
  "capability.pairing": {
    matches: { coAuthors: ["bo", "cy"] },
    because: "co-authored with bo, cy",
    almost: { kind: "review", coAuthors: ["bo"] },
  },
  "capability.review": {
    matches: { kind: "review", reviewOf: { author: "bo" } },
    because: "is a review",
    almost: { kind: "pull-request" },
  },
  "capability.help": {
    matches: { kind: "help", title: "Mentored-by on Add d" },
    because: "is help credited in a commit trailer",
    almost: { kind: "review" },
  },
  "strategic.tradeoff": {
    matches: { kind: "decision", statesTradeoff: true },
    because: "states its tradeoff in business terms",
    almost: { kind: "decision", statesTradeoff: false },
  },
  "strategic.label": {
    matches: { kind: "pull-request", labels: ["backend", "Strategy"] },
    because: 'label "Strategy"',
    almost: { kind: "pull-request", labels: ["strategy-review"] },
  },
};

describe("DEFAULT_LEVERAGE_RULES", () => {
  it("has a case for every default rule and validates cleanly", () => {
    expect(Object.keys(CASES).sort()).toEqual(DEFAULT_LEVERAGE_RULES.map((r) => r.id).sort());
    expect(validateRules(DEFAULT_LEVERAGE_RULES)).toEqual({
      rules: DEFAULT_LEVERAGE_RULES,
      errors: [],
    });
  });

  for (const [id, testCase] of Object.entries(CASES)) {
    it(`${id} matches with the facts and not on a near miss`, () => {
      expect(because(id, aContribution(testCase.matches))).toBe(testCase.because);
      expect(because(id, aContribution(testCase.almost))).toBeNull();
    });
  }

  it("execution.code covers a change that lists no files", () => {
    expect(because("execution.code", aContribution({ kind: "pull-request", paths: [] }))).toBe(
      "lists no files",
    );
  });

  it("coordination.cross-team does not apply to a review within the own team", () => {
    const review = aContribution({ kind: "review", teamsReached: ["core"] });
    expect(because("coordination.cross-team", review)).toBeNull();
  });
});
