import type { Config } from "../config/schema.js";
import { isoDay, isoTime } from "../core/dates.js";
import {
  analyseKnowledge,
  type KnowledgeInput,
  type KnowledgeMode,
  type KnowledgeResult,
} from "../core/knowledge/index.js";
import type { PersonId } from "../core/model.js";
import { integrityCaveats } from "./integrity-caveats.js";
import type {
  AreaReport,
  KnowledgeReport,
  PersonRef,
  RepositoryKnowledge,
} from "./report-types.js";
import type { ReviewSignal } from "./review-signal.js";
import { summaryCounts, summaryOf, summaryTallies } from "./summary-workspace.js";
import {
  authorshipRecords,
  componentMatchers,
  eachCredit,
  fileHistories,
  filesAtRef,
  newestAuthorTime,
  type PreparedRepository,
  tallyMemo,
  type Workspace,
} from "./workspace.js";

export interface KnowledgeOptions {
  config: Config;
  mode: KnowledgeMode;
  area?: string | undefined;
  leave?: PersonId[];
  /** Reviews counted as knowledge (default mode only): see app/review-signal.ts. */
  reviews?: ReviewSignal;
}

/** Runs the knowledge analyses over every prepared repository. */
export function knowledgeReport(workspace: Workspace, options: KnowledgeOptions): KnowledgeReport {
  const repositories = workspace.repositories.map((repository) => {
    const result = analyseRepository(workspace, repository, options);
    return repositoryKnowledge(workspace, repository, result, options.mode === "default");
  });
  const single = repositories.length === 1 ? repositories[0] : undefined;
  return {
    version: 1,
    mode: options.mode,
    asOf: { date: isoTime(workspace.asOf.time), label: workspace.asOf.label },
    activeDays: options.config.activeDays,
    ...(single
      ? { truckFactor: single.truckFactor, truckFactorDevelopers: single.truckFactorDevelopers }
      : {}),
    repositories,
  };
}

/** The pure analysis of one repository, as the CLI and the review call it. */
export function analyseRepository(
  workspace: Workspace,
  repository: PreparedRepository,
  options: KnowledgeOptions,
): KnowledgeResult {
  // The review, its exit paths and the delivery joins all ask for the plain analysis of the same
  // history: the workspace keeps it, computed once per repository and mode.
  const plain = !options.area && !options.leave?.length && !options.reviews;
  if (!plain) return analyseKnowledge(knowledgeInput(workspace, repository, options));
  const key = `${repository.scan.path}\0${options.mode}\0${options.config.activeDays}\0${options.config.areas.depth}`;
  let result = workspace.analyses.get(key);
  if (!result) {
    result = analyseKnowledge(knowledgeInput(workspace, repository, options));
    workspace.analyses.set(key, result);
  }
  return result;
}

/** The plain input of the pure knowledge analyses for one repository. */
export function knowledgeInput(
  workspace: Workspace,
  repository: PreparedRepository,
  options: KnowledgeOptions,
): KnowledgeInput {
  const reviews = options.mode === "default" ? options.reviews : undefined;
  if (reviews && summaryOf(repository))
    throw new Error("knowledgeInput: reviews as knowledge need a workspace prepared from commits");
  const tallies = summaryTallies(workspace, repository);
  // Reviews add records of their own: then the histories are built from the records given.
  const history = tallies || reviews ? null : fileHistories(workspace, repository);
  const records = tallies || history ? [] : authorshipRecords(workspace, repository);
  const memo = tallyMemo(repository);
  const lastActive = new Map(workspace.lastActive);
  for (const [person, time] of reviews?.lastReview ?? []) {
    if ((lastActive.get(person) ?? -Infinity) < time) lastActive.set(person, time);
  }
  return {
    records: reviews ? [...records, ...(reviews.records.get(repository.scan.path) ?? [])] : records,
    files: repository.files.kept,
    lastActive,
    asOf: workspace.asOf.time,
    activeDays: options.config.activeDays,
    mode: options.mode,
    depth: options.config.areas.depth,
    components: componentMatchers(options.config, {
      keys: workspace.areas,
      name: repository.scan.name,
    }),
    ...(options.leave ? { leave: options.leave } : {}),
    ...(options.area ? { area: options.area } : {}),
    ...(memo ? { memo } : {}),
    ...(tallies ? { tallies } : {}),
    ...(history ? { history: history.of, historyIs: history.is } : {}),
  };
}

/** A person by real id and name, before privacy.people is applied (internal joins only). */
export function namedRef(workspace: Workspace, id: PersonId): PersonRef {
  return { id, name: workspace.people.get(id)?.name ?? id };
}

/** A person as leader views show them: a stable pseudonym under privacy.people: pseudonymous. */
export function personRef(workspace: Workspace, id: PersonId): PersonRef {
  if (workspace.pseudonymous) {
    const alias = pseudonym(id);
    return { id: alias, name: alias };
  }
  return { id, name: workspace.people.get(id)?.name ?? id };
}

