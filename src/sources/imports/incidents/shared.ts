import type { Account, DeliverySource } from "../../../core/delivery/model.js";
import { account, RecordError } from "../fields.js";
import { CLOCK_SKEW_SECONDS } from "../plausible.js";

/** The stable key of an incident row: `<source>:<id>`. */
export function incidentKey(source: DeliverySource, id: string): string {
  return `${source}:${id}`;
}

/**
 * A responder as written in a list: `Ada Lovelace <ada@example.com>`, an email alone (login and
 * email both the address), or a login or display name.
 */
export function parseResponder(text: string): Account | null {
  const trimmed = text.trim();
  const named = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(trimmed);
  if (named) return account(named[1] || named[2] || null, named[2] ?? null);
  if (/^[^\s@]+@[^\s@]+$/.test(trimmed)) return account(trimmed, trimmed);
  return account(trimmed);
}

/** Responders in first-seen order, each login once (case-insensitive); an email fills a gap. */
export function uniqueResponders(accounts: (Account | null)[]): Account[] {
  const byLogin = new Map<string, Account>();
  for (const candidate of accounts) {
    if (candidate === null) continue;
    const key = candidate.login.toLowerCase();
    const known = byLogin.get(key);
    if (known === undefined) byLogin.set(key, { ...candidate });
    else if (known.email === null && candidate.email !== null) known.email = candidate.email;
  }
  return [...byLogin.values()];
}

/**
 * Rejects an incident resolved before it was created by more than the clock skew plausible.ts
 * tolerates (it clamps a smaller gap, with a warning).
 */
export function checkResolved(
  createdAt: number,
  resolvedAt: number | null,
  names: [string, string],
): void {
  if (resolvedAt !== null && createdAt - resolvedAt > CLOCK_SKEW_SECONDS) {
    throw new RecordError(`${names[1]} is before ${names[0]}`);
  }
}
