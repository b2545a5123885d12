import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type Command, Option } from "commander";
import { readDecisions } from "../../app/decisions.js";
import { deliveryContext } from "../../app/delivery.js";
import { exitPaths } from "../../app/exit-paths.js";
import { flowReport } from "../../app/flow.js";
import { buildImpactPacket, whatLeadersSee } from "../../app/impact.js";
import { prepareWorkspace } from "../../app/workspace.js";
import type { Track } from "../../core/ladder/index.js";
import { LegibleError } from "../../errors.js";
import { impactHtml, impactMarkdown } from "../../render/impact.js";
import { renderLadder } from "../../render/ladder.js";
import { git } from "../../sources/git/run.js";
import { loadLadder } from "../../sources/ladders/index.js";
import type { StoredCommit } from "../../store/sqlite.js";
import {
  type GlobalOptions,
  openConfig,
  openContext,
  repositoryPaths,
  scanFor,
} from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../main.js";
import { printWarnings, writeFileAtomic } from "../output.js";
import { parsePeriod } from "../period.js";

interface ImpactFlags extends GlobalOptions {
  person?: string;
  me?: boolean;
  since?: string;
  until?: string;
  format?: "md" | "html" | "json";
  view: "packet" | "brag" | "promotion";
  level?: string;
  track?: Track;
  out?: string;
  whatLeadersSee?: boolean;
}

