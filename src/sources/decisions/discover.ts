import { parse as parseYaml } from "yaml";
import {
  hasRecordName,
  isDecisionFile,
  looksLikeDecisionRecord,
} from "../../core/decisions/index.js";
import { readTexts } from "../git/blobs.js";

/** Folders where decision records conventionally live, in the order they are looked for. */
export const COMMON_DECISION_FOLDERS = [
  "doc/adr",
  "docs/adr",
  "docs/decisions",
  "docs/architecture/decisions",
  "architecture/decisions",
  "adr",
  "decisions",
  "rfcs",
];

/** A folder whose records were recognised by what they look like needs at least this many. */
export const MIN_RECOGNISED_RECORDS = 2;

/** At most this many files of one folder are read to recognise records. */
const SAMPLE_PER_FOLDER = 12;

export interface DecisionFolders {
  /**
   * Folders holding decision records, relative to the repository root, without a trailing slash;
   * "" is the repository root.
   */
  folders: string[];
  /**
   * Why each folder was chosen: ".adr-dir", ".log4brains.yml", "legible.yaml", "common folder"
   * or "recognised: …" (how many of its files look like records).
   */
  reasons: Record<string, string>;
  /**
   * Folders whose records are only the files with numbered or dated names (recognised folders:
   * their other Markdown files are documentation, not records).
   */
  namedOnly: string[];
  /** The folder `decide new` writes to: the tool-configured or first found folder, else docs/decisions. */
  writeTo: string;
  /** Where legible looked and what it found there, one sentence each; for "nothing found" messages. */
  looked: string[];
}

/**
 * Finds the decision folders of a repository from its files at a commit: a folder named by the
 * repository's own tool config wins (`.adr-dir` for adr-tools, `adrFolder` entries of
 * `.log4brains.yml`, per package too); otherwise the common folders that exist and the folders,
 * anywhere (the root included), where at least MIN_RECOGNISED_RECORDS files with numbered or dated
 * names read as records (a status and a decision section, or a context and a decision section);
 * plus, always, those listed in legible.yaml ("." or "" for the root).
 */
export async function findDecisionFolders(
  dir: string,
  commit: string,
  paths: string[],
  configured: string[],
): Promise<DecisionFolders> {
  const texts = await readTexts(dir, commit, [".adr-dir", ".log4brains.yml", ".log4brains.yaml"]);
  const reasons: Record<string, string> = {};
  const looked: string[] = [];
  const add = (folder: string, reason: string) => {
    const clean = normaliseFolder(folder);
    if (!(clean in reasons)) reasons[clean] = reason;
  };
  const adrDir = texts.get(".adr-dir");
  if (adrDir) add(adrDir.trim(), ".adr-dir");
  const log4brains = texts.get(".log4brains.yml") ?? texts.get(".log4brains.yaml");
  if (log4brains)
    for (const folder of log4brainsFolders(log4brains)) add(folder, ".log4brains.yml");
  const toolConfigured = Object.keys(reasons).length > 0;
  if (toolConfigured)
    looked.push(
      `the folders the repository's tool config names: ${Object.keys(reasons).map(show).join(", ")}`,
    );
  for (const folder of configured) add(folder, "legible.yaml");
  if (configured.length > 0)
    looked.push(
      `the folders legible.yaml names: ${configured.map((f) => show(normaliseFolder(f))).join(", ")}`,
    );
  const namedOnly: string[] = [];
  if (!toolConfigured) {
    const present = new Set<string>();
    for (const path of paths) {
      for (const folder of COMMON_DECISION_FOLDERS)
        if (path.startsWith(`${folder}/`)) present.add(folder);
    }
    for (const folder of COMMON_DECISION_FOLDERS)
      if (present.has(folder)) add(folder, "common folder");
    looked.push(
      present.size > 0
        ? `the common folders ${[...present].join(", ")}`
        : `the common folders (${COMMON_DECISION_FOLDERS.join(", ")}): none exists`,
    );
    const recognised = await recogniseFolders(dir, commit, paths, new Set(Object.keys(reasons)));
    for (const found of recognised.folders) {
      add(
        found.folder,
        `recognised: ${found.records} of ${found.read} numbered or dated files read as records`,
      );
      if (reasons[found.folder]?.startsWith("recognised")) namedOnly.push(found.folder);
    }
    looked.push(recognised.summary);
  }
  const folders = Object.keys(reasons);
  return {
    folders,
    reasons,
    namedOnly,
    writeTo: folders[0] ?? "docs/decisions",
    looked,
  };
}

