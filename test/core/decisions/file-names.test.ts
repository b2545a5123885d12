import { describe, expect, it } from "vitest";
import { isDecisionFile, nextDecisionFile } from "../../../src/core/decisions/index.js";

describe("isDecisionFile", () => {
  it.each([
    "docs/adr/0001-record-architecture-decisions.md",
    "docs/adr/20201016-use-the-adr-slug.md",
    "docs/decisions/use-postgres.markdown",
    "docs/adr/0000-use-markdown-architectural-decision-records.md",
    "docs/adr/0007-template-engine-choice.md",
  ])("accepts %s", (path) => {
    expect(isDecisionFile(path)).toBe(true);
  });

  it.each([
    "docs/adr/README.md",
    "docs/adr/readme.markdown",
    "docs/adr/index.md",
    "docs/adr/template.md",
    "docs/adr/adr-template.md",
    "docs/adr/0000-template.md",
    "docs/adr/decision.tpl.md",
    "docs/adr/_sidebar.md",
    "docs/adr/toc.md",
    "docs/adr/0001-record.adoc",
    "docs/adr/0001-record.txt",
    "docs/adr/.adr-dir",
  ])("rejects %s", (path) => {
    expect(isDecisionFile(path)).toBe(false);
  });
});

describe("nextDecisionFile", () => {
  it("numbers a new folder from 0001", () => {
    expect(nextDecisionFile([], "Use PostgreSQL 16!", "2024-01-10")).toEqual({
      fileName: "0001-use-postgresql-16.md",
      id: "0001-use-postgresql-16",
      number: 1,
      convention: "numbered",
    });
  });

  it("takes the highest number plus one, keeps the padding, ignores templates and READMEs", () => {
    const existing = ["README.md", "0000-template.md", "0001-a.md", "0012-b.md", "0003-c.md"];
    expect(nextDecisionFile(existing, "Café au lait: déjà vu", "2024-01-10")).toEqual({
      fileName: "0013-cafe-au-lait-deja-vu.md",
      id: "0013-cafe-au-lait-deja-vu",
      number: 13,
      convention: "numbered",
    });
    expect(nextDecisionFile(["1-a.md", "9-b.md"], "C", "2024-01-10").fileName).toBe("10-c.md");
    expect(nextDecisionFile(["001-a.md"], "B", "2024-01-10").fileName).toBe("002-b.md");
  });

  it("follows a log4brains folder: YYYYMMDD-slug, or YYYY-MM-DD-slug when the folder uses dashes", () => {
    const log4brains = ["index.md", "template.md", "20200925-a.md", "20201016-b.md"];
    expect(nextDecisionFile(log4brains, "Use Kafka", "2024-01-10")).toEqual({
      fileName: "20240110-use-kafka.md",
      id: "20240110-use-kafka",
      number: null,
      convention: "date-prefixed",
    });
    expect(nextDecisionFile(["2020-09-25-a.md"], "Use Kafka", "2024-01-10").fileName).toBe(
      "2024-01-10-use-kafka.md",
    );
  });

  it("adds a suffix rather than reuse a date-prefixed name", () => {
    const existing = ["20240110-use-kafka.md", "20240110-use-kafka-2.md"];
    expect(nextDecisionFile(existing, "Use Kafka", "2024-01-10").fileName).toBe(
      "20240110-use-kafka-3.md",
    );
  });

  it("names a title without letters or digits 'decision' and rejects a date that is not YYYY-MM-DD", () => {
    expect(nextDecisionFile([], "???", "2024-01-10").fileName).toBe("0001-decision.md");
    expect(() => nextDecisionFile([], "X", "2024-02-30")).toThrow(RangeError);
  });
});
