/** Commit messages as GitHub writes them: "subject (#123)" for squash merges, "Merge pull request …". */
import { OWNER } from "./cast.js";
import type { TimedCommit } from "./timeline.js";

/** The full message of a timed commit, with its `Co-authored-by` trailers. */
export function commitMessage(timed: TimedCommit): string {
  const { plan, subject } = timed.commit;
  const trailers = (plan.coAuthors ?? []).map((p) => `Co-authored-by: ${p.name} <${p.email}>`);
  const pull = timed.pull;
  let head = subject;
  let body = plan.body;
  if (pull && timed.branch.length > 0) {
    head = `Merge pull request #${pull.number} from ${OWNER}/${pull.headRef}`;
    body = subject;
  } else if (pull && !plan.branchOnly) {
    head = `${subject} (#${pull.number})`;
  }
  const paragraphs = [head, body, trailers.join("\n")].filter(
    (p): p is string => p !== undefined && p !== "",
  );
  return `${paragraphs.join("\n\n")}\n`;
}
