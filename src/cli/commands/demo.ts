import { relative, resolve } from "node:path";
import type { Command } from "commander";
import { legibleBin } from "../../bin-path.js";
import type { CliIo } from "../io.js";
import { parsePeriod } from "../period.js";

export function registerDemo(program: Command, io: CliIo): Command {
  return program
    .command("demo")
    .description(
      "Build a realistic example organisation, import its records and run the weekly review on it",
    )
    .argument("[dir]", "an empty or new folder for it", "legible-demo")
    .option("--no-review", "only build the organisation")
    .action(async (dir: string, flags: { review: boolean }) => {
      const { buildDemo } = await import("../../app/demo/index.js");
      const { importSources } = await import("../../app/import.js");
      const { runReview } = await import("../../app/run/review.js");
      const { reviewMarkdown } = await import("../../render/review.js");
      const { openContext, sessionFor } = await import("../context.js");
      const result = buildDemo({ dir: resolve(io.cwd, dir), now: io.now() });
      io.stderr.write(
        `built ${result.dir}: ${result.repositories.length} repositories, ${result.config}\n`,
      );
      for (const line of result.story) io.stderr.write(`  - ${line}\n`);
      if (!flags.review) return;
      // The same run functions as `legible import` and `legible review`, inside the demo folder.
      const context = await openContext({ ...io, cwd: result.dir }, {});
      try {
        await importSources(context.store, {
          sources: context.config.sources,
          baseDir: context.baseDir,
          now: Math.floor(io.now().getTime() / 1000),
        });
        const session = await sessionFor(context, []);
        const period = parsePeriod({}, io.now(), context.config.review.days);
        const report = await runReview(session, { period });
        io.stdout.write(reviewMarkdown(report, { linkBase: result.dir }));
      } finally {
        await context.store.close();
      }
      // This package's CLI entry, so the printed next steps work where the package is not installed.
      const bin = legibleBin();
      const cli = `node ${relative(result.dir, bin) || bin}`;
      io.stderr.write(
        `\nNext: cd ${dir} && ${cli} review --format html --out review.html; ${cli} impact --person <name> (${cli} people lists them)\n`,
      );
    });
}
