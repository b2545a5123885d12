/**
 * Leverage classification: the rows it reads and the rules it applies. Every contribution legible
 * knows (commits, pull requests, reviews, decision records, incident responses) becomes a
 * `Contribution`; transparent rules give it one or more leverage types, each with the rule and the
 * facts that decided it.
 */
import type { LeverageType, PersonId } from "../model.js";

/** What a contribution is. */
export type ContributionKind =
  | "commit"
  | "pull-request"
  | "review"
  | "decision"
  | "incident-response"
  /** Mentoring or help a commit credits to someone (Mentored-by, Helped-by, Suggested-by trailers). */
  | "help";

/** Every contribution kind, in a fixed order (validation messages list them in this order). */
export const CONTRIBUTION_KINDS: readonly ContributionKind[] = [
  "commit",
  "pull-request",
  "review",
  "decision",
  "incident-response",
  "help",
];

/** One thing a person did, as the leverage rules see it. */
export interface Contribution {
  /** Stable: commit sha, PR key, `${prKey}#review-${id}`, decision path, incident key, `${sha}#${trailer}` (trailer credits). */
  id: string;
  kind: ContributionKind;
  /** Who made it: author, reviewer, decision-maker, responder. */
  person: PersonId;
  /** Unix seconds. */
  time: number;
  repository: string;
  /** Commit subject, PR title, decision title, incident title. */
  title: string;
  /** Files changed (commits, PRs) or reviewed (reviews); the record's path for decisions. */
  paths: string[];
  /** Area ids touched. Leaf areas (components, deepest directories), not their ancestors. */
  areas: string[];
  /** Teams owning the areas touched, or the reviewed PR author's team (cross-team detection). */
  teamsReached: string[];
  /** The person's team; `null` when the roster does not place them (never cross-team then). */
  ownTeam: string | null;
  /** PR labels. */
  labels: string[];
  /** `feat`, `fix`, `docs`… parsed from the subject (`type(scope)!: …`); see `conventionalTypeOf`. */
  conventionalType: string | null;
  /** Pairing: Co-authored-by people (commits), or the author when `person` is a co-author. */
  coAuthors: PersonId[];
  /** Decisions: the record states its executive tradeoff / business terms. */
  statesTradeoff: boolean;
  /** What to show as evidence: sha, PR url or key, path. */
  link: string;
  /**
   * Reviews only: whose pull request was reviewed. Knowledge diffusion uses it to tell which new
   * authors a person's reviews supported; absent on every other kind.
   */
  reviewOf?: { author: PersonId };
}

/**
 * When a rule applies. Every field given must hold (AND); an absent field does not constrain. Within
 * a list field any entry may match (OR).
 */
export interface RuleCondition {
  /** The contribution is one of these kinds. */
  kinds?: ContributionKind[];
  /** Globs (picomatch, dotfiles included): at least one path matches one of them. */
  paths?: string[];
  /** With `paths`: every path must match, and there must be at least one path. */
  allPaths?: boolean;
  /** The parsed conventional-commit type is one of these (case-insensitive). */
  conventionalTypes?: string[];
  /** The contribution carries one of these labels (case-insensitive). */
  labels?: string[];
  /** A regular expression the title matches, case-insensitive. */
  titleMatches?: string;
  /** The contribution touches at least this many distinct areas. */
  minAreas?: number;
  /** `true`: `teamsReached` has a team other than a known `ownTeam`; `false`: it does not. */
  crossTeam?: boolean;
  /** `true`: has co-authors (pairing); `false`: has none. */
  coAuthored?: boolean;
  /** The decision record states its tradeoff in business terms (`true`) or does not (`false`). */
  statesTradeoff?: boolean;
  /** legible's addition: the rule does not apply when this condition holds (a negation). */
  unless?: RuleCondition;
}

/** A transparent, configurable classification rule. */
export interface LeverageRule {
  /** Stable id, e.g. `capability.docs`; config overrides and disables rules by it. */
  id: string;
  type: LeverageType;
  description: string;
  when: RuleCondition;
}

/** One leverage type given to a contribution, with the rule and the facts that decided it. */
export interface Classification {
  type: LeverageType;
  /** The id of the rule that produced it (`fallback` for the built-in fallback). */
  rule: string;
  /** One sentence with the matched facts, e.g. "changes docs/runbooks/db.md (path docs/**)". */
  because: string;
}

/** A contribution with its leverage: at least one classification, at most one per type. */
export interface ClassifiedContribution extends Contribution {
  leverage: Classification[];
}
