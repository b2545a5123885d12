/**
 * Formats seen in real public collections, each written here by hand in the shape it was found in
 * (no real record is copied): tables, bracketed values, handles, glued headings, unusual status
 * words, supersession written other ways, dates written other ways.
 */
import { describe, expect, it } from "vitest";
import {
  hasRecordName,
  looksLikeDecisionRecord,
  parseDecision,
  resolveReferences,
} from "../../../src/core/decisions/index.js";

const parse = (path: string, text: string) => parseDecision({ path, text });

describe("metadata in a Markdown table", () => {
  it("reads status, date and deciders from a header row over a value row; no title heading → the file name", () => {
    const decision = parse(
      "docs/architecture/decisions/001-drop-the-queue.md",
      [
        "| Status   | Date       | Author(s)                      |",
        "|:---------|:-----------|:-------------------------------|",
        "| Proposed | 2025-01-07 | [@ada](https://example.com/ada) |",
        "",
        "## Context",
        "",
        "The queue costs more than it gives.",
        "",
        "## Decision",
        "",
        "Drop it.",
      ].join("\n"),
    );
    expect(decision).toMatchObject({
      title: "Drop the queue",
      status: "proposed",
      date: "2025-01-07",
      decisionMakers: [],
    });
    expect(decision.warnings.map((w) => w.message)).toEqual([
      "no title: expected a '# Title' heading",
    ]);
  });

  it("reads rows of label and value", () => {
    const decision = parse(
      "adr/0005-audit.md",
      [
        "# ADR-005: An audit trail",
        "",
        "| Field | Value |",
        "|---|---|",
        "| Status | Accepted |",
        "| Decision date | 2026-09-11 |",
        "| Deciders | Ada Lovelace, Grace Hopper |",
        "",
        "## Context",
      ].join("\n"),
    );
    expect(decision).toMatchObject({
      title: "An audit trail",
      status: "accepted",
      date: "2026-09-11",
      decisionMakers: ["Ada Lovelace", "Grace Hopper"],
    });
  });

  it("does not take a one-label header for a header row", () => {
    const decision = parse(
      "rfcs/001-x.md",
      ["# X", "", "| Status | Accepted |", "|--------|----------|", "| Owner | Ada |", ""].join(
        "\n",
      ),
    );
    expect(decision.status).toBe("accepted");
  });
});

describe("MADR 2 fields filled inside their brackets", () => {
  const text = (status: string, deciders: string, date: string) =>
    `# Use X\n\n* Status: ${status}\n* Deciders: ${deciders}\n* Date: ${date}\n\n## Context and Problem Statement\n`;

  it("reads a single value in brackets, with a trailing line break", () => {
    const decision = parse(
      "docs/adr/0003-x.md",
      text("[ accepted ] \\", "[Fabian Bühler, Ada]", "[2022-10-05]"),
    );
    expect(decision).toMatchObject({
      status: "accepted",
      date: "2022-10-05",
      decisionMakers: ["Fabian Bühler", "Ada"],
    });
    expect(decision.warnings).toEqual([]);
  });

  it("still calls the template's prompts placeholders", () => {
    const decision = parse(
      "docs/adr/0003-x.md",
      text(
        "[proposed | accepted | rejected]",
        "[list everyone involved in the decision]",
        "[YYYY-MM-DD when the decision was last updated]",
      ),
    );
    expect(decision).toMatchObject({ status: "unknown", date: null, decisionMakers: [] });
    expect(decision.warnings.map((w) => w.message)).toEqual([
      "status is the template's placeholder '[proposed | accepted | rejected]': expected one status",
      "deciders is the template's placeholder '[list everyone involved in the decision]': expected names",
      "date is the template's placeholder '[YYYY-MM-DD when the decision was last updated]': expected YYYY-MM-DD",
    ]);
  });
});

