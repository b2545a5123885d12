import { person, type TestRepo } from "./gitrepo.js";

export const ALICE = person("Alice");
export const BOB = person("Bob");

/**
 * Adds commits `from` to `to` - 1 of the store tests' history to `repo`: two people over two
 * folders, a co-author at 5, a rename at 9, a review trailer at 7, and at `revertAt` (when given)
 * a revert of the commit before it.
 */
export function addStoreHistory(
  repo: TestRepo,
  from: number,
  to: number,
  options: { revertAt?: number } = {},
): void {
  for (let i = from; i < to; i++) {
    const reverted = i === options.revertAt ? repo.git("rev-parse", "HEAD").trim() : "";
    repo.commit({
      author: i % 3 === 0 ? BOB : ALICE,
      date: `2024-01-${String(1 + (i % 28)).padStart(2, "0")}T10:${String(i % 60).padStart(2, "0")}:00Z`,
      files: { [`${i % 2 ? "api" : "web"}/f${i % 7}.ts`]: `v${i}\n` },
      ...(i === 5 ? { coAuthors: [BOB] } : {}),
      ...(i === 9 ? { renames: { "web/f0.ts": "web/zero.ts" } } : {}),
      message:
        i === 7
          ? "fix\n\nReviewed-by: Bob <bob@example.com>"
          : reverted
            ? `Revert "change ${i - 1}"\n\nThis reverts commit ${reverted}.`
            : `change ${i}`,
    });
  }
}
