import type { PersonId } from "../model.js";
import type { AreaSpec } from "./areas.js";
import { compareIds } from "./compare.js";
import type { AreaAuthor, AreaKnowledge } from "./knowledge-types.js";
import type { Presence } from "./prepare.js";
import { truckFactor } from "./truck-factor.js";

/** Shared by every area of one evaluation. */
export interface AreaContext {
  /** Authors of every scored file, keyed by path. */
  authorsByPath: Map<string, PersonId[]>;
  /** Repository-wide deliveries per person, the greedy tie-break. */
  deliveries: Map<PersonId, number>;
  presence: Presence;
  prune: boolean;
  /** False when `remaining` and `notLeaving` agree, so the all-time figure needs no second run. */
  recency: boolean;
  lastActive: Map<PersonId, number>;
}

/** Knowledge figures of one area; every file must have an entry in `context.authorsByPath`. */
export function evaluateArea(spec: AreaSpec, files: string[], context: AreaContext): AreaKnowledge {
  const { remaining, notLeaving } = context.presence;
  const authorsByFile = new Map<string, PersonId[]>();
  const filesByAuthor = new Map<PersonId, number>();
  let orphanedFiles = 0;
  let singleAuthorFiles = 0;
  for (const path of files) {
    const authors = context.authorsByPath.get(path);
    if (!authors) throw new Error(`evaluateArea: no authorship for ${path}`);
    authorsByFile.set(path, authors);
    let authorsLeft = 0;
    for (const person of authors) {
      filesByAuthor.set(person, (filesByAuthor.get(person) ?? 0) + 1);
      if (remaining(person)) authorsLeft++;
    }
    if (authorsLeft === 0) orphanedFiles++;
    else if (authorsLeft === 1) singleAuthorFiles++;
  }

  const { deliveries } = context;
  const current = truckFactor({
    authorsByFile,
    deliveries,
    prune: context.prune,
    eligible: remaining,
  });
  const allTime = context.recency
    ? truckFactor({ authorsByFile, deliveries, prune: context.prune, eligible: notLeaving })
    : current;
  const authors = [...filesByAuthor]
    .map(
      ([person, count]): AreaAuthor => ({
        person,
        files: count,
        active: remaining(person),
        lastActive: context.lastActive.get(person) ?? null,
      }),
    )
    .sort((a, b) => b.files - a.files || compareIds(a.person, b.person));
  const activeAuthors = authors.filter((author) => author.active).length;
  return {
    id: spec.id,
    kind: spec.kind,
    label: spec.label,
    files: files.length,
    truckFactor: current.truckFactor,
    truckFactorDevelopers: current.developers,
    allTimeTruckFactor: allTime.truckFactor,
    authors,
    activeAuthors,
    status: statusOf(authors.length, activeAuthors, current.truckFactor),
    orphanedFiles,
    singleAuthorFiles,
  };
}

function statusOf(authors: number, activeAuthors: number, tf: number): AreaKnowledge["status"] {
  if (authors > 0 && activeAuthors === 0) return "orphaned";
  if (activeAuthors === 1) return "knowledge-island";
  // TF 0 with several remaining authors (most files already uncovered) is riskier than TF 1.
  if (tf <= 1) return "at-risk";
  return "shared";
}

const STATUS_RANK: Record<AreaKnowledge["status"], number> = {
  orphaned: 0,
  "knowledge-island": 1,
  "at-risk": 2,
  shared: 2,
};

/** Riskiest first: orphaned, knowledge islands, then truck factor ascending, more files, id. */
export function compareAreasByRisk(a: AreaKnowledge, b: AreaKnowledge): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    a.truckFactor - b.truckFactor ||
    b.files - a.files ||
    compareIds(a.id, b.id)
  );
}
