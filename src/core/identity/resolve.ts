/**
 * Identity resolution (Avelino et al., ICPC 2016, and its reference implementation aserg-ufmg/Truck-Factor; docs/ARCHITECTURE.md, "Knowledge model"): who counts as one developer.
 *
 * Order: each identity is first mapped through its own repository's `.mailmap`; then any identity
 * whose (mapped) email or name is listed in a configured alias joins that alias's person; then the
 * rule joins identities with the same email (`email`) or the same email or name (`email-or-name`),
 * ignoring case, transitively. Generic values (empty, "root", "you@example.com", …) never join
 * people by the rule: see `normalize.ts`.
 */
import type { PersonId } from "../model.js";
import { type AliasKeys, aliasKeys, groupNodes, matchAliases } from "./grouping.js";
import { IdentityTable } from "./identity-table.js";
import { createLookup } from "./lookup.js";
import { collectIdentities, type Occurrence } from "./occurrences.js";
import { buildPerson, compareText } from "./person.js";
import type {
  AliasSpec,
  IdentityResolution,
  IdentityRule,
  IdentitySource,
  Person,
} from "./types.js";

export type {
  AliasSpec,
  IdentityResolution,
  IdentityRule,
  IdentitySource,
  MergedIdentity,
  MergeReason,
  Person,
} from "./types.js";

/** The occurrences of each group, keyed by the group's root node. */
function occurrencesByGroup(
  occurrences: readonly Occurrence[],
  groupOfNode: readonly number[],
): Map<number, Occurrence[]> {
  const groups = new Map<number, Occurrence[]>();
  for (const occurrence of occurrences) {
    const group = groupOfNode[occurrence.node]!;
    const members = groups.get(group);
    if (members) members.push(occurrence);
    else groups.set(group, [occurrence]);
  }
  return groups;
}

/** Alias indexes matched by the nodes of a group, ascending (config order). */
function aliasesOfGroup(
  occurrences: readonly Occurrence[],
  aliasesOfNode: readonly number[][],
): number[] {
  const found = new Set(occurrences.flatMap((occurrence) => aliasesOfNode[occurrence.node] ?? []));
  return [...found].sort((a, b) => a - b);
}

/**
 * Makes ids unique. Ids are unique by construction (an email, or `name <email>` which no git
 * email can equal); only hand-made identities whose email contains `<…>` could collide, and
 * those get ` #2`, ` #3`, … in id order of their groups.
 */
function uniqueIds(people: Person[]): void {
  const taken = new Set<string>();
  for (const person of people) {
    let id = person.id;
    for (let suffix = 2; taken.has(id); suffix++) id = `${person.id} #${suffix}`;
    taken.add(id);
    person.id = id;
  }
}

/** Resolves the raw identities of all sources into people. Pure and deterministic. */
export function resolveIdentities(input: {
  sources: IdentitySource[];
  aliases: AliasSpec[];
  rule: IdentityRule;
  botPatterns: RegExp[];
}): IdentityResolution {
  const { occurrences, nodes, mailmaps } = collectIdentities(input.sources, input.botPatterns);
  const aliases: AliasKeys[] = aliasKeys(input.aliases);
  const aliasesOfNode = matchAliases(nodes, aliases);
  const groupOfNode = groupNodes(nodes, aliasesOfNode, input.rule);

  const built = [...occurrencesByGroup(occurrences, groupOfNode)].map(([group, members]) => ({
    group,
    members,
    person: buildPerson(
      members,
      nodes,
      aliasesOfNode,
      input.aliases,
      aliasesOfGroup(members, aliasesOfNode),
      input.rule,
    ),
  }));
  built.sort((a, b) => compareText(a.person.id, b.person.id) || a.group - b.group);
  uniqueIds(built.map(({ person }) => person));
  built.sort((a, b) => compareText(a.person.id, b.person.id));

  const personOfGroup = new Map<number, PersonId>();
  const personOfOccurrence = new IdentityTable<PersonId>();
  const personOfAlias = new Map<number, PersonId>();
  for (const { group, members, person } of built) {
    personOfGroup.set(group, person.id);
    for (const occurrence of members) {
      personOfOccurrence.set(occurrence.repo, occurrence.raw, person.id);
      for (const alias of aliasesOfNode[occurrence.node] ?? []) personOfAlias.set(alias, person.id);
    }
  }
  const people = built.map(({ person }) => person);
  const lookup = createLookup({
    people,
    rule: input.rule,
    mailmaps,
    aliases,
    personOfAlias,
    personOfOccurrence,
    nodes: nodes.map((node, index) => ({ node, id: personOfGroup.get(groupOfNode[index]!)! })),
  });
  return { people, ...lookup };
}
