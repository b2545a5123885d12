import { existsSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { LegibleError } from "../../errors.js";
import { firstLine, git, runGit } from "./run.js";

/** What legible knows about a repository before reading its history. */
export interface RepositoryInfo {
  /** Absolute path given by the user, normalised to the work tree top or the bare repository. */
  path: string;
  /** The folder's name (`x` for a bare `x.git`); the display name is decided in core/repositories/names.ts. */
  name: string;
  /** `remote.origin.url`, or null when the repository has no origin remote. */
  originUrl: string | null;
  bare: boolean;
  /** A shallow clone: history before the graft points is missing. */
  shallow: boolean;
  /** A partial (e.g. blobless) clone: file contents may be missing, so renames cannot be detected offline. */
  partial: boolean;
  /**
   * Local rewrites of history that legible ignores (it reads what the commits record): replace refs
   * (`git replace`, `refs/replace/*`) and a grafts file (`.git/info/grafts`).
   */
  rewrites: { replaceRefs: number; graftsFile: boolean };
  /** The ref as the user asked for it. */
  ref: string;
  /** The commit the ref points to. */
  head: string;
}

/** Opens a repository at `path` (work tree, its subfolder, or a bare repository) and resolves `ref`. */
export async function openRepository(path: string, ref = "HEAD"): Promise<RepositoryInfo> {
  const absolute = resolve(path);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new LegibleError(
      "NOT_A_REPOSITORY",
      `${absolute}: no such directory`,
      "expected the path of a git repository",
    );
  }
  // A work tree with the ref: every rev-parse question in one git, its answers in order (a re-scan
  // with nothing new is mostly these few git processes, and each costs node a fork). Anything else
  // (a bare repository, where --show-toplevel fails; an unknown ref; not a repository) asks them
  // one by one, for the answer or the error each gives.
  const asking = runGit(absolute, [
    "rev-parse",
    ...PROBES,
    "--show-toplevel",
    "--verify",
    "--quiet",
    "--end-of-options",
    `${ref}^{commit}`,
  ]);
  const settled = Promise.all([repositorySettings(absolute), countReplaceRefs(absolute)]);
  settled.catch(() => undefined); // awaited below, once the path is known to be a repository
  const together = await asking;
  const lines = together.stdout.toString("utf8").split("\n");
  const probed =
    together.code === 0 && lines.length === 7 && lines[6] === "" && lines[0] === "false"
      ? { probe: lines.slice(0, 4), top: lines[4]!, head: lines[5]! }
      : await probeOneByOne(absolute, ref);
  const [bareLine, shallowLine, gitDir, commonDir = ""] = probed.probe;
  const bare = bareLine === "true";
  const [settings, replaceRefs] = await settled;
  const top = probed.top ?? gitDir ?? absolute;
  return {
    path: top,
    name: repositoryName(top),
    originUrl: settings.originUrl,
    bare,
    shallow: shallowLine === "true",
    partial: settings.partial,
    rewrites: {
      replaceRefs,
      // Not `--git-path info/grafts`: that answers GIT_GRAFT_FILE, which legible sets to nothing.
      graftsFile: commonDir !== "" && hasContent(resolve(absolute, commonDir, "info", "grafts")),
    },
    ref,
    head: probed.head,
  };
}

/** What `rev-parse` tells of the repository, in this order: bare, shallow, git dir, common dir. */
const PROBES = [
  "--is-bare-repository",
  "--is-shallow-repository",
  "--absolute-git-dir",
  "--git-common-dir",
];

/**
 * The probes, the work tree's top (null in a bare repository) and the ref's commit, each from a
 * git of its own, all at once; the first tells whether this is a repository at all.
 */
async function probeOneByOne(
  absolute: string,
  ref: string,
): Promise<{ probe: string[]; top: string | null; head: string }> {
  const probing = runGit(absolute, ["rev-parse", ...PROBES]);
  const toplevel = runGit(absolute, ["rev-parse", "--show-toplevel"]); // fails in a bare repository
  const resolving = resolveCommit(absolute, ref);
  resolving.catch(() => undefined); // awaited below, once the path is known to be a repository
  toplevel.catch(() => undefined);
  const probe = await probing;
  if (probe.code !== 0) {
    throw new LegibleError(
      "NOT_A_REPOSITORY",
      `${absolute}: not a git repository`,
      "expected a work tree or a bare repository (a folder with .git, or one made by git clone --bare)",
    );
  }
  const lines = probe.stdout.toString("utf8").split("\n");
  const head = await resolving;
  if (lines[0] === "true") return { probe: lines, top: null, head };
  const shown = await toplevel;
  if (shown.code !== 0)
    throw new LegibleError(
      "GIT_FAILED",
      `git rev-parse failed in ${absolute}: ${firstLine(shown.stderr)}`,
    );
  return { probe: lines, top: shown.stdout.toString("utf8").trim(), head };
}

/** Resolves a revision to a commit sha, or throws UNKNOWN_REF naming the repository and the ref. */
export async function resolveCommit(dir: string, ref: string): Promise<string> {
  const result = await runGit(dir, [
    "rev-parse",
    "--verify",
    "--quiet",
    "--end-of-options",
    `${ref}^{commit}`,
  ]);
  const sha = result.stdout.toString("utf8").trim();
  if (result.code !== 0 || sha === "") {
    throw new LegibleError(
      "UNKNOWN_REF",
      `${dir}: unknown ref '${ref}'`,
      ref === "HEAD"
        ? "the repository has no commits yet"
        : "expected a branch, tag or commit that exists in this repository",
    );
  }
  return sha;
}

