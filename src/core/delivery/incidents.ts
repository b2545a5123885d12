/**
 * Which deployment an incident is blamed on: the latest successful deployment that finished strictly
 * before the incident was created (DevLake's `ConnectIncidentToDeployment`), within a window in
 * legible's default mode.
 */
import type { Deployment } from "./deployments.js";
import type { IncidentRow } from "./model.js";
import type { DeliveryMode } from "./types.js";

/** Why an incident is not linked to a deployment. */
export type IncidentUnlinked = "no earlier deployment" | "no deployment within the window";

/** One incident and the deployment it is blamed on. */
export interface IncidentLink {
  incidentKey: string;
  createdAt: number;
  resolvedAt: number | null;
  /** The deployment blamed, or null (see `unlinked`). */
  deployment: { key: string; finishedAt: number } | null;
  unlinked: IncidentUnlinked | null;
}

/** Options of {@link linkIncidents}. */
export interface IncidentLinkOptions {
  mode: DeliveryMode;
  /**
   * `default` mode: the longest time from a deployment's finish to the incident's creation for the
   * incident to be blamed on it (seconds; default 7 days). Ignored by `devlake` (no limit).
   */
  windowSeconds?: number;
  /**
   * `default` mode: an incident attributed to a repository is blamed only on that repository's
   * deployments (default true). DevLake links within the whole project.
   */
  matchRepository?: boolean;
}

/** Default incident → deployment window of legible's default mode: 7 days. */
export const DEFAULT_INCIDENT_WINDOW = 7 * 86_400;

/**
 * Links every incident to the latest deployment finishing strictly before its creation (ties on the
 * finish time: the greater key). In `default` mode, only within `windowSeconds` and, when the
 * incident names a repository, among that repository's deployments.
 */
export function linkIncidents(
  incidents: readonly IncidentRow[],
  deployments: readonly Deployment[],
  options: IncidentLinkOptions,
): IncidentLink[] {
  const legible = options.mode === "default";
  const window = legible ? (options.windowSeconds ?? DEFAULT_INCIDENT_WINDOW) : Infinity;
  const matchRepository = legible && (options.matchRepository ?? true);
  const all = sortByFinish(deployments);
  const byRepository = new Map<string, Deployment[]>();
  if (matchRepository) {
    for (const deployment of all) {
      const list = byRepository.get(deployment.repository);
      if (list) list.push(deployment);
      else byRepository.set(deployment.repository, [deployment]);
    }
  }
  return incidents.map((incident) => {
    const candidates =
      matchRepository && incident.repository !== null
        ? (byRepository.get(incident.repository) ?? [])
        : all;
    const found = latestBefore(candidates, incident.createdAt);
    const base = {
      incidentKey: incident.key,
      createdAt: incident.createdAt,
      resolvedAt: incident.resolvedAt,
    };
    if (found === null) return { ...base, deployment: null, unlinked: "no earlier deployment" };
    if (incident.createdAt - found.finishedAt > window) {
      return { ...base, deployment: null, unlinked: "no deployment within the window" };
    }
    return {
      ...base,
      deployment: { key: found.key, finishedAt: found.finishedAt },
      unlinked: null,
    };
  });
}

function sortByFinish(deployments: readonly Deployment[]): Deployment[] {
  return [...deployments].sort(
    (a, b) => a.finishedAt - b.finishedAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** The last of `sorted` finishing strictly before `time` (binary search), or null. */
function latestBefore(sorted: readonly Deployment[], time: number): Deployment | null {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.finishedAt < time) low = middle + 1;
    else high = middle;
  }
  return low === 0 ? null : sorted[low - 1]!;
}
