/**
 * What the user types reaches legible checked and as meant: dates of every flag and of LEGIBLE_NOW,
 * bot patterns in legible.yaml, the injected environment (to git) and the working directory (--out).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlowReport } from "../../src/app/flow.js";
import { main } from "../../src/cli/main.js";
import { runCli, runJson } from "../helpers/cli.js";
import type { TestRepo } from "../helpers/gitrepo.js";
import { buildOrg, NOW } from "./fixture-org.js";

let repo: TestRepo;
const db = () => join(repo.root, "inputs.db");
beforeAll(() => {
  repo = buildOrg();
});
afterAll(() => repo.cleanup());

const run = (args: string[], now = NOW) =>
  runCli([...args, "--db", db()], { cwd: repo.dir, env: repo.env, now });

const DATE_HINT = "  hint: expected YYYY-MM-DD or an ISO date-time such as 2026-02-28T09:30:00Z\n";

/** Runs the CLI in this process with an injected environment and working directory. */
async function inProcess(args: string[], io: { env: NodeJS.ProcessEnv; cwd: string }) {
  let stdout = "";
  let stderr = "";
  const code = await main([...args, "--db", db()], {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: { ...io.env, NO_COLOR: "1" },
    cwd: io.cwd,
    now: () => new Date(NOW),
  });
  return { code, stdout, stderr };
}

describe("dates", () => {
  it("rejects a date the calendar does not have, naming the flag typed", () => {
    expect(run(["review", "--since", "2026-02-30"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `legible: --since 2026-02-30: day 30 does not exist in 2026-02 (it has 28 days)\n${DATE_HINT}`,
    });
    expect(run(["review", "--since", "2026-13-45"])).toEqual({
      code: 2,
      stdout: "",
      stderr: `legible: --since 2026-13-45: month 13 does not exist\n${DATE_HINT}`,
    });
    expect(run(["dora", "--until", "2025-04-31"]).stderr).toBe(
      `legible: --until 2025-04-31: day 31 does not exist in 2025-04 (it has 30 days)\n${DATE_HINT}`,
    );
    expect(run(["flow", "--since", "last week"]).stderr).toBe(
      `legible: --since last week: not a date\n${DATE_HINT}`,
    );
    expect(run(["impact", "--person", "Alice", "--until", "2024-06-01T25:00"]).stderr).toBe(
      `legible: --until 2024-06-01T25:00: hour 25 does not exist\n${DATE_HINT}`,
    );
  });

  it("checks a date given to --as-of and still takes anything else as a revision", () => {
    for (const command of ["knowledge", "whatif"]) {
      const args = command === "whatif" ? ["whatif", "--leave", "Alice"] : [command];
      expect(run([...args, "--as-of", "2024-02-30"])).toEqual({
        code: 2,
        stdout: "",
        stderr:
          "legible: --as-of 2024-02-30: day 30 does not exist in 2024-02 (it has 29 days)\n" +
          "  hint: expected YYYY-MM-DD, an ISO date-time such as 2026-02-28T09:30:00Z, or a git revision\n",
      });
    }
    expect(run(["knowledge", "--as-of", "HEAD~2"]).code).toBe(0);
    expect(run(["knowledge", "--as-of", "2024-02-29"]).code).toBe(0);
  });

  it("takes a bare --since from the start of its day and a date-time with its zone", () => {
    const report = runJson<FlowReport>(
      ["flow", "--since", "2024-02-29", "--until", "2024-03-01T12:00:00+02:00", "--db", db()],
      { cwd: repo.dir, env: repo.env, now: NOW },
    );
    expect(report.period).toEqual({
      since: "2024-02-29T00:00:00.000Z",
      until: "2024-03-01T10:00:00.000Z",
    });
    const bare = runJson<FlowReport>(["flow", "--until", "2024-03-01", "--db", db()], {
      cwd: repo.dir,
      env: repo.env,
      now: NOW,
    });
    expect(bare.period.until).toBe("2024-03-01T23:59:59.000Z");
  });

  it("checks LEGIBLE_NOW like a flag, and takes a valid one as the clock", () => {
    expect(run(["knowledge"], "2026-02-30")).toEqual({
      code: 2,
      stdout: "",
      stderr: `legible: LEGIBLE_NOW=2026-02-30: day 30 does not exist in 2026-02 (it has 28 days)\n${DATE_HINT}`,
    });
    expect(run(["knowledge"], "tomorrow").stderr).toBe(
      `legible: LEGIBLE_NOW=tomorrow: not a date\n${DATE_HINT}`,
    );
    const pinned = runJson<{ asOf: { date: string } }>(["knowledge", "--db", db()], {
      cwd: repo.dir,
      env: repo.env,
      now: "2024-12-31T18:30:00+01:00",
    });
    expect(pinned.asOf.date).toBe("2024-12-31T17:30:00.000Z");
  });
});

describe("bots.patterns", () => {
  it("is a config error naming file, line and key when a pattern is not a regular expression", () => {
    const config = join(repo.root, "bots.yaml");
    writeFileSync(
      config,
      'activeDays: 90\nbots:\n  patterns:\n    - "ci-bot"\n    - "(unclosed"\n',
    );
    expect(run(["knowledge", "--config", config])).toEqual({
      code: 2,
      stdout: "",
      stderr: `legible: ${config}:5: bots.patterns.1: not a valid regular expression: Invalid regular expression: /(unclosed/i: Unterminated group\n`,
    });
  });
});

describe("the injected environment and working directory", () => {
  it("reaches git: impact --me reads user.email from the injected GIT_CONFIG_GLOBAL", async () => {
    repo.git("config", "--unset", "user.email"); // only the global config may answer
    const global = join(repo.root, "injected.gitconfig");
    writeFileSync(global, "[user]\n\temail = alice@example.com\n");
    expect(process.env.GIT_CONFIG_GLOBAL).not.toBe(global);
    const args = ["impact", "--me", "--since", "2023-01-01", "--json"];
    const without = await inProcess(args, { env: repo.env, cwd: repo.dir });
    expect(without).toEqual({
      code: 2,
      stdout: "",
      stderr: "legible: --me: git config user.email is not set here\n",
    });
    const withGlobal = await inProcess(args, {
      env: { ...repo.env, GIT_CONFIG_GLOBAL: global },
      cwd: repo.dir,
    });
    expect(withGlobal.code).toBe(0);
    expect(JSON.parse(withGlobal.stdout).person).toEqual({
      id: "alice@example.com",
      name: "Alice",
    });
  });

  it("writes --out relative to the working directory given, for every command that has it", async () => {
    expect(process.cwd()).not.toBe(repo.dir);
    for (const args of [
      ["impact", "--person", "Alice", "--since", "2023-01-01"],
      ["review"],
      ["decide", "log"],
    ]) {
      const name = `out-${args[0]}.md`;
      rmSync(join(process.cwd(), name), { force: true });
      const result = await inProcess([...args, "--out", name], { env: repo.env, cwd: repo.dir });
      expect(result).toEqual({ code: 0, stdout: "", stderr: `wrote ${join(repo.dir, name)}\n` });
      expect(readFileSync(join(repo.dir, name), "utf8")).not.toBe("");
      expect(existsSync(join(process.cwd(), name))).toBe(false);
    }
  });
});
