import type { Config } from "../config/schema.js";
import { isoTime } from "../core/dates.js";
import type { AreaKnowledge } from "../core/knowledge/index.js";
import { LegibleError } from "../errors.js";
import { readDecisions } from "./decisions.js";
import { analyseRepository } from "./knowledge.js";
import { type AreaOwnership, areaOwnership, reviewIndex } from "./ownership.js";
import { ownershipModel } from "./ownership-model.js";
import { type AnalysisSession, hasDeliveryRecords } from "./session.js";
import type { AsOf, Workspace } from "./workspace.js";

/** The rules of `legible check`, as `check:` in legible.yaml names them. */
export const CHECK_RULES = {
  "min-truck-factor": "Named areas keep at least their minimum truck factor (check.minTruckFactor)",
  "no-new-knowledge-islands":
    "No area becomes a knowledge island (one active author) against the base (check.noNewKnowledgeIslands)",
  "no-newly-orphaned-areas":
    "No area loses its last active author against the base (check.noNewlyOrphanedAreas)",
  "max-orphaned-share":
    "The share of scored files without an active author stays under the maximum (check.maxOrphanedShare)",
  "no-drift":
    "Named areas' declared owners are among their active authors or reviewers (check.noDrift)",
  "decisions-state-tradeoff":
    "Decision records state the tradeoff they accept (check.decisionsStateTradeoff)",
} as const;

export type CheckRule = keyof typeof CHECK_RULES;

/** One finding: a rule an area, a repository or a record breaks. */
export interface CheckFinding {
  rule: CheckRule;
  /** What breaks it: an area as reports name it, a repository, or a decision record's path. */
  subject: string;
  /** One line, with the figures. */
  message: string;
  repository: string;
  /** A file to annotate (a CODEOWNERS line, a decision record), relative to the repository. */
  file: string | null;
  line: number | null;
}

/** How one rule fared. */
export interface RuleOutcome {
  rule: CheckRule;
  description: string;
  /** passed, failed, or skipped (off in config, or needs --base). */
  outcome: "passed" | "failed" | "skipped";
  /** Why it was skipped, or what it checked. */
  detail: string;
  findings: number;
}

/** `legible check --format json`, version 1. */
export interface CheckReport {
  version: 1;
  head: { repository: string; commit: string | null }[];
  base: { ref: string; commits: { repository: string; commit: string | null }[] } | null;
  /** The date activity was judged at (both head and base are judged at it). */
  asOf: string;
  rules: RuleOutcome[];
  findings: CheckFinding[];
}

export interface CheckOptions {
  asOf: AsOf;
  /** The base ref (a pull request's target); it must have been scanned. */
  base: string | null;
}

/**
 * Evaluates the `check:` rules of the config on the head (and against the base when given). Both
 * are judged at the same date, so only the history differs between them.
 */
