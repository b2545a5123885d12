import type { KnowledgeInput } from "../../../src/core/knowledge/analyse.js";
import type { AuthorshipRecord } from "../../../src/core/model.js";
import { DAY, SOME_TIME } from "../../builders.js";

/** Deterministic pseudo-random integers in [0, n) (a linear congruential generator). */
function randomInts(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % n;
  };
}

/**
 * 20,000 files in 6 top directories × 10 sub-directories (66 directory areas at depth 2),
 * 500,000 records by 300 people, a tenth of the files renamed once, a tenth of the changes
 * co-authored. Every third person stopped committing 1,000 days before `asOf` (former).
 */
export function aLargeRepository(): KnowledgeInput {
  const random = randomInts(42);
  const people = Array.from({ length: 300 }, (_, i) => `person-${i}`);
  const pick = () => Math.min(random(300), random(300)); // skewed towards low ids
  const files: string[] = [];
  const records: AuthorshipRecord[] = [];
  const asOf = SOME_TIME + 2000 * DAY;
  const timeOf = (author: number) => SOME_TIME + random(author % 3 === 0 ? 1000 : 2000) * DAY;
  for (let i = 0; i < 20_000; i++) {
    const path = `top${i % 6}/sub${Math.floor(i / 6) % 10}/file-${i}.ts`;
    files.push(path);
    let current = path;
    if (i % 10 === 0) {
      current = `old/${i}.ts`;
    }
    const creator = pick();
    records.push({
      kind: "A",
      path: current,
      oldPath: null,
      people: [people[creator]!],
      time: timeOf(creator),
    });
    for (let change = 1; change < 25; change++) {
      const renameNow = current !== path && change === 12;
      const author = pick();
      const credited = random(10) === 0 ? [author, pick()] : [author];
      records.push({
        kind: renameNow ? "R" : "M",
        path: renameNow ? path : current,
        oldPath: renameNow ? current : null,
        people: credited.map((i) => people[i]!),
        time: timeOf(author),
      });
      if (renameNow) current = path;
    }
  }
  const lastActive = new Map<string, number>();
  for (const record of records) {
    const author = record.people[0]!; // co-authoring is not "authored commit" activity
    if ((lastActive.get(author) ?? 0) < record.time) lastActive.set(author, record.time);
  }
  return {
    records,
    files,
    lastActive,
    asOf,
    activeDays: 365,
    mode: "default",
    depth: 2,
    components: [{ name: "first-files", matches: (path) => path.endsWith("-1.ts") }],
  };
}
