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
    let visited: Set<string> | undefined;
    for (let i = 0; i < history.length; i++) {
      const record = history[i]!;
      if (record.kind !== "R" || record.oldPath === null) continue;
      visited ??= new Set([path]);
      if (visited.has(record.oldPath)) continue;
      visited.add(record.oldPath);
      const older = byPath.get(record.oldPath);
      if (older) for (const r of older) history.push(r);
    }
    return history;
  };
}
