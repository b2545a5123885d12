import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import type { Config } from "../config/schema.js";
import {
  addSupersedes,
  markSuperseded,
  nextDecisionFile,
  parseDecision,
  renderNewDecision,
} from "../core/decisions/index.js";
import { LegibleError, storageError } from "../errors.js";
import { findDecisionFolders } from "../sources/decisions/discover.js";
import { listPaths } from "../sources/git/blobs.js";
import { openRepository } from "../sources/git/repository.js";
import { git } from "../sources/git/run.js";

/** What `decide new` / `decide supersede` will write: plain data, written by the caller atomically. */
export interface DecisionWrite {
  /** Absolute paths and their new content; the first is the new record. */
  files: { path: string; content: string; created: boolean }[];
  id: string;
}

interface WorkTree {
  root: string;
  folder: string;
  existing: string[];
}

async function workTreeFolder(repo: string, config: Config): Promise<WorkTree> {
  const info = await openRepository(repo);
  if (info.bare) {
    throw new LegibleError(
      "BAD_USAGE",
      `${info.path}: a bare repository has no work tree to write a decision record into`,
      "run it in a clone with a work tree",
    );
  }
  const paths = await listPaths(info.path, info.head);
  const found = await findDecisionFolders(info.path, info.head, paths, config.decisions.folders);
  const absolute = join(info.path, found.writeTo);
  const existing = existsSync(absolute)
    ? readdirSync(absolute).filter((name) => name.endsWith(".md"))
    : [];
  return { root: info.path, folder: found.writeTo, existing };
}

/** Plans a new record in the repository's decision folder (docs/decisions/ when there is none). */
export async function planNewDecision(
  repo: string,
  options: { title: string; date: string; config: Config },
): Promise<DecisionWrite> {
  const tree = await workTreeFolder(repo, options.config);
  const next = nextDecisionFile(tree.existing, options.title, options.date);
  const maker = await git(tree.root, ["config", "user.name"]).catch(() => "");
  const content = renderNewDecision({
    title: options.title,
    date: options.date,
    status: "proposed",
    ...(maker ? { decisionMakers: [maker] } : {}),
  });
  return {
    id: next.id,
    files: [{ path: join(tree.root, tree.folder, next.fileName), content, created: true }],
  };
}

/** Plans a record that supersedes `oldId`, and the edit that marks the old one superseded, in its own format. */
export async function planSupersede(
  repo: string,
  options: { oldId: string; title: string; date: string; config: Config },
): Promise<DecisionWrite> {
  const tree = await workTreeFolder(repo, options.config);
  const oldFile = tree.existing.find((name) => matchesId(name, options.oldId));
  if (!oldFile) {
    throw new LegibleError(
      "BAD_USAGE",
      `${join(tree.root, tree.folder)}: no decision record '${options.oldId}'`,
      "give the record's id (its file name without .md) or its number; legible decide list shows them",
    );
  }
  const oldPath = join(tree.root, tree.folder, oldFile);
  const oldText = readFileSync(oldPath, "utf8");
  const old = parseDecision({ path: join(tree.folder, oldFile), text: oldText });
  const next = nextDecisionFile(tree.existing, options.title, options.date);
  const maker = await git(tree.root, ["config", "user.name"]).catch(() => "");
  const fresh = renderNewDecision({
    title: options.title,
    date: options.date,
    status: "proposed",
    ...(maker ? { decisionMakers: [maker] } : {}),
    supersedes: [{ id: old.id, title: old.title, fileName: oldFile }],
  });
  const content = addSupersedes(fresh, {
    id: old.id,
    title: old.title,
    fileName: oldFile,
    number: old.number,
  });
  const updated = markSuperseded(
    { text: oldText, format: old.format },
    { id: next.id, title: options.title, fileName: next.fileName, number: next.number },
  );
  return {
    id: next.id,
    files: [
      { path: join(tree.root, tree.folder, next.fileName), content, created: true },
      { path: oldPath, content: updated, created: false },
    ],
  };
}

function matchesId(fileName: string, id: string): boolean {
  const base = fileName.replace(/\.md$/, "");
  if (base === id || base === id.replace(/\.md$/, "")) return true;
  const number = /^(\d+)/.exec(base)?.[1];
  return number !== undefined && /^\d+$/.test(id) && Number(number) === Number(id);
}

/** The file-system calls `writeDecisionFiles` makes; tests inject a failing one (a full disk). */
export interface DecisionFs {
  writeFileSync: (path: string, content: string) => void;
  renameSync: (from: string, to: string) => void;
}

/**
 * Writes every file of a plan through temporary siblings, renaming only when all are written. On
 * any failure nothing of the plan is left: temporary files are removed, a record already created is
 * removed again, and the error is one line (disk full, file name too long, ...).
 */
export function writeDecisionFiles(
  plan: DecisionWrite,
  fs: DecisionFs = { writeFileSync, renameSync },
): void {
  for (const file of plan.files) {
    if (file.created && existsSync(file.path))
      throw new LegibleError("BAD_USAGE", `${file.path} already exists`);
  }
  const staged: { temporary: string; path: string; created: boolean }[] = [];
  const renamed: string[] = [];
  let current = plan.files[0]?.path ?? "";
  try {
    for (const file of plan.files) {
      current = file.path;
      mkdirSync(dirname(file.path), { recursive: true });
      const temporary = join(dirname(file.path), `.${process.pid}.${staged.length}.legible.tmp`);
      staged.push({ temporary, path: file.path, created: file.created });
      fs.writeFileSync(temporary, file.content);
    }
    for (const { temporary, path, created } of staged) {
      current = path;
      fs.renameSync(temporary, path);
      if (created) renamed.push(path);
    }
  } catch (error) {
    for (const { temporary } of staged) removeQuietly(temporary);
    for (const path of renamed) removeQuietly(path);
    throw (
      storageError(error, current) ??
      new LegibleError(
        "BAD_INPUT",
        `${current}: cannot write the decision record: ${(error as Error).message}`,
      )
    );
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing is there, or nothing more can be done: the first failure is what gets reported.
  }
}

export function ensureFolder(path: string): void {
  mkdirSync(path, { recursive: true });
}
