import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { CONFIG_FILE } from "../../config/file-name.js";
import { LegibleError } from "../../errors.js";
import type { CliIo } from "../io.js";
import { writeFileAtomic } from "../output.js";

export function registerInit(program: Command, io: CliIo): Command {
  return program
    .command("init")
    .description(`Write a commented ${CONFIG_FILE} with every setting and its default`)
    .option("--force", "overwrite an existing file")
    .action(async (flags: { force?: boolean }) => {
      const { configTemplate } = await import("../../config/template.js");
      const path = join(io.cwd, CONFIG_FILE);
      if (existsSync(path) && !flags.force) {
        throw new LegibleError(
          "BAD_USAGE",
          `${path} already exists`,
          "use --force to overwrite it",
        );
      }
      writeFileAtomic(path, configTemplate());
      io.stdout.write(`wrote ${path}\n`);
    });
}
