import { resolve } from "node:path";
import { type Command, Option } from "commander";
import { readDecisions } from "../../app/decisions.js";
import { deliveryContext } from "../../app/delivery.js";
import { exitPaths } from "../../app/exit-paths.js";
import { flowReport } from "../../app/flow.js";
import { classified } from "../../app/impact.js";
import { reviewReport } from "../../app/review.js";
import { prepareWorkspace } from "../../app/workspace.js";
import { reviewHtml } from "../../render/html/review.js";
import { reviewMarkdown } from "../../render/review.js";
import type { StoredCommit } from "../../store/sqlite.js";
import { type GlobalOptions, openContext, repositoryPaths, scanFor } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../main.js";
import { printWarnings, writeFileAtomic } from "../output.js";
import { parsePeriod } from "../period.js";

interface ReviewFlags extends GlobalOptions {
  format?: "md" | "html" | "json";
  since?: string;
  until?: string;
  out?: string;
  ref?: string;
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
  addGlobalOptions(command, { json: true }).action(async (repos: string[], flags: ReviewFlags) => {
    const context = openContext(io, {
      ...flags,
      json: flags.json === true || flags.format === "json",
    });
    try {
      printWarnings(context);
      const period = parsePeriod(flags, io.now(), context.config.review.days);
      const until = { time: period.until, label: period.untilLabel, rev: null };
      const since = { time: period.since, label: "period start", rev: null };

      const scans = await scanFor(context, repositoryPaths(context, repos), flags.ref);
      const loaded = new Map<string, Map<string, StoredCommit>>();
      const base = { store: context.store, config: context.config, filesFrom: null, loaded };
      const workspace = await prepareWorkspace(scans, { ...base, asOf: until });
      const previous = await prepareWorkspace(scans, {
        ...base,
        asOf: { ...since, label: since.label },
      });
      const decisions = [];
      for (const scan of scans) {
        const found = await readDecisions(scan.path, { ref: scan.head, config: context.config });
        decisions.push({ repository: scan.name, decisions: found.decisions });
      }
      const delivery = await deliveryContext(workspace, context.store, context.config);
      const hasDelivery = delivery.pullRequests.length + delivery.incidents.length > 0;
      const reviewPeriod = { since: since.time, until: until.time };
      const flow = hasDelivery
        ? {
            now: flowReport(delivery, { period: reviewPeriod, config: context.config }),
            previousIncidents: flowReport(delivery, {
              period: { since: 2 * since.time - until.time, until: since.time },
              config: context.config,
            }).incidents,
          }
        : null;
      const quarterAgo = await prepareWorkspace(scans, {
        ...base,
        asOf: { time: until.time - 90 * 86_400, label: "a quarter earlier", rev: null },
      });
      const paths = exitPaths(workspace, quarterAgo, {
        config: context.config,
        delivery: hasDelivery ? delivery : null,
      });
      const contributions = classified({
        now: workspace,
        start: previous,
        delivery: hasDelivery ? delivery : null,
        decisions,
        config: context.config,
        baseDir: context.baseDir,
        period: reviewPeriod,
      });
      const report = reviewReport(workspace, previous, {
        exitPaths: paths,
        contributions,
        config: context.config,
        period: reviewPeriod,
        decisions,
        flow,
      });
      const format = context.json ? "json" : (flags.format ?? "md");
      const text =
        format === "json"
          ? `${JSON.stringify(report, null, 2)}\n`
          : format === "html"
            ? reviewHtml(report)
            : reviewMarkdown(report);
      if (flags.out) {
        const path = resolve(io.cwd, flags.out);
        writeFileAtomic(path, text);
        io.stderr.write(`wrote ${path}\n`);
      } else {
        io.stdout.write(text);
      }
    } finally {
      context.store.close();
    }
  });
  return command;
}
