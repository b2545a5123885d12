import type { Config } from "../config/schema.js";
import { isoTime } from "../core/dates.js";
import type { AreaKnowledge, KnowledgeResult } from "../core/knowledge/index.js";
import type { PersonId } from "../core/model.js";
import type { CodeownersProblem } from "../core/ownership/index.js";
import type { DeliveryContext } from "./delivery.js";
import { analyseRepository, personRef, pseudonym } from "./knowledge.js";
import {
  type AreaFiles,
  areaFiles,
  type DeclaredOwner,
  type OwnershipModel,
} from "./ownership-model.js";
import type { PersonRef } from "./report-types.js";
import type { Workspace } from "./workspace.js";

/** Whether an area's declared owners hold its knowledge. */
export type OwnershipStatus = "aligned" | "drift" | "unowned" | "unresolved";

/** One declared owner of an area, with how many of the area's files it is declared for. */
export interface AreaOwner {
  owner: string;
  kind: DeclaredOwner["kind"];
  /** The roster team it maps to, if any. */
  team: string | null;
  files: number;
}

/** A declared owner of an area that no longer holds anything: every person behind it is inactive. */
export interface OwnerWhoLeft {
  owner: string;
  /** People behind the owner (a team's members; one for a login or an email). */
  people: number;
  /** The last activity of any of them (commit or review), ISO; null when none is known. */
  lastActive: string | null;
}

/** Declared ownership against real knowledge, for one area. */
export interface AreaOwnership {
  /** As reports name it: `<repository>: <area>` in a workspace of several repositories. */
  area: string;
  repository: string;
  /** ".", a directory, or `component:<name>`. */
  id: string;
  /** Scored files of the area. */
  files: number;
  /** Declared owners, most files first. */
  declared: AreaOwner[];
  /** Scored files of the area no CODEOWNERS rule or roster entry owns. */
  filesWithoutOwner: number;
  /** Active authors (degree of authorship) of the area's files. */
  authors: PersonRef[];
  /** People who reviewed pull requests touching the area within `activeDays`. */
  reviewers: PersonRef[];
  status: OwnershipStatus;
  /** Why the status, in one sentence with its figures. */
  reason: string;
  ownersWhoLeft: OwnerWhoLeft[];
  knowledge: { status: AreaKnowledge["status"]; truckFactor: number } | null;
}

/** The review load of one declared owner over the review window. */
export interface OwnerLoad {
  owner: string;
  kind: DeclaredOwner["kind"];
  team: string | null;
  /** Areas where it is declared for at least one file. */
  areas: number;
  /** Scored files it is declared for. */
  files: number;
  /** People behind the owner, and of them those active; null when it does not resolve. */
  people: number | null;
  activePeople: number | null;
  /** Pull requests in the window touching its files, and how many of them its people reviewed (null: no pull requests imported). */
  pullRequests: number | null;
  reviewed: number | null;
  /** Reviews its people gave on those pull requests. */
  reviews: number | null;
  /** Set when figures are withheld (a team below privacy.minGroupSize active people). */
  withheld: string | null;
}

/** What the ownership figures rest on for one repository. */
export interface RepositoryOwnership {
  name: string;
  commit: string | null;
  /** The CODEOWNERS file read (null: none at the commit) and how its lines fared. */
  codeowners: {
    path: string | null;
    dialect: "github" | "gitlab" | null;
    rules: number;
    problems: CodeownersProblem[];
    searched: string[];
  };
}

/** Reviews indexed by area key: who reviewed there lately, and each person's last review. */
export interface ReviewIndex {
  reviewersByArea: Map<string, Set<PersonId>>;
  lastReview: Map<PersonId, number>;
}

