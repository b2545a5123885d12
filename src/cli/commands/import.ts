import { isAbsolute, resolve } from "node:path";
import type { Command } from "commander";
import type { ImportKind, ImportResult } from "../../app/import.js";
import { LegibleError } from "../../errors.js";
import { plural } from "../../render/format.js";
import { runGit } from "../../sources/git/run.js";
import type { RepositoryTags } from "../../sources/imports/types.js";
import type { GlobalOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";
import { printWarnings } from "../output.js";
import { importTestHooks } from "../test-hooks.js";

interface ImportFlags extends GlobalOptions {
  format: string;
  repository?: string;
  column: string[];
  environment?: string;
}

const SHOWN_REJECTIONS = 20;

export function registerImport(program: Command, io: CliIo): Command {
  const command = program
    .command("import")
    .description(
      "Import pull requests, deployments or incidents from an export file (idempotent); with no arguments, the sources in legible.yaml",
    )
    .argument("[kind]", "what the file holds: prs, deployments or incidents")
    .argument("[file]", "the export: JSON, NDJSON or CSV")
    .option(
      "--format <format>",
      "prs: github, gh-cli, gitlab; deployments: csv, github-deployments, github-releases, gitlab-deployments; incidents: csv, pagerduty, opsgenie",
      "auto",
    )
    .option(
      "--repository <name>",
      "repository the records belong to when the file does not say (e.g. owner/name); a GitHub release whose target_commitish is a branch gets its tag's commit from the scanned repository of that name (legible.yaml repositories: its name, or owner/name of its origin remote), else from the clone the import runs in",
    )
    .option("--environment <name>", "environment of the deployments when the file does not say")
    .option(
      "--column <field=header>",
      "CSV column map, e.g. --column created_at=Opened (repeatable)",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    );
  addGlobalOptions(command, { json: true }).action(
    async (kind: string | undefined, file: string | undefined, flags: ImportFlags) => {
      const { openContext, repositoryPaths } = await import("../context.js");
      const { importFile } = await import("../../app/import.js");
      const context = await openContext(io, flags);
      try {
        printWarnings(context);
        const jobs: {
          kind: ImportKind;
          file: string;
          format: string;
          repository?: string;
          columns?: Record<string, string>;
        }[] = [];
        if (kind === undefined) {
          if (context.config.sources.length === 0) {
            throw new LegibleError(
              "BAD_USAGE",
              "nothing to import",
              "give <kind> <file>, or list sources in legible.yaml",
            );
          }
          for (const source of context.config.sources) {
            jobs.push({
              kind: source.kind,
              file: isAbsolute(source.file) ? source.file : resolve(context.baseDir, source.file),
              format: source.format,
              ...(source.repository ? { repository: source.repository } : {}),
              ...(source.columns ? { columns: source.columns } : {}),
            });
          }
        } else {
          if (kind !== "prs" && kind !== "deployments" && kind !== "incidents") {
            throw new LegibleError(
              "BAD_USAGE",
              `import ${kind}: unknown kind`,
              "expected prs, deployments or incidents",
            );
          }
          if (!file)
            throw new LegibleError(
              "BAD_USAGE",
              `import ${kind}: which file?`,
              `legible import ${kind} <file>`,
            );
          jobs.push({
            kind,
            file: resolve(io.cwd, file),
            format: flags.format,
            ...(flags.repository ? { repository: flags.repository } : {}),
            ...(flags.column.length > 0 ? { columns: parseColumns(flags.column) } : {}),
          });
        }
        // GitHub releases name tags; the commits behind them come from the scanned repository of
        // that name (legible.yaml's repositories), else from the clone the import runs in.
        const deployments = jobs.some((job) => job.kind === "deployments");
        const tagCommits = deployments ? await tagCommitsIn(io.cwd) : undefined;
        const repositoryTags = deployments
          ? await scannedRepositoryTags(repositoryPaths(context, []))
          : undefined;
        const testHooks = importTestHooks(io);
        const results: ImportResult[] = [];
        for (const job of jobs) {
          results.push(
            await importFile(context.store, {
              kind: job.kind,
              file: job.file,
              format: job.format,
              context: {
                ...(job.repository ? { repository: job.repository } : {}),
                ...(job.columns ? { columns: job.columns } : {}),
                ...(flags.environment ? { environment: flags.environment } : {}),
                ...(tagCommits ? { tagCommits, tagSource: io.cwd } : {}),
                ...(repositoryTags ? { repositoryTags } : {}),
                now: Math.floor(io.now().getTime() / 1000),
              },
              ...testHooks,
              now: io.now,
              onInterrupted: (interrupted) =>
                io.stderr.write(
                  `legible: completing an interrupted import of ${interrupted.file} (started ${interrupted.startedAt})\n`,
                ),
            }),
          );
        }
        if (context.json)
          io.stdout.write(`${JSON.stringify({ version: 1, imports: results }, null, 2)}\n`);
        else for (const result of results) io.stdout.write(describe(result));
        for (const result of results) {
          for (const row of result.warnings.slice(0, SHOWN_REJECTIONS)) {
            io.stderr.write(
              `kept with a warning ${row.file}${row.line !== null ? `:${row.line}` : ""}${row.path ? ` (${row.path})` : ""}: ${row.reason}\n`,
            );
          }
          for (const row of result.rejected.slice(0, SHOWN_REJECTIONS)) {
            io.stderr.write(
              `skipped ${row.file}${row.line !== null ? `:${row.line}` : ""}${row.path ? ` (${row.path})` : ""}: ${row.reason}\n`,
            );
          }
          if (result.rejected.length > SHOWN_REJECTIONS) {
            io.stderr.write(
              `… and ${result.rejected.length - SHOWN_REJECTIONS} more skipped rows in ${result.file} (--json lists all)\n`,
            );
          }
        }
      } finally {
        await context.store.close();
      }
    },
  );
  return command;
}

function describe(result: ImportResult): string {
  const s = result.stored;
  const repeated =
    result.duplicates > 0
      ? ` (${plural(result.duplicates, "record")} repeating an earlier one)`
      : "";
  return `${result.file} (${result.kind}, ${result.format}): ${plural(result.rows, "row")} read${repeated}; ${s.inserted} new, ${s.updated} updated, ${s.unchanged} unchanged; ${plural(result.rejected.length, "row")} skipped\n`;
}

/**
 * The tags of each configured repository, keyed by its name in lower case: the configured name,
 * else owner/name of its origin remote, else its folder. A path that is not a repository is left out.
 */
async function scannedRepositoryTags(
  targets: { path: string; name: string | null }[],
): Promise<Map<string, RepositoryTags>> {
  const index = new Map<string, RepositoryTags>();
  for (const target of targets) {
    const tags = await tagCommitsIn(target.path);
    if (tags === undefined) continue;
    const origin = await runGit(target.path, ["config", "--get", "remote.origin.url"]);
    const originUrl = origin.code === 0 ? origin.stdout.toString("utf8").trim() || null : null;
    const { baseRepositoryName } = await import("../../core/repositories/names.js");
    const name = baseRepositoryName({ path: target.path, configured: target.name, originUrl });
    if (!index.has(name.toLowerCase())) index.set(name.toLowerCase(), { path: target.path, tags });
  }
  return index;
}

async function tagCommitsIn(dir: string): Promise<Map<string, string> | undefined> {
  const result = await runGit(dir, [
    "for-each-ref",
    "refs/tags",
    "--format=%(refname:strip=2)%00%(objectname)%00%(*objectname)",
  ]);
  if (result.code !== 0) return undefined;
  const tags = new Map<string, string>();
  for (const line of result.stdout.toString("utf8").split("\n")) {
    const [name, object, peeled] = line.split("\0");
    if (name && object) tags.set(name, peeled || object);
  }
  return tags;
}

function parseColumns(pairs: string[]): Record<string, string> {
  const columns: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new LegibleError("BAD_USAGE", `--column ${pair}: expected field=header`);
    columns[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return columns;
}
