import { createHash } from "node:crypto";
import { isoTime } from "../../core/dates.js";
import type { PersonId } from "../../core/model.js";
import { tagDeployments } from "../../sources/git/tags.js";
import type { StoredCommit } from "../../store/store.js";
import { QUARTER_DAYS } from "../coordination.js";
import { exitPaths, publishExitPaths } from "../exit-paths.js";
import { flowFigures, publishFlow } from "../flow.js";
import { gitHistoryAnswers, gitHistoryFacts } from "../git-history.js";
import { classified } from "../impact.js";
import { leaderFacts, type PersonFact } from "../leader-facts.js";
import { cachedAnalysis, type ResultCacheSettings, windowsValidUntil } from "../result-cache.js";
import { decidedAloneFacts, type ReviewReport, reviewReport } from "../review.js";
import { reviewCoordination } from "../review-coordination.js";
import { type AnalysisSession, hasDeliveryRecords } from "../session.js";
import { historyOf } from "../workspace.js";
import { periodPoints, type RunPeriod } from "./period.js";

export interface ReviewRunOptions {
  period: RunPeriod;
  /**
   * Reuse and keep the report in the store's analysis cache (app/result-cache.ts); absent: no
   * cache. A period ending "now" is cached only when its start is `review.days` before its end
   * (no `--since`): then every window of the review moves with "now".
   */
  cache?: ResultCacheSettings | null;
}

/** The review and, before privacy is applied, everything it says about people. */
export interface ReviewRun {
  report: ReviewReport;
  facts: PersonFact[];
}

/** `legible review`: the weekly operating review of a period, as data. */
export async function runReview(
  session: AnalysisSession,
  options: ReviewRunOptions,
): Promise<ReviewReport> {
  const { period } = options;
  const floating = period.untilLabel === "now";
  const span = session.config.review.days * DAY;
  // A period ending "now" from a fixed start would stretch every second: never cached.
  const settings = floating && period.until - period.since !== span ? null : options.cache;
  if (!settings) return (await reviewRun(session, options)).report;
  const points = periodPoints(period);
  // Read once: part of the key, and their dates bound the span the cached review stays valid.
  const tags = await tagsOf(session);
  return cachedAnalysis(
    session,
    {
      command: "review",
      options: {
        // At "now" the period is `review.days` (in the configuration) before it; else its dates.
        period: floating ? null : { since: period.since, until: period.until },
        // Records imported or scanned since: the store's write counter moves with every write.
        store: await session.store.state(),
        // Read outside the store: the ladder file and the repositories' tags (release figures).
        ladder: digest(session.ladder()),
        tags,
      },
      asOf: points.end,
      settings,
      restamp: (report, asOf) => restampReview(report, asOf.time, asOf.time - span),
    },
    async () => {
      const report = (await reviewRun(session, options)).report;
      return { value: report, validUntil: await reviewValidUntil(session, period, tags) };
    },
  );
}

const DAY = 86_400;

function digest(value: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(value) ?? "")
    .digest("hex");
}

/** Every tag of every scanned repository with its commit and date (git, not the store). */
async function tagsOf(session: AnalysisSession): Promise<{ name: string; tags: unknown[] }[]> {
  const out = [];
  for (const scan of session.scans) {
    const tags = tagDeployments(await session.tags(scan.path), {
      pattern: "*",
      repository: scan.name,
      environment: "release",
    });
    out.push({ name: scan.path, tags: tags.map((t) => [t.key, t.commitSha, t.finishedAt]) });
  }
  return out;
}

/**
 * The last second a review computed at `period.until` ("now") stays the same: before any time it
 * reads (commit author and commit dates, every number in an imported record, decision dates, tag
 * dates) crosses a window bound the review compares it with, or the UTC day changes (its labels
 * are days; the delivery figures' calendar months and weeks are whole UTC days).
 *
 * Every bound sits a fixed number of days before "now" (the review has no other clock):
 * - the period and the one before it: `review.days` and twice that before "now";
 * - the three analysed dates, "now", the period's start and a quarter (90 days) before "now", each
 *   with its own `activeDays` cutoff and its impossible dates (over 366 days after it);
 * - a quarter before "now" (git-history's release quarter), `QUARTER_DAYS` and twice that
 *   (coordination), a year (exit paths and git-history's year of repairs and reviews), and
 *   `activeDays` (who is active, roster members, history that stopped).
 * The delivery figures' incident window is measured from deployments, not from "now".
 */
