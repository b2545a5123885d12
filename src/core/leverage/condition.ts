/**
 * Rule conditions compiled into tests. Each field becomes a check that says whether it holds and
 * states the fact either way: the facts that hold make a classification's `because`; the first fact
 * that fails explains why an `unless` condition did not apply.
 */
import {
  globList,
  kindNoun,
  nameList,
  otherTeams,
  ownTeamText,
  pathVerb,
  sentence,
  teamsText,
} from "./facts.js";
import { type GlobSet, globSet } from "./globs.js";
import type { Contribution, RuleCondition } from "./model.js";

/** The outcome of testing a condition on one contribution. */
export type ConditionOutcome =
  | { matched: true; because: string }
  | { matched: false; failing: string };

/** A condition ready to test contributions. */
export type CompiledCondition = (contribution: Contribution) => ConditionOutcome;

interface Check {
  /** The kinds check: named in the reason only when nothing else was matched. */
  isKind: boolean;
  /** Where its fact goes in the reason (paths first); checks run cheapest first. */
  rank: number;
  run(contribution: Contribution): { ok: boolean; fact: string };
}

/**
 * Compiles a condition. `where` names it in errors (e.g. `rule capability.docs: when`); a
 * `titleMatches` that is not a valid regular expression throws.
 */
export function compileCondition(condition: RuleCondition, where: string): CompiledCondition {
  const checks = conditionChecks(condition, where);
  return (contribution) => {
    const facts: { rank: number; fact: string }[] = [];
    let kindFact: string | null = null;
    for (const check of checks) {
      const { ok, fact } = check.run(contribution);
      if (!ok) return { matched: false, failing: fact };
      if (check.isKind) kindFact = fact;
      else facts.push({ rank: check.rank, fact });
    }
    facts.sort((a, b) => a.rank - b.rank);
    return {
      matched: true,
      because: sentence(
        kindFact,
        facts.map(({ fact }) => fact),
      ),
    };
  };
}

/** Display order of facts in a reason. */
const RANK = {
  paths: 0,
  titleMatches: 1,
  conventionalTypes: 2,
  labels: 3,
  minAreas: 4,
  crossTeam: 5,
  coAuthored: 6,
  statesTradeoff: 7,
  unless: 8,
} as const;

function conditionChecks(condition: RuleCondition, where: string): Check[] {
  const checks: Check[] = [];
  const add = (field: keyof typeof RANK, run: Run) =>
    checks.push({ isKind: false, rank: RANK[field], run });
  const { kinds, conventionalTypes, labels, statesTradeoff, coAuthored, crossTeam } = condition;
  if (kinds !== undefined) checks.push({ isKind: true, rank: -1, run: kindsCheck(kinds) });
  if (conventionalTypes !== undefined)
    add("conventionalTypes", conventionalCheck(conventionalTypes));
  if (labels !== undefined) add("labels", labelsCheck(labels));
  if (statesTradeoff !== undefined) add("statesTradeoff", tradeoffCheck(statesTradeoff));
  if (coAuthored !== undefined) add("coAuthored", coAuthoredCheck(coAuthored));
  if (crossTeam !== undefined) add("crossTeam", crossTeamCheck(crossTeam));
  if (condition.minAreas !== undefined) add("minAreas", minAreasCheck(condition.minAreas));
  if (condition.titleMatches !== undefined) {
    add("titleMatches", titleCheck(condition.titleMatches, `${where}.titleMatches`));
  }
  if (condition.paths !== undefined) {
    const globs = globSet(condition.paths);
    add("paths", condition.allPaths === true ? allPathsCheck(globs) : anyPathCheck(globs));
  }
  if (condition.unless !== undefined) {
    add("unless", unlessCheck(compileCondition(condition.unless, `${where}.unless`)));
  }
  return checks;
}

type Run = Check["run"];

function kindsCheck(kinds: readonly string[]): Run {
  return (c) => ({ ok: kinds.includes(c.kind), fact: `is ${kindNoun(c.kind)}` });
}

