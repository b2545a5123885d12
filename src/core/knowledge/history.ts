import type { AuthorshipRecord } from "../model.js";

/**
 * Indexes records once by their new path and returns a function giving the history of a file
 * (Avelino et al., ICPC 2016; docs/ARCHITECTURE.md, "Knowledge model"): every record whose new path is the file's path, then, repeatedly, the
 * records of each rename record's old path. History is keyed by path, so an earlier file at the
 * same path contributes too; each path is read once, which also stops rename cycles. Unknown
 * paths give `[]`. Each call returns a new array.
 */
export function buildHistories(records: AuthorshipRecord[]): (path: string) => AuthorshipRecord[] {
  const byPath = new Map<string, AuthorshipRecord[]>();
  for (const record of records) {
    const list = byPath.get(record.path);
    if (list) list.push(record);
    else byPath.set(record.path, [record]);
  }
  return (path) => {
    const own = byPath.get(path);
    if (!own) return [];
    const history = own.slice();
    followRenames(path, history, (oldPath) => {
      const older = byPath.get(oldPath);
      if (older) for (const r of older) history.push(r);
      return true;
    });
    return history;
  };
}

/**
 * The rename rule of a file's history, for the ways of gathering it: reads `history` from the
 * start while it grows (up to `gathered()` records, by default its length, at each step) and, at
 * each rename record whose old path is not read yet (nor the file's own path), calls `readOlder`
 * with that old path, which appends its records. Stops and returns false when `readOlder` does.
 */
export function followRenames(
  path: string,
  history: readonly AuthorshipRecord[],
  readOlder: (oldPath: string) => boolean,
  gathered: () => number = () => history.length,
): boolean {
  let visited: Set<string> | undefined;
  for (let i = 0; i < gathered(); i++) {
    const record = history[i]!;
    if (record.kind !== "R" || record.oldPath === null) continue;
    visited ??= new Set([path]);
    if (visited.has(record.oldPath)) continue;
    visited.add(record.oldPath);
    if (!readOlder(record.oldPath)) return false;
  }
  return true;
}
