import { resolve } from "node:path";
import type { Command } from "commander";
import { buildDemo } from "../../app/demo/index.js";
import type { CliIo } from "../io.js";
import { main } from "../main.js";

export function registerDemo(program: Command, io: CliIo): Command {
  return program
    .command("demo")
    .description(
      "Build a realistic example organisation, import its records and run the weekly review on it",
    )
    .argument("[dir]", "an empty or new folder for it", "legible-demo")
    .option("--no-review", "only build the organisation")
    .action(async (dir: string, flags: { review: boolean }) => {
      const result = buildDemo({ dir: resolve(io.cwd, dir), now: io.now() });
      io.stderr.write(
        `built ${result.dir}: ${result.repositories.length} repositories, ${result.config}\n`,
      );
      for (const line of result.story) io.stderr.write(`  - ${line}\n`);
      if (!flags.review) return;
      const inDemo: CliIo = { ...io, cwd: result.dir };
      const quiet: CliIo = { ...inDemo, stdout: { write: () => true } };
      const imported = await main(["import"], quiet);
      if (imported !== 0) return;
      await main(["review"], inDemo);
      io.stderr.write(
        `\nNext: cd ${dir} && npx legible review --format html --out review.html; npx legible impact --person <name> (legible people lists them)\n`,
      );
    });
}
