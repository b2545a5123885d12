import { type KnowledgeMode, MODE_SETTINGS } from "../../core/knowledge/index.js";
import { LegibleError } from "../../errors.js";
import { knowledgeReport } from "../knowledge.js";
import { type PeopleReport, peopleReport } from "../people.js";
import type { KnowledgeReport } from "../report-types.js";
import { reviewSignal } from "../review-signal.js";
import type { AnalysisSession, IdentityOptions } from "../session.js";
import { knowledgeTrend, type TrendReport } from "../trend.js";
import { resolveLeavers, type WhatifReport, whatifReport } from "../whatif.js";
import type { AsOf } from "../workspace.js";

/** How a knowledge mode resolves identities: the 2016 tooling read raw `%an/%ae`, no .mailmap. */
export function identitiesFor(mode: KnowledgeMode): IdentityOptions {
  const { mailmap, identityRule } = MODE_SETTINGS[mode];
  return { mailmap, ...(identityRule ? { identityRule } : {}) };
}

export interface KnowledgeRunOptions {
  asOf: AsOf;
  mode: KnowledgeMode;
  /** Only this area and those below it (a directory, or component:<name>). */
  area?: string | undefined;
  /** Count imported pull-request reviews and review trailers as authorship signal (default mode only). */
  reviewsAsKnowledge?: boolean;
}

/** `legible knowledge`: truck factor and knowledge risk per area. */
export async function runKnowledge(
  session: AnalysisSession,
  options: KnowledgeRunOptions,
): Promise<KnowledgeReport> {
  const { config } = session;
  const workspace = await session.workspace(options.asOf, identitiesFor(options.mode));
  const report = knowledgeReport(workspace, {
    config,
    mode: options.mode,
    area: options.area,
    ...(options.reviewsAsKnowledge && options.mode === "default"
      ? { reviews: await reviewSignal(workspace, session.store, config) }
      : {}),
  });
  const area = options.area?.replace(/\/+$/, "");
  if (area && area !== "." && report.repositories.every((r) => r.areas.length === 0)) {
    throw new LegibleError(
      "BAD_USAGE",
      `--area ${options.area}: no such area`,
      "expected a directory holding scored files, or component:<name> from legible.yaml",
    );
  }
  return report;
}

/** `legible knowledge --trend`: truck factor and active authors per area, month by month. */
export async function runTrend(
  session: AnalysisSession,
  options: { until: AsOf; mode: KnowledgeMode; area?: string | undefined; months: number },
): Promise<TrendReport> {
  if (options.until.rev !== null)
    throw new LegibleError("BAD_USAGE", "--trend takes --as-of as a date, not a revision");
  return knowledgeTrend([...session.scans], {
    store: session.store,
    config: session.config,
    filesFrom: session.filesFrom,
    ...identitiesFor(options.mode),
    mode: options.mode,
    area: options.area,
    months: options.months,
    until: options.until.time,
  });
}

/** `legible whatif`: which areas would lose all their active authors if these people left. */
export async function runWhatif(
  session: AnalysisSession,
  options: { asOf: AsOf; leave: string[] },
): Promise<WhatifReport> {
  const workspace = await session.workspace(options.asOf);
  const leave = resolveLeavers(workspace, options.leave);
  return whatifReport(workspace, leave, { config: session.config, mode: "default" });
}

/** `legible people`: everyone with the identities merged into them and why. */
export async function runPeople(
  session: AnalysisSession,
  options: { asOf: AsOf },
): Promise<PeopleReport> {
  const workspace = await session.workspace(options.asOf);
  return peopleReport(workspace, {
    rule: session.config.identity.rule,
    activeDays: session.config.activeDays,
  });
}
