import type { Config } from "../config/schema.js";
import type { PersonId } from "../core/model.js";
import { type TeamsDistribution, teamsDistribution } from "../core/ownership/coordination.js";
import {
  type AreaTeamsTrend,
  areaTrends,
  otherTeamsPerChange,
  ownedChanges,
  QUARTER_DAYS,
} from "./coordination.js";
import type { DeliveryContext } from "./delivery.js";
import { ownershipModel } from "./ownership-model.js";
import type { Workspace } from "./workspace.js";

const DAY = 86_400;

/** A roster team's changes: how many other teams they needed, last quarter against the one before. */
export interface TeamCoordination {
  team: string;
  /** Active members (people who left do not count). */
  people: number;
  now: { changes: number; mean: number | null };
  before: { changes: number; mean: number | null };
  /** Fewer other teams per change than a quarter ago. */
  fewer: boolean;
  /** Set when the team has fewer active people than privacy.minGroupSize: no figures shown. */
  withheld: string | null;
}

/** The review's coordination answers: question 2 (cost removed or added) and question 5 (teams). */
export interface ReviewCoordination {
  /** What a change is: merged pull requests when imported, else commits. */
  changes: "pull-requests" | "commits";
  /** Teams per change in the period and in the previous period of the same length. */
  period: { now: TeamsDistribution; before: TeamsDistribution };
  /** Areas whose changes needed fewer (cost removed) or more (cost added) owning teams than in the previous period. */
  areas: AreaTeamsTrend[];
  /** Per roster team, the last quarter against the one before (question 5). */
  teams: TeamCoordination[];
}

/**
 * Coordination cost for the review: teams per change in the period against the previous one (per
 * area: removed when fewer teams, added when more) and, per roster team, how many other teams its
 * changes needed in the last quarter against the quarter before. Ownership is the head's
 * CODEOWNERS and roster.
 */
export async function reviewCoordination(
  workspace: Workspace,
  config: Config,
  delivery: DeliveryContext | null,
  period: { since: number; until: number },
): Promise<ReviewCoordination> {
  const model = await ownershipModel(workspace, config);
  const length = period.until - period.since;
  // Only the two periods and the two quarters are read.
  const earliest = Math.min(period.since - length, period.until - 2 * QUARTER_DAYS * DAY);
  const source = ownedChanges(workspace, model, delivery, config, earliest);
  const inWindow = (since: number, until: number) =>
    source.changes.filter((c) => c.time > since && c.time <= until);
  const now = inWindow(period.since, period.until);
  const before = inWindow(period.since - length, period.since);
  const quarter = {
    now: { since: period.until - QUARTER_DAYS * DAY, until: period.until },
    before: {
      since: period.until - 2 * QUARTER_DAYS * DAY,
      until: period.until - QUARTER_DAYS * DAY,
    },
  };
  const min = config.privacy.minGroupSize;
  const activeSince = period.until - config.activeDays * DAY;
  const teams: TeamCoordination[] = [];
  for (const [team, figures] of otherTeamsPerChange(source, quarter)) {
    const members = new Set<PersonId>();
    for (const member of config.teams[team]?.members ?? [])
      for (const person of workspace.identities.find(member))
        if (!person.isBot && (workspace.lastActive.get(person.id) ?? -Infinity) >= activeSince)
          members.add(person.id);
    const withheld =
      members.size < min ? `fewer than ${min} active people (privacy.minGroupSize)` : null;
    teams.push(
      withheld
        ? {
            team,
            people: members.size,
            now: { changes: 0, mean: null },
            before: { changes: 0, mean: null },
            fewer: false,
            withheld,
          }
        : {
            team,
            people: members.size,
            ...figures,
            fewer:
              figures.now.mean !== null &&
              figures.before.mean !== null &&
              figures.now.mean < figures.before.mean,
            withheld: null,
          },
    );
  }
  return {
    changes: source.kind,
    period: { now: teamsDistribution(now), before: teamsDistribution(before) },
    areas: areaTrends(now, before).filter((a) => a.direction === "fewer" || a.direction === "more"),
    teams,
  };
}
