/**
 * What a commit subject says about the change: a pull request it merged or squashed, a branch it
 * merged, rework (`fixup!`, hotfix, a revert). Pure text rules, each written down here once.
 */

/** A pull request or branch named by a merge or squash subject. */
export type SubjectChange =
  /** GitHub's "Merge pull request #N from owner/branch". */
  | { kind: "merge-pr"; number: number; branch: string }
  /** A squash or rebase merge ending in "(#N)" (GitHub's default squash subject). */
  | { kind: "squash-pr"; number: number }
  /** "Merge branch 'topic'" (git's own message; git/git's topic branches). */
  | { kind: "merged-branch"; branch: string };

const MERGE_PR = /^Merge pull request #(\d+) from (\S+)/;
const SQUASH_PR = /\(#(\d+)\)\s*$/;
const MERGE_BRANCH = /^Merge (?:branch|remote-tracking branch) '([^']+)'/;
/** Branches that live on and carry other work: merging them is not one change. */
const LONG_LIVED =
  /^(?:(?:origin|upstream)\/)?(?:main|master|maint|maint-.*|next|seen|pu|develop|dev|trunk|integration|stable.*|release.*|v?\d+(?:\.\d+)*(?:\.x)?)$/i;

/** The change a subject names: `isMerge` tells a merge commit (merge subjects) from a single one (squash). */
export function changeOfSubject(subject: string, isMerge: boolean): SubjectChange | null {
  if (isMerge) {
    const pr = MERGE_PR.exec(subject);
    if (pr) return { kind: "merge-pr", number: Number(pr[1]), branch: pr[2]! };
    const branch = MERGE_BRANCH.exec(subject);
    if (branch && !LONG_LIVED.test(branch[1]!))
      return { kind: "merged-branch", branch: branch[1]! };
    return null;
  }
  const squash = SQUASH_PR.exec(subject);
  return squash ? { kind: "squash-pr", number: Number(squash[1]) } : null;
}

/** Rework a subject names: a revert (git's `Revert "…"`), a hotfix, or a `fixup!`/`squash!`/`amend!` left in history. */
export type SubjectRework = "revert" | "hotfix" | "fixup";

const REVERT = /^Revert "/;
const HOTFIX = /(?:^|[^a-z])hot[-_ ]?fix(?:es|ed)?(?:[^a-z]|$)/i;
const FIXUP = /^(?:fixup|squash|amend)! /;

export function reworkOfSubject(subject: string): SubjectRework | null {
  if (REVERT.test(subject)) return "revert";
  if (FIXUP.test(subject)) return "fixup";
  if (HOTFIX.test(subject)) return "hotfix";
  return null;
}

/** The rules above, as reports state them. */
export const SUBJECT_RULES = {
  mergePr: 'a merge commit "Merge pull request #N from owner/branch"',
  squashPr: 'a first-parent commit whose subject ends in "(#N)"',
  mergedBranch:
    "a first-parent merge of \"Merge branch '<topic>'\" (not main, master, maint, next, seen, develop, integration, release or version branches)",
  revert:
    'a commit whose message says "This reverts commit <sha>" (or whose subject starts with Revert ")',
  hotfix: 'a commit whose subject says "hotfix" (or "hot fix", "hot-fix")',
  fixup: "a fixup!, squash! or amend! commit left in the history",
} as const;
