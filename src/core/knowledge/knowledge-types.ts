import type { AuthorshipRecord, PersonId } from "../model.js";
import type { AreaSpec, ComponentSpec } from "./areas.js";
import type { AuthorshipTally } from "./doa.js";

/** `avelino2016` reproduces the ICPC 2016 paper; `default` is legible's recency-aware variant. */
export type KnowledgeMode = "default" | "avelino2016";

/** Everything the knowledge analysis reads; plain data, no I/O. */
export interface KnowledgeInput {
  records: AuthorshipRecord[];
  /** Scored files present at the analysed commit, already filtered. */
  files: string[];
  /** Latest authored commit time per person, up to `asOf`. */
  lastActive: Map<PersonId, number>;
  /** The moment the analysis describes (Unix seconds). */
  asOf: number;
  /** Someone with no activity in this many days before `asOf` is a former contributor. */
  activeDays: number;
  mode: KnowledgeMode;
  /** Directory areas are made for depths 1..depth. */
  depth: number;
  components: ComponentSpec[];
  /** Departure simulation: people treated as gone in addition to former contributors. */
  leave?: PersonId[];
  /**
   * Restrict `areas` to this area id and its sub-directories ("." or absent: every area). A
   * directory deeper than `depth` still gets its own area; a trailing "/" is ignored.
   */
  area?: string;
  /**
   * Tallies of earlier analyses to reuse: a file whose history holds exactly the same record
   * objects as when it was tallied gets the same tally (see {@link TallyMemo}). Results are
   * identical with or without it; it saves the work when many dates of one history are analysed.
   */
  memo?: TallyMemo;
  /**
   * Each file's tally computed elsewhere (from a history summary kept at scan time): when given,
   * `records` is not read. Must give what {@link tallyAuthorship} gives for the file's history.
   */
  tallies?: (path: string, coAuthors: boolean) => AuthorshipTally | null;
  /**
   * Each file's history, from records the caller keeps indexed: when given (and `tallies` is
   * not), `records` is not read. Must give what `buildHistories` (history.ts) gives over `records`.
   */
  history?: (path: string) => AuthorshipRecord[];
  /**
   * Whether a file's history (what `history` gives) is exactly `records`, the same objects in
   * order, told without building it: a memo's tally is then reused with no new list. Given only
   * with `history`.
   */
  historyIs?: (path: string, records: readonly AuthorshipRecord[]) => boolean;
}

/**
 * File tallies by mode, then path, each with the history it was computed from. Owned by the
 * caller; valid for any input, because a tally is reused only for the very same records.
 */
export type TallyMemo = Map<
  KnowledgeMode,
  Map<string, { history: AuthorshipRecord[]; tally: AuthorshipTally | null }>
>;

/** One author of files in an area. */
export interface AreaAuthor {
  person: PersonId;
  /** Files of the area this person is an author of. */
  files: number;
  /** Still counted: not leaving and, in the default mode, active within `activeDays`. */
  active: boolean;
  lastActive: number | null;
}

/** Knowledge concentration of one area. */
export interface AreaKnowledge {
  id: string;
  kind: AreaSpec["kind"];
  label: string;
  files: number;
  /** Truck factor counting only remaining people (see the mode notes in analyse.ts). */
  truckFactor: number;
  truckFactorDevelopers: PersonId[];
  /** Truck factor with everyone who ever authored a file, except people in `leave`. */
  allTimeTruckFactor: number;
  /** Authors of the area's files, most files first, then PersonId. */
  authors: AreaAuthor[];
  activeAuthors: number;
  /**
   * `orphaned`: the area has authors but none remaining; `knowledge-island`: exactly one remaining
   * author; `at-risk`: truck factor 1 or less otherwise; `shared`: the rest.
   */
  status: "orphaned" | "knowledge-island" | "at-risk" | "shared";
  /** Files with no remaining author (including files whose history made nobody an author). */
  orphanedFiles: number;
  /** Files with exactly one remaining author. */
  singleAuthorFiles: number;
}

/** Result of {@link analyseKnowledge}. */
export interface KnowledgeResult {
  mode: KnowledgeMode;
  asOf: number;
  activeDays: number;
  /** Files with at least one record in their history: the truck factor's denominator. */
  filesScored: number;
  /** Files given but dropped because no record reaches them. */
  filesWithoutHistory: number;
  repository: AreaKnowledge;
  /** Directory and component areas, riskiest first. */
  areas: AreaKnowledge[];
}

/** An area whose every remaining author is among the people leaving. */
export interface AreaLosingAllAuthors {
  id: string;
  label: string;
  files: number;
  /** Its remaining authors before the departure, most files first. */
  authorsBefore: PersonId[];
}

/** Result of {@link simulateDeparture}. */
export interface DepartureSimulation {
  leaving: PersonId[];
  areasLosingAllAuthors: AreaLosingAllAuthors[];
  filesOrphanedBefore: number;
  filesOrphanedAfter: number;
  /** Share (0..1) of the scored files with no remaining author after the departure. */
  shareOrphanedAfter: number;
  /** The scored files the share is of. */
  filesScored: number;
  repositoryTruckFactorBefore: number;
  repositoryTruckFactorAfter: number;
}