/** The decision records among `paths`: Markdown files directly inside a decision folder. */
export function decisionPaths(
  paths: string[],
  found: Pick<DecisionFolders, "folders" | "namedOnly">,
): string[] {
  const folders = new Set(found.folders);
  const namedOnly = new Set(found.namedOnly);
  return paths.filter((path) => {
    const slash = path.lastIndexOf("/");
    const folder = slash < 0 ? "" : path.slice(0, slash);
    if (!folders.has(folder)) return false;
    return namedOnly.has(folder) ? hasRecordName(path) : isDecisionFile(path);
  });
}

/**
 * Folders outside `known` where files with numbered or dated names read as decision records: every
 * folder with at least MIN_RECOGNISED_RECORDS such names has up to SAMPLE_PER_FOLDER of them read,
 * and is kept when at least MIN_RECOGNISED_RECORDS and half of those read look like records.
 */
async function recogniseFolders(
  dir: string,
  commit: string,
  paths: string[],
  known: Set<string>,
): Promise<{ folders: { folder: string; records: number; read: number }[]; summary: string }> {
  const byFolder = new Map<string, string[]>();
  for (const path of paths) {
    if (!hasRecordName(path) || /(?:^|\/)(?:node_modules|vendor|third_party)\//.test(path))
      continue;
    const slash = path.lastIndexOf("/");
    const folder = slash < 0 ? "" : path.slice(0, slash);
    if (known.has(folder)) continue;
    const list = byFolder.get(folder);
    if (list) list.push(path);
    else byFolder.set(folder, [path]);
  }
  const candidates = [...byFolder.entries()].filter(
    ([, files]) => files.length >= MIN_RECOGNISED_RECORDS,
  );
  const sample = candidates.flatMap(([, files]) => files.slice(0, SAMPLE_PER_FOLDER));
  const texts =
    sample.length > 0 ? await readTexts(dir, commit, sample) : new Map<string, string>();
  const folders: { folder: string; records: number; read: number }[] = [];
  for (const [folder, files] of candidates) {
    const read = files.slice(0, SAMPLE_PER_FOLDER);
    const records = read.filter((file) => looksLikeDecisionRecord(texts.get(file) ?? "")).length;
    if (records >= MIN_RECOGNISED_RECORDS && records * 2 >= read.length)
      folders.push({ folder, records, read: read.length });
  }
  folders.sort((a, b) => a.folder.localeCompare(b.folder));
  const rejected = candidates.length - folders.length;
  const summary =
    candidates.length === 0
      ? "the whole tree for folders of two or more Markdown files with numbered or dated names (0001-x.md, adr-01.md, 2024-01-10-x.md): none"
      : `${candidates.length} ${candidates.length === 1 ? "folder" : "folders"} with Markdown files with numbered or dated names${
          rejected > 0
            ? `; ${rejected} not taken, their files lacking a status and a decision section (${candidates
                .map(([folder]) => folder)
                .filter((folder) => !folders.some((f) => f.folder === folder))
                .slice(0, 5)
                .map(show)
                .join(", ")}${rejected > 5 ? ", …" : ""})`
            : ""
        }`;
  return { folders, summary };
}

function log4brainsFolders(text: string): string[] {
  try {
    const config = parseYaml(text) as {
      project?: { adrFolder?: unknown; packages?: { adrFolder?: unknown }[] };
    } | null;
    const folders: string[] = [];
    const main = config?.project?.adrFolder;
    if (typeof main === "string") folders.push(main);
    for (const pkg of config?.project?.packages ?? [])
      if (typeof pkg?.adrFolder === "string") folders.push(pkg.adrFolder);
    return folders;
  } catch {
    return [];
  }
}

/** "./docs/adr/" → "docs/adr"; ".", "./" and "" → "" (the repository root). */
export function normaliseFolder(folder: string): string {
  const clean = folder
    .trim()
    .replace(/\\/g, "/")
    .replace(/^(?:\.\/)+/, "")
    .replace(/\/+$/, "");
  return clean === "." ? "" : clean;
}

/** A folder as shown to users: "" is "(repository root)". */
export function show(folder: string): string {
  return folder === "" ? "(repository root)" : folder;
}
