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

export interface LadderMapping {
  ladder: string;
  level: string;
  levelName: string;
  track: Track;
  /** Scope the ladder expects at this level, and the scope the records show. */
  expectedScope: Scope | null;
  observedScope: Scope;
  criteria: {
    id: string;
    theme: string;
    text: string;
    leverage: LeverageType[];
    /** Contributions whose leverage type the criterion names (the mapping is by leverage type). */
    evidence: EvidenceLink[];
    demonstrated: boolean;
  }[];
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
    gaps: { id: string; text: string }[];
  };
  ladder: LadderMapping | null;
  /** Inputs that were missing, so the reader knows what the packet could not see. */
  missing: string[];
}
