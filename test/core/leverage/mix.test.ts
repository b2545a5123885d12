import { describe, expect, it } from "vitest";
import { type ClassifiedContribution, leverageMix } from "../../../src/core/leverage/index.js";
import { aContribution } from "./builders.js";

describe("leverageMix", () => {
  it("counts each type with its evidence, a contribution under each of its types", () => {
    const code: ClassifiedContribution = {
      ...aContribution({ id: "abc", title: "feat: users", link: "abc" }),
      leverage: [
        { type: "execution", rule: "execution.code", because: "changes src/a.ts" },
        { type: "capability", rule: "capability.tests", because: "changes src/a.test.ts" },
      ],
    };
    const record: ClassifiedContribution = {
      ...aContribution({ id: "docs/adr/7.md", kind: "decision", title: "Use a queue" }),
      link: "docs/adr/7.md",
      leverage: [{ type: "decision", rule: "decision.record", because: "is a decision record" }],
    };
    const docs: ClassifiedContribution = {
      ...aContribution({ id: "def", title: "docs: runbook", link: "def" }),
      leverage: [
        { type: "capability", rule: "capability.runbooks", because: "changes ops/runbooks/a.md" },
      ],
    };
    expect(leverageMix([code, record, docs])).toEqual({
      execution: {
        count: 1,
        evidence: [{ id: "abc", title: "feat: users", link: "abc", because: "changes src/a.ts" }],
      },
      decision: {
        count: 1,
        evidence: [
          {
            id: "docs/adr/7.md",
            title: "Use a queue",
            link: "docs/adr/7.md",
            because: "is a decision record",
          },
        ],
      },
      coordination: { count: 0, evidence: [] },
      capability: {
        count: 2,
        evidence: [
          { id: "abc", title: "feat: users", link: "abc", because: "changes src/a.test.ts" },
          { id: "def", title: "docs: runbook", link: "def", because: "changes ops/runbooks/a.md" },
        ],
      },
      strategic: { count: 0, evidence: [] },
    });
  });

  it("has every type at zero for no contributions", () => {
    const empty = { count: 0, evidence: [] };
    expect(leverageMix([])).toEqual({
      execution: empty,
      decision: empty,
      coordination: empty,
      capability: empty,
      strategic: empty,
    });
  });
});
