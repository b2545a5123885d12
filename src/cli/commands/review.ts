import { dirname, resolve } from "node:path";
import { type Command, Option } from "commander";
import { addCacheOption, cacheSettings } from "../cache-option.js";
import type { GlobalOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";
import { printWarnings, writeFileAtomic } from "../output.js";
import { parsePeriod } from "../period.js";

interface ReviewFlags extends GlobalOptions {
  format?: "md" | "html" | "json";
  since?: string;
  until?: string;
  out?: string;
  ref?: string;
  cache?: boolean;
}

export function registerReview(program: Command, io: CliIo): Command {
  const command = program
    .command("review")
    .description(
      "The weekly operating review: scans incrementally, then answers the five questions in Markdown",
    )
    .argument("[repo...]", "repository paths (default: repositories in legible.yaml, or .)")
    .option(
      "--since <date>",
      "start of the period, YYYY-MM-DD (default: 7 days before --until; review.days in config)",
    )
    .option("--until <date>", "end of the period, YYYY-MM-DD (default: now)")
    .option("--out <file>", "write the review to this file instead of stdout")
    .addOption(
      new Option(
        "--format <format>",
        "md (default), html (one self-contained file, charts included) or json",
      ).choices(["md", "html", "json"]),
    )
    .option("--ref <rev>", "history to read (default: HEAD)");
  addCacheOption(command);
  addGlobalOptions(command, { json: true }).action(async (repos: string[], flags: ReviewFlags) => {
    const { openContext, sessionFor } = await import("../context.js");
    // Loaded while git answers the scan's questions (see sessionFor).
    const running = import("../../app/run/review.js");
    running.catch(() => undefined); // awaited below
    const context = await openContext(io, {
      ...flags,
      json: flags.json === true || flags.format === "json",
    });
    try {
      printWarnings(context);
      const period = parsePeriod(flags, io.now(), context.config.review.days);
      const session = await sessionFor(context, repos, { ref: flags.ref });
      const { runReview } = await running;
      // A period ending now from a fixed --since is never cached (it stretches every second).
      const cache = flags.since === undefined || flags.until !== undefined;
      const report = await runReview(session, {
        period,
        cache: cache ? cacheSettings(flags, io) : null,
      });
      const format = context.json ? "json" : (flags.format ?? "md");
      const out = flags.out ? resolve(io.cwd, flags.out) : null;
      // Links to decision records are relative to where the review is read from.
      const linkBase = out ? dirname(out) : io.cwd;
      const text =
        format === "json"
          ? `${JSON.stringify(report, null, 2)}\n`
          : format === "html"
            ? (await import("../../render/html/review.js")).reviewHtml(report, { linkBase })
            : (await import("../../render/review.js")).reviewMarkdown(report, { linkBase });
      if (out) {
        writeFileAtomic(out, text);
        io.stderr.write(`wrote ${out}\n`);
      } else {
        io.stdout.write(text);
      }
    } finally {
      await context.store.close();
    }
  });
  return command;
}
