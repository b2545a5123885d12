import { describe, expect, it } from "vitest";
import {
  analyseKnowledge,
  type KnowledgeInput,
  simulateDeparture,
} from "../../../src/core/knowledge/analyse.js";
import type { AuthorshipRecord } from "../../../src/core/model.js";
import { added, DAY, modified, SOME_TIME } from "../../builders.js";

const asOf = SOME_TIME + 1000 * DAY;

/**
 * alice (former: last active 400 days ago) wrote api/; bob and carol (active) wrote web/, pairing
 * on web/c.ts with carol as co-author; bob wrote the README. web/new.ts has no history.
 */
function team(overrides: Partial<KnowledgeInput> = {}): KnowledgeInput {
  return {
    records: [
      added("api/a.ts", "alice"),
      modified("api/a.ts", "alice"),
      added("api/b.ts", "alice"),
      added("web/c.ts", ["bob", "carol"]),
      modified("web/c.ts", "bob"),
      added("web/d.ts", "carol"),
      added("README.md", "bob"),
    ],
    files: ["api/a.ts", "api/b.ts", "web/c.ts", "web/d.ts", "README.md", "web/new.ts", "web/d.ts"],
    lastActive: new Map([
      ["alice", asOf - 400 * DAY],
      ["bob", asOf - 10 * DAY],
      ["carol", asOf - 10 * DAY],
    ]),
    asOf,
    activeDays: 180,
    mode: "default",
    depth: 1,
    components: [],
    ...overrides,
  };
}

const alice = { person: "alice", lastActive: asOf - 400 * DAY };
const bob = { person: "bob", lastActive: asOf - 10 * DAY };
const carol = { person: "carol", lastActive: asOf - 10 * DAY };

describe("analyseKnowledge, default mode", () => {
  const result = analyseKnowledge(team());

  it("scores files with history only, once each", () => {
    expect(result).toMatchObject({
      mode: "default",
      asOf,
      activeDays: 180,
      filesScored: 5,
      filesWithoutHistory: 1,
    });
  });

  it("treats the former contributor as gone and credits the co-author", () => {
    // Remaining authors: bob (web/c.ts, README), carol (web/c.ts, web/d.ts): 3/5 covered.
    // Remove bob (tie on 2 files, 3 deliveries to carol's 2) → 2/5 → TF 1.
    // All time: alice (2 files, 3 deliveries, id before bob) → 3/5 → bob → 2/5 → TF 2.
    expect(result.repository).toEqual({
      id: ".",
      kind: "repository",
      label: "repository",
      files: 5,
      truckFactor: 1,
      truckFactorDevelopers: ["bob"],
      allTimeTruckFactor: 2,
      authors: [
        { ...alice, files: 2, active: false },
        { ...bob, files: 2, active: true },
        { ...carol, files: 2, active: true },
      ],
      activeAuthors: 2,
      status: "at-risk",
      orphanedFiles: 2,
      singleAuthorFiles: 2,
    });
  });

  it("reports areas riskiest first", () => {
    expect(result.areas).toEqual([
      {
        id: "api",
        kind: "directory",
        label: "api",
        files: 2,
        truckFactor: 0,
        truckFactorDevelopers: [],
        allTimeTruckFactor: 1,
        authors: [{ ...alice, files: 2, active: false }],
        activeAuthors: 0,
        status: "orphaned",
        orphanedFiles: 2,
        singleAuthorFiles: 0,
      },
      {
        id: "web",
        kind: "directory",
        label: "web",
        files: 2,
        truckFactor: 2,
        truckFactorDevelopers: ["carol", "bob"],
        allTimeTruckFactor: 2,
        authors: [
          { ...carol, files: 2, active: true },
          { ...bob, files: 1, active: true },
        ],
        activeAuthors: 2,
        status: "shared",
        orphanedFiles: 0,
        singleAuthorFiles: 1,
      },
    ]);
  });

  it("treats people leaving as gone on top of former contributors", () => {
    const leaving = analyseKnowledge(team({ leave: ["carol"] }));
    expect(leaving.repository).toMatchObject({
      truckFactor: 0,
      allTimeTruckFactor: 1,
      activeAuthors: 1,
      status: "knowledge-island",
      orphanedFiles: 3,
      singleAuthorFiles: 2,
    });
    expect(leaving.areas.map((area) => [area.id, area.status, area.truckFactor])).toEqual([
      ["api", "orphaned", 0],
      ["web", "knowledge-island", 1],
    ]);
  });

  it("counts someone active exactly activeDays ago and not one second earlier", () => {
    const cutoff = asOf - 180 * DAY;
    const at = (time: number) =>
      analyseKnowledge(team({ lastActive: new Map([["alice", time]]) })).areas.find(
        (area) => area.id === "api",
      )?.status;
    expect(at(cutoff)).toBe("knowledge-island");
    expect(at(cutoff - 1)).toBe("orphaned");
  });

  it("treats someone missing from lastActive as former", () => {
    const result = analyseKnowledge(team({ lastActive: new Map() }));
    expect(result.repository).toMatchObject({ activeAuthors: 0, status: "orphaned" });
    expect(result.repository.authors.map((author) => author.lastActive)).toEqual([
      null,
      null,
      null,
    ]);
  });

  it("restricts areas to the requested one and its sub-directories", () => {
    const deep: AuthorshipRecord[] = [added("web/ui/e.ts", "bob"), added("webapp/f.ts", "bob")];
    const input = team({
      records: [...team().records, ...deep],
      files: [...team().files, "web/ui/e.ts", "webapp/f.ts"],
      depth: 2,
    });
    expect(analyseKnowledge({ ...input, area: "web" }).areas.map((area) => area.id)).toEqual([
      "web/ui",
      "web",
    ]);
    expect(analyseKnowledge({ ...input, area: "." }).areas).toHaveLength(4);
    expect(analyseKnowledge({ ...input, area: "web/" }).areas).toHaveLength(2);
    const deeper = analyseKnowledge({ ...input, depth: 1, area: "web/ui" });
    expect(deeper.areas.map((area) => area.id)).toEqual(["web/ui"]);
    expect(deeper.repository.files).toBe(7);
  });

  it("reports components and skips those matching no scored file", () => {
    const result = analyseKnowledge(
      team({
        depth: 0,
        components: [
          { name: "typescript", matches: (path) => path.endsWith(".ts") },
          { name: "nothing", matches: () => false },
          { name: "unscored", matches: (path) => path === "web/new.ts" },
        ],
      }),
    );
    expect(result.areas.map((area) => [area.id, area.label, area.kind, area.files])).toEqual([
      ["component:typescript", "typescript", "component", 4],
    ]);
  });

  it("restricts areas to a requested component", () => {
    const result = analyseKnowledge(
      team({
        depth: 1,
        area: "component:tests",
        components: [
          { name: "tests", matches: (path) => path.endsWith("c.ts") },
          { name: "test-data", matches: (path) => path.endsWith("d.ts") },
        ],
      }),
    );
    expect(result.areas.map((area) => area.id)).toEqual(["component:tests"]);
  });
});

