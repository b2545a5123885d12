/**
 * Turns planned commits into file changes, in the order they land on each repository's main
 * branch: random activity gets its file and its conventional-commit subject here, generated files
 * get their next content, dependency bumps rewrite package.json and package-lock.json, and branch
 * commits are applied to a copy of the tree (merged back by their merge commit, or never).
 */
import type { RepoName } from "./cast.js";
import { bumpAction, changeFile, type FileText, newFile, render } from "./content.js";
import { areaSpec } from "./layout.js";
import { type Dependencies, INITIAL_DEPENDENCIES, packageJson, packageLock } from "./packages.js";
import type { FileOp, PlannedCommit } from "./plan.js";
import type { Random } from "./random.js";

/** One change as git fast-import writes it. */
export type FileChange =
  | { kind: "write"; path: string; content: string }
  | { kind: "delete"; path: string }
  | { kind: "rename"; from: string; to: string };

/** A planned commit with its subject and file changes settled. */
export interface ResolvedCommit {
  plan: PlannedCommit;
  subject: string;
  changes: FileChange[];
  /** Paths the commit leaves changed (new paths of renames). */
  paths: string[];
  /** For a merge-commit pull request: the commits of the merged branch. */
  branchCommits: ResolvedCommit[];
}

type Entry = { kind: "generated"; file: FileText } | { kind: "raw"; content: string };

/** The files of one tree, plus the dependency versions package.json pins. */
interface Tree {
  files: Map<string, Entry>;
  dependencies: Dependencies;
}

/** Resolves one repository's commits; `commits` must be oldest first. */
export function resolveRepository(
  repo: RepoName,
  commits: PlannedCommit[],
  random: Random,
): ResolvedCommit[] {
  const main: Tree = {
    files: new Map(),
    dependencies: { ...(repo === "platform" ? {} : INITIAL_DEPENDENCIES[repo]) },
  };
  const later = new Map<string, [string, string][]>();
  const resolved: ResolvedCommit[] = [];
  for (const plan of commits) {
    if (plan.branch) {
      const fork = copy(main);
      const branchCommits = plan.branch.commits.map((c) => apply(repo, fork, c, c.ops, c.subject));
      // The merge commit brings the branch's files over as they are at its tip.
      const changes: FileChange[] = [];
      for (const path of new Set(branchCommits.flatMap((c) => c.paths))) {
        const entry = fork.files.get(path);
        if (entry) {
          main.files.set(path, entry);
          changes.push({ kind: "write", path, content: text(entry) });
        } else {
          main.files.delete(path);
          changes.push({ kind: "delete", path });
        }
      }
      const paths = changes.map((c) => (c.kind === "rename" ? c.to : c.path));
      resolved.push({ plan, subject: plan.subject, changes, paths, branchCommits });
    } else if (plan.branchOnly) {
      resolved.push(apply(repo, copy(main), plan, plan.ops, plan.subject));
    } else if (plan.area) {
      const chosen = fillerOps(repo, main, plan.area, later, random);
      if (chosen) resolved.push(apply(repo, main, plan, chosen.ops, chosen.subject));
    } else {
      resolved.push(apply(repo, main, plan, plan.ops, plan.subject));
    }
  }
  return resolved;
}

function copy(tree: Tree): Tree {
  return { files: new Map(tree.files), dependencies: { ...tree.dependencies } };
}

function text(entry: Entry): string {
  return entry.kind === "raw" ? entry.content : render(entry.file);
}

function apply(
  repo: RepoName,
  tree: Tree,
  plan: PlannedCommit,
  ops: FileOp[],
  subject: string,
): ResolvedCommit {
  const changes: FileChange[] = [];
  const written = (path: string, entry: Entry) => {
    tree.files.set(path, entry);
    changes.push({ kind: "write", path, content: text(entry) });
  };
  for (const op of ops) {
    switch (op.op) {
      case "add":
        if (tree.files.has(op.path)) throw new Error(`${repo}: ${op.path} added twice`);
        written(op.path, { kind: "generated", file: newFile(op.path, op.what) });
        break;
      case "change": {
        const entry = tree.files.get(op.path);
        if (entry?.kind !== "generated") throw new Error(`${repo}: cannot change ${op.path}`);
        written(op.path, { kind: "generated", file: changeFile(entry.file, op.what) });
        break;
      }
      case "write":
        written(op.path, { kind: "raw", content: op.content });
        break;
      case "delete":
        if (!tree.files.delete(op.path)) throw new Error(`${repo}: cannot delete ${op.path}`);
        changes.push({ kind: "delete", path: op.path });
        break;
      case "rename": {
        const entry = tree.files.get(op.from);
        if (!entry) throw new Error(`${repo}: cannot rename ${op.from}`);
        tree.files.delete(op.from);
        tree.files.set(op.to, entry);
        changes.push({ kind: "rename", from: op.from, to: op.to });
        break;
      }
      case "bump":
        if (op.file) {
          const entry = tree.files.get(op.file);
          if (entry?.kind !== "generated") throw new Error(`${repo}: cannot bump in ${op.file}`);
          written(op.file, {
            kind: "generated",
            file: bumpAction(entry.file, op.dependency, op.from, op.to),
          });
        } else {
          tree.dependencies[op.dependency] = op.to;
          written("package.json", { kind: "raw", content: packageJson(repo, tree.dependencies) });
          written("package-lock.json", {
            kind: "raw",
            content: packageLock(repo, tree.dependencies),
          });
        }
        break;
    }
  }
  const paths = changes.map((c) => (c.kind === "rename" ? c.to : c.path));
  return { plan, subject, changes, paths, branchCommits: [] };
}

/** Random activity in `dir`: add the area's next file now and then, else change one of its files. */
function fillerOps(
  repo: RepoName,
  tree: Tree,
  dir: string,
  later: Map<string, [string, string][]>,
  random: Random,
): { ops: FileOp[]; subject: string } | null {
  const spec = areaSpec(repo, dir);
  const key = `${dir}/`;
  if (!later.has(key)) later.set(key, [...spec.later]);
  const remaining = later.get(key) ?? [];
  const existing = [...tree.files]
    .filter(([path, entry]) => entry.kind === "generated" && dirname(path) === dir)
    .map(([path]) => path)
    .sort();
  const next = remaining[0];
  if (next && (existing.length === 0 || random.chance(0.2))) {
    remaining.shift();
    const [name, what] = next;
    return {
      ops: [{ op: "add", path: `${dir}/${name}`, what }],
      subject: `${spec.addType}(${spec.scope}): ${spec.addType === "test" ? "cover" : "add"} ${what}`,
    };
  }
  if (existing.length === 0) return null;
  const [type, what] = random.pick(spec.changes);
  return {
    ops: [{ op: "change", path: random.pick(existing), what }],
    subject: `${type}(${spec.scope}): ${what}`,
  };
}

function dirname(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "." : path.slice(0, slash);
}
