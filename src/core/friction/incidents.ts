/**
 * Incidents and heroics: time to restore, incidents per service and area, and responder
 * concentration (the share of incidents handled by the most frequent responder) per service, area,
 * team and month. People appear only as the holder of a flagged risk; team aggregates honour the
 * minimum group size; records are ordered by service, area, team and month, never by person.
 */
import type { Account, IncidentRow } from "../delivery/model.js";
import type { PersonId } from "../model.js";
import { inPeriod, monthOf, monthsOf } from "./period.js";
import { groupBy, hours, increment, median, topOf } from "./stats.js";
import {
  DEFAULT_HEROICS_THRESHOLDS,
  type Guarded,
  HEROICS,
  type HeroicsThresholds,
  type Period,
  type Universe,
} from "./types.js";
import { ExclusionTally, guard } from "./universe.js";

/** Why an incident has no time to restore. */
export type RestoreExclusion = "unresolved" | "resolved before created";

/** Why an incident does not count for responder concentration. */
export type ResponderExclusion = "no human responder";

/** The flagged risk "heroics", naming the responder who holds it. */
export interface HeroicsRisk {
  risk: typeof HEROICS;
  /** The responder incidents depended on: named only because they hold this risk. */
  holder: PersonId;
  /** Share of the incidents with a responder that they handled. */
  share: number;
  /** The incidents the share is of. */
  incidents: number;
}

/** Incident figures of a group (a service, an area, a team, a month, everything). */
export interface IncidentFigures {
  /** Incidents created in the period (or month). */
  incidents: number;
  /** Median resolved − created, hours; null without resolved incidents. */
  restoreMedianHours: number | null;
  /** Share of the incidents with a responder handled by the most frequent one; null without any. */
  responderConcentration: number | null;
  /** Set when the concentration and the incident count reach the thresholds. */
  heroics: HeroicsRisk | null;
  universe: {
    restore: Universe<RestoreExclusion>;
    responders: Universe<ResponderExclusion>;
  };
}

/** Figures of a group with the number of distinct responders behind them. */
export type GroupIncidents = IncidentFigures & { people: number };

/** One month of the period. */
export type MonthIncidents = { month: string } & GroupIncidents;

/** One month of a team, withheld when fewer than `minGroupSize` responders stand behind it. */
export type TeamMonthIncidents = { month: string } & Guarded<IncidentFigures>;

/** One team: its incidents are those with a responder in the team; only its members count. */
export type TeamIncidents = { team: string } & Guarded<
  IncidentFigures & { months: TeamMonthIncidents[] }
>;

/** Options of {@link analyseIncidents}. */
export interface IncidentOptions {
  incidents: readonly IncidentRow[];
  /** Incidents created in `[since, until)` count. */
  period: Period;
  /** The resolved person behind a human account. */
  personOf: (account: Account) => PersonId;
  /** True for bot accounts (default: none): automation never counts as a responder. */
  isBot?: (account: Account) => boolean;
  /** A person's team in the roster; null (or absent) without one. */
  teamOf?: (person: PersonId) => string | null;
  /** Areas an incident concerns (e.g. from its service); absent: no per-area figures. */
  areasOf?: (incident: IncidentRow) => readonly string[];
  /** Defaults: {@link DEFAULT_HEROICS_THRESHOLDS}. */
  thresholds?: Partial<HeroicsThresholds>;
}

/** Result of {@link analyseIncidents}. */
export interface IncidentResult {
  period: Period;
  thresholds: HeroicsThresholds;
  universe: {
    incidents: Universe<"outside period">;
    /** Counted incidents grouped by service. */
    services: Universe<"no service">;
    /** Counted incidents grouped by area; null without `areasOf`. */
    areas: Universe<"no area"> | null;
  };
  overall: GroupIncidents & { months: MonthIncidents[] };
  /** By service name. */
  services: ({ service: string } & GroupIncidents)[];
  /** By area id; empty without `areasOf`. */
  areas: ({ area: string } & GroupIncidents)[];
  /** By team name. */
  teams: TeamIncidents[];
}

interface IncidentFacts {
  incident: IncidentRow;
  month: string;
  /** Distinct human responders, sorted. */
  responders: PersonId[];
}

/**
 * Incidents created in the period: time to restore (resolved − created; unresolved ones and those
 * resolved before they were created are left out of the median), incidents per service and area,
 * and responder concentration. A group is flagged "heroics" when one responder handled at least
 * `heroicsShare` of at least `heroicsMinIncidents` incidents with a responder.
 */
