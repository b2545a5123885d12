import { type Command, Option } from "commander";
import type { TrendReport } from "../../app/trend.js";
import type { KnowledgeMode } from "../../core/knowledge/index.js";
import { LegibleError } from "../../errors.js";
import { renderTable } from "../../render/table.js";
import { addCacheOption, cacheSettings } from "../cache-option.js";
import type { AnalysisFlags, GlobalOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";
import { bolder, printWarnings } from "../output.js";

interface KnowledgeFlags extends GlobalOptions, AnalysisFlags {
  area?: string;
  compat?: "avelino2016";
  reviewsAsKnowledge?: boolean;
  trend?: boolean;
  months: string;
  format?: "table" | "json" | "md" | "csv";
  limit: string;
  cache?: boolean;
}

export function registerKnowledge(program: Command, io: CliIo): Command {
  const command = program
    .command("knowledge")
    .description(
      "Who the organisation depends on: authorship, truck factor and knowledge risk per area",
    )
    .argument("[repo...]", "repository paths (default: repositories in legible.yaml, or .)")
    .option(
      "--area <path>",
      "only this area and the areas below it (a directory, or component:<name>)",
    )
    .option("--ref <rev>", "history to read (default: HEAD)")
    .option("--as-of <date|rev>", "analyse at a past point: a date (YYYY-MM-DD) or a revision")
    .addOption(
      new Option("--compat <model>", "reproduce a published model exactly").choices([
        "avelino2016",
      ]),
    )
    .option("--files-from <file>", "score only the paths listed in this file (one per line)")
    .option(
      "--reviews-as-knowledge",
      "count imported pull-request reviews and Reviewed-by/Acked-by/Tested-by trailers as authorship signal (delivery.reviewsAsKnowledge)",
    )
    .option("--trend", "truck factor and active authors per area, month by month")
    .option("--months <n>", "months shown by --trend", "12")
    .addOption(
      new Option("--format <format>", "output format").choices(["table", "json", "md", "csv"]),
    )
    .option("--limit <n>", "areas shown in table and Markdown output", "20");
  addCacheOption(command);
  addGlobalOptions(command, { json: true }).action(
    async (repos: string[], flags: KnowledgeFlags) => {
      // Loaded on use, so that `legible --help` and other commands start without them.
      const { analysisFor, openContext } = await import("../context.js");
      // Loaded while git answers the scan's questions (see sessionFor).
      const modules = Promise.all([
        import("../../app/run/knowledge.js"),
        import("../../render/knowledge.js"),
      ]);
      modules.catch(() => undefined); // awaited below
      const format = flags.json ? "json" : (flags.format ?? "table");
      const context = await openContext(io, {
        ...flags,
        json: format === "json" || format === "csv",
      });
      try {
        printWarnings(context);
        const mode: KnowledgeMode = flags.compat ?? "default";
        const limit = positiveInt(flags.limit, "--limit");
        const months = flags.trend ? positiveInt(flags.months, "--months") : 0;
        const { session, asOf } = await analysisFor(context, repos, flags);
        const [{ runKnowledge, runTrend }, { knowledgeCsv, knowledgeMarkdown, knowledgeTable }] =
          await modules;
        if (flags.trend) {
          const trend = await runTrend(session, {
            until: asOf,
            mode,
            area: flags.area,
            months,
            cache: cacheSettings(flags, io),
          });
          io.stdout.write(
            format === "json"
              ? `${JSON.stringify(trend, null, 2)}\n`
              : trendTable(trend, io.stdout.isTTY === true, limit),
          );
          return;
        }
        const report = await runKnowledge(session, {
          asOf,
          mode,
          area: flags.area,
          reviewsAsKnowledge:
            flags.reviewsAsKnowledge === true || context.config.delivery.reviewsAsKnowledge,
          cache: cacheSettings(flags, io),
        });
        if (format === "json") io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        else if (format === "csv") io.stdout.write(knowledgeCsv(report));
        else if (format === "md") io.stdout.write(knowledgeMarkdown(report, { limit }));
        else
          io.stdout.write(
            knowledgeTable(report, {
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

function trendTable(trend: TrendReport, pretty: boolean, limit: number): string {
  const out: string[] = [];
  for (const repository of trend.repositories) {
    out.push(`${repository.name}: truck factor / active authors at each month's end`);
    const areas = repository.areas.slice(0, limit + 1);
    const header = ["AREA", ...trend.months.map((m) => m.slice(0, 7)), "TREND"];
    const rows = areas.map((area) => [
      area.label,
      ...area.points.map((p) => (p.files === 0 ? "-" : `${p.truckFactor}/${p.activeAuthors}`)),
      area.direction,
    ]);
    out.push(renderTable(header, rows, { pretty }).trimEnd());
    if (repository.areas.length > areas.length)
      out.push(`… ${repository.areas.length - areas.length} more areas (--json lists all)`);
  }
  return `${out.join("\n")}\n`;
}

export function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new LegibleError("BAD_USAGE", `${flag} ${value}: expected a positive whole number`);
  return n;
}
