import { appendFileSync } from "node:fs";
import { type Command, Option } from "commander";
import { LegibleError, storageError } from "../../errors.js";
import type { GlobalOptions } from "../context.js";
import { ExitWith } from "../exit.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";
import { printWarnings } from "../output.js";

interface CheckFlags extends GlobalOptions {
  base?: string;
  ref?: string;
  format?: "text" | "json" | "junit" | "sarif";
}

const CHECK_EXIT_HELP = `
legible check exits 0 when every rule passes, 1 when there are findings (or, with a stack trace,
on an internal error), 2 on bad input (a shallow clone, an unknown base ref, a config error). Rules are the check: keys of legible.yaml.
In GitHub Actions (GITHUB_ACTIONS=true) each finding is also an ::error annotation and the
result is appended to the job summary (GITHUB_STEP_SUMMARY).`;

const SHALLOW_HINT =
  "legible check reads the whole history: in GitHub Actions give actions/checkout `fetch-depth: 0`; in GitLab CI set the variable `GIT_DEPTH: 0`; locally run `git fetch --unshallow`";

export function registerCheck(program: Command, io: CliIo): Command {
  const command = program
    .command("check")
    .description(
      "The CI gate: the check: rules of legible.yaml (truck factor, new knowledge islands, orphaned areas and files, drift, decision tradeoffs) on the head, against --base when given",
    )
    .argument("[repo...]", "repository paths (default: repositories in legible.yaml, or .)")
    .option("--base <ref>", "compare with this ref (a pull request's target, e.g. origin/main)")
    .option("--ref <rev>", "the head to check (default: HEAD)")
    .addOption(
      new Option("--format <format>", "what stdout carries").choices([
        "text",
        "json",
        "junit",
        "sarif",
      ]),
    )
    .addHelpText("after", CHECK_EXIT_HELP);
  addGlobalOptions(command, { json: true }).action(async (repos: string[], flags: CheckFlags) => {
    const { openContext, repositoryPaths, scanFor } = await import("../context.js");
    const { runCheck } = await import("../../app/check.js");
    const { AnalysisSession } = await import("../../app/session.js");
    const { parseAsOf } = await import("../../app/workspace.js");
    const {
      checkJunit,
      checkSarif,
      checkSummaryMarkdown,
      checkText,
      findingLines,
      githubAnnotations,
    } = await import("../../render/check.js");
    const format = flags.json ? "json" : (flags.format ?? "text");
    const context = await openContext(io, { ...flags, json: format !== "text" });
    try {
      printWarnings(context);
      const asOf = parseAsOf(undefined, io.now());
      const targets = repositoryPaths(context, repos);
      if (flags.base !== undefined) {
        try {
          await scanFor(context, targets, flags.base);
        } catch (error) {
          if (error instanceof LegibleError && error.code === "UNKNOWN_REF")
            throw new LegibleError(
              "UNKNOWN_REF",
              `--base ${flags.base}: ${error.message}`,
              `fetch the base branch first (in GitHub Actions actions/checkout with \`fetch-depth: 0\` fetches every branch; or \`git fetch origin ${flags.base.replace(/^origin\//, "")}\`)`,
            );
          throw error;
        }
      }
      const scans = await scanFor(context, targets, flags.ref);
      const shallow = scans.filter((s) => s.shallow);
      if (shallow.length > 0)
        throw new LegibleError(
          "BAD_INPUT",
          `${shallow.map((s) => s.name).join(", ")}: a shallow clone (history cut off), so truck factors and authors would be wrong`,
          SHALLOW_HINT,
        );
      const session = new AnalysisSession({
        store: context.store,
        config: context.config,
        baseDir: context.baseDir,
        scans,
      });
      const report = await runCheck(session, { asOf, base: flags.base ?? null });
      const inActions = io.env.GITHUB_ACTIONS === "true";
      if (format === "json") io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else if (format === "junit") io.stdout.write(checkJunit(report));
      else if (format === "sarif")
        io.stdout.write(checkSarif(report, program.version() ?? "unknown"));
      else io.stdout.write(checkText(report));
      io.stderr.write(findingLines(report));
      if (inActions) {
        // Workflow commands are read from the step's output; with a document on stdout they go to stderr.
        (format === "text" ? io.stdout : io.stderr).write(githubAnnotations(report));
        const summary = io.env.GITHUB_STEP_SUMMARY;
        if (summary) {
          try {
            appendFileSync(summary, checkSummaryMarkdown(report));
          } catch (error) {
            throw storageError(error, summary) ?? error;
          }
        }
      }
      if (report.findings.length > 0) throw new ExitWith(1);
    } finally {
      await context.store.close();
    }
  });
  return command;
}