/** Reviews of pull requests touching each area, from `since` to the workspace's date. */
export function reviewIndex(
  workspace: Workspace,
  delivery: DeliveryContext | null,
  config: Config,
  since: number,
): ReviewIndex {
  const reviewersByArea = new Map<string, Set<PersonId>>();
  const lastReview = new Map<PersonId, number>();
  if (!delivery) return { reviewersByArea, lastReview };
  const until = workspace.asOf.time;
  const depth = config.areas.depth;
  for (const pr of delivery.pullRequests) {
    const author = pr.author ? delivery.personOf(pr.author) : null;
    const reviewers = new Set<PersonId>();
    for (const review of pr.reviews) {
      if (!review.author || delivery.isBot(review.author)) continue;
      if (review.submittedAt > until) continue;
      const person = delivery.personOf(review.author);
      if (person === author) continue;
      if ((lastReview.get(person) ?? -Infinity) < review.submittedAt)
        lastReview.set(person, review.submittedAt);
      if (review.submittedAt >= since) reviewers.add(person);
    }
    if (reviewers.size === 0) continue;
    const repository = delivery.repositoryOf(pr);
    if (repository === null) continue;
    const keys = new Set<string>([workspace.areas.key(repository, ".")]);
    for (const file of delivery.filesOf(pr)) {
      const dirs = file.split("/").slice(0, -1);
      for (let level = 1; level <= Math.min(depth, dirs.length); level++)
        keys.add(workspace.areas.key(repository, dirs.slice(0, level).join("/")));
    }
    for (const key of keys) {
      const set = reviewersByArea.get(key) ?? new Set<PersonId>();
      for (const person of reviewers) set.add(person);
      reviewersByArea.set(key, set);
    }
  }
  return { reviewersByArea, lastReview };
}

/**
 * An owner as leader views show it: as written, except that under privacy.people: pseudonymous
 * a person named by login or email is shown by their stable pseudonym (teams stay named).
 */
export function shownOwner(
  workspace: Workspace,
  model: OwnershipModel,
  owner: DeclaredOwner,
): string {
  if (!workspace.pseudonymous || (owner.kind !== "user" && owner.kind !== "email"))
    return owner.owner;
  const people = model.peopleOf(owner).people;
  return people.length === 1 ? pseudonym(people[0]!) : pseudonym(owner.owner);
}

/** Every area of every repository: declared owners against active authors and reviewers. */
export function areaOwnership(
  workspace: Workspace,
  model: OwnershipModel,
  reviews: ReviewIndex,
  config: Config,
): AreaOwnership[] {
  const since = workspace.asOf.time - config.activeDays * 86_400;
  const lastActive = (person: PersonId): number | null => {
    const value = Math.max(
      workspace.lastActive.get(person) ?? -Infinity,
      reviews.lastReview.get(person) ?? -Infinity,
    );
    return Number.isFinite(value) ? value : null;
  };
  const active = (person: PersonId) => (lastActive(person) ?? -Infinity) >= since;
  const out: AreaOwnership[] = [];
  for (const repository of workspace.repositories) {
    const result = analyseRepository(workspace, repository, { config, mode: "default" });
    const knowledge = new Map<string, AreaKnowledge>(
      [result.repository, ...result.areas].map((a) => [a.id, a]),
    );
    const ids = [".", ...result.areas.map((a) => a.id)];
    for (const area of areaFiles(workspace, repository, config, ids)) {
      if (area.files.length === 0) continue;
      out.push(
        oneArea(area, knowledge.get(area.id) ?? null, {
          workspace,
          model,
          reviews,
          active,
          lastActive,
        }),
      );
    }
  }
  return out;
}

