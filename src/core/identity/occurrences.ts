/**
 * Step 1 of resolution: every raw identity of every repository, mapped through that repository's
 * `.mailmap`, and the distinct mapped identities ("nodes") that later steps merge.
 */
import type { RawIdentity } from "../model.js";
import { isBot } from "./bots.js";
import { IdentityTable } from "./identity-table.js";
import { compileMailmap, type MailmapLookup } from "./mailmap.js";
import { emailKey, nameKey } from "./normalize.js";
import type { IdentitySource } from "./types.js";

/** A raw identity in one repository, with its totals and its form after `.mailmap`. */
export interface Occurrence {
  repo: string;
  raw: RawIdentity;
  mapped: RawIdentity;
  /** True when `.mailmap` changed the name or the email. */
  remapped: boolean;
  commits: number;
  lastTime: number;
  /** Index of the node of `mapped`. */
  node: number;
  bot: boolean;
}

/** A distinct identity after `.mailmap`, compared by name key and email key. */
export interface IdentityNode {
  nameKey: string;
  emailKey: string;
  /** True when an identity of this node is a bot (or an AI assistant): it joins others by name only if they are too. */
  bot?: boolean;
}

export interface CollectedIdentities {
  occurrences: Occurrence[];
  nodes: IdentityNode[];
  /** Node index by {@link nodeKey}. */
  nodeIndex: Map<string, number>;
  /** Compiled `.mailmap` of each repository. */
  mailmaps: Map<string, MailmapLookup>;
}

/** The lookup key of an identity node. */
export const nodeKey = (name: string, email: string): string =>
  `${nameKey(name)}\u0000${emailKey(email)}`;

/** Sources sharing a repository name are read as one: mailmap lines concatenated, identities added. */
function mergeSourcesByRepo(sources: readonly IdentitySource[]): Map<string, IdentitySource> {
  const byRepo = new Map<string, IdentitySource>();
  for (const source of sources) {
    const seen = byRepo.get(source.repo);
    byRepo.set(
      source.repo,
      seen
        ? {
            repo: source.repo,
            mailmap: [...seen.mailmap, ...source.mailmap],
            identities: [...seen.identities, ...source.identities],
          }
        : source,
    );
  }
  return byRepo;
}

const sameIdentity = (a: RawIdentity, b: RawIdentity): boolean =>
  a.name === b.name && a.email === b.email;

/** Maps every identity through its repository's `.mailmap` and indexes the resulting nodes. */
export function collectIdentities(
  sources: readonly IdentitySource[],
  botPatterns: readonly RegExp[],
): CollectedIdentities {
  const occurrences: Occurrence[] = [];
  const seenOccurrences = new IdentityTable<Occurrence>();
  const nodes: IdentityNode[] = [];
  const nodeIndex = new Map<string, number>();
  const mailmaps = new Map<string, MailmapLookup>();
  for (const source of mergeSourcesByRepo(sources).values()) {
    const lookup = compileMailmap(source.mailmap);
    mailmaps.set(source.repo, lookup);
    for (const { identity, commits, lastTime } of source.identities) {
      const seen = seenOccurrences.get(source.repo, identity);
      if (seen) {
        seen.commits += commits;
        seen.lastTime = Math.max(seen.lastTime, lastTime);
        continue;
      }
      const mapped = lookup(identity);
      const mappedKey = nodeKey(mapped.name, mapped.email);
      let node = nodeIndex.get(mappedKey);
      if (node === undefined) {
        node = nodes.length;
        nodes.push({ nameKey: nameKey(mapped.name), emailKey: emailKey(mapped.email) });
        nodeIndex.set(mappedKey, node);
      }
      const raw = { name: identity.name, email: identity.email };
      const remapped = !sameIdentity(raw, mapped);
      const bot = isBot(raw, botPatterns) || (remapped && isBot(mapped, botPatterns));
      if (bot) nodes[node]!.bot = true;
      const occurrence: Occurrence = {
        repo: source.repo,
        raw,
        mapped: { name: mapped.name, email: mapped.email },
        remapped,
        commits,
        lastTime,
        node,
        bot,
      };
      occurrences.push(occurrence);
      seenOccurrences.set(source.repo, raw, occurrence);
    }
  }
  return { occurrences, nodes, nodeIndex, mailmaps };
}
