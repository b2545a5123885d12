import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const cwd = mkdtempSync(join(tmpdir(), "legible-help-"));

describe("help", () => {
  it("lists every command and the exit codes", () => {
    const result = runCli(["--help"], { cwd });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatchInlineSnapshot(`
      "Usage: legible [options] [command]

      Make engineering leverage legible: who the organisation depends on, for which
      areas, and whether that is getting better.

      Options:
        -V, --version                      output the version number
        -h, --help                         display help for command

      Commands:
        review [options] [repo...]         The weekly operating review: scans
                                           incrementally, then answers the five
                                           questions in Markdown
        scan [options] [repo...]           Read the git history of repositories into
                                           the store (incremental: only new commits
                                           are read)
        knowledge [options] [repo...]      Who the organisation depends on:
                                           authorship, truck factor and knowledge risk
                                           per area
        people [options] [repo...]         List each person with the identities merged
                                           into them and why (mailmap, alias,
                                           same-email, github-login, same-name); bots
                                           and AI assistants that co-author commits
                                           are listed as bots
        whatif [options] [repo...]         Departure simulation: which areas lose all
                                           their active authors if these people leave
        ownership [options] [repo...]      Declared ownership (CODEOWNERS, roster)
                                           against real knowledge per area: drift,
                                           unowned areas, owners who left, review
                                           load; teams per change and cross-team
                                           change coupling
        check [options] [repo...]          The CI gate: the check: rules of
                                           legible.yaml (truck factor, new knowledge
                                           islands, orphaned areas and files, drift,
                                           decision tradeoffs) on the head, against
                                           --base when given
        decide                             Decision records: list them, write new ones
                                           with their tradeoffs, keep a decision log
        flow [options] [repo...]           Where work waits and who rescues it: review
                                           waits per area and team, friction against
                                           the previous period, incidents and heroics
        dora [options] [repo...]           The DORA four keys and the rework rate,
                                           each with its band and the records it rests
                                           on
        impact [options] [repo...]         An engineer's impact packet from the
                                           records: scope, leverage mix, problem →
                                           decision → tradeoff → outcome statements
                                           with evidence, mapped to a ladder level
        ladder                             Career ladders: legible's default, or a
                                           Financial Times YAML or Monzo Markdown file
        import [options] [kind] [file]     Import pull requests, deployments or
                                           incidents from an export file (idempotent);
                                           with no arguments, the sources in
                                           legible.yaml
        fetch                              Fetch records live from an API (incremental
                                           and resumable)
        demo [options] [dir]               Build a realistic example organisation,
                                           import its records and run the weekly
                                           review on it
        init [options]                     Write a commented legible.yaml with every
                                           setting and its default
        serve [options] [repo...]          A local dashboard over the same analyses:
                                           This week, Areas, What if, Flow and
                                           delivery, Decisions, Teams (and Me with
                                           --me), plus a versioned JSON API
        worker [options]                   Take scan, import and fetch jobs from the
                                           queue in the PostgreSQL store until stopped
                                           (Ctrl-C, SIGTERM)
        jobs [options] [action] [args...]  List the queue's jobs (queued, running,
                                           failed, finished) with their errors, newest
                                           first; \`jobs add import|fetch ...\` queues a
                                           command
        help [command]                     display help for command

      Exit codes:
        0    success
        1    unexpected internal error (a bug: the stack trace is printed)
        2    bad usage or bad input (unknown option, not a repository, unknown ref, invalid config)
        130  interrupted (what was stored stays consistent; the next scan continues)
      "
    `);
  });

  it("documents each command's options", () => {
    for (const command of [
      "review",
      "scan",
      "knowledge",
      "people",
      "whatif",
      "decide",
      "flow",
      "dora",
      "import",
      "fetch",
      "init",
      "ownership",
      "check",
    ]) {
      const result = runCli([command, "--help"], { cwd });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: legible ${command} `));
      expect(result.stdout).toContain("Exit codes:");
    }
    expect(runCli(["whatif", "--help"], { cwd }).stdout).toContain("--leave <person>");
    const check = runCli(["check", "--help"], { cwd }).stdout;
    expect(check).toContain('--format <format>  what stdout carries (choices: "text", "json",');
    expect(check).toContain(
      "legible check exits 0 when every rule passes, 1 when there are findings",
    );
    expect(runCli(["ownership", "--help"], { cwd }).stdout).toContain("--max-changeset-size <n>");
  });

  it("exits 2 on an unknown command or option", () => {
    expect(runCli(["bogus"], { cwd })).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: unknown command 'bogus'\n(run with --help for usage)\n",
    });
    expect(runCli(["knowledge", "--format", "pdf"], { cwd }).code).toBe(2);
    expect(runCli(["whatif"], { cwd }).stderr).toBe(
      "legible: whatif needs at least one --leave <person>\n",
    );
  });
});