/** True when `ancestor` is reachable from `descendant`. */
export async function isAncestor(
  dir: string,
  ancestor: string,
  descendant: string,
): Promise<boolean> {
  const result = await runGit(dir, ["merge-base", "--is-ancestor", ancestor, descendant]);
  return result.code === 0;
}

/** How many commits a walk of `tip` minus `exclude` will visit (for progress). */
export async function countCommits(
  dir: string,
  range: { tip: string; exclude: string[] },
): Promise<number> {
  const out = await git(dir, [
    "rev-list",
    "--count",
    range.tip,
    ...range.exclude.map((sha) => `^${sha}`),
    "--",
  ]);
  return Number(out);
}

/** True when every given sha names a commit present in the object store. */
export async function commitsExist(dir: string, shas: string[]): Promise<Set<string>> {
  if (shas.length === 0) return new Set();
  const result = await runGit(dir, ["cat-file", "--batch-check=%(objectname) %(objecttype)"], {
    input: `${shas.join("\n")}\n`,
  });
  const present = new Set<string>();
  for (const line of result.stdout.toString("utf8").split("\n")) {
    const [sha, type] = line.split(" ");
    if (sha && type === "commit") present.add(sha);
  }
  return present;
}

/** The last commit on the ref's first-parent line made at or before `time` (Unix seconds), if any. */
export async function commitAtTime(dir: string, ref: string, time: number): Promise<string | null> {
  const out = await git(dir, ["rev-list", "-1", "--first-parent", `--before=${time}`, ref, "--"]);
  return out === "" ? null : out;
}

/** A file read at a commit: its text; null when absent; `missing` when the tree names a blob the object store lacks. */
export interface FileAt {
  text: string | null;
  /** The commit's tree has the file but its content is not in the object store (never fetched). */
  missing: boolean;
}

/** Reads a file's text from the object store at a commit (a top-level or plain path given as text). */
export async function readFileAt(dir: string, commit: string, path: string): Promise<FileAt> {
  const listed = await runGit(dir, ["ls-tree", "-z", "--full-tree", commit, "--", path]);
  const entry = listed.stdout.toString("utf8").split("\0")[0] ?? "";
  const [, type, blob] = entry.slice(0, entry.indexOf("\t")).split(" ");
  if (listed.code !== 0 || type !== "blob" || blob === undefined)
    return { text: null, missing: false };
  return readBlob(dir, blob);
}

/**
 * A top-level file's blob id and text at a commit (`<commit>:<name>`), in one `git cat-file
 * --batch`; null when the commit has no such blob or its content cannot be read.
 */
export async function readNamedBlob(
  dir: string,
  commit: string,
  name: string,
): Promise<{ blob: string; text: string } | null> {
  const result = await runGit(dir, ["cat-file", "--batch"], { input: `${commit}:${name}\n` });
  if (result.code !== 0) return null;
  const out = result.stdout;
  const newline = out.indexOf(10);
  if (newline < 0) return null;
  const [blob = "", type, size] = out.toString("latin1", 0, newline).split(" ");
  const length = Number(size);
  if (type !== "blob" || !Number.isInteger(length) || out.length < newline + 1 + length)
    return null;
  return { blob, text: out.toString("utf8", newline + 1, newline + 1 + length) };
}

/** Reads a blob's text by its id; `missing` when the object store lacks it. */
export async function readBlob(dir: string, blob: string): Promise<FileAt> {
  const result = await runGit(dir, ["cat-file", "blob", blob]);
  return result.code === 0
    ? { text: result.stdout.toString("utf8"), missing: false }
    : { text: null, missing: true };
}

async function countReplaceRefs(dir: string): Promise<number> {
  const result = await runGit(dir, ["for-each-ref", "--format=%(refname)", "refs/replace/"]);
  return result.stdout
    .toString("utf8")
    .split("\n")
    .filter((line) => line !== "").length;
}

function hasContent(path: string): boolean {
  return existsSync(path) && statSync(path).size > 0;
}

/** `remote.origin.url`, and whether the repository is a partial clone, in one `git config`. */
async function repositorySettings(
  dir: string,
): Promise<{ originUrl: string | null; partial: boolean }> {
  const result = await runGit(dir, [
    "config",
    "-z",
    "--get-regexp",
    "^(remote\\.origin\\.url|extensions\\.partialclone|remote\\..*\\.promisor)$",
  ]);
  let originUrl: string | null = null;
  let partial = false;
  // -z: each entry is the key, a newline, the value, then a NUL.
  for (const entry of result.stdout.toString("utf8").split("\0")) {
    const newline = entry.indexOf("\n");
    const key = (newline < 0 ? entry : entry.slice(0, newline)).toLowerCase();
    const value = newline < 0 ? "" : entry.slice(newline + 1);
    if (key === "remote.origin.url") {
      if (value.trim() !== "") originUrl = value.trim();
    } else if (key !== "") {
      partial = true; // extensions.partialclone, or a promisor remote
    }
  }
  return { originUrl, partial };
}

function repositoryName(top: string): string {
  const name = basename(top);
  return name === ".git" ? basename(resolve(top, "..")) : name.replace(/\.git$/, "");
}
