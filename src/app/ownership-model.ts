import picomatch from "picomatch";
import type { Config } from "../config/schema.js";
import { COMPONENT_AREA_PREFIX } from "../core/knowledge/index.js";
import type { PersonId } from "../core/model.js";
import { type CodeOwner, ownersOf } from "../core/ownership/index.js";
import { type LoadedCodeowners, readCodeowners } from "./codeowners.js";
import { roster } from "./roster.js";
import type { PreparedRepository, Workspace } from "./workspace.js";

/** An owner declared for a file: by CODEOWNERS (as written) or by the roster's `areas` globs. */
export interface DeclaredOwner {
  /** As CODEOWNERS writes it (`@acme/payments`), or `team <name>` for a roster entry. */
  owner: string;
  kind: CodeOwner["kind"] | "roster";
  /** The roster team it maps to (ownership.teams, or a team part that names a roster team). */
  team: string | null;
}

/** Who a declared owner is, in people of the workspace. */
export interface OwnerPeople {
  people: PersonId[];
  /** Null when the owner resolves; else why it cannot be judged (and how to fix that). */
  unresolved: string | null;
}

/** CODEOWNERS of every repository and the roster, as lookups over paths and people. */
export interface OwnershipModel {
  repositories: {
    name: string;
    path: string;
    commit: string | null;
    codeowners: LoadedCodeowners;
  }[];
  /** Declared owners of a file of a repository (CODEOWNERS first, then roster teams); cached. */
  ownersOfFile(repository: string, path: string): DeclaredOwner[];
  /** The CODEOWNERS line that decided a file's owners, when a rule matched. */
  ruleOfFile(repository: string, path: string): { file: string; line: number } | null;
  /** The teams owning a file: roster teams, else the CODEOWNERS team as written; cached. */
  teamsOfFile(repository: string, path: string): string[];
  peopleOf(owner: DeclaredOwner): OwnerPeople;
  /** The roster team of a person. */
  teamOf(person: PersonId): string | null;
}

/** Reads every repository's CODEOWNERS at its analysed commit and builds the lookups. */
export async function ownershipModel(
  workspace: Workspace,
  config: Config,
): Promise<OwnershipModel> {
  const repositories = [];
  for (const repository of workspace.repositories) {
    const codeowners = repository.commit
      ? await readCodeowners({ path: repository.scan.path }, repository.commit, config)
      : { file: null, searched: [] };
    repositories.push({
      name: repository.scan.name,
      path: repository.scan.path,
      commit: repository.commit,
      codeowners,
    });
  }
  return buildModel(workspace, config, repositories);
}