/** A stable pseudonym for a person ("person-3fa2c1"): the same in every report, reveals nothing. */
export function pseudonym(id: PersonId): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `person-${hash.toString(16).padStart(8, "0").slice(0, 6)}`;
}

function repositoryKnowledge(
  workspace: Workspace,
  repository: PreparedRepository,
  result: KnowledgeResult,
  recency: boolean,
): RepositoryKnowledge {
  const ref = (id: PersonId) => personRef(workspace, id);
  const area = (knowledge: KnowledgeResult["repository"]): AreaReport => ({
    ...knowledge,
    truckFactorDevelopers: knowledge.truckFactorDevelopers.map(ref),
    authors: knowledge.authors.map((author) => ({
      ...ref(author.person),
      files: author.files,
      active: author.active,
      lastActive: author.lastActive === null ? null : isoTime(author.lastActive),
    })),
  });
  const repo = area(result.repository);
  return {
    name: repository.scan.name,
    path: repository.scan.path,
    ref: repository.scan.ref,
    commit: repository.commit,
    truckFactor: repo.truckFactor,
    truckFactorDevelopers: repo.truckFactorDevelopers,
    allTimeTruckFactor: repo.allTimeTruckFactor,
    whole: repo,
    universe: universe(workspace, repository, result),
    caveats: caveats(
      repository,
      recency ? { asOf: workspace.asOf.time, activeDays: result.activeDays } : undefined,
    ),
    areas: result.areas.map(area),
  };
}

/** What a repository's figures rest on. */
export function universe(
  workspace: Workspace,
  repository: PreparedRepository,
  result: KnowledgeResult,
): RepositoryKnowledge["universe"] {
  const { commits, merges, botCommits, people } =
    summaryCounts(workspace, repository) ?? creditCounts(workspace, repository);
  const since = workspace.asOf.time - result.activeDays * 86_400;
  const activePeople = [...people].filter(
    (person) => (workspace.lastActive.get(person) ?? -Infinity) >= since,
  ).length;
  return {
    commits,
    merges,
    botCommits,
    skippedCommits: repository.skipped,
    filesAtRef: filesAtRef(repository),
    filesRemoved: repository.files.removed,
    filesWithoutHistory: result.filesWithoutHistory,
    filesScored: result.filesScored,
    people: people.size,
    activePeople,
    activityRepositories: workspace.repositories.length,
  };
}

/** A repository's commits (merges left out), merges, commits by bots and everyone credited. */
function creditCounts(
  workspace: Workspace,
  repository: PreparedRepository,
): { commits: number; merges: number; botCommits: number; people: Set<PersonId> } {
  const people = new Set<PersonId>();
  let all = 0;
  let merges = 0;
  let botCommits = 0;
  eachCredit(workspace, repository, (commit, credited, authorIsBot) => {
    all += 1;
    if (commit.isMerge) merges += 1;
    if (authorIsBot) botCommits += 1;
    for (const person of credited) people.add(person);
  });
  return { commits: all - merges, merges, botCommits, people };
}

/** Plain statements of what limits a repository's figures; every report prints them. */
export function caveats(
  repository: PreparedRepository,
  judged?: { asOf: number; activeDays: number },
): string[] {
  const out: string[] = [];
  const { scan } = repository;
  const last = summaryOf(repository)?.newest ?? newestAuthorTime(repository);
  if (judged && Number.isFinite(last) && last < judged.asOf - judged.activeDays * 86_400) {
    const date = isoDay(last);
    out.push(
      `${scan.name}'s newest commit is from ${date}, more than ${judged.activeDays} days (activeDays) before the analysed date: the history itself stopped, so every author counts as former. Analyse a date when it was alive with --as-of ${date} (or --until ${date} for the review).`,
    );
  }
  if (scan.shallow) {
    out.push(
      `${scan.name} is a shallow clone: its history is truncated, so authorship before the earliest fetched commit is unknown (fetch the full history with git fetch --unshallow).`,
    );
  }
  if (scan.partial || !scan.renames) {
    out.push(
      `${scan.name} is a partial clone without file contents: renames cannot be detected offline, so a renamed file's history starts at the rename; binary and empty files could not be recognised.`,
    );
  }
  if (repository.skipped.length > 0) {
    const list = repository.skipped
      .slice(0, 5)
      .map((s) => s.sha.slice(0, 12))
      .join(", ");
    out.push(
      `${repository.skipped.length} commit(s) of ${scan.name} could not be read (missing objects) and carry no file changes: ${list}${repository.skipped.length > 5 ? ", ..." : ""}.`,
    );
  }
  if (repository.commit === null)
    out.push(`${scan.name} has no commit at or before the analysed date.`);
  out.push(...integrityCaveats(repository));
  return out;
}
