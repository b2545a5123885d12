import { type Command, Option } from "commander";
import { parseUserDate } from "../../core/dates.js";
import { CODE_MAAT_DEFAULTS } from "../../core/ownership/coordination.js";
import { LegibleError } from "../../errors.js";
import type { AnalysisFlags, GlobalOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";
import { bolder, printWarnings } from "../output.js";

interface OwnershipFlags extends GlobalOptions, AnalysisFlags {
  since?: string;
  trend?: boolean;
  months: string;
  minRevs: string;
  minSharedRevs: string;
  minCoupling: string;
  maxChangesetSize: string;
  format?: "table" | "json" | "md" | "csv";
  limit: string;
}

export function registerOwnership(program: Command, io: CliIo): Command {
  const command = program
    .command("ownership")
    .description(
      "Declared ownership (CODEOWNERS, roster) against real knowledge per area: drift, unowned areas, owners who left, review load; teams per change and cross-team change coupling",
    )
    .argument("[repo...]", "repository paths (default: repositories in legible.yaml, or .)")
    .option("--ref <rev>", "history to read (default: HEAD)")
    .option("--as-of <date|rev>", "analyse at a past point: a date (YYYY-MM-DD) or a revision")
    .option(
      "--since <date>",
      "start of the review-load window (default: 91 days before the analysed date)",
    )
    .option("--trend", "each area's status month by month (drift over time)")
    .option("--months <n>", "months of teams per change and of --trend", "6")
    .option(
      "--min-revs <n>",
      "coupling: lowest mean changes of the two areas (code-maat --min-revs)",
      String(CODE_MAAT_DEFAULTS.minRevs),
    )
    .option(
      "--min-shared-revs <n>",
      "coupling: lowest changes shared by the two areas",
      String(CODE_MAAT_DEFAULTS.minSharedRevs),
    )
    .option(
      "--min-coupling <percent>",
      "coupling: lowest degree kept",
      String(CODE_MAAT_DEFAULTS.minCoupling),
    )
    .option(
      "--max-changeset-size <n>",
      "coupling: changes touching more areas than this are left out (code-maat --max-changeset-size)",
      String(CODE_MAAT_DEFAULTS.maxChangesetSize),
    )
    .addOption(
      new Option("--format <format>", "output format").choices(["table", "json", "md", "csv"]),
    )
    .option("--limit <n>", "areas shown in table and Markdown output", "30");
  addGlobalOptions(command, { json: true }).action(
    async (repos: string[], flags: OwnershipFlags) => {
      const { analysisFor, openContext } = await import("../context.js");
      const { runOwnership } = await import("../../app/run/ownership.js");
      const { ownershipCsv, ownershipMarkdown, ownershipTable } = await import(
        "../../render/ownership.js"
      );
      const format = flags.json ? "json" : (flags.format ?? "table");
      const context = await openContext(io, {
        ...flags,
        json: format === "json" || format === "csv",
      });
      try {
        printWarnings(context);
        const months = whole(flags.months, "--months", 1);
        const coupling = {
          minRevs: whole(flags.minRevs, "--min-revs", 0),
          minSharedRevs: whole(flags.minSharedRevs, "--min-shared-revs", 0),
          minCoupling: whole(flags.minCoupling, "--min-coupling", 0),
          maxChangesetSize: whole(flags.maxChangesetSize, "--max-changeset-size", 1),
        };
        const limit = whole(flags.limit, "--limit", 1);
        const since =
          flags.since === undefined
            ? undefined
            : Math.floor(parseUserDate(flags.since, "--since").ms / 1000);
        const { session, asOf } = await analysisFor(context, repos, flags);
        const report = await runOwnership(session, {
          asOf,
          months,
          coupling,
          trend: flags.trend === true,
          ...(since !== undefined ? { since } : {}),
        });
        if (format === "json") io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else if (format === "csv") io.stdout.write(ownershipCsv(report));
        else if (format === "md") io.stdout.write(ownershipMarkdown(report, { limit }));
        else
          io.stdout.write(
            ownershipTable(report, {
              pretty: io.stdout.isTTY === true,
              bold: bolder(context),
              limit,
            }),
          );
      } finally {
        await context.store.close();
      }
    },
  );
  return command;
}

/** A whole number of at least `min`, or BAD_USAGE naming the flag. */
export function whole(value: string, flag: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new LegibleError(
      "BAD_USAGE",
      `${flag} ${value}: expected a whole number of at least ${min}`,
    );
  return n;
}
