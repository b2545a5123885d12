import { isoTime } from "../../core/dates.js";
import type { ImpactPacket } from "../../core/impact/index.js";
import type { Track } from "../../core/ladder/index.js";
import type { PersonId } from "../../core/model.js";
import { LegibleError } from "../../errors.js";
import { buildImpactPacket } from "../impact.js";
import { namedRef } from "../knowledge.js";
import { publishFacts } from "../leader-facts.js";
import type { PersonRef } from "../report-types.js";
import type { LeaderFact } from "../review.js";
import { type AnalysisSession, hasDeliveryRecords } from "../session.js";
import type { Workspace } from "../workspace.js";
import { periodPoints, type RunPeriod } from "./period.js";
import { reviewRun } from "./review.js";

export interface ImpactRunOptions {
  period: RunPeriod;
  /** Whose packet: a person's id, email or name. */
  person: string;
  /** A ladder level id or name (default: ladder.level in config). */
  level?: string | null;
  track?: Track;
}

/** `legible impact`: one engineer's impact packet for the period, mapped to the ladder. */
export async function runImpact(
  session: AnalysisSession,
  options: ImpactRunOptions,
): Promise<ImpactPacket> {
  const { config } = session;
  const points = periodPoints(options.period);
  const now = await session.workspace(points.end);
  const start = await session.workspace(points.start);
  const person = resolvePerson(now, options.person);
  const ladder = session.ladder();
  let level: string | null = null;
  if (options.level) {
    const wanted = options.level.toLowerCase();
    level =
      ladder.levels.find((l) => l.id === options.level || l.name.toLowerCase() === wanted)?.id ??
      null;
    if (!level)
      throw new LegibleError(
        "BAD_USAGE",
        `--level ${options.level}: not a level of ${ladder.name}`,
        `levels: ${ladder.levels.map((l) => l.id).join(", ")}`,
      );
  }
  const context = await session.delivery(now);
  return buildImpactPacket(
    {
      now,
      start,
      delivery: hasDeliveryRecords(context) ? context : null,
      decisions: await session.decisions(),
      config,
      ladder,
      period: { since: options.period.since, until: options.period.until },
    },
    { person, level, track: options.track ?? config.ladder.track },
  );
}

/** `legible impact --what-leaders-see --json`, version 1. */
export interface LeaderViewReport {
  version: 1;
  person: PersonRef;
  /** The review period whose leader views were read. */
  period: { since: string; until: string };
  /** Every leader-view fact about this person, as leaders see it (pseudonymised when configured). */
  leaderViews: LeaderFact[];
}

/**
 * Exactly what the leader views say about one person: the leader facts of the review ending at
 * `period.until`, filtered to that person — the same list the review, knowledge and flow views
 * render from, so nothing is shown to leaders that this misses.
 */
export async function runWhatLeadersSee(
  session: AnalysisSession,
  options: { period: RunPeriod; person: string },
): Promise<LeaderViewReport> {
  const until = options.period.until;
  const reviewPeriod: RunPeriod = {
    since: until - session.config.review.days * 86_400,
    until,
    untilLabel: options.period.untilLabel,
  };
  const now = await session.workspace(periodPoints(reviewPeriod).end);
  const person = resolvePerson(now, options.person);
  const { facts } = await reviewRun(session, { period: reviewPeriod });
  return {
    version: 1,
    person: namedRef(now, person),
    period: {
      since: isoTime(reviewPeriod.since),
      until: isoTime(until),
    },
    leaderViews: publishFacts(
      now,
      facts.filter((fact) => fact.person === person),
    ),
  };
}

/** A person named by id, email or name: exactly one non-bot match, or a clear error. */
export function resolvePerson(workspace: Workspace, query: string): PersonId {
  const matches = workspace.identities.find(query).filter((p) => !p.isBot);
  if (matches.length !== 1) {
    throw new LegibleError(
      "UNKNOWN_PERSON",
      matches.length === 0
        ? `${query}: no such person in the history`
        : `${query}: ambiguous, matches ${matches.map((p) => p.id).join(", ")}`,
      "run legible people to list ids, emails and names",
    );
  }
  return matches[0]!.id;
}
