import type { Config } from "../config/schema.js";
import { isoDay } from "../core/dates.js";
import type { PersonId } from "../core/model.js";
import {
  type CoupledPair,
  type CouplingOptions,
  changeCoupling,
  type OwnedChange,
  type TeamsDistribution,
  teamsDistribution,
} from "../core/ownership/coordination.js";
import type { DeliveryContext } from "./delivery.js";
import type { OwnershipModel } from "./ownership-model.js";
import { areaOfPath } from "./roster.js";
import type { Workspace } from "./workspace.js";

const DAY = 86_400;
/** The windows compared: the last 91 days against the 91 before. */
export const QUARTER_DAYS = 91;

/** Changes as coordination reads them: merged pull requests, or commits when there are none. */
export interface ChangeSource {
  kind: "pull-requests" | "commits";
  changes: OwnedChange[];
  /**
   * The authors' teams of the changes left out as too old (see {@link ownedChanges}'s
   * `describedAfter`): a team with only such changes is still listed, with none in its windows.
   */
  earlierTeams?: ReadonlySet<string>;
}

/**
 * Every change with the areas it touched (directories down to `areas.depth`, qualified by
 * repository) and the teams owning its files. Merged pull requests when any is linked to the
 * history (a squash merge and its commit are one change), else non-merge commits; bots' changes
 * are left out. With `describedAfter`, changes at or before that time are left out too, and only
 * their authors' teams are kept (`earlierTeams`), for a caller that reads no window before it: the
 * review reads two quarters of an 80,000-commit history.
 */
export function ownedChanges(
  workspace: Workspace,
  model: OwnershipModel,
  delivery: DeliveryContext | null,
  config: Config,
  describedAfter = Number.NEGATIVE_INFINITY,
): ChangeSource {
  const depth = config.areas.depth;
  const earlierTeams = new Set<string>();
  /** The change, or null (its author's team kept) when it is at or before `describedAfter`. */
  const describe = (
    id: string,
    time: number,
    repository: string,
    files: () => string[],
    author: PersonId | null,
  ): OwnedChange | null => {
    if (time <= describedAfter) {
      const team = author ? model.teamOf(author) : null;
      if (team !== null) earlierTeams.add(team);
      return null;
    }
    const areas = new Set<string>();
    const teams = new Set<string>();
    for (const file of files()) {
      areas.add(workspace.areas.key(repository, areaOfPath(file, depth)));
      for (const team of model.teamsOfFile(repository, file)) teams.add(team);
    }
    return {
      id,
      time,
      areas: [...areas].sort(),
      teams: [...teams].sort(),
      authorTeam: author ? model.teamOf(author) : null,
    };
  };
  const prs = (delivery?.pullRequests ?? []).filter(
    (pr) =>
      pr.state === "merged" &&
      pr.mergedAt !== null &&
      pr.mergedAt <= workspace.asOf.time &&
      delivery!.repositoryOf(pr) !== null &&
      delivery!.filesOf(pr).length > 0 &&
      !(pr.author && delivery!.isBot(pr.author)),
  );
  const changes: OwnedChange[] = [];
  const add = (change: OwnedChange | null) => {
    if (change) changes.push(change);
  };
  const source = (kind: ChangeSource["kind"]): ChangeSource =>
    describedAfter === Number.NEGATIVE_INFINITY
      ? { kind, changes }
      : { kind, changes, earlierTeams };
  if (delivery && prs.length > 0) {
    for (const pr of prs)
      add(
        describe(
          pr.key,
          pr.mergedAt!,
          delivery.repositoryOf(pr)!,
          () => delivery.filesOf(pr),
          pr.author ? delivery.personOf(pr.author) : null,
        ),
      );
    return source("pull-requests");
  }
  for (const repository of workspace.repositories) {
    for (const commit of repository.commits) {
      if (commit.isMerge || commit.changes.length === 0) continue;
      const author = workspace.identities.personOf(repository.scan.path, commit.author);
      if (workspace.bots.has(author)) continue;
      add(
        describe(
          commit.sha,
          commit.authorTime,
          repository.scan.name,
          () => commit.changes.map((c) => c.path),
          author,
        ),
      );
    }
  }
  return source("commits");
}

/** Teams per change in one month. */
export interface MonthDistribution extends TeamsDistribution {
  /** The month's last day (the last point ends at the analysed date), YYYY-MM-DD. */
  month: string;
}

/** Teams per change in an area, this quarter against the one before. */
export interface AreaTeamsTrend {
  area: string;
  now: { changes: number; mean: number | null };
  before: { changes: number; mean: number | null };
  /** fewer or more owning teams per change than the quarter before, same, or new (no change before). */
  direction: "fewer" | "more" | "same" | "new" | "none";
}

/** A pair of areas owned by different teams that change together. */
export interface CrossTeamPair extends CoupledPair {
  teamA: string;
  teamB: string;
  /** The degree over the quarter before (null: no shared change then). */
  degreeBefore: number | null;
  rose: boolean;
}

/** `legible ownership`'s coordination section. */
export interface CoordinationReport {
  /** What a change is here, and how many there were up to the analysed date. */
  changes: { kind: ChangeSource["kind"]; total: number };
  /** Teams per change, month by month. */
  months: MonthDistribution[];
  /** The two quarters compared (ISO days). */
  quarters: { now: { since: string; until: string }; before: { since: string; until: string } };
  areas: AreaTeamsTrend[];
  coupling: {
    options: CouplingOptions;
    /** Change sets in this quarter, and those over the size cap. */
    changesets: number;
    tooLarge: number;
    /** Pairs over the thresholds whose areas' main owning teams differ, strongest first. */
    crossTeam: CrossTeamPair[];
    /** Of them, those whose degree rose against the quarter before. */
    rose: CrossTeamPair[];
  };
}