describe("analyseKnowledge, avelino2016 mode", () => {
  const result = analyseKnowledge(team({ mode: "avelino2016" }));

  it("credits commit authors only, counts everyone and does not prune", () => {
    // web/c.ts → bob only. alice a b, bob c README, carol d. Deliveries alice 3, bob 3, carol 1.
    // alice (id wins the tie) → 3/5 → bob → 1/5 → TF 2.
    expect(result.repository).toMatchObject({
      truckFactor: 2,
      truckFactorDevelopers: ["alice", "bob"],
      allTimeTruckFactor: 2,
      activeAuthors: 3,
      status: "shared",
      orphanedFiles: 0,
      singleAuthorFiles: 5,
    });
    expect(result.repository.authors).toEqual([
      { ...alice, files: 2, active: true },
      { ...bob, files: 2, active: true },
      { ...carol, files: 1, active: true },
    ]);
    expect(result.areas.map((area) => [area.id, area.status, area.truckFactorDevelopers])).toEqual([
      ["api", "knowledge-island", ["alice"]],
      ["web", "shared", ["bob", "carol"]],
    ]);
  });

  it("still honours a departure", () => {
    const leaving = analyseKnowledge(team({ mode: "avelino2016", leave: ["alice"] }));
    // bob (c, README) and carol (d) cover 3/5 → bob → 1/5 → TF 1, all-time too.
    expect(leaving.repository).toMatchObject({
      truckFactor: 1,
      allTimeTruckFactor: 1,
      status: "at-risk",
    });
    expect(leaving.areas[0]).toMatchObject({ id: "api", status: "orphaned" });
  });
});

