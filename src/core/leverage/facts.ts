/**
 * The wording of classification reasons: short clauses naming the facts a rule matched, joined
 * into one sentence.
 */
import type { Contribution, ContributionKind } from "./model.js";

const KIND_NOUNS: Record<ContributionKind, string> = {
  commit: "a commit",
  "pull-request": "a pull request",
  review: "a review",
  decision: "a decision record",
  "incident-response": "an incident response",
  help: "help credited in a commit trailer",
};

const PATH_VERBS: Record<ContributionKind, string> = {
  commit: "changes",
  "pull-request": "changes",
  review: "reviews",
  decision: "is recorded at",
  "incident-response": "concerns",
  help: "helped with",
};

/** "a commit", "an incident response"… */
export function kindNoun(kind: ContributionKind): string {
  return KIND_NOUNS[kind];
}

/** What a contribution does to its paths: "changes", "reviews", "is recorded at"… */
export function pathVerb(kind: ContributionKind): string {
  return PATH_VERBS[kind];
}

/** "docs/**, **\/*.md and 3 more globs": the first two globs of a list, then a count. */
export function globList(globs: readonly string[]): string {
  const shown = globs.slice(0, 2).join(", ");
  const more = globs.length - 2;
  return more > 0 ? `${shown} and ${more} more globs` : shown;
}

/** "alice", "alice, bob". */
export function nameList(names: readonly string[]): string {
  return names.join(", ");
}

/** "team core" or "no team" for an unknown own team. */
export function ownTeamText(contribution: Contribution): string {
  return contribution.ownTeam === null ? "no known team" : `own team ${contribution.ownTeam}`;
}

/** The teams reached other than the person's own. */
export function otherTeams(contribution: Contribution): string[] {
  const own = contribution.ownTeam;
  if (own === null) return [];
  return [...new Set(contribution.teamsReached.filter((team) => team !== own))];
}

/** "team payments" or "teams payments, search". */
export function teamsText(teams: readonly string[]): string {
  return `${teams.length === 1 ? "team" : "teams"} ${nameList(teams)}`;
}

/**
 * One sentence from a rule's clauses: the kind clause only when nothing more specific was matched
 * (every rule filters on kinds; naming it adds nothing next to a path or a label).
 */
export function sentence(kindClause: string | null, clauses: readonly string[]): string {
  if (clauses.length > 0) return clauses.join(", ");
  return kindClause ?? "matches every contribution";
}