describe("deciders", () => {
  it("splits handles separated by spaces only, and drops a trailing remark", () => {
    const decision = parse(
      "adr/2022-09-x.md",
      [
        "# X",
        "",
        "- Status: accepted",
        "- Deciders: @ada @grace, @linus",
        "  @margaret (with input from others)",
        "- Date: 2022-09-27",
        "",
        "## Context",
      ].join("\n"),
    );
    expect(decision.decisionMakers).toEqual(["@ada", "@grace", "@linus", "@margaret"]);
    expect(decision.date).toBe("2022-09-27");
  });

  it("does not join a labelled line under a bullet to the bullet's value", () => {
    const decision = parse(
      "docs/madr/decisions/035-x.md",
      "# X\n* status: accepted\n  Technical Story: https://example.com/5708\n\n## Context\n",
    );
    expect(decision.rawStatus).toBe("accepted");
  });
});

describe("titles", () => {
  it("reads a numbered title whose '#' lacks its space", () => {
    const decision = parse(
      "architecture-decision-records/0046-merge.md",
      "#46. Automatic code merging\n\n**Date:** 2022-03-15\n\n## Context\n",
    );
    expect(decision).toMatchObject({ title: "Automatic code merging", date: "2022-03-15" });
    expect(decision.warnings.some((w) => w.message.includes("title"))).toBe(false);
  });

  it("drops a prefix carrying the record's own number, and a 'Decision Record:' label", () => {
    const title = (path: string, heading: string) => parse(path, `# ${heading}\n`).title;
    expect(title("x/023-logging.md", "23 Logging")).toBe("Logging");
    expect(title("x/DR002-charges.md", "DR002: No charges")).toBe("No charges");
    expect(title("x/ADR037-review-apps.md", "ADD037: Review apps")).toBe("Review apps");
    expect(title("x/adr-001-use-adrs.md", "Architecture Decision Record: Use ADRs")).toBe(
      "Use ADRs",
    );
    // A number that is not the record's own is part of the title.
    expect(title("x/030-root.md", "29 Ways to secure root")).toBe("29 Ways to secure root");
  });
});

describe("status words", () => {
  const status = (raw: string) =>
    parse("doc/adr/0001-x.md", `# X\n\n## Status\n\n${raw}\n\n## Context\n`);

  it("reads Proposal, Reverted, Partly superseded, Partially accepted and [undecided]", () => {
    expect(status("Proposal").status).toBe("proposed");
    expect(status("Reverted by [discussion #1198](https://example.com/d/1198).").status).toBe(
      "deprecated",
    );
    expect(status("Partly superseded").status).toBe("superseded");
    expect(status("Partially Accepted").status).toBe("accepted");
    expect(status("[undecided]").status).toBe("proposed");
    expect(status("Proposed, accepted, reconsidered, and ultimately reverted.").status).toBe(
      "deprecated",
    );
  });

  it("takes 'Accepted or Rejected' for the template's choice left in place", () => {
    const decision = status("> Accepted or Rejected");
    expect(decision.status).toBe("unknown");
    expect(decision.warnings.map((w) => w.message)).toEqual([
      "status is the template's placeholder '> Accepted or Rejected': expected one status",
    ]);
  });

  it("skips the template's quoted guidance for the status under it", () => {
    const decision = status(
      '> A decision may be "proposed" if it has not been agreed upon yet.\n\nAccepted',
    );
    expect(decision.status).toBe("accepted");
  });

  it("hints at front matter, not a '* Status:' line, for a MADR record with front matter", () => {
    const decision = parse(
      "docs/decisions/0008-x.md",
      "---\nparent: Decisions\nnav_order: 8\n---\n# X\n\n## Context and Problem Statement\n\n## Decision Outcome\n",
    );
    expect(decision.format).toBe("madr4");
    expect(decision.warnings.map((w) => w.message)).toEqual([
      "no status: expected 'status:' in the front matter",
    ]);
  });
});

describe("dates", () => {
  const date = (line: string) =>
    parse("doc/adr/0001-x.md", `# X\n\n${line}\n\n## Status\n\nAccepted\n`).date;

  it("reads a date followed by a remark, day-first slashes, month names and a date alone under the title", () => {
    expect(date("Date: 2019-05-13, updated 2023-02-05 (clarified)")).toBe("2019-05-13");
    expect(date("Date: 2024-10-31 :ghost:")).toBe("2024-10-31");
    expect(date("Date: 05/02/2018")).toBe("2018-02-05");
    expect(date("Date: 10/04/18")).toBe("2018-04-10");
    expect(date("Date: 12/25/2020")).toBe("2020-12-25");
    expect(date("Date: 2024-29-08")).toBe("2024-08-29");
    expect(date("June 19, 2018")).toBe("2018-06-19");
    expect(date("*19 June 2018*")).toBe("2018-06-19");
  });

  it("reads no date from a month alone, and warns about an impossible one", () => {
    expect(date("October 2023")).toBeNull();
    const decision = parse("doc/adr/0001-x.md", "# X\n\n* Date: 2020-09-31\n");
    expect(decision.date).toBeNull();
    expect(decision.warnings.map((w) => w.message)).toContain(
      "date '2020-09-31' is not a date: expected YYYY-MM-DD",
    );
  });
});