describe("truck factor through histories (avelino2016)", () => {
  const run = (records: AuthorshipRecord[], files: string[]) =>
    analyseKnowledge({
      records,
      files,
      lastActive: new Map(),
      asOf,
      activeDays: 180,
      mode: "avelino2016",
      depth: 0,
      components: [],
    }).repository;

  it("follows renames into the old path's history", () => {
    // b.ts: x created a.ts and modified it, y renamed it → x only (y: 3.2345 < 3.293).
    // c.ts: y; d.ts: z. One file each; deliveries y 3, x 2, z 1 → y, x → 1/3 → TF 2.
    // Without following the rename y would author b.ts and c.ts alone → TF 1.
    const repository = run(
      [
        added("a.ts", "x"),
        modified("a.ts", "x"),
        { ...modified("b.ts", "y"), kind: "R", oldPath: "a.ts" },
        added("c.ts", "y"),
        modified("c.ts", "y"),
        added("d.ts", "z"),
      ],
      ["b.ts", "c.ts", "d.ts"],
    );
    expect(repository.truckFactor).toBe(2);
    expect(repository.truckFactorDevelopers).toEqual(["y", "x"]);
  });

  it("gives a re-adder first authorship", () => {
    // p.ts: x added and modified twice, then y re-added → x 4.719, y 4.0383 (ratio 0.856): both.
    // q.ts: y; r.ts: z. y has 2 files → 2/3 → x (3 deliveries) before z → 1/3 → TF 2.
    const repository = run(
      [
        added("p.ts", "x"),
        modified("p.ts", "x"),
        modified("p.ts", "x"),
        added("p.ts", "y"),
        added("q.ts", "y"),
        added("r.ts", "z"),
      ],
      ["p.ts", "q.ts", "r.ts"],
    );
    expect(repository.truckFactorDevelopers).toEqual(["y", "x"]);
    expect(repository.authors.map((author) => [author.person, author.files])).toEqual([
      ["y", 2],
      ["x", 1],
      ["z", 1],
    ]);
  });

  it("terminates on a rename cycle and counts each record once", () => {
    // a.ts: p added, q renamed a→b, r renamed b→a → p only (q, r: 3.2345). e.ts: q.
    // One file each; q has 2 deliveries → q → 1/2 → p → 0 → TF 2.
    const repository = run(
      [
        added("a.ts", "p"),
        { ...modified("b.ts", "q"), kind: "R", oldPath: "a.ts" },
        { ...modified("a.ts", "r"), kind: "R", oldPath: "b.ts" },
        added("e.ts", "q"),
      ],
      ["a.ts", "e.ts"],
    );
    expect(repository.truckFactorDevelopers).toEqual(["q", "p"]);
    expect(repository.authors.map((author) => author.person)).toEqual(["p", "q"]);
  });
});

describe("simulateDeparture", () => {
  it("lists areas losing every remaining author", () => {
    const simulation = simulateDeparture({ ...team(), leave: ["bob", "carol", "bob"] });
    expect(simulation).toEqual({
      leaving: ["bob", "carol"],
      areasLosingAllAuthors: [
        { id: ".", label: "repository", files: 5, authorsBefore: ["bob", "carol"] },
        { id: "web", label: "web", files: 2, authorsBefore: ["carol", "bob"] },
      ],
      filesOrphanedBefore: 2,
      filesOrphanedAfter: 5,
      shareOrphanedAfter: 1,
      filesScored: 5,
      repositoryTruckFactorBefore: 1,
      repositoryTruckFactorAfter: 0,
    });
  });

  it("reports orphaned files when no area loses everyone", () => {
    const simulation = simulateDeparture({ ...team(), leave: ["carol"] });
    expect(simulation).toEqual({
      leaving: ["carol"],
      areasLosingAllAuthors: [],
      filesOrphanedBefore: 2,
      filesOrphanedAfter: 3,
      shareOrphanedAfter: 0.6,
      filesScored: 5,
      repositoryTruckFactorBefore: 1,
      repositoryTruckFactorAfter: 0,
    });
  });

  it("does not list an area that was already orphaned", () => {
    const simulation = simulateDeparture({ ...team(), leave: ["alice"] });
    expect(simulation.areasLosingAllAuthors).toEqual([]);
    expect(simulation.filesOrphanedAfter).toBe(2);
  });

  it("counts everyone in avelino2016 mode", () => {
    const simulation = simulateDeparture({ ...team({ mode: "avelino2016" }), leave: ["alice"] });
    expect(simulation.areasLosingAllAuthors).toEqual([
      { id: "api", label: "api", files: 2, authorsBefore: ["alice"] },
    ]);
    expect(simulation.repositoryTruckFactorBefore).toBe(2);
    expect(simulation.repositoryTruckFactorAfter).toBe(1);
  });
});
