import { describe, expect, it } from "vitest";
import { parseDecision } from "../../../src/core/decisions/index.js";
import {
  BROKEN_YAML,
  NOTES,
  ODD_STATUS,
  STATUS_WITHOUT_STATUS,
  UNCLOSED_FRONT_MATTER,
  UNFILLED_LOG4BRAINS,
} from "./samples.js";

const NOT_A_RECORD =
  "not a recognised decision record: expected a '## Status' section, 'status:' front matter or a '* Status:' line";

describe("parseDecision on broken records: warnings with lines, never a throw", () => {
  it("reads notes without a title or status as an unknown record named after its file", () => {
    const decision = parseDecision({ path: "docs/adr/0012-pick-kafka.md", text: NOTES });
    expect(decision).toMatchObject({ title: "Pick kafka", status: "unknown", format: "unknown" });
    expect(decision.warnings).toEqual([
      { line: 1, message: "no title: expected a '# Title' heading" },
      { line: 1, message: NOT_A_RECORD },
      { line: 1, message: "no Status section: expected '## Status'" },
    ]);
  });

  it("keeps the status and date of front matter whose YAML does not parse", () => {
    const decision = parseDecision({ path: "docs/decisions/0008-use-grpc.md", text: BROKEN_YAML });
    expect(decision).toMatchObject({
      title: "Use gRPC between services",
      status: "accepted",
      date: "2023-01-01",
      format: "madr3",
      decisionMakers: [],
    });
    expect(decision.warnings).toEqual([
      {
        line: 4,
        message:
          "front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]",
      },
    ]);
  });

  it("warns on an unknown status and a date that is not YYYY-MM-DD, naming their lines", () => {
    const decision = parseDecision({
      path: "doc/adr/0007-adopt-feature-flags.md",
      text: ODD_STATUS,
    });
    expect(decision).toMatchObject({ status: "unknown", rawStatus: "On hold", date: null });
    expect(decision.warnings).toEqual([
      { line: 3, message: "date 'sometime in May' is not a date: expected YYYY-MM-DD" },
      {
        line: 7,
        message:
          "unrecognised status 'On hold': expected Proposed, Accepted, Rejected, Deprecated or Superseded by …",
      },
    ]);
  });

  it("names every placeholder left from the log4brains template", () => {
    const decision = parseDecision({ path: "docs/adr/20240101-x.md", text: UNFILLED_LOG4BRAINS });
    expect(decision).toMatchObject({
      format: "log4brains",
      status: "unknown",
      date: null,
      decisionMakers: [],
      tradeoff: {},
      statesTradeoff: false,
    });
    expect(decision.warnings.map((w) => [w.line, w.message.split(":")[0]])).toEqual([
      [1, "title is the template's placeholder '[short title of solved problem and solution]'"],
      [
        3,
        "status is the template's placeholder '[draft | proposed | rejected | accepted | deprecated | … | superseded by [xxx](yyyymmdd-xxx.md)]'",
      ],
      [4, "deciders is the template's placeholder '[list everyone involved in the decision]'"],
      [5, "date is the template's placeholder '[YYYY-MM-DD when the decision was last updated]'"],
    ]);
  });

  it("warns on a Status section that only links to other records", () => {
    const decision = parseDecision({
      path: "doc/adr/0004-use-one-repository.md",
      text: STATUS_WITHOUT_STATUS,
    });
    expect(decision).toMatchObject({
      status: "unknown",
      rawStatus: null,
      supersedes: ["0003-use-many-repositories.md"],
    });
    expect(decision.warnings).toEqual([
      { line: 3, message: "Status section states no status: expected a line such as 'Accepted'" },
    ]);
  });

  it("reads a record whose front matter never closes as Markdown, and says so", () => {
    const decision = parseDecision({
      path: "docs/decisions/0009-x.md",
      text: UNCLOSED_FRONT_MATTER,
    });
    expect(decision.title).toBe("Title that is swallowed");
    expect(decision.warnings).toEqual([
      { line: 1, message: "front matter is not closed: expected a '---' line after it" },
      { line: 5, message: NOT_A_RECORD },
      { line: 5, message: "no Status section: expected '## Status'" },
    ]);
  });

  it("names the expected place of a missing status in each format", () => {
    const missing = (text: string, path = "docs/adr/0001-x.md") =>
      parseDecision({ path, text }).warnings.map((w) => `${w.line}: ${w.message}`);
    expect(missing("---\ndecision-makers: [a]\n---\n# T\n")).toEqual([
      "4: no status: expected 'status:' in the front matter",
    ]);
    expect(missing("# T\n\n* Deciders: a\n")).toEqual([
      "1: no status: expected '* Status: …' under the title",
    ]);
    expect(missing("# T\n\n- Deciders: a\n", "docs/adr/20200101-t.md")).toEqual([
      "1: no status: expected '- Status: …' under the title",
    ]);
    expect(missing("# T\n\n## Context\n\nC.\n\n## Decision\n\nD.\n")).toEqual([
      "1: no Status section: expected '## Status'",
    ]);
  });

  it("warns on names and statuses that are not text, and on a heading-less title", () => {
    const text = "---\nstatus: [accepted]\ndeciders: {lead: ada}\n---\n## Use X\n";
    expect(parseDecision({ path: "docs/decisions/0001-use-x.md", text })).toMatchObject({
      title: "Use X",
      status: "unknown",
      decisionMakers: [],
      warnings: [
        { line: 2, message: "status is not text: expected 'status: accepted'" },
        { line: 3, message: "'deciders' is not a list: expected 'deciders: [name, name]'" },
        { line: 5, message: "no level-1 title: expected '# Title'; used the first heading" },
        { line: 5, message: "no status: expected 'status:' in the front matter" },
      ],
    });
  });

  it("never throws, whatever the text", () => {
    for (const text of [
      "",
      "\u0000\u0001",
      "---",
      "```\n# not a title",
      "<!--",
      "#",
      "* Status:",
    ]) {
      expect(() => parseDecision({ path: "x.md", text })).not.toThrow();
    }
    expect(parseDecision({ path: "docs/adr/0001-empty.md", text: "" })).toMatchObject({
      title: "Empty",
      status: "unknown",
      warnings: [
        { line: 1, message: "no title: expected a '# Title' heading" },
        { line: 1, message: "no Status section: expected '## Status'" },
      ],
    });
  });
});
