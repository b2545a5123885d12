import { describe, expect, it } from "vitest";
import { parseDecision } from "../../../src/core/decisions/index.js";

/** The status of a Nygard record whose Status section says `written`. */
function statusOf(written: string) {
  const { status, rawStatus, supersededBy, warnings } = parseDecision({
    path: "docs/adr/0001-x.md",
    text: `# 1. X\n\n## Status\n\n${written}\n\n## Context\n\nC.\n`,
  });
  return { status, rawStatus, supersededBy, warnings: warnings.map((w) => w.message) };
}

describe("status normalisation", () => {
  it.each([
    ["Proposed", "proposed"],
    ["Draft", "proposed"],
    ["RFC", "proposed"],
    ["In review", "proposed"],
    ["Accepted", "accepted"],
    ["**Accepted** (2021-03-04)", "accepted"],
    ["Approved", "accepted"],
    ["Adopted", "accepted"],
    ["Done", "accepted"],
    ["Rejected", "rejected"],
    ["Declined", "rejected"],
    ["Deprecated", "deprecated"],
    ["Superseded", "superseded"],
    ["~~Accepted~~ Deprecated", "deprecated"],
  ])("reads %j as %s", (written, status) => {
    expect(statusOf(written)).toMatchObject({ status, warnings: [] });
  });

  it("reads 'Superseded by' and 'Superceded by' with the reference, whatever comes first", () => {
    expect(statusOf("Accepted\n\nSuperseded by [5. Use Y](0005-use-y.md)")).toEqual({
      status: "superseded",
      rawStatus: "Superseded by [5. Use Y](0005-use-y.md)",
      supersededBy: ["0005-use-y.md"],
      warnings: [],
    });
    expect(statusOf("Superceded by ADR-0005")).toMatchObject({
      status: "superseded",
      supersededBy: ["ADR-0005"],
    });
    expect(statusOf("superseded by 7")).toMatchObject({ supersededBy: ["7"] });
  });

  it("reads the status of front matter and of metadata bullets", () => {
    const fromFrontMatter = parseDecision({
      path: "docs/decisions/0002-x.md",
      text: '---\nstatus: "superseded by [ADR-0005](0005-example.md)"\n---\n# X\n',
    });
    expect(fromFrontMatter).toMatchObject({
      status: "superseded",
      supersededBy: ["0005-example.md"],
    });
    const fromBullet = parseDecision({
      path: "docs/adr/20201016-x.md",
      text: "# X\n\n- Status: superseded by [20210101-y](20210101-y.md)\n",
    });
    expect(fromBullet).toMatchObject({ status: "superseded", supersededBy: ["20210101-y.md"] });
    const bold = parseDecision({ path: "x.md", text: "# X\n\n**Status:** Approved\n" });
    expect(bold).toMatchObject({ status: "accepted", rawStatus: "Approved" });
  });

  it("warns on anything else, naming the line", () => {
    expect(
      parseDecision({ path: "x.md", text: "# X\n\n## Status\n\nParked until Q3\n" }).warnings,
    ).toEqual([
      {
        line: 5,
        message:
          "unrecognised status 'Parked until Q3': expected Proposed, Accepted, Rejected, Deprecated or Superseded by …",
      },
    ]);
  });
});
