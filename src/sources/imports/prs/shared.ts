import type { DeliverySource, PullRequestRow } from "../../../core/delivery/model.js";
import { FieldError, RecordError } from "../fields.js";

/** The stable key of a pull request row: `<source>:<repository>#<number>`. */
export function pullRequestKey(source: DeliverySource, repository: string, number: number): string {
  return `${source}:${repository}#${number}`;
}

/**
 * The row's state from the source's state word and its times. A merged pull request must say when
 * it was merged. Words: open/opened/locked → open, closed → closed (merged when it has a merge
 * time, as GitHub's REST API reports merged pulls), merged → merged; none → from the times.
 */
export function pullState(
  declared: string | null,
  mergedAt: number | null,
  closedAt: number | null,
  names: { state: string; mergedAt: string; words: string },
): PullRequestRow["state"] {
  const word = declared?.toLowerCase() ?? null;
  let state: PullRequestRow["state"];
  if (word === null) state = mergedAt !== null ? "merged" : closedAt !== null ? "closed" : "open";
  else if (word === "merged") state = "merged";
  else if (word === "closed") state = mergedAt !== null ? "merged" : "closed";
  else if (word === "open" || word === "opened" || word === "locked") {
    state = mergedAt !== null ? "merged" : "open";
  } else throw new FieldError(names.state, names.words, declared);
  if (state === "merged" && mergedAt === null) {
    throw new RecordError(
      `${names.mergedAt}: expected the merge time of a merged pull request, but it is missing`,
    );
  }
  return state;
}

/** An id for a nested item the source gave none: stable across exports of the same data. */
export function fallbackId(login: string | null, time: number): string {
  return `${login ?? "unknown"}@${time}`;
}
