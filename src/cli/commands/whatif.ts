import type { Command } from "commander";
import type { WhatifReport } from "../../app/whatif.js";
import { LegibleError } from "../../errors.js";
import { percent, plural } from "../../render/format.js";
import { renderTable } from "../../render/table.js";
import { describeFiles } from "../../render/universe.js";
import { addCacheOption, cacheSettings } from "../cache-option.js";
import type { AnalysisFlags, GlobalOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";
import { bolder, printWarnings } from "../output.js";

interface WhatifFlags extends GlobalOptions, AnalysisFlags {
  leave: string[];
  compat?: "avelino2016";
  cache?: boolean;
}

export function registerWhatif(program: Command, io: CliIo): Command {
  const command = program
    .command("whatif")
    .description(
      "Departure simulation: which areas lose all their active authors if these people leave",
    )
    .argument("[repo...]", "repository paths (default: repositories in legible.yaml, or .)")
    .option(
      "--leave <person>",
      "a person leaving: id, email or name (repeat for several)",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option("--ref <rev>", "history to read (default: HEAD)")
    .option("--as-of <date|rev>", "simulate at a past point");
  addCacheOption(command);
  addGlobalOptions(command, { json: true }).action(async (repos: string[], flags: WhatifFlags) => {
    if (flags.leave.length === 0)
      throw new LegibleError("BAD_USAGE", "whatif needs at least one --leave <person>");
    const { analysisFor, openContext } = await import("../context.js");
    // Loaded while git answers the scan's questions (see sessionFor).
    const running = import("../../app/run/knowledge.js");
    running.catch(() => undefined); // awaited below
    const context = await openContext(io, flags);
    try {
      printWarnings(context);
      const { session, asOf } = await analysisFor(context, repos, flags);
      const { runWhatif } = await running;
      const report = await runWhatif(session, {
        asOf,
        leave: flags.leave,
        cache: cacheSettings(flags, io),
      });
      io.stdout.write(
        context.json
          ? `${JSON.stringify(report, null, 2)}\n`
          : describe(report, io.stdout.isTTY === true, bolder(context)),
      );
    } finally {
      await context.store.close();
    }
  });
  return command;
}

function describe(report: WhatifReport, pretty: boolean, bold: (text: string) => string): string {
  const out: string[] = [];
  const names = report.leaving.map((p) => p.name).join(" and ");
  for (const repository of report.repositories) {
    out.push(bold(`${repository.name}: if ${names} left`));
    out.push(
      `Files with no active author: ${repository.filesOrphanedBefore} → ${repository.filesOrphanedAfter} of ${repository.filesScored} (${percent(repository.shareOrphanedAfter)} orphaned). Truck factor: ${repository.truckFactorBefore} → ${repository.truckFactorAfter}.`,
    );
    out.push(describeFiles({ ...repository, filesWithoutHistory: 0 }));
    for (const caveat of repository.caveats) out.push(`caveat: ${caveat}`);
    if (repository.areasLosingAllAuthors.length === 0) {
      out.push("No area would lose all its active authors.", "");
      continue;
    }
    out.push(
      `${plural(repository.areasLosingAllAuthors.length, "area")} would lose all active authors:`,
    );
    const rows = repository.areasLosingAllAuthors.map((area) => [
      area.label,
      String(area.files),
      area.authorsBefore.map((p) => p.name).join(", "),
    ]);
    out.push(
      renderTable(["AREA", "FILES", "ACTIVE AUTHORS TODAY"], rows, {
        pretty,
        numeric: [1],
        bold,
      }).trimEnd(),
      "",
    );
  }
  return `${out.join("\n")}\n`;
}
