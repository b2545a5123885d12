import { isoDay } from "../core/dates.js";
import type { StoredCommit } from "../store/store.js";
import { analyseRepository, type KnowledgeOptions } from "./knowledge.js";
import type { RepositoryScan } from "./scan.js";
import { GitReads, prepareWorkspace, type WorkspaceOptions } from "./workspace.js";

export interface TrendPoint {
  /** The month's last day, YYYY-MM-DD. */
  month: string;
  truckFactor: number;
  activeAuthors: number;
  files: number;
}

export interface AreaTrend {
  id: string;
  label: string;
  points: TrendPoint[];
  /** More active authors or a higher truck factor at the end than at the start, or fewer. */
  direction: "spreading" | "concentrating" | "steady";
}

/** `legible knowledge --trend --json`, version 1. */
export interface TrendReport {
  version: 1;
  mode: KnowledgeOptions["mode"];
  months: string[];
  repositories: { name: string; path: string; areas: AreaTrend[] }[];
}

/** Months whose git reads run ahead of the one being analysed. */
const READ_AHEAD = 2;

/**
 * Truck factor and active-author count per area at the end of each of the last `months` months
 * (the last point is the as-of date itself), each computed exactly as `legible knowledge --as-of`.
 */
export async function knowledgeTrend(
  scans: RepositoryScan[],
  options: Omit<WorkspaceOptions, "asOf"> & KnowledgeOptions & { months: number; until: number },
): Promise<TrendReport> {
  const ends = monthEnds(options.until, options.months);
  const loaded = options.loaded ?? new Map<string, readonly StoredCommit[]>();
  const byRepository = scans.map(() => new Map<string, AreaTrend>());
  const finalOrder: Map<string, number>[] = [];
  // The next months' commits and files, read by git while node analyses the current month.
  const reads = new GitReads(options.store, loaded);
  for (const [index, end] of ends.entries()) {
    reads.prefetch(scans, ends.slice(index, index + 1 + READ_AHEAD));
    const label = isoDay(end);
    const workspace = await prepareWorkspace(scans, {
      ...options,
      loaded,
      reads,
      asOf: { time: end, label, rev: null },
    });
    workspace.repositories.forEach((repository, r) => {
      const result = analyseRepository(workspace, repository, options);
      const areas = byRepository[r]!;
      if (index === ends.length - 1) {
        finalOrder[r] = new Map(
          [result.repository, ...result.areas].map((area, rank) => [area.id, rank]),
        );
      }
      for (const area of [result.repository, ...result.areas]) {
        const trend = areas.get(area.id) ?? {
          id: area.id,
          label: area.label,
          points: [],
          direction: "steady" as const,
        };
        // An area that did not exist yet in earlier months gets empty points so every series is aligned.
        while (trend.points.length < index)
          trend.points.push({ month: label, truckFactor: 0, activeAuthors: 0, files: 0 });
        trend.points.push({
          month: label,
          truckFactor: area.truckFactor,
          activeAuthors: area.activeAuthors,
          files: area.files,
        });
        areas.set(area.id, trend);
      }
    });
  }
  const months = ends.map((end) => isoDay(end));
  return {
    version: 1,
    mode: options.mode,
    months,
    repositories: scans.map((scan, r) => ({
      name: scan.name,
      path: scan.path,
      areas: [...byRepository[r]!.values()]
        .map((trend) => fixMonths(trend, months))
        .map(withDirection),
    })),
  };
}

function fixMonths(trend: AreaTrend, months: string[]): AreaTrend {
  const points = trend.points.map((point, i) => ({ ...point, month: months[i] ?? point.month }));
  while (points.length < months.length)
    points.push({ month: months[points.length]!, truckFactor: 0, activeAuthors: 0, files: 0 });
  return { ...trend, points };
}

function withDirection(trend: AreaTrend): AreaTrend {
  const first = trend.points.find((p) => p.files > 0);
  const last = trend.points.at(-1);
  if (!first || !last) return trend;
  const delta =
    Math.sign(last.activeAuthors - first.activeAuthors) +
    Math.sign(last.truckFactor - first.truckFactor);
  return { ...trend, direction: delta > 0 ? "spreading" : delta < 0 ? "concentrating" : "steady" };
}

/** The ends of the last `count` calendar months (UTC) before `until`, then `until` itself. */
export function monthEnds(until: number, count: number): number[] {
  const ends: number[] = [];
  const date = new Date(until * 1000);
  for (let back = count - 1; back >= 1; back--) {
    const end = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - back + 1, 1) / 1000 - 1;
    ends.push(end);
  }
  ends.push(until);
  return ends;
}