function oneArea(
  area: AreaFiles,
  knowledge: AreaKnowledge | null,
  context: {
    workspace: Workspace;
    model: OwnershipModel;
    reviews: ReviewIndex;
    active: (person: PersonId) => boolean;
    lastActive: (person: PersonId) => number | null;
  },
): AreaOwnership {
  const { workspace, model, active, lastActive } = context;
  const counts = new Map<string, AreaOwner>();
  const original = new Map<AreaOwner, DeclaredOwner>();
  let filesWithoutOwner = 0;
  for (const file of area.files) {
    const owners = model.ownersOfFile(area.repository, file);
    if (owners.length === 0) filesWithoutOwner += 1;
    for (const owner of owners) {
      const key = `${owner.kind}\0${owner.owner}`;
      const entry = counts.get(key) ?? {
        ...owner,
        owner: shownOwner(workspace, model, owner),
        files: 0,
      };
      entry.files += 1;
      counts.set(key, entry);
      original.set(entry, owner);
    }
  }
  const declared = [...counts.values()].sort(
    (a, b) => b.files - a.files || a.owner.localeCompare(b.owner),
  );
  const authors = (knowledge?.authors ?? []).filter((a) => a.active).map((a) => a.person);
  const reviewers = [...(context.reviews.reviewersByArea.get(area.key) ?? [])]
    .filter(active)
    .sort();
  const holders = new Set([...authors, ...reviewers]);

  const declaredPeople = new Set<PersonId>();
  const unresolved: string[] = [];
  const ownersWhoLeft: OwnerWhoLeft[] = [];
  for (const shown of declared) {
    const resolved = model.peopleOf(original.get(shown)!);
    if (resolved.unresolved) unresolved.push(resolved.unresolved);
    for (const person of resolved.people) declaredPeople.add(person);
    if (resolved.people.length > 0 && !resolved.people.some(active)) {
      const last = Math.max(...resolved.people.map((p) => lastActive(p) ?? -Infinity));
      ownersWhoLeft.push({
        owner: shown.owner,
        people: resolved.people.length,
        lastActive: Number.isFinite(last) ? isoTime(last) : null,
      });
    }
  }
  const holding = [...declaredPeople].filter((p) => holders.has(p));
  let status: OwnershipStatus;
  let reason: string;
  const label = declared.map((d) => d.owner).join(", ");
  if (declared.length === 0) {
    status = "unowned";
    reason = `no CODEOWNERS rule or roster entry owns any of its ${area.files.length} files`;
  } else if (declaredPeople.size === 0) {
    status = "unresolved";
    reason = unresolved[0] ?? `the declared owners (${label}) match no one in the history`;
  } else if (holding.length > 0) {
    status = "aligned";
    reason = `${holding.length} of the declared owners' ${declaredPeople.size} people ${holding.length === 1 ? "is" : "are"} among its ${holders.size} active authors and reviewers`;
  } else {
    status = "drift";
    reason =
      holders.size === 0
        ? `declared to ${label}, but no one active authors or reviews it`
        : `declared to ${label}, but none of their ${declaredPeople.size} people is among its ${holders.size} active authors and reviewers`;
  }
  return {
    area: area.key,
    repository: area.repository,
    id: area.id,
    files: area.files.length,
    declared,
    filesWithoutOwner,
    authors: authors.map((p) => personRef(workspace, p)),
    reviewers: reviewers.map((p) => personRef(workspace, p)),
    status,
    reason,
    ownersWhoLeft,
    knowledge: knowledge ? { status: knowledge.status, truckFactor: knowledge.truckFactor } : null,
  };
}

/** The repositories' CODEOWNERS as the report describes them. */
export function repositoryOwnership(model: OwnershipModel): RepositoryOwnership[] {
  return model.repositories.map((r) => ({
    name: r.name,
    commit: r.commit,
    codeowners: {
      path: r.codeowners.file?.path ?? null,
      dialect: r.codeowners.file?.dialect ?? null,
      rules: r.codeowners.file?.rules.length ?? 0,
      problems: r.codeowners.file?.problems ?? [],
      searched: r.codeowners.searched,
    },
  }));
}

/**
 * Review load of each declared owner from `since` to the workspace's date: pull requests touching
 * files it is declared for, and how many its people reviewed. Teams with fewer active people than
 * privacy.minGroupSize are withheld. Sorted by owner: a list of declarations, not a ranking.
 */
