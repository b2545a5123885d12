import type { Command } from "commander";
import type { RepositoryScan } from "../../app/scan.js";
import { plural } from "../../render/format.js";
import type { GlobalOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";
import { printWarnings } from "../output.js";

interface ScanFlags extends GlobalOptions {
  ref?: string;
  queue?: boolean;
}

export function registerScan(program: Command, io: CliIo): Command {
  const command = program
    .command("scan")
    .description(
      "Read the git history of repositories into the store (incremental: only new commits are read)",
    )
    .argument(
      "[repo...]",
      "repository paths: work trees or bare repositories (default: repositories in legible.yaml, or .)",
    )
    .option("--ref <rev>", "revision to read (default: each repository's HEAD)")
    .option(
      "--queue",
      "queue a scan job per repository for `legible worker`s instead of scanning here (PostgreSQL store); repositories may be clone URLs, which workers mirror",
    );
  addGlobalOptions(command, { json: true }).action(async (repos: string[], flags: ScanFlags) => {
    const { openContext, repositoryPaths, scanFor } = await import("../context.js");
    const context = await openContext(io, flags);
    try {
      printWarnings(context);
      if (flags.queue) {
        const { queueScans } = await import("../../queue/enqueue.js");
        const queued = await queueScans(context, repos, flags);
        io.stdout.write(
          context.json
            ? `${JSON.stringify({ version: 1, queued }, null, 2)}\n`
            : queued
                .map(
                  (job) =>
                    `${job.repository}: ${job.id ? `queued (${job.id})` : "already queued"}\n`,
                )
                .join(""),
        );
        return;
      }
      const scans = await scanFor(context, repositoryPaths(context, repos), flags.ref);
      io.stdout.write(
        context.json
          ? `${JSON.stringify({ version: 1, repositories: scans }, null, 2)}\n`
          : scans.map(describeScan).join(""),
      );
    } finally {
      await context.store.close();
    }
  });
  return command;
}

function describeScan(scan: RepositoryScan): string {
  const lines = [
    `${scan.name} (${scan.ref} @ ${scan.head.slice(0, 12)}): ${MODE_TEXT[scan.mode]}; ${plural(scan.newCommits, "commit")} read, ${plural(scan.storedCommits, "commit")} stored, ${scan.seconds.toFixed(2)} s`,
  ];
  if (scan.shallow) lines.push("  shallow clone: history is truncated at the clone depth");
  if (!scan.renames)
    lines.push(
      "  partial clone: renames cannot be detected without file contents; read without rename detection",
    );
  for (const skipped of scan.skipped) lines.push(`  skipped ${skipped.sha}: ${skipped.reason}`);
  return `${lines.join("\n")}\n`;
}

const MODE_TEXT: Record<RepositoryScan["mode"], string> = {
  "up-to-date": "up to date",
  full: "full scan",
  incremental: "incremental scan",
  resumed: "resumed an interrupted scan",
  rewritten: "history was rewritten (force-push or rebase); rescanned",
};
