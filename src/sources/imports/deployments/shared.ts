import type { DeliverySource, DeploymentResult } from "../../../core/delivery/model.js";
import { FieldError, RecordError } from "../fields.js";
import { CLOCK_SKEW_SECONDS } from "../plausible.js";
import type { ImportContext } from "../types.js";

/** The stable key of a deployment row: `<source>:<repository>:<id>`. */
export function deploymentKey(source: DeliverySource, repository: string, id: string): string {
  return `${source}:${repository}:${id}`;
}

/** The environment a record names, else the import's default, else "production"; lower case. */
export function environmentOf(named: string | null, context: ImportContext): string {
  return (named ?? context.environment?.trim() ?? "production").toLowerCase() || "production";
}

const RESULTS: Record<string, DeploymentResult> = {
  success: "success",
  succeeded: "success",
  successful: "success",
  ok: "success",
  passed: "success",
  deployed: "success",
  done: "success",
  completed: "success",
  failure: "failure",
  failed: "failure",
  fail: "failure",
  error: "error",
  errored: "error",
  cancelled: "cancelled",
  canceled: "cancelled",
  aborted: "cancelled",
  in_progress: "in_progress",
  "in progress": "in_progress",
  running: "in_progress",
  pending: "in_progress",
  queued: "in_progress",
  started: "in_progress",
  unknown: "unknown",
};

/** A result word (case-insensitive; common synonyms such as "failed" or "canceled" accepted). */
export function parseResult(word: string, field: string): DeploymentResult {
  const result = RESULTS[word.trim().toLowerCase().replace(/-/g, "_")];
  if (result === undefined) {
    throw new FieldError(field, "success, failure, error, cancelled, in_progress or unknown", word);
  }
  return result;
}

/**
 * Rejects a record whose start comes after its end by more than the clock skew plausible.ts
 * tolerates (it clamps a smaller gap, with a warning).
 */
export function checkOrder(start: number | null, end: number, names: [string, string]): void {
  if (start !== null && start - end > CLOCK_SKEW_SECONDS) {
    throw new RecordError(`${names[0]} is after ${names[1]}`);
  }
}