export async function runCheck(
  session: AnalysisSession,
  options: CheckOptions,
): Promise<CheckReport> {
  const { config } = session;
  const head = await session.workspace(options.asOf);
  // The base is judged with the head's activity: who is active is a fact about people, not
  // branches, so only the code and its history differ between the two.
  const baseWorkspace = options.base
    ? await session.workspace({ time: head.asOf.time, label: options.base, rev: options.base })
    : null;
  const base = baseWorkspace
    ? { ...baseWorkspace, lastActive: head.lastActive, analyses: new Map() }
    : null;
  const areasNow = knowledgeByKey(head, config);
  const areasBase = base ? knowledgeByKey(base, config) : null;
  const rules: RuleOutcome[] = [];
  const findings: CheckFinding[] = [];
  const record = (
    rule: CheckRule,
    outcome: Omit<RuleOutcome, "rule" | "description" | "findings">,
    found: CheckFinding[],
  ) => {
    rules.push({ rule, description: CHECK_RULES[rule], ...outcome, findings: found.length });
    findings.push(...found);
  };
  const check = config.check;

  // Minimum truck factor for named areas.
  const named = Object.entries(check.minTruckFactor);
  if (named.length === 0)
    record(
      "min-truck-factor",
      { outcome: "skipped", detail: "no area named in check.minTruckFactor" },
      [],
    );
  else {
    const found: CheckFinding[] = [];
    for (const [name, min] of named) {
      const area = findArea(areasNow, name, "check.minTruckFactor");
      if (area.knowledge.truckFactor >= min) continue;
      const before = areasBase?.get(area.key)?.knowledge.truckFactor;
      found.push({
        rule: "min-truck-factor",
        subject: area.key,
        message: `${area.key}: truck factor ${area.knowledge.truckFactor}, below the minimum of ${min}${before !== undefined ? ` (base: ${before})` : ""}`,
        repository: area.repository,
        file: null,
        line: null,
      });
    }
    record("min-truck-factor", outcomeOf(found, `${named.length} named area(s)`), found);
  }

  // Knowledge islands and orphaned areas that are new against the base.
  for (const [rule, enabled, status, words] of [
    [
      "no-new-knowledge-islands",
      check.noNewKnowledgeIslands,
      "knowledge-island",
      "a knowledge island (one active author)",
    ],
    [
      "no-newly-orphaned-areas",
      check.noNewlyOrphanedAreas,
      "orphaned",
      "orphaned (no active author)",
    ],
  ] as const) {
    if (!enabled) record(rule, { outcome: "skipped", detail: "turned off in legible.yaml" }, []);
    else if (!areasBase) record(rule, { outcome: "skipped", detail: "needs --base <ref>" }, []);
    else {
      const found: CheckFinding[] = [];
      for (const area of areasNow.values()) {
        if (area.knowledge.status !== status) continue;
        const before = areasBase.get(area.key);
        // Only a loss counts: an orphaned area that regained one author is not a new island.
        if (
          before &&
          (before.knowledge.status === status || before.knowledge.status === "orphaned")
        )
          continue;
        if (status === "orphaned" && !before) continue;
        found.push({
          rule,
          subject: area.key,
          message: `${area.key}: ${words} at the head, ${before ? `${statusWords(before.knowledge.status)} at ${options.base}` : `a new area since ${options.base}`} (${area.knowledge.files} ${area.knowledge.files === 1 ? "file" : "files"})`,
          repository: area.repository,
          file: null,
          line: null,
        });
      }
      record(rule, outcomeOf(found, `${areasNow.size} areas against ${options.base}`), found);
    }
  }

  // Share of files without an active author.
  if (check.maxOrphanedShare === null)
    record(
      "max-orphaned-share",
      { outcome: "skipped", detail: "check.maxOrphanedShare is null" },
      [],
    );
  else {
    const found: CheckFinding[] = [];
    for (const repository of head.repositories) {
      const result = analyseRepository(head, repository, { config, mode: "default" });
      const share =
        result.filesScored === 0 ? 0 : result.repository.orphanedFiles / result.filesScored;
      if (share <= check.maxOrphanedShare) continue;
      found.push({
        rule: "max-orphaned-share",
        subject: repository.scan.name,
        message: `${repository.scan.name}: ${result.repository.orphanedFiles} of ${result.filesScored} scored files (${(share * 100).toFixed(1)}%) have no active author, above the maximum of ${(check.maxOrphanedShare * 100).toFixed(1)}%`,
        repository: repository.scan.name,
        file: null,
        line: null,
      });
    }
    record(
      "max-orphaned-share",
      outcomeOf(found, `${head.repositories.length} repository(ies)`),
      found,
    );
  }

  // Drift for named areas.
  if (check.noDrift.length === 0)
    record("no-drift", { outcome: "skipped", detail: "no area named in check.noDrift" }, []);
  else {
    const ownership = await ownershipOf(session, head);
    const found: CheckFinding[] = [];
    for (const name of check.noDrift) {
      const area = findArea(areasNow, name, "check.noDrift");
      const owned = ownership.areas.find((a) => a.area === area.key);
      if (!owned || owned.status === "aligned") continue;
      const rule = owned.files > 0 ? ownership.ruleOf(owned) : null;
      found.push({
        rule: "no-drift",
        subject: area.key,
        message: `${area.key}: ${owned.status === "drift" ? "drift" : owned.status === "unowned" ? "no declared owner" : "declared owners cannot be resolved"}: ${owned.reason}`,
        repository: area.repository,
        file: rule?.file ?? null,
        line: rule?.line ?? null,
      });
    }
    record("no-drift", outcomeOf(found, `${check.noDrift.length} named area(s)`), found);
  }

  // Decision records that state no tradeoff.
  if (!check.decisionsStateTradeoff)
    record(
      "decisions-state-tradeoff",
      { outcome: "skipped", detail: "check.decisionsStateTradeoff is false" },
      [],
    );
  else {
    const found: CheckFinding[] = [];
    let considered = 0;
    for (const repository of await session.decisions()) {
      const scan = session.scans.find((s) => s.name === repository.repository)!;
      const before = options.base
        ? new Set(
            (await readDecisions(scan.path, { ref: options.base, config })).decisions.map(
              (d) => d.path,
            ),
          )
        : null;
      for (const decision of repository.decisions) {
        if (before?.has(decision.path)) continue;
        if (["rejected", "deprecated", "superseded"].includes(decision.status)) continue;
        considered += 1;
        if (decision.statesTradeoff) continue;
        found.push({
          rule: "decisions-state-tradeoff",
          subject: decision.path,
          message: `"${decision.title}" states no tradeoff (fill its executive tradeoff, a Y-statement "accepting …" clause, or the chosen option's good and bad consequences)`,
          repository: repository.repository,
          file: decision.path,
          line: 1,
        });
      }
    }
    record(
      "decisions-state-tradeoff",
      outcomeOf(
        found,
        `${considered} record(s)${options.base ? ` added since ${options.base}` : ""}`,
      ),
      found,
    );
  }

  return {
    version: 1,
    head: head.repositories.map((r) => ({ repository: r.scan.name, commit: r.commit })),
    base: base
      ? {
          ref: options.base!,
          commits: base.repositories.map((r) => ({ repository: r.scan.name, commit: r.commit })),
        }
      : null,
    asOf: isoTime(head.asOf.time),
    rules,
    findings,
  };
}

