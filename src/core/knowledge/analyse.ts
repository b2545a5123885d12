/*
 * Knowledge analysis: authors, truck factor and knowledge islands per area.
 *
 * Mode `avelino2016` reproduces Avelino, Passos, Hora, Valente (ICPC 2016). Mode `default` differs
 * from it in exactly these ways:
 *
 * 1. Co-authors. avelino2016 credits a change to its commit author only. default also credits
 *    every `Co-authored-by` person: each counts the change as their own add or delivery, and
 *    their acceptances are the file's other changes.
 * 2. Former contributors. avelino2016 counts everyone who ever authored a file. default treats a
 *    person with no authored commit in the `activeDays` before `asOf` as already gone: they are
 *    not authors for the truck factor, the area status or the orphaned-file counts, and a file
 *    only they authored is uncovered from the start. Their authorship is still listed (marked
 *    inactive) and feeds `allTimeTruckFactor`, which ignores recency in both modes.
 * 3. Pruning. avelino2016 runs the plain greedy loop, as the paper's numbers do. default drops,
 *    after the loop, every truck-factor developer whose authored-file count is below 10 % of the
 *    top developer's (the reference implementation's "pruned" variant).
 *
 * Common to both modes, and not in the paper: greedy ties go to the developer with more
 * deliveries (records of any kind credited to them in the histories of all scored files, not only
 * the area's), then to the smaller PersonId, where the reference implementation breaks them
 * arbitrarily. People in `leave` count as gone in both modes.
 */
import type { PersonId } from "../model.js";
import { type AreaContext, compareAreasByRisk, evaluateArea } from "./area-knowledge.js";
import { REPOSITORY_AREA_ID } from "./areas.js";
import { compareIds } from "./compare.js";
import type {
  AreaKnowledge,
  AreaLosingAllAuthors,
  DepartureSimulation,
  KnowledgeInput,
  KnowledgeResult,
} from "./knowledge-types.js";
import { isInScope, type PreparedKnowledge, prepareKnowledge, presenceOf } from "./prepare.js";

export type {
  AreaAuthor,
  AreaKnowledge,
  AreaLosingAllAuthors,
  DepartureSimulation,
  KnowledgeInput,
  KnowledgeMode,
  KnowledgeResult,
} from "./knowledge-types.js";

/**
 * Authors, truck factor and status of the repository and of every directory and component area.
 * File authorship is computed once and shared by every area. Areas without scored files are left
 * out; `input.area` restricts `areas` to that area and its sub-directories.
 */
export function analyseKnowledge(input: KnowledgeInput): KnowledgeResult {
  return evaluate(prepareKnowledge(input), input, input.leave ?? []);
}

/**
 * "What if these people left?": compares the current state with the state after `leave` departs,
 * on top of the mode's own notion of who is gone. Lists the areas (the repository included) that
 * had a remaining author before and have none after.
 */
export function simulateDeparture(
  input: KnowledgeInput & { leave: PersonId[] },
): DepartureSimulation {
  const prepared = prepareKnowledge(input);
  const leaving = [...new Set(input.leave)];
  const before = evaluate(prepared, input, []);
  const after = evaluate(prepared, input, leaving);
  const afterById = new Map(allAreas(after).map((area) => [area.id, area]));
  const areasLosingAllAuthors: AreaLosingAllAuthors[] = allAreas(before)
    .filter((area) => area.activeAuthors > 0 && afterById.get(area.id)?.activeAuthors === 0)
    .sort((a, b) => b.files - a.files || compareIds(a.id, b.id))
    .map((area) => ({
      id: area.id,
      label: area.label,
      files: area.files,
      authorsBefore: area.authors.filter((author) => author.active).map((author) => author.person),
    }));
  const scored = after.filesScored;
  return {
    leaving,
    areasLosingAllAuthors,
    filesOrphanedBefore: before.repository.orphanedFiles,
    filesOrphanedAfter: after.repository.orphanedFiles,
    shareOrphanedAfter: scored === 0 ? 0 : after.repository.orphanedFiles / scored,
    filesScored: scored,
    repositoryTruckFactorBefore: before.repository.truckFactor,
    repositoryTruckFactorAfter: after.repository.truckFactor,
  };
}

function evaluate(
  prepared: PreparedKnowledge,
  input: KnowledgeInput,
  leave: readonly PersonId[],
): KnowledgeResult {
  const context: AreaContext = {
    authorsByPath: prepared.authorsByPath,
    deliveries: prepared.deliveries,
    presence: presenceOf(input, prepared.settings, leave),
    prune: prepared.settings.prune,
    recency: prepared.settings.recency,
    lastActive: input.lastActive,
  };
  const repositoryArea = prepared.areas.get(REPOSITORY_AREA_ID)!;
  const areas = [...prepared.areas.values()]
    .filter(({ spec, files }) => spec.kind !== "repository" && files.length > 0)
    .filter(({ spec }) => isInScope(spec.id, input.area))
    .map(({ spec, files }) => evaluateArea(spec, files, context))
    .sort(compareAreasByRisk);
  return {
    mode: input.mode,
    asOf: input.asOf,
    activeDays: input.activeDays,
    filesScored: prepared.authorsByPath.size,
    filesWithoutHistory: prepared.filesWithoutHistory,
    repository: evaluateArea(repositoryArea.spec, repositoryArea.files, context),
    areas,
  };
}

function allAreas(result: KnowledgeResult): AreaKnowledge[] {
  return [result.repository, ...result.areas];
}
