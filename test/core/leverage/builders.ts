import {
  type Classification,
  type ClassifiedContribution,
  type Contribution,
  DEFAULT_LEVERAGE_RULES,
  type LeverageRule,
} from "../../../src/core/leverage/index.js";
import type { LeverageType } from "../../../src/core/model.js";

/** A code commit by ada in team core; override what a test is about. */
export function aContribution(overrides: Partial<Contribution> = {}): Contribution {
  return {
    id: "c1",
    kind: "commit",
    person: "ada",
    time: 1_000,
    repository: "acme/api",
    title: "feat: add users endpoint",
    paths: ["src/api/user.ts"],
    areas: ["src/api"],
    teamsReached: ["core"],
    ownTeam: "core",
    labels: [],
    conventionalType: "feat",
    coAuthors: [],
    statesTradeoff: false,
    link: "c1",
    ...overrides,
  };
}

/** A classified contribution with the given leverage types (rule `r.<type>`, because "why"). */
export function classified(
  overrides: Partial<Contribution>,
  types: LeverageType[],
): ClassifiedContribution {
  return {
    ...aContribution(overrides),
    leverage: types.map((type) => ({ type, rule: `r.${type}`, because: "why" })),
  };
}

/** The default rule with this id. */
export function defaultRule(id: string): LeverageRule {
  const rule = DEFAULT_LEVERAGE_RULES.find((candidate) => candidate.id === id);
  if (rule === undefined) throw new Error(`no default rule ${id}`);
  return rule;
}

/** A classification shorthand. */
export function cls(type: LeverageType, rule: string, because: string): Classification {
  return { type, rule, because };
}
