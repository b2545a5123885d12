/**
 * Rework rate (DORA 2024's fifth metric): the share of deployments that were unplanned and made
 * because of a production incident. Neither DevLake nor Four Keys defines it, so every mode uses
 * legible's rule below.
 *
 * A counted deployment D (successful, production, finished in the period) is **rework** when an
 * incident I explains it. I explains D when I was created strictly before D finished, D finished at
 * most `windowSeconds` (default 7 days) after I was created, I and D concern the same repository
 * (when the incident names one), and either:
 *
 * 1. **first deployment after an open incident**: D is the first deployment of that repository
 *    (of any repository, for an incident naming none) to finish after I was created, and I was
 *    still open when D started (not resolved before D's start, or its finish when the start is
 *    unknown) — the deploy that restored service; or
 * 2. **fix shipped after an incident**: D's commit range holds the merge commit of a pull request
 *    carrying a fix label (`fixLabels`, compared case-insensitively; default hotfix, fix, bugfix,
 *    incident) — a fix shipped while an incident was recent. A deployment with no range (the first
 *    of a series) is not checked for fixes.
 */
import type { Deployment } from "./deployments.js";
import type { IncidentRow, PullRequestRow } from "./model.js";
import type { RangedDeployment } from "./ranges.js";

/** Default labels that mark a pull request as a fix. */
export const DEFAULT_FIX_LABELS: readonly string[] = ["hotfix", "fix", "bugfix", "incident"];

/** Why a deployment is rework. */
export type ReworkReason =
  | "first deployment after an open incident"
  | "fix shipped after an incident";

/** A rework deployment and the incidents that explain it. */
export interface ReworkDeployment {
  key: string;
  reasons: ReworkReason[];
  incidents: string[];
}

/** Options of {@link reworkDeployments}. */
export interface ReworkOptions {
  windowSeconds: number;
  fixLabels?: readonly string[];
}

/**
 * The rework deployments among `counted`, by the rule in this module's comment. `all` is every
 * successful production deployment (the first one after an incident may fall outside the period).
 */
export function reworkDeployments(
  counted: readonly RangedDeployment[],
  all: readonly Deployment[],
  incidents: readonly IncidentRow[],
  pullRequests: readonly PullRequestRow[],
  options: ReworkOptions,
): ReworkDeployment[] {
  const window = options.windowSeconds;
  const found = new Map<string, { reasons: Set<ReworkReason>; incidents: Set<string> }>();
  const mark = (key: string, reason: ReworkReason, incident: string) => {
    let entry = found.get(key);
    if (entry === undefined) {
      entry = { reasons: new Set(), incidents: new Set() };
      found.set(key, entry);
    }
    entry.reasons.add(reason);
    entry.incidents.add(incident);
  };
  const countedKeys = new Set(counted.map((deployment) => deployment.key));

  // Rule 1: the first deployment after each incident.
  const sorted = [...all].sort(
    (a, b) => a.finishedAt - b.finishedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const byRepository = groupBy(sorted, (deployment) => deployment.repository);
  for (const incident of incidents) {
    const candidates =
      incident.repository === null ? sorted : (byRepository.get(incident.repository) ?? []);
    const next = firstAfter(candidates, incident.createdAt);
    if (next === null || next.finishedAt - incident.createdAt > window) continue;
    const start = next.startedAt ?? next.finishedAt;
    const open = incident.resolvedAt === null || incident.resolvedAt >= start;
    if (open && countedKeys.has(next.key)) {
      mark(next.key, "first deployment after an open incident", incident.key);
    }
  }

  // Rule 2: a fix-labelled pull request in the range, within the window after an incident.
  const labels = new Set((options.fixLabels ?? DEFAULT_FIX_LABELS).map((l) => l.toLowerCase()));
  const fixes = new Set<string>();
  for (const pr of pullRequests) {
    if (pr.mergeCommitSha !== null && pr.labels.some((label) => labels.has(label.toLowerCase()))) {
      fixes.add(pr.mergeCommitSha);
    }
  }
  if (fixes.size > 0) {
    const created = [...incidents].sort((a, b) => a.createdAt - b.createdAt);
    const anyRepository = created.filter((incident) => incident.repository === null);
    const incidentsOf = groupBy(
      created.filter((incident) => incident.repository !== null),
      (incident) => incident.repository!,
    );
    for (const deployment of counted) {
      if (deployment.rangeStatus !== "range" || deployment.commits === null) continue;
      if (!deployment.commits.some((sha) => fixes.has(sha))) continue;
      const from = deployment.finishedAt - window;
      for (const list of [incidentsOf.get(deployment.repository) ?? [], anyRepository]) {
        for (const incident of createdIn(list, from, deployment.finishedAt)) {
          mark(deployment.key, "fix shipped after an incident", incident.key);
        }
      }
    }
  }

  return counted
    .filter((deployment) => found.has(deployment.key))
    .map((deployment) => {
      const entry = found.get(deployment.key)!;
      const reasons: ReworkReason[] = (
        ["first deployment after an open incident", "fix shipped after an incident"] as const
      ).filter((reason) => entry.reasons.has(reason));
      return { key: deployment.key, reasons, incidents: [...entry.incidents].sort() };
    });
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The first of `sorted` (by finish) finishing strictly after `time`, or null. */
function firstAfter(sorted: readonly Deployment[], time: number): Deployment | null {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.finishedAt <= time) low = middle + 1;
    else high = middle;
  }
  return sorted[low] ?? null;
}

/** Incidents of `sorted` (by creation) created in `[from, until)`. */
function createdIn(sorted: readonly IncidentRow[], from: number, until: number): IncidentRow[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.createdAt < from) low = middle + 1;
    else high = middle;
  }
  const result: IncidentRow[] = [];
  for (let i = low; i < sorted.length && sorted[i]!.createdAt < until; i++) result.push(sorted[i]!);
  return result;
}
