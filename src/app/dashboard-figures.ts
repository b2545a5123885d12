/**
 * The few figures the dashboard shows that no run function produces, each a small function over
 * the same session workspace the run functions use (nothing is analysed twice in another way):
 * the authors and reviewers of each file (the Areas drill-down's last level) and the per-area truck
 * factor before and after a departure (What if recolours every area, not only those losing all
 * authors).
 */
import { isoTime } from "../core/dates.js";
import { prepareKnowledge } from "../core/knowledge/prepare.js";
import type { PersonId } from "../core/model.js";
import { knowledgeInput, knowledgeReport, personRef } from "./knowledge.js";
import type { PersonRef } from "./report-types.js";
import { reviewSignal } from "./review-signal.js";
import type { AnalysisSession } from "./session.js";
import type { Workspace } from "./workspace.js";

/** One scored file: who authors it (degree of authorship) and who reviewed pull requests touching it. */
export interface FileFacts {
  path: string;
  /** Authors by the degree-of-authorship model, with whether they still count as active. */
  authors: (PersonRef & { active: boolean; lastActive: string | null })[];
  /** People who reviewed merged pull requests that changed the file (imported pull requests only). */
  reviewers: PersonRef[];
  /** Active authors: 0 — orphaned, 1 — a one-person file, 2+ — shared. */
  activeAuthors: number;
}

/** `GET /api/v1/files`, version 1: every scored file of every repository with its authors and reviewers. */
export interface FilesReport {
  version: 1;
  asOf: string;
  /** Whether imported pull-request reviews were available to name reviewers. */
  reviewsImported: boolean;
  repositories: { name: string; files: FileFacts[] }[];
}

export async function filesReport(
  session: AnalysisSession,
  workspace: Workspace,
): Promise<FilesReport> {
  const config = session.config;
  const reviews = await reviewSignal(workspace, session.store, config);
  const since = workspace.asOf.time - config.activeDays * 86_400;
  const person = (id: PersonId) => personRef(workspace, id);
  return {
    version: 1,
    asOf: isoTime(workspace.asOf.time),
    reviewsImported: reviews.pullRequests > 0,
    repositories: workspace.repositories.map((repository) => {
      const prepared = prepareKnowledge(
        knowledgeInput(workspace, repository, { config, mode: "default" }),
      );
      const reviewersOf = new Map<string, Set<PersonId>>();
      for (const record of reviews.records.get(repository.scan.path) ?? []) {
        const set = reviewersOf.get(record.path) ?? new Set<PersonId>();
        for (const id of record.people) set.add(id);
        reviewersOf.set(record.path, set);
      }
      const files = [...prepared.authorsByPath]
        .map(([path, ids]): FileFacts => {
          const authors = ids.map((id) => {
            const last = workspace.lastActive.get(id) ?? null;
            return {
              ...person(id),
              active: last !== null && last >= since,
              lastActive: last === null ? null : isoTime(last),
            };
          });
          return {
            path,
            authors: authors.sort(byName),
            reviewers: [...(reviewersOf.get(path) ?? [])].map(person).sort(byName),
            activeAuthors: authors.filter((a) => a.active).length,
          };
        })
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      return { name: repository.scan.name, files };
    }),
  };
}

/** One area's truck factor and status before and after the departure. */
export interface AreaChange {
  repository: string;
  area: string;
  files: number;
  truckFactorBefore: number;
  truckFactorAfter: number;
  statusBefore: string;
  statusAfter: string;
  activeAuthorsBefore: number;
  activeAuthorsAfter: number;
}

/**
 * Every area's truck factor with and without the leavers: `knowledgeReport` run twice on the
 * session's workspace, the second time with `leave` (the same analysis `legible whatif` runs).
 */
export function whatifAreas(
  session: AnalysisSession,
  workspace: Workspace,
  leave: PersonId[],
): AreaChange[] {
  const config = session.config;
  const before = knowledgeReport(workspace, { config, mode: "default" });
  const after = knowledgeReport(workspace, { config, mode: "default", leave });
  const out: AreaChange[] = [];
  before.repositories.forEach((repository, r) => {
    const afterAreas = new Map(
      [after.repositories[r]!.whole, ...after.repositories[r]!.areas].map((a) => [a.id, a]),
    );
    for (const area of [repository.whole, ...repository.areas]) {
      const next = afterAreas.get(area.id);
      if (!next) continue;
      out.push({
        repository: repository.name,
        area: area.id,
        files: area.files,
        truckFactorBefore: area.truckFactor,
        truckFactorAfter: next.truckFactor,
        statusBefore: area.status,
        statusAfter: next.status,
        activeAuthorsBefore: area.activeAuthors,
        activeAuthorsAfter: next.activeAuthors,
      });
    }
  });
  return out;
}

/** "−1", "→ 0" or "" : how a truck factor changes, as the What if page labels it. */
export function truckFactorChange(before: number, after: number): string {
  if (after === before) return "";
  if (after === 0) return "→ 0";
  const delta = after - before;
  return delta < 0 ? `−${-delta}` : `+${delta}`;
}

function byName(a: PersonRef, b: PersonRef): number {
  return a.name.localeCompare(b.name, "en") || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
