import type { PersonId } from "../../core/model.js";
import { exitPaths, publishExitPaths } from "../exit-paths.js";
import { flowFigures, publishFlow } from "../flow.js";
import { gitHistoryAnswers, gitHistoryFacts } from "../git-history.js";
import { classified } from "../impact.js";
import { leaderFacts, type PersonFact } from "../leader-facts.js";
import { decidedAloneFacts, type ReviewReport, reviewReport } from "../review.js";
import { reviewCoordination } from "../review-coordination.js";
import { type AnalysisSession, hasDeliveryRecords } from "../session.js";
import { periodPoints, type RunPeriod } from "./period.js";

export interface ReviewRunOptions {
  period: RunPeriod;
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
  return (await reviewRun(session, options)).report;
}

/** The review with its leader facts by person id (for `impact --what-leaders-see`). */
export async function reviewRun(
  session: AnalysisSession,
  options: ReviewRunOptions,
): Promise<ReviewRun> {
  const { config } = session;
  const { period } = options;
  const points = periodPoints(period);
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