/** Teams per change and cross-team change coupling up to the workspace's date. */
export function coordinationReport(
  workspace: Workspace,
  model: OwnershipModel,
  source: ChangeSource,
  options: { config: Config; months: number; coupling: CouplingOptions },
): CoordinationReport {
  const until = workspace.asOf.time;
  const changes = source.changes.filter((c) => c.time <= until);
  const months = monthWindows(until, options.months).map(({ start, end }) => ({
    month: isoDay(end),
    ...teamsDistribution(changes.filter((c) => c.time > start && c.time <= end)),
  }));
  const nowSince = until - QUARTER_DAYS * DAY;
  const beforeSince = nowSince - QUARTER_DAYS * DAY;
  const now = changes.filter((c) => c.time > nowSince);
  const before = changes.filter((c) => c.time > beforeSince && c.time <= nowSince);
  const coupling = changeCoupling(
    now.map((c) => c.areas),
    options.coupling,
  );
  const beforeCoupling = changeCoupling(
    before.map((c) => c.areas),
    { ...options.coupling, minRevs: 0, minSharedRevs: 0, minCoupling: 0, maxCoupling: Infinity },
  );
  const primary = primaryTeams(workspace, model, options.config);
  const crossTeam: CrossTeamPair[] = [];
  for (const pair of coupling.pairs) {
    const teamA = primary.get(pair.a);
    const teamB = primary.get(pair.b);
    if (!teamA || !teamB || teamA === teamB) continue;
    const earlier = beforeCoupling.pairs.find((p) => p.a === pair.a && p.b === pair.b);
    const degreeBefore = earlier?.degree ?? null;
    crossTeam.push({
      ...pair,
      teamA,
      teamB,
      degreeBefore,
      rose: pair.degree > (degreeBefore ?? 0),
    });
  }
  return {
    changes: { kind: source.kind, total: changes.length },
    months,
    quarters: {
      now: { since: isoDay(nowSince + 1), until: isoDay(until) },
      before: { since: isoDay(beforeSince + 1), until: isoDay(nowSince) },
    },
    areas: areaTrends(now, before),
    coupling: {
      options: options.coupling,
      changesets: coupling.changesets,
      tooLarge: coupling.tooLarge,
      crossTeam,
      rose: crossTeam.filter((p) => p.rose),
    },
  };
}

/** Per area (directory down to areas.depth): mean owning teams per change, now and before. */
export function areaTrends(now: OwnedChange[], before: OwnedChange[]): AreaTeamsTrend[] {
  const areas = new Set([...now, ...before].flatMap((c) => c.areas));
  const of = (changes: OwnedChange[], area: string) => {
    const touching = changes.filter((c) => c.areas.includes(area));
    return { changes: touching.length, mean: teamsDistribution(touching).mean };
  };
  return [...areas].sort().map((area) => {
    const n = of(now, area);
    const b = of(before, area);
    const direction: AreaTeamsTrend["direction"] =
      n.mean === null
        ? "none"
        : b.mean === null
          ? "new"
          : n.mean < b.mean
            ? "fewer"
            : n.mean > b.mean
              ? "more"
              : "same";
    return { area, now: n, before: b, direction };
  });
}

/** The team owning the most scored files of each area (directory down to areas.depth). */
function primaryTeams(
  workspace: Workspace,
  model: OwnershipModel,
  config: Config,
): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const repository of workspace.repositories) {
    for (const file of repository.files.kept) {
      const key = workspace.areas.key(repository.scan.name, areaOfPath(file, config.areas.depth));
      const teams = counts.get(key) ?? new Map<string, number>();
      for (const team of model.teamsOfFile(repository.scan.name, file))
        teams.set(team, (teams.get(team) ?? 0) + 1);
      counts.set(key, teams);
    }
  }
  const out = new Map<string, string>();
  for (const [area, teams] of counts) {
    const best = [...teams].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (best) out.set(area, best[0]);
  }
  return out;
}

/** The last `count` calendar months ending at `until` (UTC), oldest first; the last ends at `until`. */
export function monthWindows(until: number, count: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const date = new Date(until * 1000);
  let end = until;
  for (let i = 0; i < count; i++) {
    const startOfMonth = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - i, 1) / 1000;
    out.unshift({ start: startOfMonth - 1, end });
    end = startOfMonth - 1;
  }
  return out;
}

/**
 * Per roster team, in each quarter: how many other teams the changes its members authored needed
 * (owning teams other than their own), on average. Teams below privacy.minGroupSize are left to
 * the caller to withhold.
 */
export function otherTeamsPerChange(
  source: ChangeSource,
  windows: { now: { since: number; until: number }; before: { since: number; until: number } },
): Map<
  string,
  {
    now: { changes: number; mean: number | null };
    before: { changes: number; mean: number | null };
  }
> {
  const out = new Map<
    string,
    {
      now: { changes: number; mean: number | null };
      before: { changes: number; mean: number | null };
    }
  >();
  const stats = (team: string, window: { since: number; until: number }) => {
    const changes = source.changes.filter(
      (c) => c.authorTeam === team && c.time > window.since && c.time <= window.until,
    );
    const others = changes.map((c) => c.teams.filter((t) => t !== team).length);
    return {
      changes: changes.length,
      mean:
        changes.length === 0
          ? null
          : Math.round((others.reduce((a, b) => a + b, 0) / changes.length) * 100) / 100,
    };
  };
  const teams = new Set(source.earlierTeams);
  for (const change of source.changes) if (change.authorTeam !== null) teams.add(change.authorTeam);
  for (const team of [...teams].sort())
    out.set(team, { now: stats(team, windows.now), before: stats(team, windows.before) });
  return out;
}
