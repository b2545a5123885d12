/**
 * Writes a demo repository with one `git fast-import` stream: every commit of main (squash merges
 * committed by GitHub, direct pushes, merge commits of merged branches) and the branches of open and
 * closed pull requests. Returns each commit's id. Git runs with no user or system configuration, so
 * the same plan gives the same commit ids everywhere.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Person } from "./cast.js";
import type { ResolvedCommit } from "./resolve.js";
import type { TimedCommit } from "./timeline.js";

/** The environment every git process of the demo runs with. */
export function gitEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  // A repository named by the caller's environment (a git hook, say) must not redirect the demo's.
  for (const name of ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"])
    delete env[name];
  return {
    ...env,
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_TERMINAL_PROMPT: "0",
    LC_ALL: "C",
  };
}

/** Runs git in `cwd`; throws with git's stderr when it fails. Returns stdout. */
export function runGit(cwd: string, args: string[], input?: string): string {
  const result = spawnSync("git", args, {
    cwd,
    env: gitEnv(),
    input,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0)
    throw new Error(`git ${args[0] ?? ""} failed in ${cwd}: ${result.stderr.trim()}`);
  return result.stdout;
}

/** Commit ids by commit: for each timed commit, its own id and its branch commits' ids. */
export type CommitIds = Map<ResolvedCommit, string>;

const GITHUB = { name: "GitHub", email: "noreply@github.com" };

/** Creates the repository at `dir` from `commits` (oldest first) and checks out main. */
export function writeRepository(
  dir: string,
  commits: TimedCommit[],
  message: (commit: TimedCommit) => string,
): CommitIds {
  mkdirSync(dir, { recursive: true });
  runGit(dir, ["init", "-q", "-b", "main"]);
  const stream: string[] = [];
  const marks = new Map<ResolvedCommit, number>();
  let next = 1;
  let mainTip: number | null = null;
  const merged: string[] = [];

  const emit = (
    ref: string,
    commit: ResolvedCommit,
    author: string,
    committer: string,
    text: string,
    parents: number[],
  ) => {
    const mark = next++;
    marks.set(commit, mark);
    stream.push(`commit ${ref}\nmark :${mark}\nauthor ${author}\ncommitter ${committer}\n`);
    stream.push(data(text));
    const [first, ...rest] = parents;
    if (first !== undefined) stream.push(`from :${first}\n`);
    for (const parent of rest) stream.push(`merge :${parent}\n`);
    for (const change of commit.changes) {
      if (change.kind === "delete") stream.push(`D ${change.path}\n`);
      else if (change.kind === "rename") stream.push(`R ${change.from} ${change.to}\n`);
      else {
        const mode = change.path.endsWith(".sh") ? "100755" : "100644";
        stream.push(`M ${mode} inline ${change.path}\n`, data(change.content));
      }
    }
    stream.push("\n");
    return mark;
  };

  for (const timed of commits) {
    const { plan } = timed.commit;
    const author = identity(plan.identity ?? plan.author, plan.author, timed.authorTime);
    const base = mainTip === null ? [] : [mainTip];
    if (timed.branch.length > 0) {
      const name = plan.branch?.name ?? "branch";
      let tip = mainTip;
      for (const { commit, time } of timed.branch) {
        const who = identity(commit.plan.identity ?? commit.plan.author, commit.plan.author, time);
        tip = emit(
          `refs/heads/${name}`,
          commit,
          who,
          who,
          `${commit.subject}\n`,
          tip === null ? [] : [tip],
        );
      }
      merged.push(name);
      const committer = identity(GITHUB, null, timed.commitTime);
      mainTip = emit("refs/heads/main", timed.commit, author, committer, message(timed), [
        ...base,
        ...(tip === null ? [] : [tip]),
      ]);
    } else if (plan.branchOnly) {
      emit(`refs/heads/${plan.branchOnly}`, timed.commit, author, author, message(timed), base);
    } else {
      const committer = timed.pull ? identity(GITHUB, null, timed.commitTime) : author;
      mainTip = emit("refs/heads/main", timed.commit, author, committer, message(timed), base);
    }
  }
  stream.push("done\n");

  const marksFile = join(dir, ".git", "demo-marks");
  runGit(dir, ["fast-import", "--quiet", "--done", `--export-marks=${marksFile}`], stream.join(""));
  const shaOf = new Map<number, string>();
  for (const line of readFileSync(marksFile, "utf8").split("\n")) {
    const [mark, sha] = line.split(" ");
    if (mark && sha) shaOf.set(Number(mark.slice(1)), sha);
  }
  rmSync(marksFile);
  // Merged branches are deleted after their pull request is merged, as GitHub offers to.
  for (const name of merged) runGit(dir, ["update-ref", "-d", `refs/heads/${name}`]);
  runGit(dir, ["reset", "-q", "--hard", "main"]);

  const ids: CommitIds = new Map();
  for (const [commit, mark] of marks) {
    const sha = shaOf.get(mark);
    if (!sha) throw new Error(`git fast-import gave no id for mark :${mark}`);
    ids.set(commit, sha);
  }
  return ids;
}

function identity(
  who: { name: string; email: string },
  person: Person | null,
  time: number,
): string {
  return `${who.name} <${who.email}> ${time} ${person?.tz ?? "+0000"}`;
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text)}\n${text}\n`;
}
