import { describe, expect, it } from "vitest";
import { parseDecision, resolveReferences } from "../../../src/core/decisions/index.js";
import { ADR_TOOLS_NEW, ADR_TOOLS_OLD, LOG4BRAINS } from "./samples.js";

const record = (path: string, status: string, extra = "") =>
  parseDecision({ path, text: `# ${path}\n\n## Status\n\n${status}\n${extra}` });

const links = (decisions: ReturnType<typeof resolveReferences>) =>
  decisions.map((d) => ({
    id: d.id,
    status: d.status,
    supersedes: d.supersedes,
    supersededBy: d.supersededBy,
    warnings: d.warnings.map((w) => `${w.line}: ${w.message}`),
  }));

describe("resolveReferences", () => {
  it("turns link targets into ids and keeps both directions consistent (adr-tools pair)", () => {
    const resolved = resolveReferences([
      parseDecision({ path: "doc/adr/0002-deploy-with-capistrano.md", text: ADR_TOOLS_OLD }),
      parseDecision({ path: "doc/adr/0003-deploy-with-kubernetes.md", text: ADR_TOOLS_NEW }),
    ]);
    expect(links(resolved)).toEqual([
      {
        id: "0002-deploy-with-capistrano",
        status: "superseded",
        supersedes: [],
        supersededBy: ["0003-deploy-with-kubernetes"],
        warnings: [],
      },
      {
        id: "0003-deploy-with-kubernetes",
        status: "accepted",
        supersedes: ["0002-deploy-with-capistrano"],
        supersededBy: [],
        warnings: [],
      },
    ]);
  });

  it("fills the other direction and marks an accepted or unknown record superseded, not a rejected one", () => {
    const resolved = resolveReferences([
      record("adr/0001-a.md", "Accepted"),
      record("adr/0002-b.md", "Rejected"),
      record("adr/0003-c.md", "Parked"),
      record("adr/0004-d.md", "Accepted", "\nSupersedes ADR-0001\n\nSupersedes [2](0002-b.md)\n"),
      record("adr/0005-e.md", "Accepted", "\nSupersedes 3\n"),
    ]);
    expect(links(resolved)).toEqual([
      {
        id: "0001-a",
        status: "superseded",
        supersedes: [],
        supersededBy: ["0004-d"],
        warnings: [],
      },
      { id: "0002-b", status: "rejected", supersedes: [], supersededBy: ["0004-d"], warnings: [] },
      {
        id: "0003-c",
        status: "superseded",
        supersedes: [],
        supersededBy: ["0005-e"],
        warnings: [
          "5: unrecognised status 'Parked': expected Proposed, Accepted, Rejected, Deprecated or Superseded by …",
        ],
      },
      {
        id: "0004-d",
        status: "accepted",
        supersedes: ["0001-a", "0002-b"],
        supersededBy: [],
        warnings: [],
      },
      { id: "0005-e", status: "accepted", supersedes: ["0003-c"], supersededBy: [], warnings: [] },
    ]);
  });

  it("adds the forward link when only the old record says it is superseded", () => {
    const resolved = resolveReferences([
      record("adr/0001-a.md", "Superseded by [ADR-2](0002-b.md)"),
      record("adr/0002-b.md", "Accepted"),
    ]);
    expect(resolved.map((d) => [d.id, d.supersedes, d.supersededBy])).toEqual([
      ["0001-a", [], ["0002-b"]],
      ["0002-b", ["0001-a"], []],
    ]);
  });

  it("warns on unknown, ambiguous and self references, naming the line, and drops them", () => {
    const resolved = resolveReferences([
      record(
        "adr/0001-a.md",
        "Accepted",
        "\nSupersedes [9. Gone](0009-gone.md)\n\nSupersedes ADR-1\n",
      ),
      record("x/0002-b.md", "Accepted"),
      record("y/0002-c.md", "Accepted"),
      record("z/0003-d.md", "Accepted", "\nSupersedes ADR-0002\n"),
    ]);
    expect(links(resolved).map((d) => [d.id, d.supersedes, d.warnings])).toEqual([
      [
        "0001-a",
        [],
        [
          "7: supersedes '0009-gone.md', which is not a known decision record: expected a link to a record's file",
          "9: supersedes 'ADR-1', which is this record itself",
        ],
      ],
      ["0002-b", [], []],
      ["0002-c", [], []],
      [
        "0003-d",
        [],
        [
          "7: supersedes 'ADR-0002', which matches several records (x/0002-b.md, y/0002-c.md): expected a link to one file",
        ],
      ],
    ]);
  });

  it("prefers the record in the same folder and follows relative links across folders", () => {
    const resolved = resolveReferences([
      record("packages/a/adr/0001-a.md", "Accepted"),
      record("packages/b/adr/0001-b.md", "Accepted"),
      record(
        "packages/b/adr/0002-c.md",
        "Accepted",
        "\nSupersedes ADR-1\n\nSupersedes [A](../../a/adr/0001-a.md)\n",
      ),
    ]);
    expect(resolved.map((d) => [d.id, d.status, d.supersededBy])).toEqual([
      ["0001-a", "superseded", ["0002-c"]],
      ["0001-b", "superseded", ["0002-c"]],
      ["0002-c", "accepted", []],
    ]);
  });

  it("resolves log4brains links by date-prefixed id and leaves the input unchanged", () => {
    const old = record("docs/adr/20200926-use-the-adr-number-as-its-unique-id.md", "Accepted");
    const current = parseDecision({
      path: "docs/adr/20201016-use-the-adr-slug-as-its-unique-id.md",
      text: LOG4BRAINS,
    });
    const resolved = resolveReferences([old, current]);
    expect(resolved[0]).toMatchObject({
      status: "superseded",
      supersededBy: ["20201016-use-the-adr-slug-as-its-unique-id"],
    });
    expect(resolved[1]?.supersedes).toEqual(["20200926-use-the-adr-number-as-its-unique-id"]);
    expect(old.status).toBe("accepted");
    expect(current.supersedes).toEqual(["20200926-use-the-adr-number-as-its-unique-id.md"]);
    expect(resolveReferences(resolved)).toEqual(resolved);
  });
});
