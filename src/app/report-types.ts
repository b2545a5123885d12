import type { AreaKnowledge, KnowledgeMode } from "../core/knowledge/index.js";
import type { FilterRule } from "../sources/files/filter.js";

/** A person as reports show them: a stable id and a display name. */
export interface PersonRef {
  id: string;
  name: string;
}

/** What a repository's figures rest on, and what was left out and why. */
export interface Universe {
  /** Non-merge commits reachable from the analysed commit. */
  commits: number;
  /** Merge commits reachable from it (they carry no authorship records). */
  merges: number;
  /** Commits made by bots, kept out of people metrics. */
  botCommits: number;
  /** Commits whose file changes git could not read. */
  skippedCommits: { sha: string; reason: string }[];
  /** Files present at the analysed commit. */
  filesAtRef: number;
  /** Files removed before scoring, by the rule that removed them. */
  filesRemoved: Record<FilterRule, number>;
  /** Files that survived the filters but no record in the history reaches (dropped). */
  filesWithoutHistory: number;
  /** The truck factor's denominator. */
  filesScored: number;
  /** People (not bots) with at least one authored or co-authored commit. */
  people: number;
  /**
   * Of them, people active within `activeDays` of the analysed date. Activity is judged across
   * every repository analysed together: someone who now commits only to another repository of the
   * workspace is still active here, so the same repository analysed alone can count fewer.
   */
  activePeople: number;
  /** How many repositories activity was judged across (see `activePeople`). */
  activityRepositories: number;
}

export interface AreaReport extends Omit<AreaKnowledge, "truckFactorDevelopers" | "authors"> {
  truckFactorDevelopers: PersonRef[];
  authors: (PersonRef & { files: number; active: boolean; lastActive: string | null })[];
}

export interface RepositoryKnowledge {
  name: string;
  path: string;
  ref: string;
  /** The analysed commit (null when the ref had no commit at the as-of date). */
  commit: string | null;
  truckFactor: number;
  truckFactorDevelopers: PersonRef[];
  /** The truck factor counting everyone who ever authored a file (the 2016 paper's view of time). */
  allTimeTruckFactor: number;
  /** The whole repository as an area: its status, authors and counts. */
  whole: AreaReport;
  universe: Universe;
  /** Data-quality caveats a reader must know: shallow history, no rename detection, skipped commits... */
  caveats: string[];
  /** Every area (directories, components), riskiest first. */
  areas: AreaReport[];
}

/**
 * `legible knowledge --json`, version 1. For a single repository the top level repeats its
 * `truckFactor` and `truckFactorDevelopers` (removal order).
 */
export interface KnowledgeReport {
  version: 1;
  mode: KnowledgeMode;
  asOf: { date: string; label: string };
  activeDays: number;
  truckFactor?: number;
  truckFactorDevelopers?: PersonRef[];
  repositories: RepositoryKnowledge[];
}
