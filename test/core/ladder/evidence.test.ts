import { describe, expect, it } from "vitest";
import { impactPacket, type LadderMapping } from "../../../src/core/impact/index.js";
import {
  criterionEvidence,
  DEFAULT_EVIDENCE,
  DEFAULT_LADDER,
  EVIDENCE_RULES,
  inferEvidence,
  type Ladder,
} from "../../../src/core/ladder/index.js";
import {
  type Contribution,
  classifyContributions,
  DEFAULT_LEVERAGE_RULES,
} from "../../../src/core/leverage/index.js";
import { aContribution } from "../leverage/builders.js";

const TEXT = {
  blocked:
    "Says early, in the ticket or pull request, when a task is blocked or bigger than expected.",
  failingTest: "Reproduces a bug with a failing test before fixing it.",
  addsTests: "Adds tests with every change, so the next person can change the code safely.",
  unhappy:
    "Tests the unhappy paths (errors, empty input, retries), not only the case in the ticket.",
  finishes:
    "Finishes well-defined tasks end to end: the change is merged and deployed, not left waiting in review.",
  docsFixed:
    "Fixes documentation that proved wrong while doing a task, in the same or the next pull request.",
};

function mapping(contributions: Contribution[], level: string, ladder = DEFAULT_LADDER) {
  const packet = impactPacket({
    person: { id: "ada", name: "Ada" },
    period: { since: 0, until: 10_000 },
    contributions: classifyContributions(contributions, DEFAULT_LEVERAGE_RULES),
    decisions: [],
    diffusion: [],
    nameOf: (id) => id,
    ladder: { ladder, level, track: "ic" },
    missing: [],
  });
  return packet.ladder as LadderMapping;
}

const byText = (ladder: LadderMapping, text: string) => {
  const found = ladder.criteria.find((c) => c.text === text);
  if (!found) throw new Error(`no criterion ${text}`);
  return found;
};

// Three test commits: capability (tests), nothing else.
const testCommits = ["t1", "t2", "t3"].map((id) =>
  aContribution({
    id,
    link: id,
    title: `test: cover case ${id}`,
    conventionalType: "test",
    paths: [`src/cart/${id}.test.ts`],
  }),
);

describe("ladder evidence by criterion", () => {
  it("a person with only test commits demonstrates the test criteria, and nothing about being blocked", () => {
    const ladder = mapping(testCommits, "engineer-1");
    const failing = byText(ladder, TEXT.failingTest);
    expect(failing).toMatchObject({
      id: "engineer-1.craft.3",
      status: "demonstrated",
      demonstrated: true,
      matched: 3,
      rules: [
        { id: "tests", description: "A change to tests." },
        { id: "test-commit", description: "A change typed `test` (conventional commits)." },
      ],
      needsWords: null,
    });
    expect(failing.evidence.map((e) => [e.id, e.rule])).toEqual([
      ["t1", "tests"],
      ["t2", "tests"],
      ["t3", "tests"],
    ]);
    expect(failing.evidence[0]!.because).toMatch(/src\/cart\/t1\.test\.ts/);
    expect(byText(ladder, TEXT.addsTests).status).toBe("demonstrated");
    expect(byText(ladder, TEXT.unhappy).status).toBe("demonstrated");

    const blocked = byText(ladder, TEXT.blocked);
    expect(blocked).toMatchObject({
      id: "engineer-1.execution.3",
      status: "needs your words",
      demonstrated: false,
      rules: [],
      evidence: [],
      matched: 0,
    });
    expect(blocked.needsWords).toMatch(/cannot show this/);

    // Records of other kinds exist in the catalogue, but none of hers match them.
    expect(byText(ladder, TEXT.finishes)).toMatchObject({
      status: "not demonstrated yet",
      evidence: [],
    });
    expect(byText(ladder, TEXT.docsFixed).status).toBe("not demonstrated yet");
  });

  it("gives each criterion of the level exactly one status, and evidence only to demonstrated ones", () => {
    const ladder = mapping(testCommits, "engineer-1");
    const statuses = Object.fromEntries(ladder.criteria.map((c) => [c.id, c.status]));
    expect(statuses).toEqual({
      "engineer-1.execution.1": "not demonstrated yet",
      "engineer-1.execution.2": "needs your words",
      "engineer-1.execution.3": "needs your words",
      "engineer-1.decision-making.1": "needs your words",
      "engineer-1.decision-making.2": "needs your words",
      "engineer-1.decision-making.3": "needs your words",
      "engineer-1.coordination.1": "needs your words",
      "engineer-1.coordination.2": "needs your words",
      "engineer-1.coordination.3": "needs your words",
      "engineer-1.capability-building.1": "not demonstrated yet",
      "engineer-1.capability-building.2": "demonstrated",
      "engineer-1.capability-building.3": "not demonstrated yet",
      "engineer-1.strategic-impact.1": "needs your words",
      "engineer-1.strategic-impact.2": "needs your words",
      "engineer-1.strategic-impact.3": "needs your words",
      "engineer-1.craft.1": "needs your words",
      "engineer-1.craft.2": "demonstrated",
      "engineer-1.craft.3": "demonstrated",
      "engineer-1.communication.1": "needs your words",
      "engineer-1.communication.2": "needs your words",
      "engineer-1.communication.3": "needs your words",
    });
  });

  it("does not cite a code commit for a test criterion because both are 'capability' or 'execution'", () => {
    const ladder = mapping(
      [aContribution({ id: "c1", link: "c1" }), aContribution({ id: "p1", kind: "pull-request" })],
      "engineer-1",
    );
    expect(byText(ladder, TEXT.failingTest).status).toBe("not demonstrated yet");
    expect(byText(ladder, TEXT.finishes)).toMatchObject({ status: "demonstrated", matched: 1 });
    expect(byText(ladder, TEXT.finishes).evidence.map((e) => [e.id, e.rule])).toEqual([
      ["p1", "merged-change"],
    ]);
  });

  it("matches reviews, decision records and incidents to the criteria about them", () => {
    const ladder = mapping(
      [
        aContribution({ id: "r1", kind: "review", paths: ["src/a.ts"] }),
        aContribution({ id: "d1", kind: "decision", paths: ["docs/adr/1.md"] }),
        aContribution({ id: "i1", kind: "incident-response", paths: [] }),
      ],
      "senior",
    );
    const status = (id: string) => ladder.criteria.find((c) => c.id === id)?.status;
    expect(status("senior.craft.3")).toBe("demonstrated"); // review
    expect(status("senior.decision-making.1")).toBe("demonstrated"); // decision record
    expect(status("senior.craft.2")).toBe("demonstrated"); // incident response
    expect(status("senior.capability-building.3")).toBe("not demonstrated yet"); // runbooks
    expect(status("senior.communication.3")).toBe("needs your words");
  });

  it("names only known evidence rules and criteria of the default ladder", () => {
    const ids = new Set(DEFAULT_LADDER.criteria.map((c) => c.id));
    for (const [criterion, rules] of Object.entries(DEFAULT_EVIDENCE)) {
      expect(ids.has(criterion), criterion).toBe(true);
      for (const rule of rules) expect(EVIDENCE_RULES[rule], rule).toBeDefined();
    }
    const communication = DEFAULT_LADDER.criteria.filter((c) => c.theme === "communication");
    for (const c of communication)
      expect(criterionEvidence(DEFAULT_LADDER, c).rules, c.id).toEqual([]);
  });
});

