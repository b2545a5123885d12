import { describe, expect, it } from "vitest";
import {
  type Contribution,
  classifyContributions,
  DEFAULT_LEVERAGE_RULES,
  type LeverageRule,
} from "../../../src/core/leverage/index.js";
import { aContribution, cls } from "./builders.js";

function leverageOf(
  contribution: Parameters<typeof aContribution>[0],
  rules = DEFAULT_LEVERAGE_RULES,
) {
  const [result] = classifyContributions([aContribution(contribution)], rules);
  return result?.leverage;
}

const rule = (
  id: string,
  type: LeverageRule["type"],
  when: LeverageRule["when"],
): LeverageRule => ({
  id,
  type,
  description: id,
  when,
});

describe("classifyContributions with the defaults", () => {
  it("keeps the contribution and gives code with tests execution and capability", () => {
    const commit = aContribution({ paths: ["src/api/user.ts", "src/api/user.test.ts"] });
    expect(classifyContributions([commit], DEFAULT_LEVERAGE_RULES)).toEqual([
      {
        ...commit,
        leverage: [
          cls(
            "execution",
            "execution.code",
            "changes src/api/user.ts, outside **/docs/**, **/doc/** and 39 more globs",
          ),
          cls("capability", "capability.tests", "changes src/api/user.test.ts (path **/*.test.*)"),
        ],
      },
    ]);
  });

  it("gives a runbook-only change capability and no execution; runbooks win over docs", () => {
    expect(leverageOf({ paths: ["docs/runbooks/db.md"], conventionalType: "docs" })).toEqual([
      cls("capability", "capability.runbooks", "changes docs/runbooks/db.md (path **/runbooks/**)"),
    ]);
  });

  it("gives a decision record that states its tradeoff decision and strategic", () => {
    const record: Partial<Contribution> = {
      kind: "decision",
      paths: ["docs/decisions/0007-queue.md"],
      statesTradeoff: true,
    };
    expect(leverageOf(record)).toEqual([
      cls("decision", "decision.record", "is a decision record"),
      cls("strategic", "strategic.tradeoff", "states its tradeoff in business terms"),
    ]);
  });

  it("gives an incident response coordination only", () => {
    expect(leverageOf({ kind: "incident-response", paths: [], conventionalType: null })).toEqual([
      cls("coordination", "coordination.incident-response", "is an incident response"),
    ]);
  });

  it("gives a cross-team review coordination and capability", () => {
    const review: Partial<Contribution> = {
      kind: "review",
      teamsReached: ["payments"],
      reviewOf: { author: "bo" },
    };
    expect(leverageOf(review)).toEqual([
      cls("coordination", "coordination.cross-team", "reaches team payments beyond own team core"),
      cls("capability", "capability.review", "is a review"),
    ]);
  });

  it("shows the dependency upgrade rule ahead of the general cross-team rule", () => {
    const upgrade: Partial<Contribution> = {
      kind: "pull-request",
      title: "build: bump zod",
      conventionalType: "build",
      paths: ["package.json"],
      teamsReached: ["payments"],
      labels: ["OKR"],
    };
    expect(leverageOf(upgrade)).toEqual([
      cls(
        "execution",
        "execution.code",
        "changes package.json, outside **/docs/**, **/doc/** and 39 more globs",
      ),
      cls(
        "coordination",
        "coordination.dependency-upgrade",
        "changes package.json (path **/package.json), reaches team payments beyond own team core",
      ),
      cls("capability", "capability.conventional", 'conventional type "build"'),
      cls("strategic", "strategic.label", 'label "OKR"'),
    ]);
  });
});

