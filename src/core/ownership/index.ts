export {
  CODEOWNERS_LOCATIONS,
  type CodeOwner,
  type CodeownersDialect,
  type CodeownersFile,
  type CodeownersProblem,
  type CodeownersRule,
  type CodeownersSection,
  ownersOf,
  type PathOwnership,
  parseCodeowners,
} from "./codeowners.js";
