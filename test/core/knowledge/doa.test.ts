import { describe, expect, it } from "vitest";
import {
  buildHistories,
  DOA_WEIGHTS,
  degreeOfAuthorship,
  fileAuthorship,
} from "../../../src/core/knowledge/doa.js";
import type { AuthorshipRecord } from "../../../src/core/model.js";
import { added, modified, renamed, SOME_TIME } from "../../builders.js";

const authorOnly = { coAuthors: false };
const withCoAuthors = { coAuthors: true };

function authorsOf(history: AuthorshipRecord[], options = authorOnly): string[] {
  return fileAuthorship(history, options)?.authors ?? [];
}

describe("degreeOfAuthorship", () => {
  it("uses the published weights", () => {
    expect(DOA_WEIGHTS).toEqual({
      base: 3.293,
      firstAuthorship: 1.098,
      deliveries: 0.164,
      acceptances: 0.321,
    });
  });

  it("reproduces the worked example of the DOA model (X creates, Y modifies once: both authors)", () => {
    expect(degreeOfAuthorship({ fa: 1, dl: 0, ac: 1 })).toBeCloseTo(4.168, 3);
    expect(degreeOfAuthorship({ fa: 0, dl: 1, ac: 0 })).toBeCloseTo(3.457, 3);
  });

  it("is exactly the base for a developer with nothing", () => {
    expect(degreeOfAuthorship({ fa: 0, dl: 0, ac: 0 })).toBe(3.293);
  });

  it("decreases logarithmically with acceptances", () => {
    expect(degreeOfAuthorship({ fa: 0, dl: 0, ac: 9 })).toBeCloseTo(
      3.293 - 0.321 * Math.log(10),
      12,
    );
  });
});

