import type { Config } from "../config/schema.js";
import { type Contribution, conventionalTypeOf } from "../core/leverage/index.js";
import type { PersonId } from "../core/model.js";
import { decisionMakerId } from "./decision-makers.js";
import type { DecisionEntry } from "./decisions.js";
import type { DeliveryContext } from "./delivery.js";
import { areaOfPath, roster } from "./roster.js";
import { trailerContributions } from "./trailer-reviews.js";
import type { Workspace } from "./workspace.js";

export interface ContributionOptions {
  config: Config;
  period: { since: number; until: number };
  delivery: DeliveryContext | null;
  decisions: { repository: string; decisions: DecisionEntry[] }[];
}

/**
 * Every contribution legible knows in a period, as plain rows for the leverage rules: commits
 * (authors and co-authors), merged pull requests, reviews, decision records (their decision-makers)
 * and incident responses. Merges and bots are left out.
 */
export function contributions(workspace: Workspace, options: ContributionOptions): Contribution[] {
  const { config, period } = options;
  const inPeriod = (time: number) => time >= period.since && time <= period.until;
  const depth = config.areas.depth;
  const keys = workspace.areas;
  const areasOf = (repository: string, paths: string[]) =>
    [...new Set(paths.map((p) => keys.key(repository, areaOfPath(p, depth))))].sort();
  const { teamOf, teamsOwning } = roster(config, workspace.people, keys);
  const rows: Contribution[] = [];
  const base = (person: PersonId, repository: string, paths: string[]) => ({
    person,
    paths,
    areas: areasOf(repository, paths),
    teamsReached: teamsOwning(paths, repository),
    ownTeam: teamOf(person),
  });

  // A merged pull request and the commits it brought (its squash or merge commit, its own
  // commits) are one change for its author: the pull request's row stands for them, and the
  // commits' co-authors pair on it.
  const pullRequestRows = new Map<string, Contribution>();
  const pullRequestList: Contribution[] = [];
  const delivery = options.delivery;
  if (delivery) {
    for (const pr of delivery.pullRequests) {
      if (pr.mergedAt === null || !inPeriod(pr.mergedAt)) continue;
      if (!pr.author || delivery.isBot(pr.author)) continue;
      const row: Contribution = {
        id: pr.key,
        kind: "pull-request",
        time: pr.mergedAt,
        repository: delivery.repositoryOf(pr) ?? pr.repository,
        title: pr.title,
        ...base(
          delivery.personOf(pr.author),
          delivery.repositoryOf(pr) ?? pr.repository,
          delivery.filesOf(pr),
        ),
        labels: pr.labels,
        conventionalType: conventionalTypeOf(pr.title),
        coAuthors: [],
        statesTradeoff: false,
        link: pr.key,
      };
      pullRequestList.push(row);
      for (const sha of [pr.mergeCommitSha, ...pr.commits.map((c) => c.sha)])
        if (sha) pullRequestRows.set(sha, row);
    }
  }

  for (const repository of workspace.repositories) {
    for (const commit of repository.commits) {
      if (commit.isMerge || !inPeriod(commit.authorTime)) continue;
      const author = workspace.identities.personOf(repository.scan.path, commit.author);
      const coAuthors = commit.coAuthors.map((c) =>
        workspace.identities.personOf(repository.scan.path, c),
      );
      const everyone = [author, ...coAuthors].filter(
        (p, i, all) => !workspace.bots.has(p) && all.indexOf(p) === i,
      );
      const paths = commit.changes.map((c) => c.path);
      const pullRequest = pullRequestRows.get(commit.sha);
      for (const person of everyone) {
        if (pullRequest && pullRequest.person === person) {
          for (const other of everyone)
            if (other !== person && !pullRequest.coAuthors.includes(other))
              pullRequest.coAuthors.push(other);
          continue;
        }
        rows.push({
          id: commit.sha,
          kind: "commit",
          time: commit.authorTime,
          repository: repository.scan.name,
          title: commit.subject,
          ...base(person, repository.scan.name, paths),
          labels: [],
          conventionalType: conventionalTypeOf(commit.subject),
          coAuthors: everyone.filter((p) => p !== person),
          statesTradeoff: false,
          link: commit.sha,
        });
      }
    }
  }

  rows.push(...pullRequestList);
  if (delivery) {
    for (const pr of delivery.pullRequests) {
      if (pr.mergedAt === null || !inPeriod(pr.mergedAt)) continue;
      const paths = delivery.filesOf(pr);
      const repository = delivery.repositoryOf(pr) ?? pr.repository;
      const author = pr.author && !delivery.isBot(pr.author) ? delivery.personOf(pr.author) : null;
      for (const review of pr.reviews) {
        if (!review.author || delivery.isBot(review.author) || !inPeriod(review.submittedAt))
          continue;
        const reviewer = delivery.personOf(review.author);
        if (reviewer === author) continue;
        const reviewed = base(reviewer, repository, paths);
        rows.push({
          id: `${pr.key}#review-${review.id}`,
          kind: "review",
          time: review.submittedAt,
          repository,
          title: `review of ${pr.title}`,
          ...reviewed,
          teamsReached: [
            ...new Set([
              ...reviewed.teamsReached,
              ...(author && teamOf(author) ? [teamOf(author)!] : []),
            ]),
          ].sort(),
          labels: pr.labels,
          conventionalType: null,
          coAuthors: [],
          statesTradeoff: false,
          link: pr.key,
          ...(author ? { reviewOf: { author } } : {}),
        });
      }
    }
    for (const incident of delivery.incidents) {
      if (!inPeriod(incident.createdAt)) continue;
      const responders = [
        ...new Set(incident.responders.filter((a) => !delivery.isBot(a)).map(delivery.personOf)),
      ];
      for (const person of responders) {
        rows.push({
          id: incident.key,
          kind: "incident-response",
          time: incident.createdAt,
          repository: incident.repository ?? "",
          title: incident.title,
          person,
          paths: [],
          areas: incident.service ? [incident.service] : [],
          teamsReached: [],
          ownTeam: teamOf(person),
          labels: incident.severity ? [incident.severity] : [],
          conventionalType: null,
          coAuthors: responders.filter((p) => p !== person),
          statesTradeoff: false,
          link: incident.key,
        });
      }
    }
  }

  // Reviews and help that commit trailers credit (Reviewed-by, Mentored-by…): app/trailer-reviews.ts.
  rows.push(...trailerContributions(workspace, { period, delivery, base }));

  for (const { repository, decisions } of options.decisions) {
    for (const decision of decisions) {
      const time = decision.date ? Date.parse(`${decision.date}T12:00:00Z`) / 1000 : Number.NaN;
      if (!inPeriod(time)) continue;
      for (const maker of decision.decisionMakers) {
        const person = decisionMakerId(workspace, repository, maker);
        rows.push({
          id: decision.path,
          kind: "decision",
          time,
          repository,
          title: decision.title,
          person,
          paths: [decision.path],
          areas: decision.areas.map((a) => keys.key(repository, a)),
          teamsReached: teamsOwning(
            decision.areas.map((a) => `${a}/_`),
            repository,
          ),
          ownTeam: teamOf(person),
          labels: [],
          conventionalType: null,
          coAuthors: [],
          statesTradeoff: decision.statesTradeoff,
          link: decision.path,
        });
      }
    }
  }
  return rows.sort(
    (a, b) => a.time - b.time || a.id.localeCompare(b.id) || a.person.localeCompare(b.person),
  );
}
