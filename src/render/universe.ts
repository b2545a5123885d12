import type { Universe } from "../app/report-types.js";
import { plural } from "./format.js";

/** One or two sentences on what a repository's figures rest on and what was left out. */
export function describeUniverse(u: Universe): string {
  return `${describeCommits(u)} ${describeFiles(u)}`;
}

export function describeCommits(u: Universe): string {
  return `Rests on ${plural(u.commits, "commit")} (${plural(u.merges, "merge")} and ${plural(u.botCommits, "bot commit")} not credited) by ${plural(u.people, "person", "people")} (${u.activePeople} active${u.activityRepositories > 1 ? ` in any of the ${u.activityRepositories} repositories analysed together` : ""}).`;
}

export function describeFiles(
  u: Pick<Universe, "filesScored" | "filesAtRef" | "filesRemoved" | "filesWithoutHistory">,
): string {
  const removed = Object.entries(u.filesRemoved)
    .filter(([, count]) => count > 0)
    .map(([rule, count]) => `${rule} ${count}`)
    .join(", ");
  return `${plural(u.filesScored, "file")} scored of ${u.filesAtRef.toLocaleString("en")} at the ref${removed ? `; removed: ${removed}` : ""}${u.filesWithoutHistory > 0 ? `; ${u.filesWithoutHistory} without history` : ""}.`;
}
