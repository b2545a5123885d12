import type { Scope, Track } from "../ladder/index.js";
import type { DiffusionResult, LeverageMix } from "../leverage/index.js";
import type { LeverageType, PersonId } from "../model.js";

/** A figure the records cannot prove: left for the person to fill, never invented or estimated. */
export interface Blank {
  blank: true;
  /** What to write here, and where the number could come from. */
  prompt: string;
}

/** A statement the records prove, with the evidence behind it. */
export interface Proven {
  blank: false;
  text: string;
  /** Ids of the records that prove it (commit shas, PR keys, decision paths, incident keys). */
  evidence: string[];
}

export type Fact = Proven | Blank;

/** One piece of evidence as the packet links it. */
export interface EvidenceLink {
  kind: string;
  id: string;
  title: string;
  link: string;
}

/** problem → decision → tradeoff → outcome, with the person's role and the evidence. */
export interface ImpactStatement {
  title: string;
  kind: "decision" | "area-work" | "knowledge-spread" | "incidents";
  problem: Fact;
  decision: Fact;
  tradeoff: Fact;
  outcome: Fact;
  /** What the person did, from the records. */
  role: string;
  leverage: LeverageType[];
  evidence: EvidenceLink[];
}

/** A record that demonstrates a ladder criterion, and the evidence rule it matched. */
export interface CriterionEvidenceLink extends EvidenceLink {
  /** The evidence rule's id (`EVIDENCE_RULES` in core/ladder/evidence.ts), e.g. `tests`. */
  rule: string;
  /** Why it matched, e.g. "changes src/cart.test.ts (path **\/*.test.*)". */
  because: string;
}

/**
 * Where a criterion stands: a record matched one of its evidence rules; it has rules but no record
 * matched them; or it is about behaviour the records cannot show, so the person writes it.
 */
export type CriterionStatus = "demonstrated" | "not demonstrated yet" | "needs your words";

/** One criterion of the level, with the records that match it (evidence is matched by criterion). */
export interface LadderCriterionMapping {
  id: string;
  theme: string;
  text: string;
  leverage: LeverageType[];
  status: CriterionStatus;
  /** The evidence rules that demonstrate it (empty when it needs the person's words). */
  rules: { id: string; description: string }[];
  /** Where the rules came from: the default ladder's table or the keywords of the text. */
  basis: string;
  /** When it needs the person's words: why the records cannot show it. */
  needsWords: string | null;
  /** Up to 5 of the person's records that match one of its rules, each with the rule and why. */
  evidence: CriterionEvidenceLink[];
  /** Records matching its rules, all of them (`evidence` shows the first 5). */
  matched: number;
  /** `status === "demonstrated"`. */
  demonstrated: boolean;
}

export interface LadderMapping {
  ladder: string;
  level: string;
  levelName: string;
  track: Track;
  /** Scope the ladder expects at this level, and the scope the records show. */
  expectedScope: Scope | null;
  observedScope: Scope;
  criteria: LadderCriterionMapping[];
}

/** `legible impact --json`, version 1: the packet is for the person it describes. */
export interface ImpactPacket {
  version: 1;
  person: { id: PersonId; name: string };
  period: { since: string; until: string };
  scope: {
    areas: string[];
    repositories: string[];
    teamsReached: string[];
    observed: Scope;
    /** How the observed scope was decided. */
    because: string;
  };
  leverage: LeverageMix;
  statements: ImpactStatement[];
  diffusion: DiffusionResult[];
  brag: {
    goals: Blank;
    projects: ImpactStatement[];
    collaboration: EvidenceLink[];
    designAndDocumentation: EvidenceLink[];
    learned: Blank;
  };
  promotion: {
    strongest: ImpactStatement[];
    glueWork: EvidenceLink[];
    /** Criteria with no record of the kind that would demonstrate them: not demonstrated yet. */
    gaps: { id: string; text: string }[];
    /** Criteria about behaviour records cannot show: the person's own words are needed. */
    needsWords: { id: string; text: string }[];
  };
  ladder: LadderMapping | null;
  /** Inputs that were missing, so the reader knows what the packet could not see. */
  missing: string[];
}