function conventionalCheck(types: readonly string[]): Run {
  const wanted = new Set(types.map((type) => type.toLowerCase()));
  return (c) => {
    const type = c.conventionalType;
    if (type === null) return { ok: false, fact: "has no conventional type" };
    return { ok: wanted.has(type.toLowerCase()), fact: `conventional type "${type}"` };
  };
}

function labelsCheck(labels: readonly string[]): Run {
  const wanted = new Set(labels.map((label) => label.toLowerCase()));
  return (c) => {
    const label = c.labels.find((candidate) => wanted.has(candidate.toLowerCase()));
    if (label !== undefined) return { ok: true, fact: `label "${label}"` };
    return { ok: false, fact: `has none of the labels ${nameList(labels)}` };
  };
}

function tradeoffCheck(expected: boolean): Run {
  return (c) => ({
    ok: c.statesTradeoff === expected,
    fact: c.statesTradeoff
      ? "states its tradeoff in business terms"
      : "states no tradeoff in business terms",
  });
}

function coAuthoredCheck(expected: boolean): Run {
  return (c) => {
    const has = c.coAuthors.length > 0;
    const fact = has ? `co-authored with ${nameList(c.coAuthors)}` : "not co-authored";
    return { ok: has === expected, fact };
  };
}

function crossTeamCheck(expected: boolean): Run {
  return (c) => {
    const others = otherTeams(c);
    const cross = others.length > 0;
    const fact = cross
      ? `reaches ${teamsText(others)} beyond ${ownTeamText(c)}`
      : c.ownTeam === null
        ? "has no known team"
        : `stays within ${ownTeamText(c)}`;
    return { ok: cross === expected, fact };
  };
}

function minAreasCheck(minimum: number): Run {
  return (c) => {
    const count = new Set(c.areas).size;
    const noun = count === 1 ? "area" : "areas";
    return count >= minimum
      ? { ok: true, fact: `touches ${count} ${noun} (at least ${minimum})` }
      : { ok: false, fact: `touches ${count} ${noun} (fewer than ${minimum})` };
  };
}

function titleCheck(source: string, where: string): Run {
  let pattern: RegExp;
  try {
    pattern = new RegExp(source, "i");
  } catch (error) {
    throw new Error(`${where}: not a valid regular expression: ${(error as Error).message}`);
  }
  return (c) => {
    const ok = pattern.test(c.title);
    const verb = ok ? "matches" : "does not match";
    return { ok, fact: `title "${c.title}" ${verb} /${source}/i` };
  };
}

function anyPathCheck(globs: GlobSet): Run {
  return (c) => {
    const path = c.paths.find((candidate) => globs.test(candidate));
    if (path !== undefined) {
      return { ok: true, fact: `${pathVerb(c.kind)} ${path} (path ${globs.which(path)})` };
    }
    if (c.paths.length === 0) return { ok: false, fact: "lists no files" };
    const what = c.paths.length === 1 ? c.paths[0] : `${c.paths.length} files`;
    return {
      ok: false,
      fact: `${pathVerb(c.kind)} ${what}, none matching ${globList(globs.globs)}`,
    };
  };
}

function allPathsCheck(globs: GlobSet): Run {
  return (c) => {
    const first = c.paths[0];
    if (first === undefined) return { ok: false, fact: "lists no files" };
    const outlier = c.paths.find((candidate) => !globs.test(candidate));
    if (outlier !== undefined) {
      return {
        ok: false,
        fact: `${pathVerb(c.kind)} ${outlier}, outside ${globList(globs.globs)}`,
      };
    }
    const matched = `${first} (path ${globs.which(first)})`;
    const fact =
      c.paths.length === 1
        ? `${pathVerb(c.kind)} only ${matched}`
        : `${pathVerb(c.kind)} only matching files (${c.paths.length}), e.g. ${matched}`;
    return { ok: true, fact };
  };
}

function unlessCheck(inner: CompiledCondition): Run {
  return (c) => {
    const outcome = inner(c);
    return outcome.matched
      ? { ok: false, fact: outcome.because }
      : { ok: true, fact: outcome.failing };
  };
}
