import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DecisionWrite, writeDecisionFiles } from "../../src/app/decide-write.js";
import { writeFileAtomic } from "../../src/cli/output.js";
import { LegibleError } from "../../src/errors.js";
import { runCli } from "../helpers/cli.js";
import { makeRepo, person, type TestRepo } from "../helpers/gitrepo.js";

/**
 * Writes that fail must leave nothing behind and say why in one line. A full disk is real: the
 * injected write puts part of the content in place, then writes to /dev/full, whose ENOSPC comes
 * from the kernel.
 */
const FULL_DISK = existsSync("/dev/full");

/** Writes a 196 KB prefix of the content (a partial file), then runs into a full disk. */
function writeThenFillDisk(path: string, content: string): void {
  writeFileSync(path, content.slice(0, 196 * 1024));
  writeFileSync("/dev/full", content);
}

/** Files whose name marks them as legible's temporary files, anywhere under `dir`. */
function temporaries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) =>
    name.endsWith(".legible.tmp"),
  );
}

function failure(work: () => void): { code: string; message: string; hint: string | undefined } {
  try {
    work();
  } catch (error) {
    if (error instanceof LegibleError)
      return { code: error.code, message: error.message, hint: error.hint };
    throw error;
  }
  throw new Error("expected a failure");
}

describe("--out", () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = makeRepo({
      commits: [{ author: person("Ada"), date: "2024-03-01T10:00:00Z", files: { "a.txt": "a\n" } }],
    });
  });
  afterAll(() => repo.cleanup());
  const decisionLog = (out: string) =>
    runCli(["decide", "log", repo.dir, "--out", out], { cwd: repo.root, env: repo.env });

  it("refuses a directory in one line, writing nothing", () => {
    const target = join(repo.root, "reports");
    mkdirSync(target);
    expect(decisionLog(target)).toEqual({
      code: 2,
      stdout: "",
      stderr: `legible: ${target}: is a directory\n  hint: give --out a file name, for example review.md\n`,
    });
    expect(readdirSync(target)).toEqual([]);
    expect(temporaries(repo.root)).toEqual([]);
  });

  it("says in one line that a parent is a file", () => {
    const file = join(repo.root, "plain-file");
    writeFileSync(file, "x");
    expect(decisionLog(join(file, "log.md"))).toEqual({
      code: 2,
      stdout: "",
      stderr: `legible: ${join(file, "log.md")}: a parent is not a directory (ENOTDIR)\n  hint: give a path whose parent folders are folders\n`,
    });
    expect(temporaries(repo.root)).toEqual([]);
  });

  it.runIf(FULL_DISK)("removes the partial temporary file when the disk is full", () => {
    const dir = join(repo.root, "full");
    mkdirSync(dir);
    const target = join(dir, "review.html");
    const content = "<p>review</p>\n".repeat(30_000);
    expect(
      failure(() =>
        writeFileAtomic(target, content, { writeFileSync: writeThenFillDisk, renameSync() {} }),
      ),
    ).toEqual({
      code: "STORAGE",
      message: `${target}: disk full (ENOSPC)`,
      hint: "free some space, then run it again",
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it("writes the file when all goes well, replacing an older one", () => {
    const target = join(repo.root, "log.md");
    writeFileSync(target, "old\n");
    expect(decisionLog(target).code).toBe(0);
    expect(readFileSync(target, "utf8")).toMatch(/^# Decision log/);
    expect(temporaries(repo.root)).toEqual([]);
  });
});

describe("decide new", () => {
  let repo: TestRepo;
  beforeAll(() => {
    repo = makeRepo({
      commits: [{ author: person("Ada"), date: "2024-03-01T10:00:00Z", files: { "a.txt": "a\n" } }],
    });
  });
  afterAll(() => repo.cleanup());

  it("shortens the file name of a 250-character title and leaves nothing else behind", () => {
    const title = "Move every payment event through one transactional outbox table ".repeat(4);
    expect(title.trim().length).toBeGreaterThanOrEqual(250);
    const result = runCli(["decide", "new", title.trim()], { cwd: repo.dir, env: repo.env });
    const name =
      "0001-move-every-payment-event-through-one-transactional-outbox-table-move-every-payment-event-through.md";
    expect(result).toEqual({ code: 0, stdout: `wrote docs/decisions/${name}\n`, stderr: "" });
    expect(repo.git("status", "--porcelain", "--untracked-files=all")).toBe(
      `?? docs/decisions/${name}`,
    );
    expect(readFileSync(join(repo.dir, "docs/decisions", name), "utf8")).toContain(
      `# ${title.trim()}\n`,
    );
  });

  it.runIf(FULL_DISK)("removes what it wrote when the disk fills up", () => {
    const folder = join(repo.root, "decisions");
    const plan: DecisionWrite = {
      id: "0002-b",
      files: [
        { path: join(folder, "0002-b.md"), content: "new\n", created: true },
        { path: join(folder, "0001-a.md"), content: "x".repeat(300_000), created: false },
      ],
    };
    mkdirSync(folder);
    writeFileSync(join(folder, "0001-a.md"), "old\n");
    expect(
      failure(() =>
        writeDecisionFiles(plan, { writeFileSync: writeThenFillDisk, renameSync() {} }),
      ),
    ).toEqual({
      code: "STORAGE",
      message: `${join(folder, "0002-b.md")}: disk full (ENOSPC)`,
      hint: "free some space, then run it again",
    });
    expect(readdirSync(folder)).toEqual(["0001-a.md"]);
    expect(readFileSync(join(folder, "0001-a.md"), "utf8")).toBe("old\n");
  });

  it("removes the new record again when updating the old one fails", () => {
    const folder = join(repo.root, "decisions-2");
    // A directory where the old record should be: renaming the update onto it fails for real.
    mkdirSync(join(folder, "0001-a.md"), { recursive: true });
    const plan: DecisionWrite = {
      id: "0002-b",
      files: [
        { path: join(folder, "0002-b.md"), content: "new\n", created: true },
        { path: join(folder, "0001-a.md"), content: "updated\n", created: false },
      ],
    };
    expect(failure(() => writeDecisionFiles(plan))).toEqual({
      code: "STORAGE",
      message: `${join(folder, "0001-a.md")}: is a directory (EISDIR)`,
      hint: "give a file name, not a directory",
    });
    expect(readdirSync(folder)).toEqual(["0001-a.md"]);
  });
});
