/**
 * Which files at a ref are scored: everything present, minus files-from misses, config excludes,
 * Linguist's vendored/generated/documentation classes (with `.gitattributes` overrides), binary
 * and empty files; config includes force-keep.
 */
export {
  FILTER_RULES,
  type FileFilterOptions,
  type FileFilterResult,
  type FilterRule,
  filterFiles,
  parseFilesFrom,
  type TreeEntry,
} from "./filter.js";
export {
  type LinguistAttributeRule,
  type LinguistOverrides,
  linguistOverridesFor,
  parseLinguistAttributes,
} from "./gitattributes.js";
export { LINGUIST_CATEGORIES, type LinguistCategory } from "./linguist-data.js";
export { linguistCategoryOf, linguistPathRules } from "./linguist-rules.js";
