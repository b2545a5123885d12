import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { BIN } from "../helpers/cli.js";
import { makeRepo } from "../helpers/gitrepo.js";

/** Runs the CLI with its standard output closed before it writes (a reader that went away). */
function withClosedStdout(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe("a reader that goes away (legible … | head)", () => {
  it("ends --help quietly with status 0", async () => {
    const result = await withClosedStdout(["--help"], tmpdir());
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("ends a data command quietly after storing what it read", async () => {
    const folder = mkdtempSync(join(tmpdir(), "legible-pipe-"));
    const repo = makeRepo();
    onTestFinished(() => {
      repo.cleanup();
      rmSync(folder, { recursive: true, force: true });
    });
    for (const [i, date] of ["2024-01-10T10:00:00Z", "2024-01-11T10:00:00Z"].entries())
      repo.commit({ author: "Ada <ada@example.com>", date, files: { "a.txt": `v${i}\n` } });
    const db = join(folder, "legible.db");
    const closed = await withClosedStdout(
      ["scan", repo.dir, "--db", db, "--json"],
      folder,
      repo.env,
    );
    expect(closed.stderr).not.toMatch(/EPIPE|unexpected error/);
    expect(closed.code).toBe(0);
    // The scan was stored whole: scanning again finds nothing new.
    const again = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, "scan", repo.dir, "--db", db, "--json"], {
        cwd: folder,
        env: { ...repo.env, NO_COLOR: "1" },
      });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString("utf8");
      });
      child.on("error", reject);
      child.on("close", () => resolve(out));
    });
    const scan = JSON.parse(again) as { repositories: { mode: string; storedCommits: number }[] };
    expect(scan.repositories[0]).toMatchObject({ mode: "up-to-date", storedCommits: 2 });
  });
});
