export {
  type AreaAuthor,
  type AreaKnowledge,
  type AreaLosingAllAuthors,
  analyseKnowledge,
  type DepartureSimulation,
  type KnowledgeInput,
  type KnowledgeMode,
  type KnowledgeResult,
  simulateDeparture,
} from "./analyse.js";
export {
  type AreaSpec,
  areasOf,
  COMPONENT_AREA_PREFIX,
  type ComponentSpec,
  REPOSITORY_AREA_ID,
} from "./areas.js";
export {
  buildHistories,
  DOA_WEIGHTS,
  degreeOfAuthorship,
  type FileAuthorship,
  fileAuthorship,
} from "./doa.js";
export type { TallyMemo } from "./knowledge-types.js";
export { MODE_SETTINGS, type ModeSettings } from "./prepare.js";
export { type TruckFactorResult, truckFactor } from "./truck-factor.js";
