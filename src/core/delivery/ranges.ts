/**
 * The commits each deployment shipped: reachable from its commit and not from the previous
 * successful deployment's (`git rev-list previous..current`), computed on the stored parent map.
 */
import type { Deployment } from "./deployments.js";
import type { Ancestry, DeliveryMode } from "./types.js";

/** How a deployment's range was settled. */
export type RangeStatus =
  | "range"
  | "first of series: all history"
  | "first of series: no range"
  | "commit not in history"
  | "previous commit not in history";

/** A deployment with the commits it shipped. */
export interface RangedDeployment extends Deployment {
  /**
   * Commits reachable from `commitSha` and not from `previous.commitSha`, in DevLake's order (a
   * depth-first walk from `commitSha`, parents in order; its `sorting_index` is the position + 1).
   * Null when there is no range: see `rangeStatus`.
   */
  commits: readonly string[] | null;
  rangeStatus: RangeStatus;
}

/** Options of {@link commitRanges}. */
export interface RangeOptions {
  mode: DeliveryMode;
  /**
   * Commits to look for in the history a first deployment would swallow (in the modes that give
   * it no range): each found one is reported in `shippedByFirst`, so an unlinked PR can say why.
   */
  watch?: ReadonlySet<string>;
}

/** The result of {@link commitRanges}. */
export interface CommitRanges {
  /** The deployments, in input order, with their ranges. */
  deployments: RangedDeployment[];
  /** Watched commit → key of the first deployment of a series whose history holds it. */
  shippedByFirst: Map<string, string>;
}

/**
 * Computes every deployment's range. `devlake` mode reproduces DevLake's refdiff: the first
 * deployment of a series gets its whole history, and a commit the parent map does not hold is a
 * root (a deployed commit unknown to the history ships itself). The other modes give a first
 * deployment no range ("the first deployment swallows all history") and no range to a deployment
 * whose commit, or whose previous deployment's commit, the history does not hold. Commits the
 * history lacks further down (a shallow boundary) are roots in every mode.
 *
 * Each series is walked once in the usual case: when a deployment descends from the previous one,
 * the commits reachable from it are those of the previous one plus its range; only after a
 * rollback or a switch of branch is the history walked again.
 */
export function commitRanges(
  deployments: readonly Deployment[],
  ancestry: Ancestry,
  options: RangeOptions,
): CommitRanges {
  const devlake = options.mode === "devlake";
  const parentsOf = (sha: string) => ancestry.parents(sha) ?? [];
  const known = (sha: string) => devlake || ancestry.parents(sha) !== undefined;
  const shippedByFirst = new Map<string, string>();
  const ranged = new Map<string, RangedDeployment>();

  for (const series of groupBySeries(deployments)) {
    // `reach` is every commit reachable from `reachOf`, or null when not computed yet.
    let reach: Set<string> | null = null;
    let reachOf: string | null = null;
    const reachFrom = (sha: string): Set<string> => {
      if (reachOf !== sha || reach === null) {
        reach = walk(sha, null, parentsOf).seen;
        reachOf = sha;
      }
      return reach;
    };

    for (const deployment of series) {
      const result = (commits: readonly string[] | null, rangeStatus: RangeStatus) =>
        ranged.set(deployment.key, { ...deployment, commits, rangeStatus });
      const previous = deployment.previous;
      if (!known(deployment.commitSha)) {
        result(null, "commit not in history");
        continue;
      }
      if (previous === null) {
        if (devlake) {
          const all = walk(deployment.commitSha, null, parentsOf);
          reach = all.seen;
          reachOf = deployment.commitSha;
          result(all.order, "first of series: all history");
        } else {
          if (options.watch !== undefined && options.watch.size > 0) {
            for (const sha of reachFrom(deployment.commitSha)) {
              if (options.watch.has(sha) && !shippedByFirst.has(sha)) {
                shippedByFirst.set(sha, deployment.key);
              }
            }
          }
          result(null, "first of series: no range");
        }
        continue;
      }
      if (!known(previous.commitSha)) {
        result(null, "previous commit not in history");
        continue;
      }
      const old = reachFrom(previous.commitSha);
      const step = walk(deployment.commitSha, old, parentsOf, previous.commitSha);
      result(step.order, "range");
      if (step.hitTarget) {
        // The previous deployment is an ancestor: reach(current) = reach(previous) ∪ range.
        for (const sha of step.order) old.add(sha);
        reachOf = deployment.commitSha;
      } else {
        reach = null;
        reachOf = null;
      }
    }
  }
  return {
    deployments: deployments.map((deployment) => ranged.get(deployment.key)!),
    shippedByFirst,
  };
}

/** Deployments grouped by series, each group in input order. */
function groupBySeries(deployments: readonly Deployment[]): Deployment[][] {
  const groups = new Map<string, Deployment[]>();
  for (const deployment of deployments) {
    const group = groups.get(deployment.series);
    if (group) group.push(deployment);
    else groups.set(deployment.series, [deployment]);
  }
  return [...groups.values()];
}

/**
 * Depth-first walk from `start` over parents in order, not entering `stop`'s commits: exactly
 * DevLake's recursive `CalculateLostSha`, without recursion. `hitTarget` tells whether `target`
 * was among the stopped-at commits.
 */
export function walk(
  start: string,
  stop: ReadonlySet<string> | null,
  parentsOf: (sha: string) => readonly string[],
  target?: string,
): { order: string[]; seen: Set<string>; hitTarget: boolean } {
  const order: string[] = [];
  const seen = new Set<string>();
  const stack = [start];
  let hitTarget = false;
  for (let sha = stack.pop(); sha !== undefined; sha = stack.pop()) {
    if (stop?.has(sha)) {
      if (sha === target) hitTarget = true;
      continue;
    }
    if (seen.has(sha)) continue;
    seen.add(sha);
    order.push(sha);
    const parents = parentsOf(sha);
    for (let i = parents.length - 1; i >= 0; i--) stack.push(parents[i]!);
  }
  return { order, seen, hitTarget };
}
