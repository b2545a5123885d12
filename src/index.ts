/**
 * legible as a library: the same run functions the CLI calls, returning plain, versioned report
 * objects that the same renderers turn into text. The review the CLI prints is:
 *
 * ```ts
 * import { AnalysisSession, loadConfig, reviewMarkdown, runReview, scanRepositories, Store } from "legible";
 * const { config, baseDir } = loadConfig({ cwd: process.cwd() });
 * const store = Store.open(".legible/legible.db");
 * const scans = await scanRepositories(["."], { store });
 * const session = new AnalysisSession({ store, config, baseDir, scans });
 * const now = Math.floor(Date.now() / 1000);
 * const report = await runReview(session, { period: { since: now - 7 * 86_400, until: now, untilLabel: "now" } });
 * process.stdout.write(reviewMarkdown(report, { linkBase: process.cwd() }));
 * ```
 */

// Declared ownership, coordination cost and the CI gate (issue 12).
export type { CheckFinding, CheckReport, CheckRule, RuleOutcome } from "./app/check.js";
export { runCheck } from "./app/check.js";
export type { DecisionEntry, DecisionReport, RepositoryDecisions } from "./app/decisions.js";
export { readDecisions } from "./app/decisions.js";
export type { DeliveryContext } from "./app/delivery.js";
export { deliveryContext } from "./app/delivery.js";
export type { FlowReport } from "./app/flow.js";
export { deliveryReport, flowReport } from "./app/flow.js";
export type { ImportResult } from "./app/import.js";
export { importFile, importSources } from "./app/import.js";
export { knowledgeReport } from "./app/knowledge.js";
export type { PersonFact } from "./app/leader-facts.js";
export { leaderFacts } from "./app/leader-facts.js";
export type { PeopleReport, PersonReport } from "./app/people.js";
export { peopleReport } from "./app/people.js";
export type {
  AreaReport,
  KnowledgeReport,
  PersonRef,
  RepositoryKnowledge,
  Universe,
} from "./app/report-types.js";
export type { LeaderFact, ReviewReport } from "./app/review.js";
export { reviewReport } from "./app/review.js";
export { runDora, runFlow } from "./app/run/delivery.js";
export type { ImpactRunOptions, LeaderViewReport } from "./app/run/impact.js";
export { runImpact, runWhatLeadersSee } from "./app/run/impact.js";
export type { KnowledgeRunOptions } from "./app/run/knowledge.js";
export { runKnowledge, runPeople, runTrend, runWhatif } from "./app/run/knowledge.js";
export type { OwnershipReport, OwnershipRunOptions } from "./app/run/ownership.js";
export { runOwnership } from "./app/run/ownership.js";
export type { RunPeriod } from "./app/run/period.js";
export type { ReviewRun, ReviewRunOptions } from "./app/run/review.js";
export { reviewRun, runReview } from "./app/run/review.js";
export type { RepositoryScan, RepositoryTarget, ScanOptions } from "./app/scan.js";
export { scanRepositories } from "./app/scan.js";
export type { SessionDecisions, SessionOptions } from "./app/session.js";
export { AnalysisSession } from "./app/session.js";
export type { TrendReport } from "./app/trend.js";
export { knowledgeTrend } from "./app/trend.js";
export type { WhatifReport } from "./app/whatif.js";
export { whatifReport } from "./app/whatif.js";
export type { AsOf, Workspace } from "./app/workspace.js";
export { parseAsOf, prepareWorkspace } from "./app/workspace.js";
export { loadConfig } from "./config/load.js";
export type { Config } from "./config/schema.js";
export type { DoraReport } from "./core/delivery/index.js";
export type * from "./core/delivery/model.js";
export * from "./core/knowledge/index.js";
export type * from "./core/model.js";
export * from "./core/ownership/index.js";
export { LegibleError } from "./errors.js";
export { checkJunit, checkSarif } from "./render/check.js";
export { reviewHtml } from "./render/html/review.js";
export { impactHtml, impactMarkdown } from "./render/impact.js";
export { ownershipCsv, ownershipMarkdown } from "./render/ownership.js";
export { reviewMarkdown } from "./render/review.js";
export { reviewView } from "./render/review-view.js";
export { withGitEnvironment } from "./sources/git/run.js";
export { Store } from "./store/store.js";
