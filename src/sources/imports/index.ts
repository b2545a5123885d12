/**
 * Importers: delivery records (pull requests, deployments, incidents) read from files into plain
 * rows (`core/delivery/model.ts`), streaming, with malformed records reported and skipped.
 */
export { parseTime } from "./dates.js";
export { sampleFormats, sampleFormatsMarkdown } from "./docs.js";
export {
  CLOCK_SKEW_SECONDS,
  checkRow,
  EARLIEST_PLAUSIBLE,
  FUTURE_SLACK_SECONDS,
  REVIEW_STATES,
} from "./plausible.js";
export type { GitHubPullBundle } from "./prs/github.js";
export { findImporter, formatsOf, importers } from "./registry.js";
export type {
  AnyImporter,
  ImportContext,
  ImportCounts,
  Importer,
  ImporterOf,
  ImportKind,
  ImportWarning,
  RowsByKind,
} from "./types.js";