describe("fileAuthorship", () => {
  it("makes both X and Y authors when X creates and Y modifies once (§1.3)", () => {
    const file = fileAuthorship([added("a.ts", "x"), modified("a.ts", "y")], authorOnly);
    expect(file?.authors).toEqual(["x", "y"]);
    expect(file?.doa.x).toBeCloseTo(4.168, 3);
    expect(file?.doa.y).toBeCloseTo(3.457, 3);
    expect(file?.path).toBe("a.ts");
  });

  it("returns null for a file without records", () => {
    expect(fileAuthorship([], authorOnly)).toBeNull();
  });

  it("requires the DOA ratio to the best to be strictly above 0.75", () => {
    // X creates; Y modifies n times. X = 4.391 − 0.321·ln(1+n), Y = 3.293 + 0.164·n.
    const history = (n: number) => [
      added("a.ts", "x"),
      ...Array.from({ length: n }, () => modified("a.ts", "y")),
    ];
    // n = 9: 3.6519 / 4.769 = 0.766 → both authors.
    expect(authorsOf(history(9))).toEqual(["y", "x"]);
    // n = 10: 3.6213 / 4.933 = 0.734 → only Y.
    expect(authorsOf(history(10))).toEqual(["y"]);
  });

  it("requires DOA ≥ 3.293 from someone who never added the file", () => {
    // Y and Z: DL=1, AC=1 → 3.2345, ratio 0.801 to X's 4.0383, but below the base.
    const file = fileAuthorship(
      [added("a.ts", "x"), modified("a.ts", "y"), modified("a.ts", "z")],
      authorOnly,
    );
    expect(file?.doa.y).toBeCloseTo(3.2345, 4);
    expect(file?.doa.x).toBeCloseTo(4.0383, 4);
    expect(file?.authors).toEqual(["x"]);
  });

  it("keeps a creator whose DOA fell below the base as an author through FA", () => {
    // X adds, 30 people modify once each: X = 4.391 − 0.321·ln 31 = 3.2887 < 3.293.
    const history = [
      added("a.ts", "x"),
      ...Array.from({ length: 30 }, (_, i) => modified("a.ts", `p${String(i).padStart(2, "0")}`)),
    ];
    const file = fileAuthorship(history, authorOnly);
    expect(file?.doa.x).toBeCloseTo(3.2887, 4);
    expect(file?.doa.p00).toBeCloseTo(2.3652, 4);
    expect(file?.authors).toEqual(["x"]);
  });

  it("gives FA to anyone who re-adds the file at the same path", () => {
    // X adds, the file is deleted, Y adds it again and modifies it.
    // X: FA=1, DL=0, AC=1 → 4.168; Y: FA=1, DL=1, AC=0 → 4.555; ratio 0.915.
    const file = fileAuthorship(
      [added("a.ts", "x"), added("a.ts", "y"), modified("a.ts", "y")],
      authorOnly,
    );
    expect(file?.doa.y).toBeCloseTo(4.555, 3);
    expect(file?.doa.x).toBeCloseTo(4.168, 3);
    expect(file?.authors).toEqual(["y", "x"]);
  });

  it("counts a rename as a delivery", () => {
    const file = fileAuthorship([added("b.ts", "x"), renamed("a.ts", "b.ts", "y")], authorOnly);
    expect(file?.doa.y).toBeCloseTo(3.457, 3);
    expect(file?.doa.x).toBeCloseTo(4.168, 3);
  });

  it("does not depend on the order of the records", () => {
    // Y re-adds after modifying; X modifies after adding.
    const history = [
      added("a.ts", "x"),
      modified("a.ts", "y"),
      added("a.ts", "y"),
      modified("a.ts", "x"),
      modified("a.ts", "z"),
    ];
    const forwards = fileAuthorship(history, authorOnly);
    const backwards = fileAuthorship([...history].reverse(), authorOnly);
    // X and Y: FA=1, DL=1, AC=2 → 4.2023; Z: DL=1, AC=2 → 3.1043.
    expect(forwards?.doa).toEqual({
      x: expect.closeTo(4.2023, 4),
      y: expect.closeTo(4.2023, 4),
      z: expect.closeTo(3.1043, 4),
    });
    expect(backwards?.doa).toEqual(forwards?.doa);
    expect(backwards?.authors).toEqual(["x", "y"]);
  });

  it("credits only the commit author without co-authors", () => {
    const file = fileAuthorship([added("a.ts", "x"), modified("a.ts", ["y", "z"])], authorOnly);
    expect(file?.authors).toEqual(["x", "y"]);
    expect(file?.doa).toEqual({ x: expect.closeTo(4.168, 3), y: expect.closeTo(3.457, 3) });
  });

  it("credits every co-author as if the change were their own", () => {
    const file = fileAuthorship([added("a.ts", "x"), modified("a.ts", ["y", "z"])], withCoAuthors);
    // One M record: X keeps AC=1; Y and Z each have DL=1, AC=0.
    expect(file?.doa.x).toBeCloseTo(4.168, 3);
    expect(file?.doa.y).toBeCloseTo(3.457, 3);
    expect(file?.doa.z).toBeCloseTo(3.457, 3);
    expect(file?.authors).toEqual(["x", "y", "z"]);
    expect(file?.deliveries).toEqual({ x: 1, y: 1, z: 1 });
  });

  it("gives FA to a co-author of the add", () => {
    const file = fileAuthorship(
      [added("a.ts", ["x", "y"]), modified("a.ts", "x"), modified("a.ts", "x")],
      withCoAuthors,
    );
    // X: FA=1, DL=2, AC=0 → 4.719; Y: FA=1, DL=0, AC=2 → 4.0383; ratio 0.856.
    expect(file?.doa.x).toBeCloseTo(4.719, 3);
    expect(file?.doa.y).toBeCloseTo(4.0383, 4);
    expect(file?.authors).toEqual(["x", "y"]);
  });

  it("credits a person listed twice on one record once", () => {
    const file = fileAuthorship([added("a.ts", "x"), modified("a.ts", ["y", "y"])], withCoAuthors);
    expect(file?.deliveries).toEqual({ x: 1, y: 1 });
  });

  it("counts a change that credits nobody (a bot's) in everyone's acceptances", () => {
    const file = fileAuthorship([added("a.ts", "x"), modified("a.ts", [])], authorOnly);
    expect(file?.doa).toEqual({ x: expect.closeTo(4.168, 3) });
    expect(file?.authors).toEqual(["x"]);
  });

  it("can leave a file without any author", () => {
    // A bot created it; Y and Z modified it once each: 3.2345 < 3.293 and no FA.
    const file = fileAuthorship(
      [added("a.ts", []), modified("a.ts", "y"), modified("a.ts", "z")],
      authorOnly,
    );
    expect(file?.authors).toEqual([]);
  });

  it("reports deliveries of every kind and the last time each person touched the file", () => {
    const file = fileAuthorship(
      [
        added("a.ts", "x", SOME_TIME),
        modified("a.ts", "y", SOME_TIME + 50),
        modified("a.ts", "x", SOME_TIME + 100),
        modified("a.ts", "y", SOME_TIME + 20),
      ],
      authorOnly,
    );
    expect(file?.deliveries).toEqual({ x: 2, y: 2 });
    expect(file?.lastTouched).toEqual({ x: SOME_TIME + 100, y: SOME_TIME + 50 });
  });

  it("orders authors by DOA, then id", () => {
    const file = fileAuthorship(
      [added("a.ts", ["m", "b"]), modified("a.ts", ["m", "b"])],
      withCoAuthors,
    );
    expect(file?.authors).toEqual(["b", "m"]);
  });

  it("takes the path from the options when given", () => {
    expect(fileAuthorship([added("old.ts", "x")], { coAuthors: false, path: "new.ts" })?.path).toBe(
      "new.ts",
    );
  });
});

