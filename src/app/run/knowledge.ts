import { isoTime } from "../../core/dates.js";
import { type KnowledgeMode, MODE_SETTINGS } from "../../core/knowledge/index.js";
import { LegibleError } from "../../errors.js";
import type { StoredCommit } from "../../store/store.js";
import { historyIndex } from "../history-index.js";
import { knowledgeReport } from "../knowledge.js";
import { type PeopleReport, peopleReport } from "../people.js";
import type { KnowledgeReport } from "../report-types.js";
import {
  cachedAnalysis,
  historyTimes,
  type ResultCacheSettings,
  validUntil,
} from "../result-cache.js";
import { reviewSignal } from "../review-signal.js";
import type { AnalysisSession, IdentityOptions } from "../session.js";
import { summaryOf } from "../summary-workspace.js";
import { knowledgeTrend, type TrendReport } from "../trend.js";
import { resolveLeavers, type WhatifReport, whatifReport } from "../whatif.js";
import { type AsOf, historyOf, type PreparedRepository, type Workspace } from "../workspace.js";

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
  /** Reuse and keep results in the store's analysis cache (app/result-cache.ts); absent: no cache. */
  cache?: ResultCacheSettings | null;
}

/** `legible knowledge`: truck factor and knowledge risk per area. */
export async function runKnowledge(
  session: AnalysisSession,
  options: KnowledgeRunOptions,
): Promise<KnowledgeReport> {
  // Imported reviews are not among the cache's inputs: with them, always compute.
  const reviews = options.reviewsAsKnowledge === true && options.mode === "default";
  return cachedAnalysis(
    session,
    {
      command: "knowledge",
      options: { mode: options.mode, area: options.area ?? null },
      asOf: options.asOf,
      settings: reviews ? null : (options.cache ?? null),
      restamp: (report, asOf) => ({
        ...report,
        asOf: { date: isoTime(asOf.time), label: asOf.label },
      }),
    },
    async () => {
      const workspace = await knowledgeWorkspace(
        session,
        options.asOf,
        identitiesFor(options.mode),
        !reviews,
      );
      const report = await knowledgeRun(session, workspace, options);
      return {
        value: report,
        validUntil: validUntil(
          workspaceTimes(workspace.repositories),
          workspace.asOf.time,
          session.config.activeDays,
        ),
      };
    },
  );
}

/**
 * The workspace a knowledge analysis reads: from the history summaries when `summaries` allows it
 * and every repository has them (app/summary-workspace.ts), else from the stored commits.
 */
async function knowledgeWorkspace(
  session: AnalysisSession,
  asOf: AsOf,
  identities: IdentityOptions,
  summaries: boolean,
): Promise<Workspace> {
  const summarised = summaries ? await session.summaryWorkspace(asOf, identities) : null;
  return summarised ?? session.workspace(asOf, identities);
}

/** Every author and commit time of the histories these repositories were prepared from. */
function* workspaceTimes(repositories: PreparedRepository[]): Iterable<number> {
  for (const repository of repositories) {
    const summary = summaryOf(repository);
    if (summary) for (const times of summary.times) yield* times;
    else {
      const index = historyOf(repository);
      if (index) yield* historyTimes([index]);
    }
  }
}

async function knowledgeRun(
  session: AnalysisSession,
  workspace: Workspace,
  options: KnowledgeRunOptions,
): Promise<KnowledgeReport> {
  const { config } = session;
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
  options: {
    until: AsOf;
    mode: KnowledgeMode;
    area?: string | undefined;
    months: number;
    cache?: ResultCacheSettings | null;
  },
): Promise<TrendReport> {
  if (options.until.rev !== null)
    throw new LegibleError("BAD_USAGE", "--trend takes --as-of as a date, not a revision");
  return cachedAnalysis(
    session,
    {
      command: "knowledge-trend",
      options: { mode: options.mode, area: options.area ?? null, months: options.months },
      asOf: options.until,
      settings: options.cache ?? null,
    },
    async () => {
      const loaded = new Map<string, readonly StoredCommit[]>();
      const value = await knowledgeTrend([...session.scans], {
        store: session.store,
        config: session.config,
        filesFrom: session.filesFrom,
        loaded,
        ...identitiesFor(options.mode),
        mode: options.mode,
        area: options.area,
        months: options.months,
        until: options.until.time,
      });
      const indexes = [...loaded.values()].map(historyIndex);
      // The months' labels are days: the trend also changes with the UTC day (validUntil's limit).
      return {
        value,
        validUntil: validUntil(
          historyTimes(indexes),
          options.until.time,
          session.config.activeDays,
        ),
      };
    },
  );
}

/** `legible whatif`: which areas would lose all their active authors if these people left. */
export async function runWhatif(
  session: AnalysisSession,
  options: { asOf: AsOf; leave: string[]; cache?: ResultCacheSettings | null },
): Promise<WhatifReport> {
  return cachedAnalysis(
    session,
    {
      command: "whatif",
      options: { leave: options.leave },
      asOf: options.asOf,
      settings: options.cache ?? null,
    },
    async () => {
      const workspace = await knowledgeWorkspace(session, options.asOf, {}, true);
      const leave = resolveLeavers(workspace, options.leave);
      return {
        value: whatifReport(workspace, leave, { config: session.config, mode: "default" }),
        validUntil: validUntil(
          workspaceTimes(workspace.repositories),
          workspace.asOf.time,
          session.config.activeDays,
        ),
      };
    },
  );
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
