/**
 * legible as a library: the same pipelines the CLI runs, returning plain, versioned report objects.
 *
 * ```ts
 * import { SqliteStore, scanRepositories, prepareWorkspace, knowledgeReport, parseAsOf, loadConfig } from "legible";
 * ```
 */
export type { DecisionEntry, DecisionReport, RepositoryDecisions } from "./app/decisions.js";
export { readDecisions } from "./app/decisions.js";
export type { DeliveryContext } from "./app/delivery.js";
export { deliveryContext } from "./app/delivery.js";
export type { FlowReport } from "./app/flow.js";
export { deliveryReport, flowReport } from "./app/flow.js";
export type { ImportResult } from "./app/import.js";
export { importFile } from "./app/import.js";
export { knowledgeReport } from "./app/knowledge.js";
export type { PeopleReport, PersonReport } from "./app/people.js";
export { peopleReport } from "./app/people.js";
export type {
  AreaReport,
  KnowledgeReport,
  PersonRef,
  RepositoryKnowledge,
  Universe,
} from "./app/report-types.js";
export type { ReviewReport } from "./app/review.js";
export { reviewReport } from "./app/review.js";
export type { RepositoryScan, RepositoryTarget, ScanOptions } from "./app/scan.js";
export { scanRepositories } from "./app/scan.js";
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
export { LegibleError } from "./errors.js";
export { reviewHtml } from "./render/html/review.js";
export { reviewMarkdown } from "./render/review.js";
export { SqliteStore } from "./store/sqlite.js";