export function analyseIncidents(options: IncidentOptions): IncidentResult {
  const thresholds = { ...DEFAULT_HEROICS_THRESHOLDS, ...options.thresholds };
  const isBot = options.isBot ?? (() => false);
  const outside = new ExclusionTally<"outside period">(["outside period"]);
  const facts: IncidentFacts[] = [];
  for (const incident of options.incidents) {
    if (!inPeriod(incident.createdAt, options.period)) outside.add("outside period");
    else {
      const responders = new Set(
        incident.responders.filter((account) => !isBot(account)).map(options.personOf),
      );
      facts.push({
        incident,
        month: monthOf(incident.createdAt),
        responders: [...responders].sort(),
      });
    }
  }
  const months = monthsOf(options.period);
  const all = () => true;

  const withService = facts.filter((fact) => fact.incident.service !== null);
  const noService = new ExclusionTally<"no service">(["no service"]);
  noService.add("no service", facts.length - withService.length);

  const areasOf = options.areasOf;
  const noArea = new ExclusionTally<"no area">(["no area"]);
  const areas = areasOf
    ? groupBy(facts, (fact) => areasOf(fact.incident)).map(([area, group]) => ({
        area,
        ...figuresWithPeople(group, all, thresholds),
      }))
    : [];
  if (areasOf) noArea.add("no area", facts.filter((f) => areasOf(f.incident).length === 0).length);

  const teamOf = options.teamOf;
  const teams = teamOf
    ? groupBy(facts, (fact) => teamsOf(fact, teamOf)).map(([team, group]): TeamIncidents => {
        const member = (person: PersonId) => teamOf(person) === team;
        const { people, ...figures } = figuresWithPeople(group, member, thresholds);
        return {
          team,
          ...guard(people, thresholds.minGroupSize, () => ({
            ...figures,
            months: months.map((month): TeamMonthIncidents => {
              const { people: monthPeople, ...monthly } = figuresWithPeople(
                inMonth(group, month),
                member,
                thresholds,
              );
              return { month, ...guard(monthPeople, thresholds.minGroupSize, () => monthly) };
            }),
          })),
        };
      })
    : [];

  return {
    period: options.period,
    thresholds,
    universe: {
      incidents: outside.universe(facts.length),
      services: noService.universe(withService.length),
      areas: areasOf ? noArea.universe(facts.length - noArea.total()) : null,
    },
    overall: {
      ...figuresWithPeople(facts, all, thresholds),
      months: months.map((month) => ({
        month,
        ...figuresWithPeople(inMonth(facts, month), all, thresholds),
      })),
    },
    services: groupBy(withService, (fact) => [fact.incident.service ?? ""]).map(
      ([service, group]) => ({ service, ...figuresWithPeople(group, all, thresholds) }),
    ),
    areas,
    teams,
  };
}

function inMonth(facts: readonly IncidentFacts[], month: string): IncidentFacts[] {
  return facts.filter((fact) => fact.month === month);
}

function teamsOf(fact: IncidentFacts, teamOf: (person: PersonId) => string | null): string[] {
  return fact.responders
    .map((person) => teamOf(person))
    .filter((team): team is string => team !== null);
}

/** Figures of a group, counting only the responders `counts` accepts. */
function figuresWithPeople(
  facts: readonly IncidentFacts[],
  counts: (person: PersonId) => boolean,
  thresholds: HeroicsThresholds,
): GroupIncidents {
  const restore: number[] = [];
  const restoreExcluded = new ExclusionTally<RestoreExclusion>([
    "unresolved",
    "resolved before created",
  ]);
  const respondersExcluded = new ExclusionTally<ResponderExclusion>(["no human responder"]);
  const handled = new Map<PersonId, number>();
  let withResponder = 0;
  for (const { incident, responders } of facts) {
    if (incident.resolvedAt === null) restoreExcluded.add("unresolved");
    else if (incident.resolvedAt < incident.createdAt)
      restoreExcluded.add("resolved before created");
    else restore.push(hours(incident.resolvedAt - incident.createdAt));
    const counted = responders.filter(counts);
    if (counted.length === 0) respondersExcluded.add("no human responder");
    else {
      withResponder += 1;
      for (const person of counted) increment(handled, person);
    }
  }
  const top = topOf(handled);
  const share = top === null ? null : top.count / withResponder;
  const flagged =
    top !== null &&
    share !== null &&
    withResponder >= thresholds.heroicsMinIncidents &&
    share >= thresholds.heroicsShare;
  return {
    incidents: facts.length,
    restoreMedianHours: median(restore),
    responderConcentration: share,
    heroics: flagged
      ? { risk: HEROICS, holder: top.person, share, incidents: withResponder }
      : null,
    universe: {
      restore: restoreExcluded.universe(restore.length),
      responders: respondersExcluded.universe(withResponder),
    },
    people: handled.size,
  };
}