describe("classifyContributions semantics", () => {
  it("lets the first matching rule per type win and lists types in LEVERAGE_TYPES order", () => {
    const rules = [
      rule("s", "strategic", {}),
      rule("c1", "capability", { labels: ["mentoring"] }),
      rule("c2", "capability", {}),
      rule("e", "execution", { kinds: ["commit"] }),
    ];
    expect(leverageOf({ labels: ["Mentoring"] }, rules)).toEqual([
      cls("execution", "e", "is a commit"),
      cls("capability", "c1", 'label "Mentoring"'),
      cls("strategic", "s", "matches every contribution"),
    ]);
    expect(leverageOf({}, rules)?.map((c) => c.rule)).toEqual(["e", "c2", "s"]);
  });

  it("falls back by kind when no rule matches", () => {
    const rules = [rule("never", "strategic", { labels: ["x"] })];
    const kinds = ["commit", "pull-request", "review", "decision", "incident-response"] as const;
    expect(kinds.map((kind) => leverageOf({ kind }, rules))).toEqual([
      [cls("execution", "fallback", "no rule matched; a commit counts as execution by default")],
      [
        cls(
          "execution",
          "fallback",
          "no rule matched; a pull request counts as execution by default",
        ),
      ],
      [cls("capability", "fallback", "no rule matched; a review counts as capability by default")],
      [
        cls(
          "decision",
          "fallback",
          "no rule matched; a decision record counts as decision by default",
        ),
      ],
      [
        cls(
          "coordination",
          "fallback",
          "no rule matched; an incident response counts as coordination by default",
        ),
      ],
    ]);
  });

  it("requires every path for allPaths, and at least one path", () => {
    const rules = [rule("docs-only", "capability", { paths: ["docs/**"], allPaths: true })];
    expect(leverageOf({ paths: ["docs/a.md", "docs/b.md"] }, rules)).toEqual([
      cls(
        "capability",
        "docs-only",
        "changes only matching files (2), e.g. docs/a.md (path docs/**)",
      ),
    ]);
    expect(leverageOf({ kind: "review", paths: ["docs/a.md"] }, rules)).toEqual([
      cls("capability", "docs-only", "reviews only docs/a.md (path docs/**)"),
    ]);
    expect(leverageOf({ paths: ["docs/a.md", "src/a.ts"] }, rules)?.[0]?.rule).toBe("fallback");
    expect(leverageOf({ paths: [] }, rules)?.[0]?.rule).toBe("fallback");
  });

  it("states the fact that made an unless condition fail", () => {
    const rules = [
      rule("not-docs-fix", "execution", {
        unless: { conventionalTypes: ["docs"], paths: ["docs/**"] },
      }),
    ];
    expect(leverageOf({ conventionalType: "fix" }, rules)).toEqual([
      cls("execution", "not-docs-fix", 'conventional type "fix"'),
    ]);
    expect(leverageOf({ conventionalType: "docs", paths: ["a.ts", "b.ts"] }, rules)).toEqual([
      cls("execution", "not-docs-fix", "changes 2 files, none matching docs/**"),
    ]);
    expect(leverageOf({ conventionalType: "docs", paths: ["docs/a.md"] }, rules)?.[0]?.rule).toBe(
      "fallback",
    );
  });

  it("evaluates false conditions and joins facts paths first", () => {
    const rules = [
      rule("solo-in-team", "execution", {
        crossTeam: false,
        coAuthored: false,
        statesTradeoff: false,
        minAreas: 1,
        titleMatches: "^feat",
        paths: ["src/**"],
      }),
    ];
    expect(leverageOf({}, rules)).toEqual([
      cls(
        "execution",
        "solo-in-team",
        'changes src/api/user.ts (path src/**), title "feat: add users endpoint" matches /^feat/i, touches 1 area (at least 1), stays within own team core, not co-authored, states no tradeoff in business terms',
      ),
    ]);
    expect(leverageOf({ coAuthors: ["bo"] }, rules)?.[0]?.rule).toBe("fallback");
    expect(leverageOf({ teamsReached: ["core", "search"] }, rules)?.[0]?.rule).toBe("fallback");
    expect(leverageOf({ ownTeam: null }, rules)?.[0]?.rule).toBe("solo-in-team");
  });

  it("throws naming the rule when titleMatches is not a regular expression", () => {
    expect(() =>
      classifyContributions([], [rule("bad", "execution", { titleMatches: "(" })]),
    ).toThrow(/^rule bad: when\.titleMatches: not a valid regular expression/);
  });
});
