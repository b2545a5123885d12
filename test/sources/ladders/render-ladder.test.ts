import { describe, expect, it } from "vitest";
import { DEFAULT_LADDER } from "../../../src/core/ladder/default-ladder.js";
import { isLegibleError } from "../../../src/errors.js";
import { renderLadder } from "../../../src/render/ladder.js";
import { parseFinancialTimesLadder } from "../../../src/sources/ladders/ft.js";
import { parseMonzoLadder } from "../../../src/sources/ladders/monzo.js";
import { describeWithFixtures, FT_FILE, MONZO_FILE, readFixture } from "./fixtures.js";

describe("renderLadder on the default ladder", () => {
  it("puts peers on one row, the tracks side by side", () => {
    const text = renderLadder(DEFAULT_LADDER, "table", { pretty: false });
    const rows = text.split("\n");
    const header = rows.indexOf("rank\tindividual contributor\tmanager\tscope");
    expect(header).toBeGreaterThan(0);
    expect(rows.slice(header + 1, header + 7)).toEqual([
      "1\tEngineer I\t\ttasks",
      "2\tEngineer II\t\tfeatures",
      "3\tSenior Engineer\tEngineering Manager\tsystems",
      "4\tStaff Engineer\tSenior Engineering Manager\toutcomes",
      "5\tSenior Staff Engineer\tDirector of Engineering\toutcomes",
      "6\tPrincipal Engineer\tSenior Director of Engineering\toutcomes",
    ]);
    expect(text).toContain("capability-building\tCapability building\tcapability\t");
  });

  it("shows one level's criteria with its peer when a level is given (by id or name)", () => {
    const text = renderLadder(DEFAULT_LADDER, "table", {
      level: "Engineering Manager",
      pretty: true,
    });
    expect(text).toContain(
      "Criteria: Engineering Manager (manager, rank 3, scope: systems, peer: Senior Engineer)",
    );
    expect(text).toContain("Hires for the team through a structured, fair process.");
    expect(text).not.toContain("Finishes well-defined tasks end to end");
  });

  it("writes Markdown with a level table, themes and criteria by level and theme", () => {
    const md = renderLadder(DEFAULT_LADDER, "md", { level: "senior" });
    expect(md).toContain("| 3 | Senior Engineer | Engineering Manager | systems |");
    expect(md).toContain(
      "### Senior Engineer (individual contributor, rank 3, scope: systems, peer: Engineering Manager)",
    );
    expect(md).toContain("**Capability building**");
    expect(md).toContain(
      "- Makes sure someone else can review, operate and change each system they own. _(capability)_\n  - e.g. new authors and reviewers in the system's areas",
    );
    expect(md).not.toContain("### Staff Engineer");
  });

  it("gives the ladder itself as JSON, criteria narrowed to the level", () => {
    const json = JSON.parse(renderLadder(DEFAULT_LADDER, "json", { level: "staff" }));
    expect(json).toMatchObject({ version: 1, id: "legible", level: "staff" });
    expect(json.levels).toHaveLength(10);
    expect(new Set(json.criteria.map((c: { level: string }) => c.level))).toEqual(
      new Set(["staff"]),
    );
  });

  it("refuses an unknown level, listing the known ones", () => {
    try {
      renderLadder(DEFAULT_LADDER, "table", { level: "cto" });
      expect.fail("expected an error");
    } catch (error) {
      expect(isLegibleError(error) && error.code).toBe("BAD_USAGE");
      expect((error as Error).message).toMatch(
        /^unknown level 'cto' in ladder 'legible': expected one of engineer-1, /,
      );
    }
  });
});

describeWithFixtures("renderLadder on the real files", () => {
  it("shows the FT's shared levels in their own column and its variants side by side", () => {
    const ft = parseFinancialTimesLadder(readFixture(FT_FILE), FT_FILE);
    const rows = renderLadder(ft, "table", { pretty: false }).split("\n");
    const header = rows.indexOf("rank\tboth tracks\tindividual contributor\tmanager");
    expect(rows.slice(header + 1, header + 7)).toEqual([
      "1\tJunior Engineer\t\t",
      "2\tEngineer\t\t",
      "3\tSenior Engineer 1\t\t",
      "4\t\tSenior Engineer 2 (Individual Contributor)\tSenior Engineer 2 (People Manager)",
      "5\t\tPrincipal Engineer (Individual Contributor)\tPrincipal Engineer (People Manager)",
      "6\tTechnology Director\t\t",
    ]);
  });

  it("shows a Monzo level's criteria with their examples", () => {
    const monzo = parseMonzoLadder(readFixture(MONZO_FILE), MONZO_FILE);
    const md = renderLadder(monzo, "md", { level: "Level 2" });
    expect(md).toContain("| 2 | Level 2 |");
    expect(md).toContain("### Level 2 (both tracks, rank 2)");
    expect(md).toContain(
      "- Implements simple RPC handlers _(execution)_\n  - e.g. Basic CRUD handlers\n  - e.g. Internal/external API proxies",
    );
  });
});
