/** Small builders for identity-resolution tests. */
import { compileBotPatterns, DEFAULT_BOT_PATTERNS } from "../../../src/core/identity/bots.js";
import { parseMailmap } from "../../../src/core/identity/mailmap.js";
import {
  type AliasSpec,
  type IdentityResolution,
  type IdentityRule,
  type IdentitySource,
  resolveIdentities,
} from "../../../src/core/identity/resolve.js";

/** `"Name <email>"` → raw identity. */
export function who(contact: string): { name: string; email: string } {
  const match = /^(.*?)\s*<(.*)>$/.exec(contact);
  if (!match) throw new Error(`bad contact: ${contact}`);
  return { name: match[1] ?? "", email: match[2] ?? "" };
}

/** One repository: `[contact, commits, lastTime?]` rows and an optional `.mailmap` text. */
export function repo(
  name: string,
  rows: [contact: string, commits: number, lastTime?: number][],
  mailmap = "",
): IdentitySource {
  return {
    repo: name,
    mailmap: parseMailmap(mailmap).entries,
    identities: rows.map(([contact, commits, lastTime]) => ({
      identity: who(contact),
      commits,
      lastTime: lastTime ?? 1_700_000_000,
    })),
  };
}

/** Resolves with default bot patterns; `rule` defaults to `email`. */
export function resolve(
  sources: IdentitySource[],
  options: { rule?: IdentityRule; aliases?: AliasSpec[]; botPatterns?: RegExp[] } = {},
): IdentityResolution {
  return resolveIdentities({
    sources,
    aliases: options.aliases ?? [],
    rule: options.rule ?? "email",
    botPatterns: options.botPatterns ?? compileBotPatterns(DEFAULT_BOT_PATTERNS),
  });
}

/** Who ended up together: person id → sorted `repo: Name <email>` of every input identity. */
export function membership(
  resolution: IdentityResolution,
  sources: IdentitySource[],
): Record<string, string[]> {
  const members: Record<string, string[]> = {};
  for (const source of sources) {
    for (const { identity } of source.identities) {
      const id = resolution.personOf(source.repo, identity);
      const list = members[id] ?? [];
      list.push(`${source.repo}: ${identity.name} <${identity.email}>`);
      members[id] = list;
    }
  }
  for (const list of Object.values(members)) list.sort();
  return members;
}
