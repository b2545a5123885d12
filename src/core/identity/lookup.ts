/** `personOf` and `find` over resolved people, built once so per-commit calls stay O(1). */
import type { PersonId, RawIdentity } from "../model.js";
import type { AliasKeys } from "./grouping.js";
import { IdentityTable } from "./identity-table.js";
import type { MailmapLookup } from "./mailmap.js";
import { emailKey, githubLoginOfEmail, mergeableKeys, nameKey } from "./normalize.js";
import { type IdentityNode, nodeKey } from "./occurrences.js";
import { identityId } from "./person.js";
import type { IdentityResolution, IdentityRule, Person } from "./types.js";

/** What {@link createLookup} needs to know about the resolved input. */
export interface LookupInput {
  people: readonly Person[];
  rule: IdentityRule;
  mailmaps: ReadonlyMap<string, MailmapLookup>;
  aliases: readonly AliasKeys[];
  /** Person id of every configured alias that matched someone, by alias index. */
  personOfAlias: ReadonlyMap<number, PersonId>;
  /** Person id of every input identity, by repository and raw identity. */
  personOfOccurrence: IdentityTable<PersonId>;
  /** Every identity node with the person it belongs to. */
  nodes: readonly { node: IdentityNode; id: PersonId }[];
}

/** Adds `key → id` unless `key` is already taken (the first writer wins, like config order). */
const claim = (index: Map<string, PersonId>, key: string, id: PersonId): void => {
  if (!index.has(key)) index.set(key, id);
};

/** Indexes alias emails/names, mergeable emails and (when the rule joins names) mergeable names. */
function buildFallbackIndexes(input: LookupInput) {
  const mergeable = mergeableKeys(input.rule);
  const byAliasEmail = new Map<string, PersonId>();
  const byAliasName = new Map<string, PersonId>();
  input.aliases.forEach((alias, index) => {
    const id = input.personOfAlias.get(index);
    if (id === undefined) return;
    for (const email of alias.emails) claim(byAliasEmail, email, id);
    for (const name of alias.names) claim(byAliasName, name, id);
  });
  const byNode = new Map<string, PersonId>();
  const byEmail = new Map<string, PersonId>();
  const byName = new Map<string, PersonId>();
  const byLogin = new Map<string, PersonId>();
  for (const { node, id } of input.nodes) {
    claim(byNode, nodeKey(node.nameKey, node.emailKey), id);
    if (mergeable.email(node.emailKey)) claim(byEmail, node.emailKey, id);
    if (mergeable.name?.(node.nameKey)) claim(byName, node.nameKey, id);
    const login = input.rule === "avelino2016" ? null : githubLoginOfEmail(node.emailKey);
    if (login !== null) claim(byLogin, login, id);
  }
  return { byAliasEmail, byAliasName, byNode, byEmail, byName, byLogin };
}

/** Builds `personOf` (exact hit, else resolved and cached) and `find`. */
export function createLookup(input: LookupInput): Pick<IdentityResolution, "personOf" | "find"> {
  const indexes = buildFallbackIndexes(input);
  const resolvedLater = new IdentityTable<PersonId>();
  const mergeable = mergeableKeys(input.rule);

  const resolveUnseen = (repo: string, raw: RawIdentity): PersonId => {
    const mapped = input.mailmaps.get(repo)?.(raw) ?? raw;
    const email = emailKey(mapped.email);
    const name = nameKey(mapped.name);
    // A GitHub account as pull request data names it (a login, no email), or a no-reply address:
    // the person whose commits carry that login's no-reply address.
    const login = email === "" ? name : githubLoginOfEmail(email);
    return (
      indexes.byAliasEmail.get(email) ??
      indexes.byAliasName.get(name) ??
      indexes.byNode.get(nodeKey(mapped.name, mapped.email)) ??
      (mergeable.email(email) ? indexes.byEmail.get(email) : undefined) ??
      (login !== null && login !== "" ? indexes.byLogin.get(login) : undefined) ??
      (mergeable.name?.(name) ? indexes.byName.get(name) : undefined) ??
      identityId({ nameKey: name, emailKey: email })
    );
  };

  const personOf = (repo: string, raw: RawIdentity): PersonId => {
    let id = input.personOfOccurrence.get(repo, raw) ?? resolvedLater.get(repo, raw);
    if (id === undefined) {
      id = resolveUnseen(repo, raw);
      resolvedLater.set(repo, raw, id);
    }
    return id;
  };

  // Indexed on the first query: most analyses never ask one (whatif's --leave and people do).
  let byQuery: Map<string, Person[]> | null = null;
  const indexQueries = (): Map<string, Person[]> => {
    const index = new Map<string, Person[]>();
    for (const person of input.people) {
      const keys = new Set(
        [person.id, ...person.emails, ...person.names, ...person.logins].map(nameKey),
      );
      for (const key of keys) {
        const found = index.get(key);
        if (found) found.push(person);
        else index.set(key, [person]);
      }
    }
    return index;
  };
  const find = (query: string): Person[] => {
    byQuery ??= indexQueries();
    return [...(byQuery.get(nameKey(query)) ?? [])];
  };

  return { personOf, find };
}
