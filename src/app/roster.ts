import picomatch from "picomatch";
import type { Config } from "../config/schema.js";
import {
  compileBotPatterns,
  DEFAULT_ASSISTANT_PATTERNS,
  DEFAULT_BOT_PATTERNS,
} from "../core/identity/bots.js";
import type { Person } from "../core/identity/index.js";
import type { PersonId } from "../core/model.js";
import type { AreaKeys } from "./areas.js";

/** The bot patterns in force: the defaults and the AI assistants (unless turned off) and those in config. */
export function configuredBotPatterns(config: Config): RegExp[] {
  return compileBotPatterns([
    ...(config.bots.defaults ? DEFAULT_BOT_PATTERNS : []),
    ...(config.bots.assistants ? DEFAULT_ASSISTANT_PATTERNS : []),
    ...config.bots.patterns,
  ]);
}

/** The area a file belongs to: its directory down to `depth` levels, or "." for a root file. */
export function areaOfPath(path: string, depth: number): string {
  // Called for every file of every commit: index arithmetic rather than split and join.
  const last = path.lastIndexOf("/");
  if (last < 0) return ".";
  let end = -1;
  for (let level = 0; level < depth; level++) {
    const next = path.indexOf("/", end + 1);
    if (next === last || next < 0) return path.slice(0, last);
    end = next;
  }
  return path.slice(0, Math.max(end, 0));
}

/** The team roster of legible.yaml as lookups: whose team a person is on, which team owns what. */
export interface Roster {
  /** A person's team: matched on their id, any email or any name (case-insensitive). */
  teamOf(person: PersonId): string | null;
  /** The team whose `areas` globs cover an area key (a directory of a repository) or a file. */
  teamOfArea(area: string): string | null;
  /** Every team owning any of these files of a repository (by display name), sorted. */
  teamsOwning(paths: string[], repository?: string | null): string[];
}

/**
 * The roster. A team's `areas` globs apply to every repository, unless a glob starts with a
 * repository's display name and a colon (`shop-api:services/**`), which limits it to that one.
 * `keys` (the workspace's area keys) tells which repository an area key belongs to.
 */
export function roster(
  config: Config,
  people: ReadonlyMap<PersonId, Person>,
  keys?: AreaKeys,
): Roster {
  const teams = Object.entries(config.teams);
  const members = teams.map(([team, spec]) => ({
    team,
    members: new Set(spec.members.map((m) => m.toLowerCase())),
  }));
  const owners = teams.flatMap(([team, spec]) =>
    spec.areas.map((glob) => {
      const scoped = keys?.qualified ? keys.split(glob) : { repository: null, area: glob };
      return {
        team,
        repository: scoped.repository,
        matches: picomatch(scoped.area, { dot: true }),
      };
    }),
  );
  const owning = (repository: string | null) =>
    owners.filter(
      (o) => o.repository === null || repository === null || o.repository === repository,
    );
  return {
    teamOf(person) {
      const known = people.get(person);
      const keys = [person, ...(known?.emails ?? []), ...(known?.names ?? [])].map((k) =>
        k.toLowerCase(),
      );
      return members.find((t) => keys.some((k) => t.members.has(k)))?.team ?? null;
    },
    teamOfArea(key) {
      const { repository, area } = keys ? keys.split(key) : { repository: null, area: key };
      return (
        owning(repository).find((o) => o.matches(`${area}/_`) || o.matches(area))?.team ?? null
      );
    },
    teamsOwning(paths, repository = null) {
      const candidates = owning(repository);
      return [
        ...new Set(paths.flatMap((p) => candidates.filter((o) => o.matches(p)).map((o) => o.team))),
      ].sort();
    },
  };
}