function buildModel(
  workspace: Workspace,
  config: Config,
  repositories: OwnershipModel["repositories"],
): OwnershipModel {
  const list = roster(config, workspace.people, workspace.areas);
  const teamNames = Object.keys(config.teams);
  const mapping = new Map(
    Object.entries(config.ownership.teams).map(([owner, team]) => [owner.toLowerCase(), team]),
  );
  const teamFor = (owner: CodeOwner): string | null => {
    const mapped = mapping.get(owner.text.toLowerCase());
    if (mapped !== undefined) return mapped;
    if (owner.kind !== "team") return null;
    const slug = owner.text.slice(owner.text.lastIndexOf("/") + 1).toLowerCase();
    return teamNames.find((t) => t.toLowerCase() === slug) ?? null;
  };
  const byName = new Map(repositories.map((r) => [r.name, r]));
  const cache = new Map<
    string,
    { owners: DeclaredOwner[]; rule: { file: string; line: number } | null }
  >();
  const declared = (repository: string, path: string) => {
    const key = `${repository}\0${path}`;
    let hit = cache.get(key);
    if (!hit) {
      const file = byName.get(repository)?.codeowners.file ?? null;
      const decided = file ? ownersOf(file, path) : { owners: [], rules: [] };
      const owners: DeclaredOwner[] = decided.owners.map((o) => ({
        owner: o.text,
        kind: o.kind,
        team: teamFor(o),
      }));
      for (const team of list.teamsOwning([path], workspace.areas.qualified ? repository : null))
        owners.push({ owner: `team ${team}`, kind: "roster", team });
      const rule = decided.rules.at(-1);
      hit = { owners, rule: file && rule ? { file: file.path, line: rule.line } : null };
      cache.set(key, hit);
    }
    return hit;
  };

  const peopleCache = new Map<string, OwnerPeople>();
  const members = (team: string): PersonId[] => {
    const spec = config.teams[team];
    const ids = new Set<PersonId>();
    for (const member of spec?.members ?? [])
      for (const person of workspace.identities.find(member)) if (!person.isBot) ids.add(person.id);
    return [...ids].sort();
  };
  const paths = workspace.repositories.map((r) => r.scan.path);
  const login = (handle: string): PersonId[] => {
    const name = handle.replace(/^@/, "");
    const ids = new Set<PersonId>(workspace.identities.find(name).map((p) => p.id));
    for (const path of paths) {
      const id = workspace.identities.personOf(path, { name, email: "" });
      if (workspace.people.has(id)) ids.add(id);
    }
    const noreply = new RegExp(
      `^(?:\\d+\\+)?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}@users\\.noreply\\.github\\.com$`,
      "i",
    );
    for (const person of workspace.people.values())
      if (person.emails.some((e) => noreply.test(e))) ids.add(person.id);
    return [...ids].filter((id) => !workspace.bots.has(id)).sort();
  };
  const peopleOf = (owner: DeclaredOwner): OwnerPeople => {
    const key = `${owner.kind}\0${owner.owner}`;
    let hit = peopleCache.get(key);
    if (hit) return hit;
    if (owner.team !== null) {
      const people = members(owner.team);
      hit = {
        people,
        unresolved:
          config.teams[owner.team] === undefined
            ? `ownership.teams maps ${owner.owner} to "${owner.team}", which is not a team of the roster (teams:)`
            : people.length === 0
              ? `no member of roster team ${owner.team} is in the history`
              : null,
      };
    } else if (owner.kind === "team") {
      hit = {
        people: [],
        unresolved: `${owner.owner} is not mapped to a roster team: add it under ownership.teams in legible.yaml (or name the roster team like its team part)`,
      };
    } else if (owner.kind === "role") {
      hit = {
        people: [],
        unresolved: `${owner.owner} is a GitLab role: its members are not in the records`,
      };
    } else {
      const people =
        owner.kind === "email"
          ? workspace.identities
              .find(owner.owner)
              .filter((p) => !p.isBot)
              .map((p) => p.id)
          : login(owner.owner);
      hit = {
        people,
        unresolved:
          people.length === 0
            ? `${owner.owner} matches no one in the history (add the login to identity.aliases)`
            : null,
      };
    }
    peopleCache.set(key, hit);
    return hit;
  };

  const teamsCache = new Map<string, Map<string, string[]>>();
  const teamsOfFile = (repository: string, path: string): string[] => {
    let ofRepository = teamsCache.get(repository);
    if (!ofRepository) {
      ofRepository = new Map();
      teamsCache.set(repository, ofRepository);
    }
    let hit = ofRepository.get(path);
    if (!hit) {
      const teams = new Set<string>();
      for (const owner of declared(repository, path).owners) {
        if (owner.team !== null) teams.add(owner.team);
        else if (owner.kind === "team") teams.add(owner.owner);
        else if (owner.kind === "user" || owner.kind === "email")
          for (const person of peopleOf(owner).people) {
            const team = list.teamOf(person);
            if (team) teams.add(team);
          }
      }
      hit = [...teams].sort();
      ofRepository.set(path, hit);
    }
    return hit;
  };

  return {
    repositories,
    ownersOfFile: (repository, path) => declared(repository, path).owners,
    ruleOfFile: (repository, path) => declared(repository, path).rule,
    teamsOfFile,
    peopleOf,
    teamOf: list.teamOf,
  };
}

/** An area of a repository and the scored files in it (repository, directory or config component). */
export interface AreaFiles {
  /** The area key (app/areas.ts): `<repository>: <area>` in a workspace of several repositories. */
  key: string;
  repository: string;
  /** The knowledge analysis's id: ".", a directory, or `component:<name>`. */
  id: string;
  files: string[];
}

/**
 * The files of each area the knowledge analysis reports (the repository, directories down to
 * `areas.depth`, configured components; the roster's `team:` components are the roster itself,
 * so they are left out).
 */
export function areaFiles(
  workspace: Workspace,
  repository: PreparedRepository,
  config: Config,
  ids: readonly string[],
): AreaFiles[] {
  const files = repository.files.kept;
  const name = repository.scan.name;
  const components = new Map(
    Object.entries(config.areas.components).map(([component, globs]) => [
      `${COMPONENT_AREA_PREFIX}${component}`,
      picomatch(globs, { dot: true }),
    ]),
  );
  return ids
    .filter((id) => !id.startsWith(`${COMPONENT_AREA_PREFIX}team:`))
    .map((id) => {
      const matcher = components.get(id);
      const inArea =
        id === "."
          ? files
          : matcher
            ? files.filter((f) => matcher(f))
            : files.filter((f) => f.startsWith(`${id}/`));
      return { key: workspace.areas.key(name, id), repository: name, id, files: inArea };
    });
}
