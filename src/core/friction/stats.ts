import type { PersonId } from "../model.js";

/** Seconds → hours. */
export function hours(seconds: number): number {
  return seconds / 3600;
}

/**
 * The median: the middle value, or the mean of the two middle values for an even count (not
 * DevLake's lower median: these figures are legible's own, not a DORA compatibility mode). Null
 * when there are no values.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle]!;
  return (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The person with the highest count; ties go to the smaller person id, so results are stable. */
export function topOf(
  counts: ReadonlyMap<PersonId, number>,
): { person: PersonId; count: number } | null {
  let top: { person: PersonId; count: number } | null = null;
  for (const [person, count] of counts) {
    if (top === null || count > top.count || (count === top.count && person < top.person)) {
      top = { person, count };
    }
  }
  return top;
}

/** Adds one to `key`'s count. */
export function increment<K>(counts: Map<K, number>, key: K, by = 1): void {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/** Groups values under each of their keys, keys sorted. */
export function groupBy<T>(
  items: readonly T[],
  keysOf: (item: T) => readonly string[],
): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keysOf(item))) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