describe("supersession written other ways", () => {
  const records = (texts: Record<string, string>) =>
    resolveReferences(Object.entries(texts).map(([path, text]) => parse(path, text)));

  it("reads 'in part supersedes', 'Overridden by' and a link wrapped over two lines", () => {
    const [first, second, third, fourth] = records({
      "d/0003-networking.md": "# 3. Networking\n\n## Status\n\nAccepted\n",
      "d/0033-ip-ranges.md":
        "# 33. IP ranges\n\n## Status\n\nPending\n\n## Context\n\nThis ADR in part supersedes [0003](0003-networking.md).\n",
      "d/0005-layout.md":
        "# 5. Layout\n\n- **Status:** Accepted\n\n> **Note:** Overridden by [ADR 0011](0011-polyrepo.md) — the layout moves.\n",
      "d/0011-polyrepo.md":
        "# 11. Polyrepo\n\n## Status\n\nAccepted\n\nSupersedes [ADR 0004: Microservices from\nphase one](0004-microservices.md)\n",
    });
    expect(second?.supersedes).toEqual(["0003-networking"]);
    expect(first?.supersededBy).toEqual(["0033-ip-ranges"]);
    expect(third?.supersededBy).toEqual(["0011-polyrepo"]);
    expect(third?.status).toBe("superseded");
    // 0004 is not in the collection: the wrapped link is read whole, and reported as unknown.
    expect(fourth?.supersedes).toEqual(["0005-layout"]);
    expect(fourth?.warnings.map((w) => w.message)).toEqual([
      "supersedes '0004-microservices.md', which is not a known decision record: expected a link to a record's file",
    ]);
  });

  it("follows a link to a renamed file by the number in its name", () => {
    const [old, replacement] = records({
      "ADR/ADR004-store-schemas.md":
        "# ADR004: Store schemas\n\n## Status\n\nSuperseded by [AD045: Remove the API](ADR045-use-the-admin-app.md)\n",
      "ADR/ADR045-remove-the-api.md": "# ADR045: Remove the API\n\n## Status\n\nAccepted\n",
    });
    expect(old?.supersededBy).toEqual(["ADR045-remove-the-api"]);
    expect(replacement?.supersedes).toEqual(["ADR004-store-schemas"]);
  });
});

describe("recognising records by their look", () => {
  it("knows numbered and dated record names", () => {
    for (const path of [
      "x/0003-use-x.md",
      "x/adr-01.md",
      "x/ADR004-x.md",
      "x/DR002-x.md",
      "x/adr-017-x.md",
      "x/20240110-x.md",
      "x/2024-01-10-x.md",
      "x/2020_03_03_x.md",
      "x/2022-09-x.md",
    ])
      expect(hasRecordName(path), path).toBe(true);
    for (const path of ["x/README.md", "x/000-template.md", "x/notes.md", "x/0003-x.txt"])
      expect(hasRecordName(path), path).toBe(false);
  });

  it("needs a decision section and a status or a context", () => {
    expect(looksLikeDecisionRecord("# X\n\n* Status: accepted\n\n## Decision Outcome\n")).toBe(
      true,
    );
    expect(looksLikeDecisionRecord("# X\n\n## Context\n\n## Decision\n")).toBe(true);
    expect(looksLikeDecisionRecord("| Status | Date |\n|--|--|\n| x | y |\n\n## Decision\n")).toBe(
      true,
    );
    expect(looksLikeDecisionRecord("# Install\n\n## Status of the build\n\nRun it.\n")).toBe(false);
    expect(looksLikeDecisionRecord("# Changelog\n\n## 1.0\n\nStatus: released\n")).toBe(false);
  });
});
