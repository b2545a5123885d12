import { isoDay, isoTime } from "../../core/dates.js";
import type { PersonId } from "../../core/model.js";
import { CODE_MAAT_DEFAULTS, type CouplingOptions } from "../../core/ownership/coordination.js";
import {
  type CoordinationReport,
  coordinationReport,
  monthWindows,
  ownedChanges,
} from "../coordination.js";
import {
  type AreaOwnership,
  areaOwnership,
  driftSummary,
  type OwnerLoad,
  type OwnershipStatus,
  ownerLoads,
  type RepositoryOwnership,
  repositoryOwnership,
  reviewIndex,
} from "../ownership.js";
import { ownershipModel } from "../ownership-model.js";
import { type AnalysisSession, hasDeliveryRecords } from "../session.js";
import type { AsOf } from "../workspace.js";

export interface OwnershipRunOptions {
  asOf: AsOf;
  /** Start of the window review load is counted over (Unix seconds); default 91 days before as-of. */
  since?: number;
  /** Months of teams per change (and of drift with `trend`). */
  months?: number;
  coupling?: Partial<CouplingOptions>;
  /** Drift per area at the end of each of the last `months` months. */
  trend?: boolean;
}

/** Drift per area, month by month. */
export interface OwnershipTrend {
  /** Each month's last day (the last is the as-of date). */
  months: string[];
  /** Areas whose status was drift at some point or changed, with their status at each month's end (null: no such area then). */
  areas: { area: string; statuses: (OwnershipStatus | null)[] }[];
}

/** `legible ownership --json`, version 1. */
export interface OwnershipReport {
  version: 1;
  asOf: { date: string; label: string };
  activeDays: number;
  /** The window of review load. */
  reviewWindow: { since: string; until: string };
  /** Whether pull requests and reviews were available (reviewers, review load, changes). */
  pullRequests: boolean;
  repositories: RepositoryOwnership[];
  summary: ReturnType<typeof driftSummary>;
  areas: AreaOwnership[];
  owners: OwnerLoad[];
  coordination: CoordinationReport;
  trend: OwnershipTrend | null;
  notes: string[];
}

/** `legible ownership`: declared owners against real knowledge, and the cost of coordination. */
export async function runOwnership(
  session: AnalysisSession,
  options: OwnershipRunOptions,
): Promise<OwnershipReport> {
  const { config } = session;
  const workspace = await session.workspace(options.asOf);
  const context = await session.delivery(workspace);
  const delivery = hasDeliveryRecords(context) ? context : null;
  const model = await ownershipModel(workspace, config);
  const until = workspace.asOf.time;
  const activeSince = until - config.activeDays * 86_400;
  const reviews = reviewIndex(workspace, delivery, config, activeSince);
  const areas = areaOwnership(workspace, model, reviews, config);
  const since = options.since ?? until - 91 * 86_400;
  const active = (person: PersonId) =>
    Math.max(
      workspace.lastActive.get(person) ?? -Infinity,
      reviews.lastReview.get(person) ?? -Infinity,
    ) >= activeSince;
  const owners = ownerLoads(workspace, model, delivery, areas, { config, since, active });
  const months = options.months ?? 6;
  const coordination = coordinationReport(
    workspace,
    model,
    ownedChanges(workspace, model, delivery, config),
    {
      config,
      months,
      coupling: { ...CODE_MAAT_DEFAULTS, ...options.coupling },
    },
  );
  const notes: string[] = [];
  if (!delivery)
    notes.push(
      "No pull requests imported: active reviewers and review load are unknown, and changes are commits (import them with `legible import prs <file>` or `legible fetch github`).",
    );
  for (const r of model.repositories)
    if (!r.codeowners.file)
      notes.push(
        `${r.name} has no CODEOWNERS file (looked at ${r.codeowners.searched.join(", ")}): only the roster (teams:) declares owners there.`,
      );
  const teamOwners = areas.some((a) =>
    a.declared.some((d) => d.kind === "team" && d.team === null),
  );
  if (Object.keys(config.teams).length === 0 && teamOwners)
    notes.push(
      "No roster (teams: in legible.yaml): @org/team owners cannot be resolved to people.",
    );
  return {
    version: 1,
    asOf: { date: isoTime(until), label: workspace.asOf.label },
    activeDays: config.activeDays,
    reviewWindow: { since: isoTime(since), until: isoTime(until) },
    pullRequests: delivery !== null,
    repositories: repositoryOwnership(model),
    summary: driftSummary(areas),
    areas: areas.sort(compareAreas),
    owners,
    coordination,
    trend: options.trend ? await driftTrend(session, options.asOf, months) : null,
    notes,
  };
}

const STATUS_ORDER: Record<OwnershipStatus, number> = {
  drift: 0,
  unowned: 1,
  unresolved: 2,
  aligned: 3,
};

function compareAreas(a: AreaOwnership, b: AreaOwnership): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.area.localeCompare(b.area);
}

/** Each area's status at the end of each of the last `months` months, with that month's CODEOWNERS. */
async function driftTrend(
  session: AnalysisSession,
  asOf: AsOf,
  months: number,
): Promise<OwnershipTrend> {
  const { config } = session;
  const last = (await session.workspace(asOf)).asOf.time;
  const ends = monthWindows(last, months).map((w) => w.end);
  const series = new Map<string, (OwnershipStatus | null)[]>();
  for (const [index, end] of ends.entries()) {
    const point: AsOf =
      index === ends.length - 1 ? asOf : { time: end, label: isoDay(end), rev: null };
    const workspace = await session.workspace(point);
    const context = await session.delivery(workspace);
    const delivery = hasDeliveryRecords(context) ? context : null;
    const model = await ownershipModel(workspace, config);
    const reviews = reviewIndex(workspace, delivery, config, end - config.activeDays * 86_400);
    for (const area of areaOwnership(workspace, model, reviews, config)) {
      const statuses =
        series.get(area.area) ?? new Array<OwnershipStatus | null>(ends.length).fill(null);
      statuses[index] = area.status;
      series.set(area.area, statuses);
    }
  }
  return {
    months: ends.map((end) => isoDay(end)),
    areas: [...series]
      .filter(
        ([, statuses]) =>
          statuses.includes("drift") || new Set(statuses.filter((s) => s !== null)).size > 1,
      )
      .map(([area, statuses]) => ({ area, statuses }))
      .sort((a, b) => a.area.localeCompare(b.area)),
  };
}
