/**
 * Validation of leverage rules read from configuration. Each error names the rule (index and id)
 * and the field, e.g. `rules[2] (capability.mentoring): when.kinds[1]: "merge" is not a contribution
 * kind (commit, pull-request, review, decision, incident-response)`. Invalid rules are left out.
 */
import picomatch from "picomatch";
import { LEVERAGE_TYPES, type LeverageType } from "../model.js";
import { CONTRIBUTION_KINDS, type LeverageRule, type RuleCondition } from "./model.js";

const RULE_FIELDS = ["id", "type", "description", "when"];

const LIST_FIELDS = ["kinds", "paths", "conventionalTypes", "labels"] as const;
const BOOLEAN_FIELDS = ["allPaths", "crossTeam", "coAuthored", "statesTradeoff"] as const;
const CONDITION_FIELDS: readonly string[] = [
  ...LIST_FIELDS,
  ...BOOLEAN_FIELDS,
  "titleMatches",
  "minAreas",
  "unless",
];

/** The valid rules, in order, and one message per problem found. */
export function validateRules(rules: unknown): { rules: LeverageRule[]; errors: string[] } {
  if (!Array.isArray(rules)) return { rules: [], errors: ["rules: expected a list of rules"] };
  const valid: LeverageRule[] = [];
  const errors: string[] = [];
  const firstIndexOfId = new Map<string, number>();
  rules.forEach((rule: unknown, index) => {
    const problems = ruleProblems(rule, index, firstIndexOfId);
    const label = ruleLabel(rule, index);
    errors.push(...problems.map((problem) => `${label}: ${problem}`));
    if (problems.length === 0) valid.push(rule as LeverageRule);
  });
  return { rules: valid, errors };
}

function ruleLabel(rule: unknown, index: number): string {
  const id = isRecord(rule) ? rule.id : undefined;
  return typeof id === "string" && id.trim() !== "" ? `rules[${index}] (${id})` : `rules[${index}]`;
}

function ruleProblems(rule: unknown, index: number, firstIndexOfId: Map<string, number>): string[] {
  if (!isRecord(rule)) return ["expected a rule object with id, type, description and when"];
  const problems = unknownKeys(rule, RULE_FIELDS, "", "field");
  const { id, type, description, when } = rule;
  if (typeof id !== "string" || id.trim() === "") {
    problems.push("id: expected a non-empty string");
  } else {
    const first = firstIndexOfId.get(id);
    if (first === undefined) firstIndexOfId.set(id, index);
    else problems.push(`id: "${id}" is already used by rules[${first}]`);
  }
  if (!LEVERAGE_TYPES.includes(type as LeverageType)) {
    problems.push(`type: ${show(type)} is not a leverage type (${LEVERAGE_TYPES.join(", ")})`);
  }
  if (typeof description !== "string") problems.push("description: expected a string");
  problems.push(...conditionProblems(when, "when"));
  return problems;
}

function conditionProblems(condition: unknown, where: string): string[] {
  if (!isRecord(condition)) return [`${where}: expected an object of conditions`];
  const problems = unknownKeys(condition, CONDITION_FIELDS, `${where}: `, "condition");
  for (const field of LIST_FIELDS) {
    if (condition[field] !== undefined) {
      problems.push(...listProblems(field, condition[field], `${where}.${field}`));
    }
  }
  for (const field of BOOLEAN_FIELDS) {
    const value = condition[field];
    if (value !== undefined && typeof value !== "boolean") {
      problems.push(`${where}.${field}: expected true or false, got ${show(value)}`);
    }
  }
  if (condition.allPaths === true && condition.paths === undefined) {
    problems.push(`${where}.allPaths: needs ${where}.paths`);
  }
  problems.push(...titleProblems(condition.titleMatches, `${where}.titleMatches`));
  const { minAreas } = condition;
  if (minAreas !== undefined && !(Number.isInteger(minAreas) && (minAreas as number) >= 1)) {
    problems.push(
      `${where}.minAreas: expected a whole number of at least 1, got ${show(minAreas)}`,
    );
  }
  if (condition.unless !== undefined) {
    problems.push(...conditionProblems(condition.unless, `${where}.unless`));
  }
  return problems;
}

function listProblems(field: keyof RuleCondition, value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    return [`${where}: expected a non-empty list, got ${show(value)}`];
  }
  const problems: string[] = [];
  value.forEach((entry: unknown, index) => {
    const at = `${where}[${index}]`;
    if (typeof entry !== "string" || entry.trim() === "") {
      problems.push(`${at}: expected a non-empty string, got ${show(entry)}`);
    } else if (field === "kinds" && !(CONTRIBUTION_KINDS as readonly string[]).includes(entry)) {
      problems.push(
        `${at}: "${entry}" is not a contribution kind (${CONTRIBUTION_KINDS.join(", ")})`,
      );
    } else if (field === "paths") {
      const problem = globProblem(entry);
      if (problem !== null) problems.push(`${at}: "${entry}" is not a valid glob: ${problem}`);
    }
  });
  return problems;
}

function globProblem(glob: string): string | null {
  try {
    picomatch.makeRe(glob, { dot: true });
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function titleProblems(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (typeof value !== "string" || value === "") {
    return [`${where}: expected a regular expression as a non-empty string, got ${show(value)}`];
  }
  try {
    new RegExp(value, "i");
    return [];
  } catch (error) {
    return [`${where}: not a valid regular expression: ${(error as Error).message}`];
  }
}

function unknownKeys(
  record: Record<string, unknown>,
  known: readonly string[],
  prefix: string,
  noun: string,
): string[] {
  return Object.keys(record)
    .filter((key) => !known.includes(key))
    .map((key) => `${prefix}unknown ${noun} "${key}" (known: ${known.join(", ")})`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  return JSON.stringify(value) ?? String(value);
}
