import picomatch from "picomatch";
import type { Config } from "../config/schema.js";
import { compileBotPatterns, DEFAULT_BOT_PATTERNS } from "../core/identity/bots.js";
import type { Person } from "../core/identity/index.js";
import type { PersonId } from "../core/model.js";

/** The bot patterns in force: the defaults (unless turned off) and those in config. */
export function configuredBotPatterns(config: Config): RegExp[] {
  return compileBotPatterns([
    ...(config.bots.defaults ? DEFAULT_BOT_PATTERNS : []),
    ...config.bots.patterns,
  ]);
}

/** The area a file belongs to: its directory down to `depth` levels, or "." for a root file. */
export function areaOfPath(path: string, depth: number): string {
  const dirs = path.split("/").slice(0, -1);
  return dirs.length === 0 ? "." : dirs.slice(0, depth).join("/");
}

/** The team roster of legible.yaml as lookups: whose team a person is on, which team owns what. */
export interface Roster {
  /** A person's team: matched on their id, any email or any name (case-insensitive). */
  teamOf(person: PersonId): string | null;
  /** The team whose `areas` globs cover an area (a directory) or a file. */
  teamOfArea(area: string): string | null;
  /** Every team owning any of these files, sorted. */
  teamsOwning(paths: string[]): string[];
}

export function roster(config: Config, people: ReadonlyMap<PersonId, Person>): Roster {
  const teams = Object.entries(config.teams);
  const members = teams.map(([team, spec]) => ({
    team,
    members: new Set(spec.members.map((m) => m.toLowerCase())),
  }));
  const owners = teams
    .filter(([, spec]) => spec.areas.length > 0)
    .map(([team, spec]) => ({ team, matches: picomatch(spec.areas, { dot: true }) }));
  return {
    teamOf(person) {
      const known = people.get(person);
      const keys = [person, ...(known?.emails ?? []), ...(known?.names ?? [])].map((k) =>
        k.toLowerCase(),
      );
      return members.find((t) => keys.some((k) => t.members.has(k)))?.team ?? null;
    },
    teamOfArea(area) {
      return owners.find((o) => o.matches(`${area}/_`) || o.matches(area))?.team ?? null;
    },
    teamsOwning(paths) {
      return [
        ...new Set(paths.flatMap((p) => owners.filter((o) => o.matches(p)).map((o) => o.team))),
      ].sort();
    },
  };
}
