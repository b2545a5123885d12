import type { Config } from "../config/schema.js";
import type { AreaKnowledge, KnowledgeResult } from "../core/knowledge/index.js";
import type { AuthorshipRecord, PersonId } from "../core/model.js";
import type { DeliveryContext } from "./delivery.js";
import { analyseRepository, namedRef, personRef } from "./knowledge.js";
import type { PersonRef } from "./report-types.js";
import { REVIEW_TRAILERS, trailerCredits } from "./trailer-reviews.js";
import { eachAuthorshipRecord, type Workspace } from "./workspace.js";

/** For an area whose knowledge lives in one head (or none): who could take it over, and is that happening? */
export interface ExitPath {
  repository: string;
  area: string;
  /** Status now: "knowledge-island" or "orphaned", or any other when the area was concentrated a quarter ago. */
  status: AreaKnowledge["status"];
  /** The area's remaining active author (an island), or its former authors (orphaned). */
  holders: PersonRef[];
  /** The next-best people: most changes to the area's files in the last year, plus reviews of its PRs. */
  successors: (PersonRef & { changes: number; reviews: number })[];
  /** The area a quarter ago against now: is knowledge spreading? */
  lastQuarter: {
    activeAuthorsBefore: number | null;
    activeAuthorsNow: number;
    truckFactorBefore: number | null;
    truckFactorNow: number;
    /** More active authors or a higher truck factor than a quarter ago. */
    working: boolean;
  };
}

const YEAR = 365 * 86_400;
const SUCCESSORS = 3;

/** Exit paths as leader views show them: holders and successors pseudonymised when configured. */
export function publishExitPaths(workspace: Workspace, paths: ExitPath[]): ExitPath[] {
  if (!workspace.pseudonymous) return paths;
  return paths.map((path) => ({
    ...path,
    holders: path.holders.map((h) => personRef(workspace, h.id)),
    successors: path.successors.map((s) => ({ ...s, ...personRef(workspace, s.id) })),
  }));
}

/**
 * Exit paths (people by real id: see {@link publishExitPaths}) for every knowledge island and orphaned area: suggested successors and whether the
 * area's active-author count and truck factor rose over the last quarter (`quarterAgo` is the same
 * history analysed 90 days earlier).
 */
export function exitPaths(
  now: Workspace,
  quarterAgo: Workspace,
  options: { config: Config; delivery?: DeliveryContext | null },
): ExitPath[] {
  const paths: ExitPath[] = [];
  now.repositories.forEach((repository, index) => {
    const current = analyseRepository(now, repository, { config: options.config, mode: "default" });
    const before = quarterAgo.repositories[index]
      ? analyseRepository(quarterAgo, quarterAgo.repositories[index]!, {
          config: options.config,
          mode: "default",
        })
      : null;
    const beforeById = new Map((before ? allAreas(before) : []).map((a) => [a.id, a]));
    const records: AuthorshipRecord[] = [];
    eachAuthorshipRecord(now, repository, (record) => {
      if (record.time >= now.asOf.time - YEAR) records.push(record);
    });
    // Reviews recorded in commit trailers (Reviewed-by, Acked-by, Tested-by) count like imported ones.
    const trailerReviews = trailerCredits(now, repository, {
      kinds: REVIEW_TRAILERS,
      delivery: options.delivery ?? null,
      since: now.asOf.time - YEAR,
      until: now.asOf.time,
    });
    for (const area of allAreas(current)) {
      const previousStatus = beforeById.get(area.id)?.status;
      const concentrated = (status: string | undefined) =>
        status === "knowledge-island" || status === "orphaned";
      // Concentrated now, or a quarter ago: an area that stopped being an island is an exit path that worked.
      if (!concentrated(area.status) && !concentrated(previousStatus)) continue;
      const inArea = (path: string) => area.id === "." || path.startsWith(`${area.id}/`);
      const holders = area.authors
        .filter((a) => (area.status === "orphaned" ? true : a.active))
        .map((a) => a.person);
      const changes = new Map<PersonId, number>();
      for (const record of records) {
        if (!inArea(record.path)) continue;
        for (const person of record.people) changes.set(person, (changes.get(person) ?? 0) + 1);
      }
      const reviews = new Map<PersonId, number>();
      for (const pr of options.delivery?.pullRequests ?? []) {
        // Only this repository's pull requests: `runbooks` of another repository is another area.
        if (options.delivery?.repositoryOf(pr) !== repository.scan.name) continue;
        if (!options.delivery.filesOf(pr).some(inArea)) continue;
        for (const review of pr.reviews) {
          if (!review.author || options.delivery.isBot(review.author)) continue;
          const person = options.delivery.personOf(review.author);
          reviews.set(person, (reviews.get(person) ?? 0) + 1);
        }
      }
      for (const credit of trailerReviews)
        if (credit.paths.some(inArea))
          reviews.set(credit.person, (reviews.get(credit.person) ?? 0) + 1);
      const since = now.asOf.time - options.config.activeDays * 86_400;
      const candidates = [...new Set([...changes.keys(), ...reviews.keys()])].filter(
        (person) =>
          !holders.includes(person) &&
          !now.bots.has(person) &&
          (now.lastActive.get(person) ?? -Infinity) >= since,
      );
      const successors = candidates
        .map((person) => ({
          ...namedRef(now, person),
          changes: changes.get(person) ?? 0,
          reviews: reviews.get(person) ?? 0,
        }))
        .sort((a, b) => b.changes + b.reviews - (a.changes + a.reviews) || a.id.localeCompare(b.id))
        .slice(0, SUCCESSORS);
      const previous = beforeById.get(area.id);
      paths.push({
        repository: repository.scan.name,
        area: area.id === "." ? "(whole repository)" : area.label,
        status: area.status,
        holders: holders.map((id) => namedRef(now, id)),
        successors,
        lastQuarter: {
          activeAuthorsBefore: previous?.activeAuthors ?? null,
          activeAuthorsNow: area.activeAuthors,
          truckFactorBefore: previous?.truckFactor ?? null,
          truckFactorNow: area.truckFactor,
          working:
            previous !== undefined &&
            (area.activeAuthors > previous.activeAuthors ||
              area.truckFactor > previous.truckFactor),
        },
      });
    }
  });
  return paths;
}

function allAreas(result: KnowledgeResult): AreaKnowledge[] {
  return result.repository.files > 0 ? [result.repository, ...result.areas] : result.areas;
}