export function ownerLoads(
  workspace: Workspace,
  model: OwnershipModel,
  delivery: DeliveryContext | null,
  areas: readonly AreaOwnership[],
  options: { config: Config; since: number; active: (person: PersonId) => boolean },
): OwnerLoad[] {
  const loads = new Map<string, OwnerLoad & { declaredFiles: Set<string> }>();
  const entry = (owner: DeclaredOwner) => {
    const key = `${owner.kind}\0${owner.owner}`;
    let load = loads.get(key);
    if (!load) {
      const people = model.peopleOf(owner);
      const resolved = people.unresolved === null || people.people.length > 0;
      load = {
        owner: shownOwner(workspace, model, owner),
        kind: owner.kind,
        team: owner.team,
        areas: 0,
        files: 0,
        people: resolved ? people.people.length : null,
        activePeople: resolved ? people.people.filter(options.active).length : null,
        pullRequests: delivery ? 0 : null,
        reviewed: delivery ? 0 : null,
        reviews: delivery ? 0 : null,
        withheld: null,
        declaredFiles: new Set(),
      };
      loads.set(key, load);
    }
    return load;
  };
  for (const area of areas) {
    if (area.id.startsWith("component:") || area.id === ".") continue;
    for (const owner of area.declared) entry(owner).areas += 1;
  }
  for (const repository of workspace.repositories)
    for (const file of repository.files.kept)
      for (const owner of model.ownersOfFile(repository.scan.name, file))
        entry(owner).declaredFiles.add(`${repository.scan.name}\0${file}`);
  if (delivery) {
    const until = workspace.asOf.time;
    for (const pr of delivery.pullRequests) {
      const at = pr.mergedAt ?? pr.createdAt;
      if (at < options.since || at > until) continue;
      const repository = delivery.repositoryOf(pr);
      if (repository === null) continue;
      const owners = new Map<string, DeclaredOwner>();
      for (const file of delivery.filesOf(pr))
        for (const owner of model.ownersOfFile(repository, file))
          owners.set(`${owner.kind}\0${owner.owner}`, owner);
      const author = pr.author ? delivery.personOf(pr.author) : null;
      for (const owner of owners.values()) {
        const load = entry(owner);
        const people = new Set(model.peopleOf(owner).people);
        load.pullRequests = (load.pullRequests ?? 0) + 1;
        const theirs = pr.reviews.filter(
          (r) =>
            r.author &&
            r.submittedAt <= until &&
            people.has(delivery.personOf(r.author)) &&
            delivery.personOf(r.author) !== author,
        ).length;
        load.reviews = (load.reviews ?? 0) + theirs;
        if (theirs > 0) load.reviewed = (load.reviewed ?? 0) + 1;
      }
    }
  }
  const min = options.config.privacy.minGroupSize;
  return [...loads.values()]
    .map(({ declaredFiles, ...load }) => {
      const out: OwnerLoad = { ...load, files: declaredFiles.size };
      const isGroup = load.kind === "team" || load.kind === "roster";
      if (isGroup && load.activePeople !== null && load.activePeople < min)
        return {
          ...out,
          pullRequests: null,
          reviewed: null,
          reviews: null,
          withheld: `fewer than ${min} active people (privacy.minGroupSize)`,
        };
      return out;
    })
    .sort((a, b) => a.owner.localeCompare(b.owner) || a.kind.localeCompare(b.kind));
}

/** Share of drifting areas among those with resolvable owners (for summaries). */
export function driftSummary(areas: readonly AreaOwnership[]): {
  areas: number;
  aligned: number;
  drift: number;
  unowned: number;
  unresolved: number;
} {
  const count = (status: OwnershipStatus) => areas.filter((a) => a.status === status).length;
  return {
    areas: areas.length,
    aligned: count("aligned"),
    drift: count("drift"),
    unowned: count("unowned"),
    unresolved: count("unresolved"),
  };
}

export type { KnowledgeResult };
