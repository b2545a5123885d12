/**
 * Steps 2 and 3 of resolution: configured aliases, then the merge rule, over identity nodes
 * (identities already mapped through `.mailmap`).
 */
import { emailKey, githubLoginOfEmail, isLoginLike, mergeableKeys, nameKey } from "./normalize.js";
import type { IdentityNode } from "./occurrences.js";
import type { AliasSpec, IdentityRule } from "./types.js";
import { UnionFind } from "./union-find.js";

/** The comparison keys an alias matches; empty entries are dropped. */
export interface AliasKeys {
  emails: Set<string>;
  names: Set<string>;
}

/** Lower-cases and trims the emails and names of each alias. */
export function aliasKeys(aliases: readonly AliasSpec[]): AliasKeys[] {
  return aliases.map((alias) => ({
    emails: new Set(alias.emails.map(emailKey).filter((key) => key !== "")),
    names: new Set(alias.names.map(nameKey).filter((key) => key !== "")),
  }));
}

/**
 * Indexes of the aliases each node matches (its email or its name is listed). Aliases are
 * explicit, so even generic values ("root") match when the user lists them.
 */
export function matchAliases(
  nodes: readonly IdentityNode[],
  aliases: readonly AliasKeys[],
): number[][] {
  return nodes.map((node) =>
    aliases.flatMap((alias, index) =>
      alias.emails.has(node.emailKey) || alias.names.has(node.nameKey) ? [index] : [],
    ),
  );
}

/** Joins all nodes that share a key; nodes whose key is undefined are left alone. */
function joinOnSharedKey(
  sets: UnionFind,
  nodes: readonly IdentityNode[],
  keyOf: (node: IdentityNode) => string | undefined,
): void {
  const firstWithKey = new Map<string, number>();
  nodes.forEach((node, index) => {
    const key = keyOf(node);
    if (key === undefined) return;
    const first = firstWithKey.get(key);
    if (first === undefined) firstWithKey.set(key, index);
    else sets.union(first, index);
  });
}

/**
 * The group of every node, as the smallest node index of its group: nodes matching the same alias
 * are joined, then nodes sharing a mergeable email, then nodes whose GitHub no-reply addresses name
 * the same login (not under `avelino2016`), then (rule `email-or-name`) nodes named by such a login,
 * then (rules `email-or-name` and `avelino2016`) nodes
 * sharing a mergeable name (a bot only with bots). Joins are transitive.
 */
export function groupNodes(
  nodes: readonly IdentityNode[],
  aliasesOfNode: readonly number[][],
  rule: IdentityRule,
): number[] {
  const sets = new UnionFind(nodes.length);
  const firstNodeOfAlias = new Map<number, number>();
  aliasesOfNode.forEach((aliases, node) => {
    for (const alias of aliases) {
      const first = firstNodeOfAlias.get(alias);
      if (first === undefined) firstNodeOfAlias.set(alias, node);
      else sets.union(first, node);
    }
  });
  const mergeable = mergeableKeys(rule);
  joinOnSharedKey(sets, nodes, (node) =>
    mergeable.email(node.emailKey) ? node.emailKey : undefined,
  );
  // Two no-reply addresses of one GitHub account (with and without the numeric id) are one
  // person. The 2016 reference implementation had no such rule.
  if (rule !== "avelino2016") {
    joinOnSharedKey(sets, nodes, (node) => githubLoginOfEmail(node.emailKey) ?? undefined);
  }
  const mergeableName = mergeable.name;
  if (mergeableName && rule !== "avelino2016") {
    // A name that is a no-reply address's login (commits as "davidism <d@home.org>" beside
    // "David <1242887+davidism@users.noreply.github.com>") is that GitHub account: one person.
    const byLogin = new Map<string, number>();
    nodes.forEach((node, index) => {
      const login = githubLoginOfEmail(node.emailKey);
      if (login !== null && !byLogin.has(login)) byLogin.set(login, index);
    });
    nodes.forEach((node, index) => {
      if (node.bot || !isLoginLike(node.nameKey) || !mergeableName(node.nameKey)) return;
      const other = byLogin.get(node.nameKey);
      if (other !== undefined) sets.union(other, index);
    });
  }
  if (mergeableName) {
    // A bot or an AI assistant never joins a person by name ("Claude <noreply@anthropic.com>" is
    // not Claude the colleague); bots still join bots. The 2016 reference knew no such accounts.
    const side = (node: IdentityNode) => (rule !== "avelino2016" && node.bot ? "bot\u0000" : "");
    joinOnSharedKey(sets, nodes, (node) =>
      mergeableName(node.nameKey) ? `${side(node)}${node.nameKey}` : undefined,
    );
  }
  return nodes.map((_, node) => sets.find(node));
}