describe("buildHistories", () => {
  it("follows renames back through every old path", () => {
    const records = [
      added("a.ts", "x"),
      modified("a.ts", "x"),
      renamed("a.ts", "b.ts", "y"),
      modified("b.ts", "z"),
      renamed("b.ts", "c.ts", "w"),
      added("unrelated.ts", "v"),
    ];
    const historyOf = buildHistories(records);
    expect(historyOf("c.ts")).toHaveLength(5);
    expect(new Set(historyOf("c.ts"))).toEqual(new Set(records.slice(0, 5)));
    expect(historyOf("a.ts")).toEqual(records.slice(0, 2));
    expect(historyOf("missing.ts")).toEqual([]);
  });

  it("includes earlier files that occupied the same path", () => {
    // a.ts moved to b.ts; later a new a.ts was created at the old path.
    const records = [
      added("a.ts", "x"),
      renamed("a.ts", "b.ts", "x"),
      added("a.ts", "y"),
      modified("a.ts", "y"),
    ];
    const historyOf = buildHistories(records);
    expect(historyOf("a.ts")).toEqual([records[0], records[2], records[3]]);
    expect(new Set(historyOf("b.ts"))).toEqual(new Set(records));
  });

  it("stops on rename cycles and never repeats a record", () => {
    const records = [
      added("a.ts", "p"),
      renamed("a.ts", "b.ts", "q"),
      renamed("b.ts", "a.ts", "r"),
      renamed("a.ts", "b.ts", "s"),
    ];
    const historyOf = buildHistories(records);
    expect(historyOf("b.ts")).toHaveLength(4);
    expect(new Set(historyOf("b.ts"))).toEqual(new Set(records));
    expect(historyOf("a.ts")).toHaveLength(4);
  });

  it("ignores a rename whose old path has no records", () => {
    const records = [renamed("gone.ts", "b.ts", "q"), modified("b.ts", "q")];
    expect(buildHistories(records)("b.ts")).toEqual(records);
  });

  it("returns a fresh array the caller may change", () => {
    const historyOf = buildHistories([added("a.ts", "x")]);
    historyOf("a.ts").push(modified("a.ts", "y"));
    expect(historyOf("a.ts")).toHaveLength(1);
  });

  it("makes the rename target's authorship include its old path", () => {
    // Without following the rename, Y (the renamer) would be the only author.
    const historyOf = buildHistories([
      added("a.ts", "x"),
      modified("a.ts", "x"),
      renamed("a.ts", "b.ts", "y"),
    ]);
    expect(authorsOf(historyOf("b.ts"))).toEqual(["x"]);
    expect(authorsOf([renamed("a.ts", "b.ts", "y")])).toEqual(["y"]);
  });
});