async function reviewValidUntil(
  session: AnalysisSession,
  period: RunPeriod,
  tags: Awaited<ReturnType<typeof tagsOf>>,
): Promise<number> {
  const { config } = session;
  const days = config.review.days;
  const active = config.activeDays;
  const offsets = [
    0,
    days,
    2 * days,
    90,
    365,
    QUARTER_DAYS,
    2 * QUARTER_DAYS,
    ...[0, days, 90].flatMap((point) => [point + active, point - 366]),
  ].map((offset) => offset * DAY);
  const points = periodPoints(period);
  const times: number[] = [];
  // Every stored commit of each repository (the three dates share one history index).
  const commits = new Set<readonly StoredCommit[]>();
  for (const point of [points.end, points.start, points.quarterAgo])
    for (const repository of (await session.workspace(point)).repositories)
      commits.add(historyOf(repository)?.commits ?? repository.commits);
  for (const list of commits)
    for (const commit of list) times.push(commit.authorTime, commit.commitTime);
  const delivery = await session.delivery(await session.workspace(points.end));
  numbersIn([delivery.pullRequests, delivery.deployments, delivery.incidents], times);
  for (const repository of await session.decisions())
    for (const decision of repository.decisions) {
      if (!decision.date) continue;
      for (const hour of ["00", "12"])
        times.push(Date.parse(`${decision.date}T${hour}:00:00Z`) / 1000);
    }
  for (const repository of tags) for (const tag of repository.tags) numbersIn(tag, times);
  return windowsValidUntil(times, period.until, offsets);
}

/** Every finite number in a value of records (their dates among them; the rest are harmless). */
function numbersIn(value: unknown, out: number[]): void {
  if (typeof value === "number") {
    if (Number.isFinite(value)) out.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) numbersIn(item, out);
  } else if (value !== null && typeof value === "object") {
    for (const item of Object.values(value)) numbersIn(item, out);
  }
}

/**
 * A review computed at an earlier second of its valid span, with the period's end and start (the
 * only second-precise dates that move with "now") put at `until` and `since`. Any string or number
 * equal to the old end or start is one of them: a record dated exactly then would have ended the
 * span at that very second (reviewValidUntil).
 */
function restampReview(report: ReviewReport, until: number, since: number): ReviewReport {
  const oldUntil = Date.parse(report.period.until) / 1000;
  const oldSince = Date.parse(report.period.since) / 1000;
  if (oldUntil === until) return report;
  const strings = new Map([
    [isoTime(oldUntil), isoTime(until)],
    [isoTime(oldSince), isoTime(since)],
  ]);
  const numbers = new Map([
    [oldUntil, until],
    [oldSince, since],
  ]);
  const walk = (value: unknown): unknown => {
    if (typeof value === "string") return strings.get(value) ?? value;
    if (typeof value === "number") return numbers.get(value) ?? value;
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === "object")
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(report) as ReviewReport;
}

/** The review with its leader facts by person id (for `impact --what-leaders-see`). */
export async function reviewRun(
  session: AnalysisSession,
  options: ReviewRunOptions,
): Promise<ReviewRun> {
  const { config } = session;
  const { period } = options;
  const points = periodPoints(period);
  session.prefetch([points.end, points.start, points.quarterAgo]);
  const now = await session.workspace(points.end);
  const start = await session.workspace(points.start);
  const quarterAgo = await session.workspace(points.quarterAgo);
  const decisions = await session.decisions();
  const context = await session.delivery(now);
  const delivery = hasDeliveryRecords(context) ? context : null;
  const reviewPeriod = { since: period.since, until: period.until };
  const figures = delivery ? flowFigures(delivery, { period: reviewPeriod, config }) : null;
  const previousIncidents = delivery
    ? flowFigures(delivery, {
        period: { since: 2 * period.since - period.until, until: period.since },
        config,
      }).incidents
    : null;
  const paths = exitPaths(now, quarterAgo, { config, delivery });
  const contributions = classified({
    now,
    start,
    delivery,
    decisions,
    config,
    ladder: session.ladder(),
    period: reviewPeriod,
  });
  const facts = leaderFacts({
    workspace: now,
    config,
    flow: figures,
    exitPaths: paths,
    decidedAlone: decidedAloneFacts(now, decisions),
  });
  const git = await gitHistoryAnswers(now, {
    config,
    period: reviewPeriod,
    delivery,
    importedDeployments: context.deployments.filter((d) => d.source !== "git-tag").length,
    tags: (path) => session.tags(path),
  });
  facts.push(...gitHistoryFacts(git.facts));
  const report = reviewReport(now, start, {
    config,
    period: reviewPeriod,
    decisions,
    flow:
      delivery && figures && previousIncidents
        ? { now: publishFlow(delivery, figures), previousIncidents }
        : null,
    exitPaths: publishExitPaths(now, paths),
    contributions,
    facts,
    activity: delivery ? deliveryActivity(delivery, period.until) : new Map(),
  });
  report.coordination = await reviewCoordination(now, config, delivery, reviewPeriod);
  report.gitHistory = git.answers;
  return { report, facts };
}

/** Latest review or incident response per person up to `until`: activity beyond commits. */
function deliveryActivity(
  delivery: NonNullable<Parameters<typeof classified>[0]["delivery"]>,
  until: number,
): Map<PersonId, number> {
  const last = new Map<PersonId, number>();
  const seen = (person: PersonId, time: number) => {
    if (time <= until && (last.get(person) ?? -Infinity) < time) last.set(person, time);
  };
  for (const pr of delivery.pullRequests)
    for (const review of pr.reviews)
      if (review.author && !delivery.isBot(review.author))
        seen(delivery.personOf(review.author), review.submittedAt);
  for (const incident of delivery.incidents)
    for (const responder of incident.responders)
      if (!delivery.isBot(responder)) seen(delivery.personOf(responder), incident.createdAt);
  return last;
}
