import type { Config } from "../config/schema.js";
import { isoTime } from "../core/dates.js";
import { type DeliveryMode, type DoraReport, doraReport } from "../core/delivery/index.js";
import {
  analyseIncidents,
  type FrictionTrendResult,
  type IncidentResult,
  type Period,
  type ReviewFrictionResult,
  reviewFrictionWithTrend,
} from "../core/friction/index.js";
import type { PersonId } from "../core/model.js";
import type { DeliveryContext } from "./delivery.js";
import { personRef, pseudonym } from "./knowledge.js";
import type { PersonRef } from "./report-types.js";

/** `legible flow --json`, version 1: where work waits, what changed since the previous period, incidents. */
export interface FlowReport {
  version: 1;
  period: { since: string; until: string };
  /** Review friction per area and per team in the period. */
  friction: ReviewFrictionResult;
  /** Per area: friction this period against the previous period of the same length. */
  trend: FrictionTrendResult;
  /** Time to restore, incidents per service, responder concentration and heroics. */
  incidents: IncidentResult;
  /** The people named in the report: only holders of a flagged risk. */
  holders: PersonRef[];
  notes: string[];
}

/** The flow of a period as leader views show it: risk holders pseudonymised when configured. */
export function flowReport(
  context: DeliveryContext,
  options: { period: Period; config: Config },
): FlowReport {
  return publishFlow(context, flowFigures(context, options));
}

/** The flow of a period with risk holders named by person id (leader facts are built from it). */
export function flowFigures(
  context: DeliveryContext,
  options: { period: Period; config: Config },
): FlowReport {
  const common = {
    pullRequests: context.pullRequests,
    period: options.period,
    areasOf: context.areasOf,
    personOf: context.personOf,
    isBot: context.isBot,
    teamOf: context.teamOf,
    teamOfArea: context.teamOfArea,
    knowledgeStatus: context.knowledgeStatus,
    thresholds: { minGroupSize: options.config.privacy.minGroupSize },
  };
  const { friction, trend } = reviewFrictionWithTrend(common);
  const incidents = analyseIncidents({
    incidents: context.incidents,
    period: options.period,
    personOf: context.personOf,
    isBot: context.isBot,
    teamOf: context.teamOf,
    thresholds: { minGroupSize: options.config.privacy.minGroupSize },
  });
  const holders = holderIds({ friction, trend, incidents });
  return {
    version: 1,
    period: iso(options.period),
    friction,
    trend,
    incidents,
    holders: [...holders].sort().map((id) => ({
      id,
      name: context.workspace.people.get(id)?.name ?? id,
    })),
    notes: context.notes,
  };
}

/** Applies privacy.people to a flow report built by {@link flowFigures}. */
export function publishFlow(context: DeliveryContext, report: FlowReport): FlowReport {
  if (!context.workspace.pseudonymous) return report;
  const holders = holderIds(report);
  return pseudonymise(
    { ...report, holders: [...holders].sort().map((id) => personRef(context.workspace, id)) },
    [...holders],
  );
}

function holderIds({
  friction,
  trend,
  incidents,
}: Pick<FlowReport, "friction" | "trend" | "incidents">): Set<PersonId> {
  const holders = new Set<PersonId>();
  for (const area of friction.areas)
    if (area.waitsForOnePerson) holders.add(area.waitsForOnePerson.holder);
  for (const area of trend.areas) if (area.holder) holders.add(area.holder);
  for (const group of [incidents.overall, ...incidents.services, ...incidents.areas])
    if (group.heroics) holders.add(group.heroics.holder);
  for (const team of incidents.teams)
    if (team.withheld === null && team.heroics) holders.add(team.heroics.holder);
  return holders;
}

/**
 * The analyses name risk holders by person id (an email); with privacy.people: pseudonymous every
 * such id in the report becomes the person's pseudonym, so no view leaks who they are.
 */
function pseudonymise(report: FlowReport, ids: PersonId[]): FlowReport {
  const aliases = new Map(ids.map((id) => [id, pseudonym(id)]));
  return JSON.parse(JSON.stringify(report), (_key, value: unknown) =>
    typeof value === "string" && aliases.has(value) ? aliases.get(value) : value,
  ) as FlowReport;
}

/** The DORA figures of a period, in legible's default mode or a compatible one. */
export function deliveryReport(
  context: DeliveryContext,
  options: { period: Period; config: Config; mode: DeliveryMode },
): DoraReport & { notes: string[] } {
  const report = doraReport(
    {
      deployments: context.deployments,
      pullRequests: context.pullRequests,
      incidents: context.incidents,
      ancestry: context.ancestry,
    },
    {
      mode: options.mode,
      period: options.period,
      environment: options.config.delivery.productionEnvironment,
      incidentWindowSeconds: options.config.delivery.incidentWindowDays * 86_400,
    },
  );
  return { ...report, notes: context.notes };
}

function iso(period: Period): { since: string; until: string } {
  return {
    since: isoTime(period.since),
    until: isoTime(period.until),
  };
}
