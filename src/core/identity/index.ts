/** Identity resolution: `.mailmap`, bot detection, and merging raw identities into people. */
export {
  BotPatternError,
  compileBotPatterns,
  DEFAULT_ASSISTANT_PATTERNS,
  DEFAULT_BOT_PATTERNS,
  isBot,
} from "./bots.js";
export {
  applyMailmap,
  compileMailmap,
  type MailmapEntry,
  type MailmapLookup,
  type MailmapProblem,
  parseMailmap,
} from "./mailmap.js";
export {
  GENERIC_EMAIL_USERS,
  GENERIC_EMAILS,
  GENERIC_NAMES,
  isMergeableEmail,
  isMergeableName,
} from "./normalize.js";
export {
  type AliasSpec,
  type IdentityResolution,
  type IdentityRule,
  type IdentitySource,
  type MergedIdentity,
  type MergeReason,
  type Person,
  resolveIdentities,
} from "./resolve.js";