describe("evidence of an imported ladder's criteria", () => {
  it("reads rules from keywords and says which words it read", () => {
    expect(inferEvidence("Writes unit and integration tests for their code")).toEqual({
      rules: ["tests", "test-commit"],
      needsWords: null,
      basis: 'keywords in its text: "test"',
    });
    expect(inferEvidence("Writes an ADR for significant choices").rules).toEqual([
      "decision-record",
      "design-doc",
    ]);
    expect(inferEvidence("Participates in the on-call rota").rules).toEqual(["incident-response"]);
  });

  it("falls back to the person's words rather than citing unrelated records", () => {
    for (const text of [
      "Communicates clearly with stakeholders",
      "Delivers features with guidance", // delivery is not a kind of record: no "merged-change" by leverage type
      "Is adroit at mentoring", // "ADR" only as a whole word
      "Keeps the latest state in mind", // "test" only at a word's start
    ]) {
      const evidence = inferEvidence(text);
      expect(evidence.rules, text).toEqual([]);
      expect(evidence.needsWords, text).toMatch(/your own words/);
    }
  });

  it("maps an imported ladder's criterion by its words, not by its leverage type", () => {
    const ladder: Ladder = {
      id: "imported",
      name: "Imported",
      source: "monzo",
      levels: [{ id: "l1", name: "Level 1", track: "shared", rank: 1, scope: null }],
      themes: [{ id: "t", name: "Theme", summary: null, leverage: ["capability"] }],
      criteria: [
        {
          id: "a",
          theme: "t",
          level: "l1",
          text: "Writes tests",
          examples: [],
          leverage: ["capability"],
        },
        {
          id: "b",
          theme: "t",
          level: "l1",
          text: "Mentors newer colleagues",
          examples: [],
          leverage: ["capability"],
        },
      ],
    };
    const result = mapping(testCommits, "l1", ladder);
    expect(result.criteria.map((c) => [c.id, c.status, c.matched])).toEqual([
      ["a", "demonstrated", 3],
      ["b", "needs your words", 0],
    ]);
  });
});

describe("the promotion view's gaps", () => {
  it("lists criteria with no record of their kind as gaps, and criteria records cannot show as needing words", () => {
    const packet = impactPacket({
      person: { id: "ada", name: "Ada" },
      period: { since: 0, until: 10_000 },
      contributions: classifyContributions(testCommits, DEFAULT_LEVERAGE_RULES),
      decisions: [],
      diffusion: [],
      nameOf: (id) => id,
      ladder: { ladder: DEFAULT_LADDER, level: "engineer-1", track: "ic" },
      missing: [],
    });
    const { gaps, needsWords } = packet.promotion;
    expect(needsWords.map((g) => g.text)).toContain(TEXT.blocked);
    expect(gaps.map((g) => g.text)).not.toContain(TEXT.blocked);
    expect(gaps.map((g) => g.text)).not.toContain(TEXT.failingTest);
    const statuses = (packet.ladder as LadderMapping).criteria;
    expect(gaps.length).toBe(statuses.filter((c) => c.status === "not demonstrated yet").length);
    expect(needsWords.length).toBe(statuses.filter((c) => c.status === "needs your words").length);
  });
});
