/** Step 4 of resolution: one {@link Person} from a group of identity occurrences. */
import {
  emailKey,
  githubLoginOfEmail,
  isLoginLike,
  isMergeableEmail,
  mergeableKeys,
  nameKey,
} from "./normalize.js";
import type { IdentityNode, Occurrence } from "./occurrences.js";
import type { AliasSpec, IdentityRule, MergedIdentity, MergeReason, Person } from "./types.js";

/** Compares strings by UTF-16 code units, independent of locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The id of a lone identity: its email key when that email can identify a person, otherwise
 * `name <email>` (keys), which cannot collide with an email and is unique per identity node.
 */
export function identityId(node: IdentityNode): string {
  if (isMergeableEmail(node.emailKey)) return node.emailKey;
  return node.nameKey === "" ? `<${node.emailKey}>` : `${node.nameKey} <${node.emailKey}>`;
}

/** The key with the highest count; ties go to the smallest key. Undefined when empty. */
function mostCommon(counts: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = Number.NEGATIVE_INFINITY;
  for (const [key, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== undefined && key < best)) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

const addCount = (counts: Map<string, number>, key: string, count: number): void => {
  counts.set(key, (counts.get(key) ?? 0) + count);
};

/**
 * The person's id and own email: the mergeable email with the most commits, or, when the group
 * has none, the `name <email>` id of its busiest identity.
 */
function choosePrimary(
  occurrences: readonly Occurrence[],
  nodes: readonly IdentityNode[],
): { id: string; email: string } {
  const commitsByEmail = new Map<string, number>();
  const commitsById = new Map<string, number>();
  const emailOfId = new Map<string, string>();
  for (const occurrence of occurrences) {
    const node = nodes[occurrence.node]!;
    if (isMergeableEmail(node.emailKey)) {
      addCount(commitsByEmail, node.emailKey, occurrence.commits);
    } else {
      const id = identityId(node);
      addCount(commitsById, id, occurrence.commits);
      emailOfId.set(id, node.emailKey);
    }
  }
  const email = mostCommon(commitsByEmail);
  if (email !== undefined) return { id: email, email };
  const id = mostCommon(commitsById) ?? "";
  return { id, email: emailOfId.get(id) ?? "" };
}

/** The most frequent non-blank name after `.mailmap` (by commits), or "" when all are blank. */
function mostFrequentName(occurrences: readonly Occurrence[]): string {
  const commitsByName = new Map<string, number>();
  for (const { mapped, commits } of occurrences) {
    if (mapped.name.trim() !== "") addCount(commitsByName, mapped.name, commits);
  }
  return mostCommon(commitsByName) ?? "";
}

/** How many occurrences of the group carry each key (mapped email, mapped name, node, login). */
interface GroupKeys {
  emails: Map<string, number>;
  names: Map<string, number>;
  nodes: Map<number, number>;
  logins: Map<string, number>;
}

function groupKeys(occurrences: readonly Occurrence[], nodes: readonly IdentityNode[]): GroupKeys {
  const keys: GroupKeys = {
    emails: new Map(),
    names: new Map(),
    nodes: new Map(),
    logins: new Map(),
  };
  for (const occurrence of occurrences) {
    const node = nodes[occurrence.node]!;
    addCount(keys.emails, node.emailKey, 1);
    addCount(keys.names, node.nameKey, 1);
    keys.nodes.set(occurrence.node, (keys.nodes.get(occurrence.node) ?? 0) + 1);
    const login = githubLoginOfEmail(node.emailKey);
    if (login !== null) addCount(keys.logins, login, 1);
  }
  return keys;
}

/**
 * Why an occurrence belongs to the group: what ties it to another identity of the person, strongest
 * evidence first. `.mailmap` is the reason only when its rewrite is what ties: the rewritten email
 * or name (one that differs from the raw one beyond case) is another identity's, or the rewrite
 * made it identical to another identity. A lone rewritten identity (nothing else to tie to) is
 * there by `.mailmap` too.
 */
function mergeReason(
  occurrence: Occurrence,
  node: IdentityNode,
  hasAlias: boolean,
  keys: GroupKeys,
  rule: IdentityRule,
  groupSize: number,
): MergeReason {
  const mergeable = mergeableKeys(rule);
  const others = <K>(counts: Map<K, number>, key: K) => (counts.get(key) ?? 0) > 1;
  const sharesNode = others(keys.nodes, occurrence.node);
  const sharesEmail = mergeable.email(node.emailKey) && others(keys.emails, node.emailKey);
  const sharesName = mergeable.name?.(node.nameKey) === true && others(keys.names, node.nameKey);
  const login = rule === "avelino2016" ? null : githubLoginOfEmail(node.emailKey);
  // Names join logins only where names join at all (rule email-or-name).
  const namesJoinLogins = mergeable.name !== null && rule !== "avelino2016";
  const sharesLogin =
    (login !== null &&
      (others(keys.logins, login) || (namesJoinLogins && keys.names.has(login)))) ||
    (namesJoinLogins && isLoginLike(node.nameKey) && keys.logins.has(node.nameKey));
  if (occurrence.remapped) {
    const emailChanged = emailKey(occurrence.raw.email) !== node.emailKey;
    const nameChanged = nameKey(occurrence.raw.name) !== node.nameKey;
    const tiedByRewrite =
      (sharesNode && (emailChanged || nameChanged)) ||
      (emailChanged && (sharesEmail || sharesLogin)) ||
      (nameChanged && sharesName);
    if (tiedByRewrite || groupSize === 1) return "mailmap";
  }
  if (hasAlias) return "alias";
  if (sharesEmail || sharesNode) return "same-email";
  if (sharesLogin) return "github-login";
  if (sharesName) return "same-name";
  // Tied to the rest only through a rewrite that changed nothing but case or spacing.
  return occurrence.remapped ? "mailmap" : "same-name";
}

function listMerged(
  occurrences: readonly Occurrence[],
  nodes: readonly IdentityNode[],
  aliasesOfNode: readonly number[][],
  own: { name: string; email: string },
  rule: IdentityRule,
): MergedIdentity[] {
  const keys = groupKeys(occurrences, nodes);
  const merged: MergedIdentity[] = [];
  for (const occurrence of occurrences) {
    const { raw } = occurrence;
    const isOwnForm =
      !occurrence.remapped &&
      raw.name.trim() === own.name.trim() &&
      emailKey(raw.email) === own.email;
    if (isOwnForm) continue;
    const node = nodes[occurrence.node]!;
    const reason = mergeReason(
      occurrence,
      node,
      (aliasesOfNode[occurrence.node]?.length ?? 0) > 0,
      keys,
      rule,
      occurrences.length,
    );
    merged.push({ identity: { ...raw }, repo: occurrence.repo, reason });
  }
  return merged.sort(
    (a, b) =>
      compareText(a.repo, b.repo) ||
      compareText(a.identity.name, b.identity.name) ||
      compareText(a.identity.email, b.identity.email),
  );
}

/** `first` (when present), then the rest of `values` sorted and without duplicates. */
function firstThenSorted(first: string, values: Iterable<string>): string[] {
  const rest = [...new Set(values)].filter((value) => value !== first).sort(compareText);
  return first === "" ? rest : [first, ...rest];
}

/**
 * Builds the person of one group. `aliasIndexes` are the configured aliases matched by the
 * group, in config order; the first one's name, when not blank, is the person's name.
 */
export function buildPerson(
  occurrences: readonly Occurrence[],
  nodes: readonly IdentityNode[],
  aliasesOfNode: readonly number[][],
  aliases: readonly AliasSpec[],
  aliasIndexes: readonly number[],
  rule: IdentityRule = "email-or-name",
): Person {
  const primary = choosePrimary(occurrences, nodes);
  const ownName = mostFrequentName(occurrences);
  const aliasName = aliasIndexes
    .map((index) => aliases[index]?.name.trim() ?? "")
    .find((name) => name !== "");
  const name = aliasName ?? (ownName === "" ? primary.id : ownName);
  const emails = occurrences
    .flatMap(({ raw, mapped }) => [emailKey(raw.email), emailKey(mapped.email)])
    .filter((email) => email !== "");
  const names = occurrences
    .flatMap(({ raw, mapped }) => [raw.name.trim(), mapped.name.trim()])
    .concat(aliasName ?? [])
    .filter((candidate) => candidate !== "");
  return {
    id: primary.id,
    name,
    emails: firstThenSorted(primary.email, emails),
    names: firstThenSorted(aliasName ?? ownName, names),
    logins: [
      ...new Set(
        occurrences.flatMap(({ raw, mapped }) =>
          [
            githubLoginOfEmail(emailKey(raw.email)),
            githubLoginOfEmail(emailKey(mapped.email)),
          ].filter((login): login is string => login !== null),
        ),
      ),
    ].sort(compareText),
    isBot: occurrences.some((occurrence) => occurrence.bot),
    commits: occurrences.reduce((sum, occurrence) => sum + occurrence.commits, 0),
    lastTime: occurrences.reduce(
      (latest, occurrence) => Math.max(latest, occurrence.lastTime),
      occurrences[0]?.lastTime ?? 0,
    ),
    merged: listMerged(
      occurrences,
      nodes,
      aliasesOfNode,
      { name: aliasName ?? ownName, email: primary.email },
      rule,
    ),
  };
}
