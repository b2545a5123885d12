import type { Config } from "../config/schema.js";
import { reviewKnowledgeRecords } from "../core/friction/index.js";
import { isBot } from "../core/identity/bots.js";
import type { AuthorshipRecord, PersonId } from "../core/model.js";
import type { Store } from "../store/store.js";
import { configuredBotPatterns } from "./roster.js";
import { REVIEW_TRAILERS, trailerCredits } from "./trailer-reviews.js";
import type { Workspace } from "./workspace.js";

/** Reviews counted as knowledge: extra authorship records per repository path, and review activity. */
export interface ReviewSignal {
  records: Map<string, AuthorshipRecord[]>;
  lastReview: Map<PersonId, number>;
  pullRequests: number;
  /** Reviews read from commit trailers (Reviewed-by, Acked-by, Tested-by), counted like imported ones. */
  trailerReviews: number;
}

/**
 * Turns imported pull-request reviews, and reviews recorded in commit trailers, into authorship signal, as the JetBrains bus-factor-explorer
 * counts reviewers as knowing the files they reviewed: one `M` record per reviewed file for each
 * reviewer (core/friction/review-knowledge.ts). Off by default (`delivery.reviewsAsKnowledge`,
 * `--reviews-as-knowledge`); never in `--compat avelino2016`.
 */
export async function reviewSignal(
  workspace: Workspace,
  store: Store,
  config: Config,
): Promise<ReviewSignal> {
  const repositoryOf = new Map<string, string>();
  const changes = new Map<string, string[]>();
  for (const repository of workspace.repositories) {
    for (const commit of repository.commits) {
      repositoryOf.set(commit.sha, repository.scan.path);
      changes.set(
        commit.sha,
        commit.changes.filter((c) => c.kind !== "D").map((c) => c.path),
      );
    }
  }
  const first = workspace.repositories[0]?.scan.path ?? "";
  const patterns = configuredBotPatterns(config);
  const pullRequests = await store.delivery.pullRequests();
  const records = new Map<string, AuthorshipRecord[]>();
  let lastReview = new Map<PersonId, number>();
  let trailerReviews = 0;
  for (const repository of workspace.repositories) {
    const mine = pullRequests.filter(
      (pr) => pr.mergeCommitSha && repositoryOf.get(pr.mergeCommitSha) === repository.scan.path,
    );
    const result = reviewKnowledgeRecords({
      pullRequests: mine,
      filesOf: (pr) => (pr.mergeCommitSha ? (changes.get(pr.mergeCommitSha) ?? []) : []),
      personOf: (account) =>
        workspace.identities.personOf(first, { name: account.login, email: account.email ?? "" }),
      isBot: (account) => isBot({ name: account.login, email: account.email ?? "" }, patterns),
      asOf: workspace.asOf.time,
    });
    // Reviews recorded in commit trailers, except on commits an imported, reviewed pull request holds.
    const imported = new Set(
      mine
        .filter((pr) => pr.reviews.length > 0)
        .flatMap((pr) => [pr.mergeCommitSha, ...pr.commits.map((c) => c.sha)]),
    );
    const trailers = trailerCredits(workspace, repository, {
      kinds: REVIEW_TRAILERS,
      until: workspace.asOf.time,
    }).filter((credit) => !imported.has(credit.sha));
    const fromTrailers: AuthorshipRecord[] = [];
    for (const credit of trailers) {
      for (const path of credit.paths)
        fromTrailers.push({
          kind: "M",
          path,
          oldPath: null,
          people: [credit.person],
          time: credit.time,
        });
      if (credit.time > (result.lastReview.get(credit.person) ?? -Infinity))
        result.lastReview.set(credit.person, credit.time);
    }
    records.set(
      repository.scan.path,
      [...result.records, ...fromTrailers].sort((a, b) => a.time - b.time),
    );
    trailerReviews += trailers.length;
    lastReview = new Map([...lastReview, ...result.lastReview].sort((a, b) => a[1] - b[1]));
  }
  return { records, lastReview, pullRequests: pullRequests.length, trailerReviews };
}
