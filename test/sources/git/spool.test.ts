import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runGit, withGitEnvironment } from "../../../src/sources/git/run.js";
import { spoolGit } from "../../../src/sources/git/spool.js";
import { makeRepo, person, type TestRepo } from "../../helpers/gitrepo.js";

// git's output through a spool file (src/sources/git/spool.ts) must be byte for byte what the pipe
// gives, leave nothing behind, report git's failures, and stop on an abort.
describe("spoolGit", () => {
  let repo: TestRepo;
  let spoolDir: string;
  const savedTmp = process.env.TMPDIR;

  beforeAll(() => {
    repo = makeRepo();
    for (let i = 0; i < 40; i++)
      repo.commit({
        author: person(i % 2 ? "Ada" : "Grace"),
        date: `2024-01-${String((i % 28) + 1).padStart(2, "0")}T10:00:00Z`,
        message: `change ${i}\n\n${"body line\n".repeat(i)}`,
        files: { [`src/file-${i % 7}.txt`]: `content ${i}\n`.repeat(50) },
      });
  });
  afterAll(() => repo.cleanup());
  beforeEach(() => {
    spoolDir = mkdtempSync(join(tmpdir(), "legible-spool-test-"));
    process.env.TMPDIR = spoolDir;
  });
  afterEach(() => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    chmodSync(spoolDir, 0o700);
    rmSync(spoolDir, { recursive: true, force: true });
  });

  const LOG = ["log", "--name-status", "-z", "--format=%H%x00%an%x00%B"];
  const inRepo = <T>(work: () => Promise<T>) => withGitEnvironment(repo.env, work);

  const drainAll = async (args: string[], options = {}) => {
    const spooled = await inRepo(() => spoolGit(repo.dir, args, options));
    const chunks: Buffer[] = [];
    const filesWhileRunning = readdirSync(spoolDir);
    try {
      const result = await spooled.drain((chunk) => {
        chunks.push(Buffer.from(chunk));
      });
      return { result, output: Buffer.concat(chunks), filesWhileRunning };
    } finally {
      await spooled.dispose();
    }
  };

  it("hands over exactly what git prints through a pipe, and leaves no file behind", async () => {
    const piped = await inRepo(() => runGit(repo.dir, LOG));
    const spooled = await drainAll(LOG);
    expect(spooled.result.code).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(10_000);
    expect(spooled.output.equals(piped.stdout)).toBe(true);
    // Removed as soon as it was open, so not even a crash leaves it.
    expect(spooled.filesWhileRunning).toEqual([]);
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it("passes stdin to git and reports its failure with its message", async () => {
    const head = repo.head();
    const fine = await drainAll(["rev-list", "--stdin"], { input: `${head}\n` });
    expect(fine.output.toString().trim().split("\n")).toHaveLength(40);
    const failed = await drainAll(["log", "no-such-revision", "--"]);
    expect(failed.result.code).not.toBe(0);
    expect(failed.result.stderr).toMatch(/no-such-revision/);
    expect(failed.output.length).toBe(0);
  });

  it("waits for a reader that returns a promise, and keeps the order of the chunks", async () => {
    const piped = await inRepo(() => runGit(repo.dir, LOG));
    const spooled = await inRepo(() => spoolGit(repo.dir, LOG));
    const chunks: Buffer[] = [];
    let busy = false;
    try {
      await spooled.drain(async (chunk) => {
        expect(busy).toBe(false); // no chunk arrives while the previous one is still being handled
        busy = true;
        await new Promise((resolve) => setTimeout(resolve, 5));
        chunks.push(Buffer.from(chunk));
        busy = false;
      });
    } finally {
      await spooled.dispose();
    }
    expect(Buffer.concat(chunks).equals(piped.stdout)).toBe(true);
  });

  it("stops git and rejects as interrupted when aborted", async () => {
    const controller = new AbortController();
    // A git that runs for seconds unless stopped (a shell alias).
    const spooled = await inRepo(() =>
      spoolGit(repo.dir, ["-c", "alias.slow=!sleep 3", "slow"], { signal: controller.signal }),
    );
    setTimeout(() => controller.abort(), 50);
    await expect(spooled.drain(() => undefined)).rejects.toMatchObject({ code: "INTERRUPTED" });
    await spooled.dispose();
  });

  it("falls back to a pipe where no temporary file can be made", async () => {
    chmodSync(spoolDir, 0o500); // read-only
    if (process.getuid?.() === 0) {
      // root writes anyway: point TMPDIR at a folder that does not exist instead.
      process.env.TMPDIR = join(spoolDir, "missing");
    }
    const piped = await inRepo(() => runGit(repo.dir, LOG));
    const spooled = await drainAll(LOG);
    expect(spooled.result.code).toBe(0);
    expect(spooled.output.equals(piped.stdout)).toBe(true);
  });
});
