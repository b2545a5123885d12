/**
 * The default leverage rules and how configuration changes them. Rules are data: each has an id, a
 * type, a description and a condition, and every classification names the rule that produced it.
 */
import {
  CI_GLOBS,
  DESIGN_GLOBS,
  DOCS_GLOBS,
  MANIFEST_GLOBS,
  MIGRATION_GLOBS,
  NON_EXECUTION_GLOBS,
  RUNBOOK_GLOBS,
  TEST_GLOBS,
  TOOLING_GLOBS,
} from "./default-globs.js";
import type { ContributionKind, LeverageRule } from "./model.js";

export { validateRules } from "./validate.js";

const CHANGES: ContributionKind[] = ["commit", "pull-request"];

/**
 * The defaults, in evaluation order (for each type the first matching rule is the one shown).
 * Execution: commits and PRs that change more than docs/tests/CI/tooling/design files. Decision:
 * decision records and design documents. Coordination: incident responses, cross-team changes and
 * reviews, dependency upgrades across teams, migrations, changes touching 5 or more areas.
 * Capability: runbooks, docs, tests, CI, tooling, conventional docs/test/ci/build, pairing, every
 * review. Strategic: decision records that state their tradeoff in business terms, strategy labels.
 */
export const DEFAULT_LEVERAGE_RULES: LeverageRule[] = [
  {
    id: "execution.code",
    type: "execution",
    description:
      "Delivering code: a commit or pull request that changes more than docs, runbooks, tests, CI, tooling or design documents (or lists no files).",
    when: { kinds: [...CHANGES], unless: { paths: [...NON_EXECUTION_GLOBS], allPaths: true } },
  },
  {
    id: "decision.record",
    type: "decision",
    description: "A decision record.",
    when: { kinds: ["decision"] },
  },
  {
    id: "decision.design-doc",
    type: "decision",
    description: "A change to design documents, RFCs or decision records.",
    when: { kinds: [...CHANGES], paths: [...DESIGN_GLOBS] },
  },
  {
    id: "coordination.incident-response",
    type: "coordination",
    description: "Responding to an incident.",
    when: { kinds: ["incident-response"] },
  },
  {
    id: "coordination.dependency-upgrade",
    type: "coordination",
    description: "A change to dependency manifests or lock files that reaches other teams' areas.",
    when: { kinds: [...CHANGES], paths: [...MANIFEST_GLOBS], crossTeam: true },
  },
  {
    id: "coordination.cross-team",
    type: "coordination",
    description: "A change or review that crosses a team boundary.",
    when: { kinds: ["commit", "pull-request", "review"], crossTeam: true },
  },
  {
    id: "coordination.migration-path",
    type: "coordination",
    description: "A change to migrations (a file or folder named *migrat*).",
    when: { kinds: [...CHANGES], paths: [...MIGRATION_GLOBS] },
  },
  {
    id: "coordination.migration-title",
    type: "coordination",
    description: "A change whose title speaks of a migration.",
    when: { kinds: [...CHANGES], titleMatches: "\\bmigrat" },
  },
  {
    id: "coordination.many-areas",
    type: "coordination",
    description: "A change that touches 5 or more areas.",
    when: { kinds: [...CHANGES], minAreas: 5 },
  },
  capabilityPaths("capability.runbooks", "A change to runbooks or playbooks.", RUNBOOK_GLOBS),
  capabilityPaths("capability.docs", "A change to documentation.", DOCS_GLOBS),
  capabilityPaths("capability.tests", "A change to tests.", TEST_GLOBS),
  capabilityPaths("capability.ci", "A change to continuous integration.", CI_GLOBS),
  capabilityPaths("capability.tooling", "A change to developer tooling or scripts.", TOOLING_GLOBS),
  {
    id: "capability.conventional",
    type: "capability",
    description: "A docs, test, ci or build change by its conventional-commit type.",
    when: { kinds: [...CHANGES], conventionalTypes: ["docs", "test", "ci", "build"] },
  },
  {
    id: "capability.pairing",
    type: "capability",
    description: "Pairing: a change with co-authors.",
    when: { kinds: [...CHANGES], coAuthored: true },
  },
  {
    id: "capability.review",
    type: "capability",
    description: "Reviewing someone else's change.",
    when: { kinds: ["review"] },
  },
  {
    id: "capability.help",
    type: "capability",
    description:
      "Mentoring or help a commit credits to you (Mentored-by, Helped-by, Suggested-by trailers).",
    when: { kinds: ["help"] },
  },
  {
    id: "strategic.tradeoff",
    type: "strategic",
    description: "A decision record that states its tradeoff in business terms.",
    when: { kinds: ["decision"], statesTradeoff: true },
  },
  {
    id: "strategic.label",
    type: "strategic",
    description: "Work labelled as strategy, OKR or roadmap.",
    when: { labels: ["strategy", "strategic", "okr", "okrs", "roadmap"] },
  },
];

function capabilityPaths(id: string, description: string, globs: readonly string[]): LeverageRule {
  return { id, type: "capability", description, when: { kinds: [...CHANGES], paths: [...globs] } };
}

/**
 * Applies configuration to a rule list: a rule whose id is already there replaces it in place (same
 * evaluation position); a new id is appended after the defaults; ids in `disable` are removed,
 * whether defaults or added. Neither input is modified.
 */
export function mergeRules(
  defaults: LeverageRule[],
  overrides: { rules?: LeverageRule[]; disable?: string[] },
): LeverageRule[] {
  const merged = [...defaults];
  for (const rule of overrides.rules ?? []) {
    const index = merged.findIndex((existing) => existing.id === rule.id);
    if (index < 0) merged.push(rule);
    else merged[index] = rule;
  }
  const disabled = new Set(overrides.disable ?? []);
  return merged.filter((rule) => !disabled.has(rule.id));
}
