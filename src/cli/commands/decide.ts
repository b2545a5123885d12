import { join, relative, resolve } from "node:path";
import { type Command, Option } from "commander";
import type { DecisionReport, RepositoryDecisions } from "../../app/decisions.js";
import { renderTable } from "../../render/table.js";
import type { GlobalOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";
import { printWarnings, writeFileAtomic } from "../output.js";

export function registerDecide(program: Command, io: CliIo): Command {
  const decide = program
    .command("decide")
    .description(
      "Decision records: list them, write new ones with their tradeoffs, keep a decision log",
    );

  const list = decide
    .command("list")
    .description(
      "Find and parse the decision records of each repository (read from git at the ref)",
    )
    .argument("[repo...]", "repository paths (default: repositories in legible.yaml, or .)")
    .option("--ref <rev>", "revision to read (default: HEAD)");
  addGlobalOptions(list, { json: true }).action(
    async (repos: string[], flags: GlobalOptions & { ref?: string }) => {
      const report = await decisionReport(io, repos, flags);
      const { decisionMakersText } = await import("../../render/decision-log.js");
      if (flags.json) {
        io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      for (const repository of report.repositories) {
        io.stdout.write(
          `${repository.name} @ ${repository.commit.slice(0, 12)}: ${found(repository)}\n`,
        );
        const rows = repository.decisions.map((d) => [
          d.id,
          d.status,
          d.date ?? "",
          d.title,
          decisionMakersText(d),
          d.statesTradeoff ? "yes" : "no",
          d.areas.join(", "),
        ]);
        if (rows.length > 0) {
          io.stdout.write(
            renderTable(
              ["ID", "STATUS", "DATE", "TITLE", "DECISION MAKERS", "TRADEOFF", "AREAS"],
              rows,
              { pretty: io.stdout.isTTY === true },
            ),
          );
        }
        for (const d of repository.decisions)
          for (const w of d.warnings)
            io.stderr.write(`warning: ${join(repository.path, d.path)}:${w.line}: ${w.message}\n`);
      }
    },
  );

  const create = decide
    .command("new")
    .description(
      "Write the next decision record (MADR 4 compatible, with the executive tradeoff) into the decision folder",
    )
    .argument("<title>", "the decision's title")
    .argument("[repo]", "repository (default: .)");
  addGlobalOptions(create, { json: false }).action(
    async (title: string, repo: string | undefined, flags: GlobalOptions) => {
      const { openConfig } = await import("../context.js");
      const { planNewDecision, writeDecisionFiles } = await import("../../app/decide-write.js");
      const { config } = await openConfig(io, flags);
      const plan = await planNewDecision(resolve(io.cwd, repo ?? "."), {
        title,
        date: today(io),
        config,
      });
      writeDecisionFiles(plan);
      io.stdout.write(`wrote ${relative(io.cwd, plan.files[0]!.path) || plan.files[0]!.path}\n`);
    },
  );

  const supersede = decide
    .command("supersede")
    .description(
      "Write a record that supersedes another, and mark the old one superseded in its own format",
    )
    .argument("<id>", "the record being superseded: its id (file name without .md) or number")
    .argument("<title>", "the new decision's title")
    .argument("[repo]", "repository (default: .)");
  addGlobalOptions(supersede, { json: false }).action(
    async (id: string, title: string, repo: string | undefined, flags: GlobalOptions) => {
      const { openConfig } = await import("../context.js");
      const { planSupersede, writeDecisionFiles } = await import("../../app/decide-write.js");
      const { config } = await openConfig(io, flags);
      const plan = await planSupersede(resolve(io.cwd, repo ?? "."), {
        oldId: id,
        title,
        date: today(io),
        config,
      });
      writeDecisionFiles(plan);
      for (const file of plan.files)
        io.stdout.write(
          `${file.created ? "wrote" : "updated"} ${relative(io.cwd, file.path) || file.path}\n`,
        );
    },
  );

  const log = decide
    .command("log")
    .description(
      "Write a decision log: an index table and Mermaid diagrams of supersession chains and of decisions over time",
    )
    .argument("[repo...]", "repository paths (default: repositories in legible.yaml, or .)")
    .addOption(
      new Option("--format <format>", "output format")
        .choices(["md", "html", "json"])
        .default("md"),
    )
    .option("--out <file>", "write to this file instead of stdout")
    .option("--ref <rev>", "revision to read (default: HEAD)");
  addGlobalOptions(log, { json: false }).action(
    async (
      repos: string[],
      flags: GlobalOptions & { ref?: string; format: "md" | "html" | "json"; out?: string },
    ) => {
      const report = await decisionReport(io, repos, flags);
      const decisions = report.repositories.flatMap((r) => r.decisions);
      const title = `Decision log: ${report.repositories.map((r) => r.name).join(", ")}`;
      const { decisionLog } = await import("../../render/decision-log.js");
      const text = decisionLog(decisions, flags.format, { title });
      if (flags.out) {
        const path = resolve(io.cwd, flags.out);
        writeFileAtomic(path, text);
        io.stderr.write(`wrote ${path}\n`);
      } else io.stdout.write(text);
    },
  );
  return decide;
}

async function decisionReport(
  io: CliIo,
  repos: string[],
  flags: GlobalOptions & { ref?: string },
): Promise<DecisionReport> {
  const { openConfig, repositoryPaths } = await import("../context.js");
  const { openRepositories } = await import("../../app/scan.js");
  const { readDecisions } = await import("../../app/decisions.js");
  const context = await openConfig(io, flags);
  printWarnings(context);
  const repositories = [];
  for (const { info, name } of await openRepositories(repositoryPaths(context, repos), flags.ref)) {
    repositories.push(
      await readDecisions(info.path, {
        ...(flags.ref ? { ref: flags.ref } : {}),
        config: context.config,
        name,
      }),
    );
  }
  return { version: 1, repositories };
}

/** "2 decision records in docs/decisions (common folder)", or where legible looked and why none was found. */
function found(repository: RepositoryDecisions): string {
  const count = repository.decisions.length;
  if (count === 0) {
    const where = repository.folders.map((f) => `${show(f.folder)} (${f.reason})`).join(", ");
    const looked = repository.looked.join("; ");
    const hint =
      repository.folders.length === 0
        ? "; name the folder with decisions.folders in legible.yaml ('.' for the repository root)"
        : "";
    return `no decision records found (${where ? `in ${where}; ` : ""}looked at ${looked}${hint})`;
  }
  const folders = repository.folders.map((f) => `${show(f.folder)} (${f.reason})`).join(", ");
  return `${count} decision ${count === 1 ? "record" : "records"} in ${folders}`;
}

function today(io: CliIo): string {
  return io.now().toISOString().slice(0, 10);
}

/** A folder as shown: "" is the repository root. */
function show(folder: string): string {
  return folder === "" ? "(repository root)" : folder;
}
