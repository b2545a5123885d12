import type { PersonId } from "../model.js";
import { compareIds } from "./compare.js";

/** Outcome of the greedy truck-factor algorithm over one set of files. */
export interface TruckFactorResult {
  truckFactor: number;
  /** Developers removed by the greedy loop, in removal order, minus the pruned ones. */
  developers: PersonId[];
  /** Coverage (0..1) before each removal, then the final coverage; unaffected by pruning. */
  coverage: number[];
  /** Number of files, the denominator of the coverage. */
  files: number;
  /** Developers dropped by pruning, in removal order; empty when unpruned. */
  pruned: PersonId[];
}

/** Pruning drops a removed developer whose authored files are below 1/10 of the top one's. */
const PRUNE_DIVISOR = 10;

/**
 * Greedy truck factor (Avelino et al., ICPC 2016; docs/ARCHITECTURE.md, "Knowledge model") over N = `authorsByFile.size` files. While at least half
 * of the files have a remaining author, removes the developer with the most authored files (total,
 * not marginal); ties go to more `deliveries`, then to the smaller PersonId. Only developers for
 * whom `eligible` holds count as authors at all, so a file authored only by ineligible people is
 * uncovered from the start. With `prune`, every removed developer whose file count is below 10 %
 * of the first removed developer's is dropped afterwards, and TF is the number left.
 */
export function truckFactor(input: {
  authorsByFile: Map<string, PersonId[]>;
  deliveries: Map<PersonId, number>;
  prune: boolean;
  eligible?: (p: PersonId) => boolean;
}): TruckFactorResult {
  const files = input.authorsByFile.size;
  const { filesByDeveloper, authorsLeft } = indexAuthors(input.authorsByFile, input.eligible);
  let covered = 0;
  for (const count of authorsLeft) if (count > 0) covered++;

  const fileCount = (person: PersonId) => filesByDeveloper.get(person)!.length;
  const deliveries = (person: PersonId) => input.deliveries.get(person) ?? 0;
  // Removal is by total authored files, which removals never change: the order is fixed upfront.
  const order = [...filesByDeveloper.keys()].sort(
    (a, b) => fileCount(b) - fileCount(a) || deliveries(b) - deliveries(a) || compareIds(a, b),
  );

  const coverage: number[] = [];
  const removed: PersonId[] = [];
  for (;;) {
    coverage.push(files === 0 ? 0 : covered / files);
    const next = order[removed.length];
    if (2 * covered < files || files === 0 || next === undefined) break;
    removed.push(next);
    for (const file of filesByDeveloper.get(next)!) {
      authorsLeft[file]!--;
      if (authorsLeft[file] === 0) covered--;
    }
  }

  const top = removed[0];
  // In integers: exactly 10 % is kept.
  const isPruned = (person: PersonId) =>
    input.prune && top !== undefined && fileCount(person) * PRUNE_DIVISOR < fileCount(top);
  const developers = removed.filter((person) => !isPruned(person));
  return {
    truckFactor: developers.length,
    developers,
    coverage,
    files,
    pruned: removed.filter(isPruned),
  };
}

function indexAuthors(
  authorsByFile: Map<string, PersonId[]>,
  eligible: ((p: PersonId) => boolean) | undefined,
): { filesByDeveloper: Map<PersonId, number[]>; authorsLeft: Int32Array } {
  const filesByDeveloper = new Map<PersonId, number[]>();
  const authorsLeft = new Int32Array(authorsByFile.size);
  const eligibility = new Map<PersonId, boolean>();
  let file = 0;
  for (const authors of authorsByFile.values()) {
    for (const person of authors) {
      let ok = eligibility.get(person);
      if (ok === undefined) {
        ok = eligible ? eligible(person) : true;
        eligibility.set(person, ok);
      }
      if (!ok) continue;
      const list = filesByDeveloper.get(person);
      const listedTwice = list !== undefined && list[list.length - 1] === file;
      if (listedTwice) continue;
      if (list === undefined) filesByDeveloper.set(person, [file]);
      else list.push(file);
      authorsLeft[file]!++;
    }
    file++;
  }
  return { filesByDeveloper, authorsLeft };
}
