import { parse as parseYaml } from "yaml";
import { isDecisionFile } from "../../core/decisions/index.js";
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

export interface DecisionFolders {
  /** Folders holding decision records, relative to the repository root, without a trailing slash. */
  folders: string[];
  /** Why each folder was chosen: ".adr-dir", ".log4brains.yml", "legible.yaml" or "common folder". */
  reasons: Record<string, string>;
  /** The folder `decide new` writes to: the tool-configured or first found folder, else docs/decisions. */
  writeTo: string;
}

/**
 * Finds the decision folders of a repository from its files at a commit: a folder named by the
 * repository's own tool config wins (`.adr-dir` for adr-tools, `adrFolder` entries of
 * `.log4brains.yml`, per package too); otherwise the common folders that exist, plus any listed in
 * legible.yaml.
 */
export async function findDecisionFolders(
  dir: string,
  commit: string,
  paths: string[],
  configured: string[],
): Promise<DecisionFolders> {
  const texts = await readTexts(dir, commit, [".adr-dir", ".log4brains.yml", ".log4brains.yaml"]);
  const reasons: Record<string, string> = {};
  const add = (folder: string, reason: string) => {
    const clean = normaliseFolder(folder);
    if (clean !== "" && !(clean in reasons)) reasons[clean] = reason;
  };
  const adrDir = texts.get(".adr-dir");
  if (adrDir) add(adrDir.trim(), ".adr-dir");
  const log4brains = texts.get(".log4brains.yml") ?? texts.get(".log4brains.yaml");
  if (log4brains)
    for (const folder of log4brainsFolders(log4brains)) add(folder, ".log4brains.yml");
  const toolConfigured = Object.keys(reasons).length > 0;
  for (const folder of configured) add(folder, "legible.yaml");
  if (!toolConfigured) {
    const present = new Set<string>();
    for (const path of paths) {
      for (const folder of COMMON_DECISION_FOLDERS)
        if (path.startsWith(`${folder}/`)) present.add(folder);
    }
    for (const folder of COMMON_DECISION_FOLDERS)
      if (present.has(folder)) add(folder, "common folder");
  }
  const folders = Object.keys(reasons);
  return { folders, reasons, writeTo: folders[0] ?? "docs/decisions" };
}

/** The decision records among `paths`: Markdown files directly inside a decision folder. */
export function decisionPaths(paths: string[], folders: string[]): string[] {
  return paths.filter((path) => {
    const slash = path.lastIndexOf("/");
    const folder = slash < 0 ? "" : path.slice(0, slash);
    return folders.includes(folder) && isDecisionFile(path);
  });
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

function normaliseFolder(folder: string): string {
  return folder.trim().replace(/^\.\//, "").replace(/\/+$/, "");
}
