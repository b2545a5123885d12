/** Public shapes of identity resolution (re-exported by `resolve.ts` and `index.ts`). */
import type { PersonId, RawIdentity } from "../model.js";
import type { MailmapEntry } from "./mailmap.js";

/**
 * How identities are merged after `.mailmap` and aliases: `email` joins identities with the same
 * email; `email-or-name` also joins those with the same name (transitively). Both ignore case and
 * never join on a generic value ("root", "you@example.com", …: see `normalize.ts`).
 * `avelino2016` is `email-or-name` as the reference implementation of Avelino et al. (ICPC 2016)
 * applies it: any non-empty email or name joins, generic or not. It is what
 * `--compat avelino2016` uses; config and `--identity` offer only the first two.
 */
export type IdentityRule = "email" | "email-or-name" | "avelino2016";

/** The identities seen in one repository, with that repository's `.mailmap`. */
export interface IdentitySource {
  /** Repository name; `personOf` is asked with the same string. Expected to be unique. */
  repo: string;
  mailmap: MailmapEntry[];
  identities: { identity: RawIdentity; commits: number; lastTime: number }[];
}

/** One person known under these emails and/or names (from config). `name` is how to show them. */
export interface AliasSpec {
  name: string;
  emails: string[];
  names: string[];
}

/**
 * Why a raw identity was folded into a person: `.mailmap` rewrote it into another identity of the
 * person; a configured alias lists it; it has the email of another identity of the person; its
 * GitHub no-reply address names the same GitHub login as another's (`12345+ada@…` and
 * `ada@users.noreply.github.com`), or its name is that login (`ada <ada@home.org>`; rule
 * email-or-name); it has the name of another identity of the person.
 */
export type MergeReason = "mailmap" | "alias" | "same-email" | "github-login" | "same-name";

/** A raw identity folded into a person, in one repository. */
export interface MergedIdentity {
  identity: RawIdentity;
  repo: string;
  reason: MergeReason;
}

/** One resolved developer. */
export interface Person {
  /** The lower-cased email with the most commits, or `name <email>` when no email can identify them. */
  id: PersonId;
  /** The configured alias name, else the most frequent name after `.mailmap`. */
  name: string;
  /** Every email seen (raw and after `.mailmap`), lower-cased; the id's email first, then sorted. */
  emails: string[];
  /** Every name seen (raw, after `.mailmap`, alias name); `name` first, then sorted. */
  names: string[];
  /** GitHub logins of its no-reply addresses (`12345+login@users.noreply.github.com`), lower case, sorted. */
  logins: string[];
  /** True when any of its identities matches a bot pattern (AI assistants included). */
  isBot: boolean;
  /** Sum of the commit counts of its identities. */
  commits: number;
  /** Latest `lastTime` of its identities. */
  lastTime: number;
  /**
   * Every raw identity folded in, with the reason it joined. Identities already written as the
   * person's own name (the alias name when one is configured, else the most frequent name) and
   * own email (the id's email), and left alone by `.mailmap`, are not listed. Sorted by repo,
   * name, email. The reason is what ties this identity to another of the person, strongest first:
   * `.mailmap` rewrote it into a form another identity has (a rewrite that ties nothing, such as a
   * change of case, is not the reason); it matches an alias; the same email; the same GitHub login;
   * the same name.
   */
  merged: MergedIdentity[];
}

/** The people found and the means to attribute commits to them. */
export interface IdentityResolution {
  /** Everyone, bots included, sorted by id. */
  people: Person[];
  /**
   * The person behind a raw identity in a repository. O(1) for identities given in the input;
   * others are resolved like the input (mailmap, aliases, rule) and get a deterministic id that
   * may have no entry in `people` when they match no one.
   */
  personOf(repo: string, raw: RawIdentity): PersonId;
  /** People whose id, any email or any name equals the query, ignoring case. Sorted by id. */
  find(query: string): Person[];
}
