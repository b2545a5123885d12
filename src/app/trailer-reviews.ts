import type { Contribution } from "../core/leverage/index.js";
import type { PersonId, TrailerKind } from "../core/model.js";
import type { DeliveryContext } from "./delivery.js";
import type { PreparedRepository, Workspace } from "./workspace.js";

/** Trailers that say someone reviewed a change. */
export const REVIEW_TRAILERS: ReadonlySet<TrailerKind> = new Set([
  "reviewed-by",
  "acked-by",
  "tested-by",
]);

/** Trailers that say someone helped the author: capability leverage for the person named. */
export const HELP_TRAILERS: ReadonlySet<TrailerKind> = new Set([
  "mentored-by",
  "helped-by",
  "suggested-by",
]);

/** One person named by a review or help trailer of a commit, resolved. */
export interface TrailerCredit {
  person: PersonId;
  kind: TrailerKind;
  sha: string;
  subject: string;
  /** The commit's author date. */
  time: number;
  author: PersonId;
  /** Files the commit changed (not deleted). */
  paths: string[];
}

/**
 * The review (or help) trailers of a repository's non-merge commits, people resolved like authors:
 * one credit per person and commit, never the commit's own author or a bot. A commit that belongs
 * to an imported pull request whose reviews name the same person is left out: the imported review
 * stands for it, so nobody's review counts twice.
 */
export function trailerCredits(
  workspace: Workspace,
  repository: PreparedRepository,
  options: {
    kinds: ReadonlySet<TrailerKind>;
    delivery?: DeliveryContext | null;
    since?: number;
    until?: number;
  },
): TrailerCredit[] {
  const reviewedBy = importedReviewers(options.delivery ?? null);
  const since = options.since ?? -Infinity;
  const until = options.until ?? Infinity;
  const credits: TrailerCredit[] = [];
  for (const commit of repository.commits) {
    if (!commit.signals || commit.isMerge) continue;
    if (commit.authorTime < since || commit.authorTime > until) continue;
    const author = workspace.identities.personOf(repository.scan.path, commit.author);
    const seen = new Set<PersonId>();
    for (const signal of commit.signals) {
      if (signal.kind === "reverts" || !options.kinds.has(signal.kind)) continue;
      const person = workspace.identities.personOf(repository.scan.path, signal.person);
      if (person === author || workspace.bots.has(person) || seen.has(person)) continue;
      if (REVIEW_TRAILERS.has(signal.kind) && reviewedBy.get(commit.sha)?.has(person)) continue;
      seen.add(person);
      credits.push({
        person,
        kind: signal.kind,
        sha: commit.sha,
        subject: commit.subject,
        time: commit.authorTime,
        author,
        paths: commit.changes.filter((c) => c.kind !== "D").map((c) => c.path),
      });
    }
  }
  return credits;
}

/** For each commit of an imported pull request, the people whose imported reviews cover it. */
function importedReviewers(delivery: DeliveryContext | null): Map<string, Set<PersonId>> {
  const map = new Map<string, Set<PersonId>>();
  for (const pr of delivery?.pullRequests ?? []) {
    if (pr.reviews.length === 0) continue;
    const people = new Set(
      pr.reviews.flatMap((r) => (r.author ? [delivery!.personOf(r.author)] : [])),
    );
    for (const sha of [pr.mergeCommitSha, ...pr.commits.map((c) => c.sha)])
      if (sha) map.set(sha, people);
  }
  return map;
}

/**
 * Trailer credits of a period as contributions: a review trailer is a review of the commit's
 * author's change (kind "review", with `reviewOf`), a help trailer is help (kind "help").
 */
export function trailerContributions(
  workspace: Workspace,
  options: {
    period: { since: number; until: number };
    delivery: DeliveryContext | null;
    base: (
      person: PersonId,
      repository: string,
      paths: string[],
    ) => Omit<
      Contribution,
      | "id"
      | "kind"
      | "time"
      | "repository"
      | "title"
      | "labels"
      | "conventionalType"
      | "coAuthors"
      | "statesTradeoff"
      | "link"
    >;
  },
): Contribution[] {
  const rows: Contribution[] = [];
  const kinds = new Set([...REVIEW_TRAILERS, ...HELP_TRAILERS]);
  for (const repository of workspace.repositories) {
    for (const credit of trailerCredits(workspace, repository, {
      kinds,
      delivery: options.delivery,
      since: options.period.since,
      until: options.period.until,
    })) {
      const review = REVIEW_TRAILERS.has(credit.kind);
      rows.push({
        id: `${credit.sha}#${credit.kind}`,
        kind: review ? "review" : "help",
        time: credit.time,
        repository: repository.scan.name,
        title: `${TRAILER_NAMES[credit.kind]} on ${credit.subject}`,
        ...options.base(credit.person, repository.scan.name, credit.paths),
        labels: [],
        conventionalType: null,
        coAuthors: [],
        statesTradeoff: false,
        link: credit.sha,
        ...(review ? { reviewOf: { author: credit.author } } : {}),
      });
    }
  }
  return rows;
}

const TRAILER_NAMES: Record<TrailerKind, string> = {
  "reviewed-by": "Reviewed-by",
  "acked-by": "Acked-by",
  "tested-by": "Tested-by",
  "helped-by": "Helped-by",
  "mentored-by": "Mentored-by",
  "suggested-by": "Suggested-by",
  "reported-by": "Reported-by",
};