interface KeyedArea {
  key: string;
  label: string;
  repository: string;
  knowledge: AreaKnowledge;
}

/** Every area of a workspace by key (and the whole repository under its name or "."). */
function knowledgeByKey(workspace: Workspace, config: Config): Map<string, KeyedArea> {
  const out = new Map<string, KeyedArea>();
  for (const repository of workspace.repositories) {
    const result = analyseRepository(workspace, repository, { config, mode: "default" });
    const name = repository.scan.name;
    for (const area of [result.repository, ...result.areas]) {
      if (area.files === 0) continue;
      const key = workspace.areas.key(name, area.id);
      out.set(key, { key, label: area.label, repository: name, knowledge: area });
    }
  }
  return out;
}

/** An area named in config: by key (`<repository>: <area>` in a workspace), or a component's name. */
function findArea(areas: Map<string, KeyedArea>, name: string, key: string): KeyedArea {
  const trimmed = name.trim().replace(/\/+$/, "");
  const colon = trimmed.indexOf(":");
  const spaced =
    colon > 0 && !trimmed.startsWith("component:")
      ? `${trimmed.slice(0, colon)}: ${trimmed.slice(colon + 1).trim()}`
      : trimmed;
  const hit =
    areas.get(trimmed) ??
    areas.get(spaced) ??
    [...areas.values()].find(
      (a) =>
        a.knowledge.kind === "component" &&
        (a.label === trimmed || a.key === `${a.repository}: ${trimmed}`),
    );
  if (!hit)
    throw new LegibleError(
      "BAD_CONFIG",
      `${key}: no area "${name}" at the head`,
      `expected an area as \`legible knowledge\` names it (a directory down to areas.depth, or a component; "<repository>: <area>" in a workspace), e.g. ${[...areas.keys()].slice(1, 4).join(", ")}`,
    );
  return hit;
}

function outcomeOf(
  found: CheckFinding[],
  what: string,
): Omit<RuleOutcome, "rule" | "description" | "findings"> {
  return found.length === 0
    ? { outcome: "passed", detail: `checked ${what}` }
    : { outcome: "failed", detail: `checked ${what}: ${found.length} finding(s)` };
}

function statusWords(status: AreaKnowledge["status"]): string {
  return status === "knowledge-island"
    ? "a knowledge island"
    : status === "orphaned"
      ? "orphaned"
      : status === "at-risk"
        ? "at risk (truck factor 1)"
        : "shared";
}

async function ownershipOf(
  session: AnalysisSession,
  workspace: Workspace,
): Promise<{
  areas: AreaOwnership[];
  ruleOf: (area: AreaOwnership) => { file: string; line: number } | null;
}> {
  const { config } = session;
  const context = await session.delivery(workspace);
  const delivery = hasDeliveryRecords(context) ? context : null;
  const model = await ownershipModel(workspace, config);
  const reviews = reviewIndex(
    workspace,
    delivery,
    config,
    workspace.asOf.time - config.activeDays * 86_400,
  );
  const areas = areaOwnership(workspace, model, reviews, config);
  const ruleOf = (area: AreaOwnership) => {
    const repository = workspace.repositories.find((r) => r.scan.name === area.repository);
    const file = repository?.files.kept.find((f) => area.id === "." || f.startsWith(`${area.id}/`));
    return file ? model.ruleOfFile(area.repository, file) : null;
  };
  return { areas, ruleOf };
}
