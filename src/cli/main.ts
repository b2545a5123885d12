import { Command, CommanderError } from "commander";
import { isLegibleError, storageError } from "../errors.js";
import { withGitEnvironment } from "../sources/git/run.js";
import { registerCheck } from "./commands/check.js";
import { registerDecide } from "./commands/decide.js";
import { registerDora, registerFlow } from "./commands/delivery.js";
import { registerDemo } from "./commands/demo.js";
import { registerFetch } from "./commands/fetch.js";
import { registerImpact, registerLadder } from "./commands/impact.js";
import { registerImport } from "./commands/import.js";
import { registerInit } from "./commands/init.js";
import { registerJobs } from "./commands/jobs.js";
import { registerKnowledge } from "./commands/knowledge.js";
import { registerOwnership } from "./commands/ownership.js";
import { registerPeople } from "./commands/people.js";
import { registerReview } from "./commands/review.js";
import { registerScan } from "./commands/scan.js";
import { registerServe } from "./commands/serve.js";
import { registerWhatif } from "./commands/whatif.js";
import { registerWorker } from "./commands/worker.js";
import { ExitWith } from "./exit.js";
import { type CliIo, terminalIo } from "./io.js";

export const EXIT = { ok: 0, failure: 1, usage: 2, interrupted: 130 } as const;

const EXIT_HELP = `
Exit codes:
  0    success
  1    unexpected internal error (a bug: the stack trace is printed)
  2    bad usage or bad input (unknown option, not a repository, unknown ref, invalid config)
  130  interrupted (what was stored stays consistent; the next scan continues)`;

/**
 * Builds the command tree. One source for the CLI and its help text.
 *
 * Start-up stays fast (`legible --version` and `--help` load no analysis, store, config or git
 * code) because a command module imports at its top only what defines the command — commander,
 * ../options.js, ../output.js, ../io.js, ../period.js, errors, render/format and render/table — and
 * loads everything else inside its action with `await import(...)` (see commands/knowledge.ts).
 * To add a command: write `registerX(program, io)` that way and add it to the list below.
 */
export function buildProgram(io: CliIo): Command {
  const program = new Command("legible")
    .description(
      "Make engineering leverage legible: who the organisation depends on, for which areas, and whether that is getting better.",
    )
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", EXIT_HELP)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride();
  for (const register of [
    registerReview,
    registerScan,
    registerKnowledge,
    registerPeople,
    registerWhatif,
    registerOwnership,
    registerCheck,
    registerDecide,
    registerFlow,
    registerDora,
    registerImpact,
    registerLadder,
    registerImport,
    registerFetch,
    registerDemo,
    registerInit,
    registerServe,
    registerWorker,
    registerJobs,
  ]) {
    const command = register(program, io);
    command
      .addHelpText("after", EXIT_HELP)
      .exitOverride()
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
      });
  }
  return program;
}

/** The CLI entry: parses, runs, and turns every outcome into an exit code. Never calls process.exit. */
export async function main(argv: string[], given: CliIo): Promise<number> {
  const io = terminalIo(given);
  const program = buildProgram(io);
  try {
    // Every git process a command starts runs in the injected environment, not process.env.
    await withGitEnvironment(io.env, () => program.parseAsync(argv, { from: "user" }));
    return EXIT.ok;
  } catch (error) {
    // A command that finished with findings (`legible check`): its output is already written.
    if (error instanceof ExitWith) return error.exitCode;
    if (error instanceof CommanderError) {
      if (
        error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.code === "commander.help"
      ) {
        return EXIT.ok;
      }
      return EXIT.usage; // commander already printed the message
    }
    // A full disk, a read-only file system, a permission denied: the user's to fix, not a bug.
    const storage = storageError(error);
    if (storage) {
      io.stderr.write(`legible: ${storage.message}\n  hint: ${storage.hint}\n`);
      return EXIT.usage;
    }
    if (isLegibleError(error)) {
      if (error.code === "INTERRUPTED") {
        io.stderr.write(`legible: interrupted; ${error.hint ?? ""}\n`);
        return EXIT.interrupted;
      }
      io.stderr.write(`legible: ${error.message}\n${error.hint ? `  hint: ${error.hint}\n` : ""}`);
      return EXIT.usage;
    }
    const trace = error instanceof Error ? (error.stack ?? error.message) : String(error);
    // The CLI bundle's stack names minified functions; its source maps lead back to src/.
    const mapped =
      trace.includes("/dist/bundle/") && !process.sourceMapsEnabled
        ? "(run again with NODE_OPTIONS=--enable-source-maps for this trace in legible's source files)\n"
        : "";
    io.stderr.write(`legible: unexpected error (please report it)\n${trace}\n${mapped}`);
    return EXIT.failure;
  }
}

export const VERSION = "0.1.0";
