/** Decision records (ADRs): reading every common format, writing legible's, and supersession both ways. */

export { tradeoffPhrases } from "./describe.js";
export { isDecisionFile } from "./file-names.js";
export { findMentionedNames } from "./mentions.js";
export type {
  Decision,
  DecisionFormat,
  DecisionStatus,
  DecisionTradeoff,
  DecisionWarning,
  ParticipantField,
} from "./model.js";
export { parseDecision, resolveReferences } from "./parse.js";
export { decidedAlone } from "./participants.js";
export { hasRecordName, looksLikeDecisionRecord, recordSignals } from "./recognise.js";
export {
  addSupersedes,
  markSuperseded,
  type NewDecision,
  type NextDecisionFile,
  nextDecisionFile,
  type RecordRef,
  renderNewDecision,
} from "./write.js";
