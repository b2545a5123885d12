import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { type Command, Option } from "commander";
import type { LeaderViewReport } from "../../app/run/impact.js";
import type { Track } from "../../core/ladder/index.js";
import { LegibleError } from "../../errors.js";
import { git } from "../../sources/git/run.js";
import type { GlobalOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";
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
    const { openContext, sessionFor } = await import("../context.js");
    const { runImpact, runWhatLeadersSee } = await import("../../app/run/impact.js");
    const { impactHtml, impactMarkdown } = await import("../../render/impact.js");
    const format = flags.json ? "json" : (flags.format ?? "md");
    const context = await openContext(io, { ...flags, json: format === "json" });
    try {
      printWarnings(context);
      const period = parsePeriod(flags, io.now(), 180);
      const person = flags.me
        ? await git(io.cwd, ["config", "user.email"]).catch(() => "")
        : flags.person;
      if (!person)
        throw new LegibleError(
          "BAD_USAGE",
          flags.me
            ? "--me: git config user.email is not set here"
            : "impact needs --person <id> or --me",
        );
      const session = await sessionFor(context, repos);
      let text: string;
      if (flags.whatLeadersSee) {
        const seen = await runWhatLeadersSee(session, { period, person });
        text = format === "json" ? `${JSON.stringify(seen, null, 2)}\n` : leaderViewText(seen);
      } else {
        const packet = await runImpact(session, {
          period,
          person,
          level: flags.level ?? null,
          track: flags.track ?? context.config.ladder.track,
        });
        text =
          format === "json"
            ? `${JSON.stringify(packet, null, 2)}\n`
            : format === "html"
              ? impactHtml(packet, flags.view)
              : impactMarkdown(packet, flags.view);
      }
      if (flags.out) {
        const out = resolve(io.cwd, flags.out);
        writeFileAtomic(out, text);
        io.stderr.write(`wrote ${out}\n`);
      } else io.stdout.write(text);
    } finally {
      await context.store.close();
    }
  });
  return command;
}

function leaderViewText(seen: LeaderViewReport): string {
  const head = `What leader views say about ${seen.person.name} (the review of ${seen.period.since.slice(0, 10)} to ${seen.period.until.slice(0, 10)}, its knowledge and flow):\n`;
  if (seen.leaderViews.length === 0)
    return `${head}nothing: you hold none of the risks they report.\n`;
  const shown = seen.leaderViews[0]!.person;
  const as = shown.name === seen.person.name ? "" : `Leader views show you as ${shown.name}.\n`;
  return `${head}${as}${seen.leaderViews.map((f) => `- ${f.view}, ${ROLE[f.kind]}: ${f.text}\n`).join("")}`;
}

const ROLE: Record<LeaderViewReport["leaderViews"][number]["kind"], string> = {
  "island-holder": "you are its holder",
  "former-author": "you are listed as a former author",
  "truck-factor-developer": "you are listed as an author",
  "review-bottleneck": "you are the reviewer",
  "incident-heroics": "you are the responder",
  "decided-alone": "you are the decision-maker",
  successor: "you are named",
  "repair-heroics": "you made most repairs",
  "review-concentration": "you gave most reviews",
};

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
    async (
      flags: GlobalOptions & { file?: string; level?: string; format?: "table" | "md" | "json" },
    ) => {
      const { openConfig } = await import("../context.js");
      const { loadLadder } = await import("../../sources/ladders/index.js");
      const { renderLadder } = await import("../../render/ladder.js");
      const context = await openConfig(io, flags);
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
