/**
 * Plain rows shared by every layer. Sources produce them, the store keeps them, analyses read them.
 * Times are Unix seconds (UTC). Nothing here does I/O.
 */

/** A git file-change status as printed by `git log --name-status` (score digits dropped). */
export type ChangeKind = "A" | "M" | "R" | "D" | "C" | "T";

/** One name/email pair exactly as git recorded it, before any identity resolution. */
export interface RawIdentity {
  name: string;
  email: string;
}

export interface CommitRow {
  sha: string;
  parents: string[];
  author: RawIdentity;
  /** Author date, Unix seconds. */
  authorTime: number;
  /** Committer date, Unix seconds. */
  commitTime: number;
  subject: string;
  /** People credited through `Co-authored-by:` trailers. */
  coAuthors: RawIdentity[];
  /**
   * What the message records beyond authorship (review and help trailers, reverted commits); see
   * sources/git/signals.ts. Absent when there is none.
   */
  signals?: CommitSignal[];
}

/** The trailers legible reads as review and help signal, lower-case as it stores them. */
export type TrailerKind =
  | "reviewed-by"
  | "acked-by"
  | "tested-by"
  | "helped-by"
  | "mentored-by"
  | "suggested-by"
  | "reported-by";

export const TRAILER_KINDS: readonly TrailerKind[] = [
  "reviewed-by",
  "acked-by",
  "tested-by",
  "helped-by",
  "mentored-by",
  "suggested-by",
  "reported-by",
];

/**
 * One signal from a commit message: a trailer naming a person (email "" when the trailer gives
 * none), or a commit it reverts ("This reverts commit <sha>", the sha as written: maybe abbreviated).
 */
export type CommitSignal =
  | { kind: TrailerKind; person: RawIdentity }
  | { kind: "reverts"; sha: string };

export interface FileChangeRow {
  sha: string;
  kind: ChangeKind;
  /** The path after the change (for `D`, the deleted path). */
  path: string;
  /** For `R` and `C`: the path before the change. */
  oldPath: string | null;
}

/** Stable id of a resolved person (see core/identity). */
export type PersonId = string;

/** A file-change record attributed to resolved people, the input of the knowledge analyses. */
export interface AuthorshipRecord {
  kind: "A" | "M" | "R";
  path: string;
  oldPath: string | null;
  /** Everyone credited with this change: the author first, then any co-authors. Bots removed. */
  people: PersonId[];
  /** Author date, Unix seconds. */
  time: number;
}

/**
 * The five kinds of leverage a contribution can carry (product.md, seed 002): delivering code;
 * decision records and design; changes and reviews that cut dependencies across teams; docs,
 * runbooks, tests, tooling, pairing and knowledge that spread; decisions tied to business outcomes.
 */
export type LeverageType = "execution" | "decision" | "coordination" | "capability" | "strategic";

export const LEVERAGE_TYPES: readonly LeverageType[] = [
  "execution",
  "decision",
  "coordination",
  "capability",
  "strategic",
];
