/** Plain data for decision records (ADRs), as read from any of the common formats. */

/** A record's status, normalised from whatever words the record uses. */
export type DecisionStatus =
  | "proposed"
  | "accepted"
  | "rejected"
  | "deprecated"
  | "superseded"
  | "unknown";

/** The template a record follows, as far as its text shows. */
export type DecisionFormat =
  | "nygard"
  | "adr-tools"
  | "madr2"
  | "madr3"
  | "madr4"
  | "log4brains"
  | "legible"
  | "unknown";

/** The tradeoff a record states, in its own words. An absent key means the record does not state it. */
export interface DecisionTradeoff {
  riskReduced?: string;
  optionPreserved?: string;
  costAccepted?: string;
  easierLater?: string;
  outcomeProtected?: string;
  /** The "accepting …" clause of a Y-statement. */
  accepting?: string;
  /** MADR "Good, because …" and positive consequences. */
  goodConsequences?: string[];
  /** MADR "Bad, because …" and negative consequences. */
  badConsequences?: string[];
  reversibility?: string;
  exitPath?: string;
  revisit?: string;
}

/** A field through which a record names who took part in the decision. */
export type ParticipantField = "decision-makers" | "consulted" | "informed";

/** Something in a record that could not be read as expected; `line` is 1-based. */
export interface DecisionWarning {
  line: number;
  message: string;
}

/** One decision record. */
export interface Decision {
  /** File base name without extension, e.g. "0003-use-postgres" or "20240110-use-kafka". */
  id: string;
  /** Leading number of a numbered file name; null for date-prefixed or unnumbered files. */
  number: number | null;
  /** Title without numbering prefixes such as adr-tools' "3. ". */
  title: string;
  status: DecisionStatus;
  /** The status as written; null when the record states none. */
  rawStatus: string | null;
  /** YYYY-MM-DD from the record; null when it has none (the caller falls back to git). */
  date: string | null;
  path: string;
  format: DecisionFormat;
  /**
   * Records this one supersedes. As parsed: raw references (link targets such as "0002-x.md",
   * or "ADR-0002", "0002", "2"); after `resolveReferences`: ids of known decisions.
   */
  supersedes: string[];
  /** Records superseding this one; raw references or ids, as `supersedes`. */
  supersededBy: string[];
  decisionMakers: string[];
  /**
   * Where `decisionMakers` came from: "record" when the record names them; "git" when it names
   * none and the author of the commit that created the record stands in (who wrote it down, not
   * necessarily who decided; only `readDecisions` sets this); null when neither is known.
   */
  decisionMakersSource: "record" | "git" | null;
  consulted: string[];
  informed: string[];
  /**
   * The participant fields the record has (`deciders`/`decision-makers`, `consulted`, `informed`,
   * as front matter or a metadata line), even when empty, in that order. Nygard and adr-tools
   * records usually have none: their empty `consulted` means "not recorded", not "nobody".
   */
  participantFields: ParticipantField[];
  /** True when the record has any participant field (`participantFields` is not empty). */
  recordsParticipants: boolean;
  /** From `areas:` front matter only. */
  declaredAreas: string[];
  /**
   * Code paths and identifiers the record mentions: backticked tokens, tokens containing "/" or a
   * file extension, and relative link targets (resolved against the record's folder).
   */
  mentions: string[];
  tradeoff: DecisionTradeoff;
  /** True when any executive-tradeoff field, a Y-statement "accepting" clause, or good or bad consequences are stated. */
  statesTradeoff: boolean;
  warnings: DecisionWarning[];
}