export function registerImpact(program: Command, io: CliIo): Command {
  const command = program
    .command("impact")
    .description(
      "An engineer's impact packet from the records: scope, leverage mix, problem → decision → tradeoff → outcome statements with evidence, mapped to a ladder level",
    )
    .argument("[repo...]", "repository paths (default: repositories in legible.yaml, or .)")
    .option("--person <id>", "whose packet: a person's id, email or name")
    .option("--me", "the person behind `git config user.email` here")
    .option("--since <date>", "start of the period, YYYY-MM-DD (default: 180 days before --until)")
    .option("--until <date>", "end of the period (default: now)")
    .addOption(new Option("--format <format>", "output format").choices(["md", "html", "json"]))
    .addOption(
      new Option("--view <view>", "packet, brag document or promotion packet")
        .choices(["packet", "brag", "promotion"])
        .default("packet"),
    )
    .option(
      "--level <level>",
      "ladder level to map against (id or name; default: ladder.level in config)",
    )
    .addOption(new Option("--track <track>", "ladder track").choices(["ic", "manager"]))
    .option("--out <file>", "write to this file instead of stdout")
    .option(
      "--what-leaders-see",
      "show exactly what the leader views (review, knowledge, flow) say about this person",
    );
  addGlobalOptions(command, { json: true }).action(async (repos: string[], flags: ImpactFlags) => {
    const format = flags.json ? "json" : (flags.format ?? "md");
    const context = openContext(io, { ...flags, json: format === "json" });
    try {
      printWarnings(context);
      const period = parsePeriod(flags, io.now(), 180);
      const scans = await scanFor(context, repositoryPaths(context, repos), undefined);
      const loaded = new Map<string, Map<string, StoredCommit>>();
      const base = { store: context.store, config: context.config, filesFrom: null, loaded };
      const now = await prepareWorkspace(scans, {
        ...base,
        asOf: { time: period.until, label: period.untilLabel, rev: null },
      });
      const start = await prepareWorkspace(scans, {
        ...base,
        asOf: { time: period.since, label: "period start", rev: null },
      });
      const query = flags.me
        ? await git(io.cwd, ["config", "user.email"]).catch(() => "")
        : flags.person;
      if (!query)
        throw new LegibleError(
          "BAD_USAGE",
          flags.me
            ? "--me: git config user.email is not set here"
            : "impact needs --person <id> or --me",
        );
      const matches = now.identities.find(query).filter((p) => !p.isBot);
      if (matches.length !== 1) {
        throw new LegibleError(
          "UNKNOWN_PERSON",
          matches.length === 0
            ? `${query}: no such person in the history`
            : `${query}: ambiguous, matches ${matches.map((p) => p.id).join(", ")}`,
          "run legible people to list ids, emails and names",
        );
      }
      const person = matches[0]!.id;
      const delivery = await deliveryContext(now, context.store, context.config);
      const hasDelivery = delivery.pullRequests.length + delivery.incidents.length > 0;
      if (flags.whatLeadersSee) {
        const quarterAgo = await prepareWorkspace(scans, {
          ...base,
          asOf: { time: period.until - 90 * 86_400, label: "a quarter earlier", rev: null },
        });
        const lines = whatLeadersSee(person, {
          knowledge: now,
          flow: hasDelivery
            ? flowReport(delivery, {
                period: {
                  since: period.until - context.config.review.days * 86_400,
                  until: period.until,
                },
                config: context.config,
              })
            : null,
          exitPaths: exitPaths(now, quarterAgo, {
            config: context.config,
            delivery: hasDelivery ? delivery : null,
          }),
          config: context.config,
        });
        io.stdout.write(
          format === "json"
            ? `${JSON.stringify({ version: 1, person: { id: person, name: matches[0]!.name }, leaderViews: lines }, null, 2)}\n`
            : `What leader views say about ${matches[0]!.name}:\n${lines.length === 0 ? "nothing: you hold none of the risks they report.\n" : lines.map((l) => `- ${l}\n`).join("")}`,
        );
        return;
      }
      const decisions = [];
      for (const scan of scans)
        decisions.push({
          repository: scan.name,
          decisions: (await readDecisions(scan.path, { ref: scan.head, config: context.config }))
            .decisions,
        });
      const ladder = loadLadder(
        context.config.ladder.file,
        (p) => readFileSync(p, "utf8"),
        context.baseDir,
      );
      const level = flags.level
        ? (ladder.levels.find(
            (l) => l.id === flags.level || l.name.toLowerCase() === flags.level!.toLowerCase(),
          )?.id ?? null)
        : null;
      if (flags.level && !level) {
        throw new LegibleError(
          "BAD_USAGE",
          `--level ${flags.level}: not a level of ${ladder.name}`,
          `levels: ${ladder.levels.map((l) => l.id).join(", ")}`,
        );
      }
      const packet = buildImpactPacket(
        {
          now,
          start,
          delivery: hasDelivery ? delivery : null,
          decisions,
          config: context.config,
          baseDir: context.baseDir,
          period,
        },
        { person, level, track: flags.track ?? context.config.ladder.track },
      );
      const text =
        format === "json"
          ? `${JSON.stringify(packet, null, 2)}\n`
          : format === "html"
            ? impactHtml(packet, flags.view)
            : impactMarkdown(packet, flags.view);
      if (flags.out) {
        const path = resolve(io.cwd, flags.out);
        writeFileAtomic(path, text);
        io.stderr.write(`wrote ${path}\n`);
      } else io.stdout.write(text);
    } finally {
      context.store.close();
    }
  });
  return command;
}

export function registerLadder(program: Command, io: CliIo): Command {
  const ladder = program
    .command("ladder")
    .description(
      "Career ladders: legible's default, or a Financial Times YAML or Monzo Markdown file",
    );
  const show = ladder
    .command("show")
    .description("Show a ladder: levels by track (peers side by side), themes and criteria")
    .option(
      "--file <file>",
      "a ladder file (default: ladder.file in legible.yaml, else legible's default ladder)",
    )
    .option("--level <level>", "only this level's criteria")
    .addOption(new Option("--format <format>", "output format").choices(["table", "md", "json"]));
  addGlobalOptions(show, { json: true }).action(
    (
      flags: GlobalOptions & { file?: string; level?: string; format?: "table" | "md" | "json" },
    ) => {
      const context = openConfig(io, flags);
      printWarnings(context);
      const loaded = loadLadder(
        flags.file ?? context.config.ladder.file,
        (p) => readFileSync(p, "utf8"),
        flags.file ? io.cwd : context.baseDir,
      );
      const format = flags.json ? "json" : (flags.format ?? "table");
      io.stdout.write(
        renderLadder(loaded, format, {
          ...(flags.level ? { level: flags.level } : {}),
          pretty: io.stdout.isTTY === true,
        }),
      );
    },
  );
  return ladder;
}
