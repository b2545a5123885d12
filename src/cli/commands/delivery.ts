import { type Command, Option } from "commander";
import type { RunPeriod } from "../../app/run/period.js";
import type { AnalysisSession } from "../../app/session.js";
import type { DeliveryMode } from "../../core/delivery/index.js";
import type { GlobalOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";
import { printWarnings } from "../output.js";
import { parsePeriod } from "../period.js";

interface DeliveryFlags extends GlobalOptions {
  since?: string;
  until?: string;
  ref?: string;
  format?: "table" | "json" | "md";
  compat?: "devlake" | "fourkeys";
}

function periodOptions(command: Command, days: number): Command {
  return command
    .argument("[repo...]", "repository paths (default: repositories in legible.yaml, or .)")
    .option(
      "--since <date>",
      `start of the period, YYYY-MM-DD (default: ${days} days before --until)`,
    )
    .option("--until <date>", "end of the period, YYYY-MM-DD (default: now)")
    .option("--ref <rev>", "history to read (default: HEAD)")
    .addOption(new Option("--format <format>", "output format").choices(["table", "json", "md"]));
}

export function registerFlow(program: Command, io: CliIo): Command {
  const command = periodOptions(
    program
      .command("flow")
      .description(
        "Where work waits and who rescues it: review waits per area and team, friction against the previous period, incidents and heroics",
      ),
    28,
  );
  addGlobalOptions(command, { json: true }).action(
    async (repos: string[], flags: DeliveryFlags) => {
      await run(io, repos, flags, 28, async (session, period) => {
        const { runFlow } = await import("../../app/run/delivery.js");
        const { renderFlow } = await import("../../render/delivery.js");
        const report = await runFlow(session, { period });
        return { json: report, text: (doc) => renderFlow(report, doc) };
      });
    },
  );
  return command;
}

export function registerDora(program: Command, io: CliIo): Command {
  const command = periodOptions(
    program
      .command("dora")
      .description(
        "The DORA four keys and the rework rate, each with its band and the records it rests on",
      ),
    90,
  ).addOption(
    new Option("--compat <model>", "reproduce another tool's rules exactly").choices([
      "devlake",
      "fourkeys",
    ]),
  );
  addGlobalOptions(command, { json: true }).action(
    async (repos: string[], flags: DeliveryFlags) => {
      await run(io, repos, flags, 90, async (session, period) => {
        const mode: DeliveryMode = flags.compat ?? "default";
        const { runDora } = await import("../../app/run/delivery.js");
        const { renderDora } = await import("../../render/delivery.js");
        const report = await runDora(session, { period, mode });
        return { json: report, text: (doc) => renderDora(report, doc) };
      });
    },
  );
  return command;
}

type Doc = { kind: "table"; pretty: boolean } | { kind: "md" };

async function run(
  io: CliIo,
  repos: string[],
  flags: DeliveryFlags,
  days: number,
  build: (
    session: AnalysisSession,
    period: RunPeriod,
  ) => Promise<{ json: unknown; text: (doc: Doc) => string }>,
): Promise<void> {
  const { openContext, sessionFor } = await import("../context.js");
  const format = flags.json ? "json" : (flags.format ?? "table");
  const context = await openContext(io, { ...flags, json: format === "json" });
  try {
    printWarnings(context);
    const period = parsePeriod(flags, io.now(), days);
    const session = await sessionFor(context, repos, { ref: flags.ref });
    const output = await build(session, period);
    io.stdout.write(
      format === "json"
        ? `${JSON.stringify(output.json, null, 2)}\n`
        : output.text(
            format === "md" ? { kind: "md" } : { kind: "table", pretty: io.stdout.isTTY === true },
          ),
    );
  } finally {
    await context.store.close();
  }
}
