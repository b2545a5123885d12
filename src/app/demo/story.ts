/** The planted facts, one line each, with the figures read back from what was generated. */
import {
  GRETA,
  KOFI,
  LENA,
  LEO,
  MARA,
  OWEN,
  PEOPLE,
  type Person,
  PRIYA,
  SAM,
  TEAM_AREAS,
  TOMAS,
  teamMembers,
} from "./cast.js";
import type { IncidentRecord } from "./incidents.js";
import type { BuiltRepository } from "./index.js";
import { areasOf, type TimedCommit } from "./timeline.js";

const DAY = 86_400;

/** One line per planted fact, for the CLI to print. */
export function storyLines(input: {
  now: Date;
  repositories: BuiltRepository[];
  incidents: IncidentRecord[];
}): string[] {
  const nowSeconds = Math.floor(input.now.getTime() / 1000);
  const weekAgo = nowSeconds - 7 * DAY;
  const repo = (name: string) => input.repositories.find((r) => r.name === name);
  const all = input.repositories.flatMap((r) => r.commits);
  const onMain = all.filter((c) => !c.commit.plan.branchOnly);
  const commitCount = onMain.reduce((n, c) => n + 1 + c.branch.length, 0);
  const pulls = all.filter((c) => c.pull !== null);
  const production = input.repositories
    .flatMap((r) => r.deployments)
    .filter((d) => d.environment === "production");
  const staging = input.repositories.flatMap((r) => r.deployments).length - production.length;

  const payments = pulls.filter(
    (c) => c.pull?.state === "merged" && areasOf(c.commit).includes("services/payments"),
  );
  const paymentReviews = payments.flatMap((c) => c.pull?.reviews ?? []);
  const byTomas = paymentReviews.filter((r) => r.reviewer === TOMAS).length;
  const paymentsIn = (since: number, until: number) =>
    payments.filter((c) => (c.pull?.mergedAt ?? 0) >= since && (c.pull?.mergedAt ?? 0) < until);
  const others = pulls.filter(
    (c) => c.pull?.state === "merged" && !payments.includes(c) && !c.commit.plan.author.bot,
  );

  const daysSince = (person: Person) => {
    const last = Math.max(
      ...all
        .flatMap((c) => [
          c,
          ...c.branch.map((b) => ({ ...c, commit: b.commit, authorTime: b.time })),
        ])
        .filter((c) => c.commit.plan.author === person)
        .map((c) => c.authorTime),
    );
    return Math.floor((nowSeconds - last) / DAY);
  };
  const responded = (login: string, records: IncidentRecord[]) =>
    records.filter((r) => r.responders.split(";").includes(login)).length;
  const recentIncidents = input.incidents.filter((r) => Date.parse(r.created_at) / 1000 >= weekAgo);

  const pairing = all.filter((c) => {
    const { author, coAuthors = [] } = c.commit.plan;
    return (
      (author === PRIYA && coAuthors.includes(LEO)) || (author === LEO && coAuthors.includes(PRIYA))
    );
  }).length;
  const leoPulls = pulls.filter((c) => c.commit.plan.author === LEO && c.pull?.state === "merged");
  const leoByPriya = leoPulls.filter((c) =>
    c.pull?.reviews.some((r) => r.reviewer === PRIYA),
  ).length;
  const checkoutReviewers = (since: number, until: number) => {
    const reviews = pulls
      .filter((c) => c.commit.plan.repo === "web" && areasOf(c.commit).includes("src/checkout"))
      .filter((c) => (c.pull?.mergedAt ?? 0) >= since && (c.pull?.mergedAt ?? 0) < until)
      .flatMap((c) => c.pull?.reviews ?? []);
    return {
      reviews: reviews.length,
      people: new Set(reviews.map((r) => r.reviewer.name)),
      priya: reviews.filter((r) => r.reviewer === PRIYA).length,
    };
  };
  const before = checkoutReviewers(weekAgo - 7 * DAY, weekAgo);
  const now = checkoutReviewers(weekAgo, nowSeconds + 1);
  const platformReviews = pulls
    .filter((c) => c.commit.plan.repo === "platform")
    .flatMap((c) => c.pull?.reviews ?? []);
  const platformShares = teamMembers("platform").map(
    (p) =>
      `${first(p)} ${percent(platformReviews.filter((r) => r.reviewer === p).length, platformReviews.length)}`,
  );
  const laptop =
    repo("shop-api")?.commits.filter((c) => c.commit.plan.identity?.email === "sam.patel@gmail.com")
      .length ?? 0;
  const bots = onMain.filter((c) => c.commit.plan.author.bot).length;

  return [
    `Acme: ${input.repositories.length} repositories (${input.repositories.map((r) => r.name).join(", ")}), ${commitCount} commits by ${PEOPLE.length} people in 3 teams, ${pulls.length} pull requests, ${production.length + staging} deployments and ${input.incidents.length} incidents over 14 months; the last 7 days and the 7 before are both busy.`,
    `${MARA.name} is the only active author of shop-api's services/payments and tests/payments (knowledge islands); ADR 0003 writes down the main payments decision, with its executive tradeoff.`,
    `${TOMAS.name} did ${byTomas} of the ${paymentReviews.length} reviews (${percent(byTomas, paymentReviews.length)}) of pull requests in services/payments, first picking them up after a median of ${median(payments.map(pickupHours))} h (elsewhere: ${median(others.map(pickupHours))} h): work there waits for one person. This week's pickup median (${median(paymentsIn(weekAgo, nowSeconds + 1).map(pickupHours))} h, ${median(paymentsIn(weekAgo - 7 * DAY, weekAgo).map(pickupHours))} h the week before) shrank, but it still waits for him: routed around, not removed.`,
    `${MARA.name} responded to ${responded(MARA.login, input.incidents)} of ${input.incidents.length} incidents, ${responded(MARA.login, recentIncidents)} of ${recentIncidents.length} in the last 7 days, payments or not: heroics.`,
    `${OWEN.name} left (last commit ${daysSince(OWEN)} days ago) and was the only author of web's src/search: an orphaned area, and last week's search incident was handled by people who never wrote it.`,
    `${GRETA.name} left (last commit ${daysSince(GRETA)} days ago); she alone accepted ADR 0002 (reserve stock when checkout starts), with nobody consulted or informed. Her leaving made shop-api's services/inventory a knowledge island of ${LENA.name}'s over the last quarter.`,
    `${PRIYA.name} (senior) paired with ${LEO.name} on ${pairing} commits (Co-authored-by) and reviewed ${leoByPriya} of his ${leoPulls.length} merged pull requests; ${first(LEO)} joined ${LEO.joinedDaysAgo ?? 0} days ago and is now an author of web's src/checkout, a knowledge island of ${first(PRIYA)}'s 3 months ago.`,
    `Reviews in web's src/checkout waited for ${first(PRIYA)} the week before last (${before.priya} of ${before.reviews}); in the last 7 days ${now.people.size} people shared its ${now.reviews} reviews: friction removed.`,
    `Platform reviews are spread (${platformShares.join(", ")}); ${KOFI.name} added tools/deploy/canary.ts this week, so tools/deploy is no longer a knowledge island of Jonas Berg.`,
    `The platform team has ${teamMembers("platform").length} people, fewer than privacy.minGroupSize (5): its team figures are withheld (team areas: ${TEAM_AREAS.platform.join(", ")}).`,
    `${SAM.name} made ${laptop} commits as spatel <sam.patel@gmail.com>; shop-api's .mailmap folds them into ${SAM.email}.`,
    "Decision records in shop-api's docs/decisions (MADR 4): ADR 0004, accepted this week, supersedes ADR 0001 (linked both ways); ADR 0005 was proposed 2 days ago without its tradeoff; platform keeps adr-tools records in doc/adr (.adr-dir).",
    `dependabot made ${bots} commits and GitHub committed the squash merges: neither is credited as an author. The export also holds two merge-commit pull requests, two open ones and one closed without merging.`,
    `Deployments: ${production.length} to production (${production.filter((d) => d.result === "failure").length} failed) and ${staging} to staging; incidents reach a repository through delivery.services in legible.yaml.`,
  ];
}

function pickupHours(c: TimedCommit): number {
  const pull = c.pull;
  if (!pull) return 0;
  const author = c.commit.plan.author;
  const times = [
    ...pull.reviews.map((r) => r.at),
    ...pull.comments.filter((x) => x.author !== author).map((x) => x.at),
  ];
  return times.length === 0 ? 0 : (Math.min(...times) - pull.createdAt) / 3600;
}

function median(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return "0";
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1
      ? (sorted[mid] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return value.toFixed(1);
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "0 %" : `${Math.round((100 * part) / whole)} %`;
}

function first(person: Person): string {
  return person.name.split(" ")[0] ?? person.name;
}
