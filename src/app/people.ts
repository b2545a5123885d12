import { isoTime } from "../core/dates.js";
import type { MergedIdentity } from "../core/identity/index.js";
import type { Workspace } from "./workspace.js";

export interface PersonReport {
  id: string;
  name: string;
  emails: string[];
  names: string[];
  /** GitHub logins of the person's no-reply addresses: how pull request data names them. */
  logins: string[];
  /** A bot or an AI assistant (`bots.assistants`): listed, never counted as a person. */
  bot: boolean;
  commits: number;
  lastCommit: string | null;
  /** Active as of the analysed date (a commit within activeDays). */
  active: boolean;
  /** Identities folded into this person and why: mailmap, alias, same-email, github-login or same-name. */
  merged: MergedIdentity[];
}

/** `legible people --json`, version 1. People are listed by id: this is a directory, not a ranking. */
export interface PeopleReport {
  version: 1;
  rule: string;
  people: PersonReport[];
}

export function peopleReport(
  workspace: Workspace,
  options: { rule: string; activeDays: number },
): PeopleReport {
  const since = workspace.asOf.time - options.activeDays * 86_400;
  return {
    version: 1,
    rule: options.rule,
    people: workspace.identities.people.map((person) => ({
      id: person.id,
      name: person.name,
      emails: person.emails,
      names: person.names,
      logins: person.logins,
      bot: person.isBot,
      commits: person.commits,
      lastCommit: person.lastTime > 0 ? isoTime(person.lastTime) : null,
      active: !person.isBot && (workspace.lastActive.get(person.id) ?? -Infinity) >= since,
      merged: person.merged,
    })),
  };
}
