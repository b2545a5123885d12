import type { Command } from "commander";
import { plural } from "../../render/format.js";
import { renderTable } from "../../render/table.js";
import type { AnalysisFlags, GlobalOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";
import { bolder, printWarnings } from "../output.js";

export function registerPeople(program: Command, io: CliIo): Command {
  const command = program
    .command("people")
    .description(
      "List each person with the identities merged into them and why (mailmap, alias, same-email, github-login, same-name); bots and AI assistants that co-author commits are listed as bots",
    )
    .argument("[repo...]", "repository paths (default: repositories in legible.yaml, or .)")
    .option("--ref <rev>", "history to read (default: HEAD)");
  addGlobalOptions(command, { json: true }).action(
    async (repos: string[], flags: GlobalOptions & AnalysisFlags) => {
      const { analysisFor, openContext } = await import("../context.js");
      const { runPeople } = await import("../../app/run/knowledge.js");
      const context = await openContext(io, flags);
      try {
        printWarnings(context);
        const { session, asOf } = await analysisFor(context, repos, flags);
        const report = await runPeople(session, { asOf });
        if (context.json) {
          io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
          return;
        }
        const rows = report.people.map((person) => [
          person.id,
          person.name,
          person.bot ? "bot" : person.active ? "active" : "former",
          person.lastCommit?.slice(0, 10) ?? "",
          person.merged
            .map((m) => `${m.identity.name} <${m.identity.email}> (${m.reason})`)
            .join("; "),
        ]);
        io.stdout.write(
          renderTable(["ID", "NAME", "STATUS", "LAST COMMIT", "MERGED IDENTITIES (why)"], rows, {
            pretty: io.stdout.isTTY === true,
            bold: bolder(context),
          }),
        );
        const bots = report.people.filter((p) => p.bot).length;
        io.stderr.write(
          `${plural(report.people.length - bots, "person", "people")}, ${plural(bots, "bot")} (kept out of people metrics); identity rule: ${report.rule}\n`,
        );
      } finally {
        await context.store.close();
      }
    },
  );
  return command;
}
