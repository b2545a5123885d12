import picomatch from "picomatch";
import type { Config } from "../config/schema.js";
import { findMentionedNames, parseDecision, resolveReferences } from "../core/decisions/index.js";
import type { DecisionWithAreas } from "../core/review/trapped.js";
import {
  COMMON_DECISION_FOLDERS,
  decisionPaths,
  findDecisionFolders,
} from "../sources/decisions/discover.js";
import { listPaths, readTexts } from "../sources/git/blobs.js";
import { fileOrigins } from "../sources/git/record-origins.js";
import { openRepository, type RepositoryInfo } from "../sources/git/repository.js";

/**
 * A decision as `legible decide list --json` shows it. When the record states no date or no
 * decision-maker, the commit that created it (renames followed back, so a moved folder keeps its
 * records' first author and date) stands in, and `dateSource` / `decisionMakersSource` say "git".
 */
export interface DecisionEntry extends DecisionWithAreas {
  /** Where `date` came from: the record itself, or the commit that created the record. */
  dateSource: "record" | "git" | null;
  /** The author of the commit that created the record (before any move), whatever the record says. */
  addedBy: string | null;
}

export interface RepositoryDecisions {
  name: string;
  path: string;
  ref: string;
  commit: string;
  folders: { folder: string; reason: string }[];
  /** Where records were looked for: the folders found, or the common folders when none was. */
  lookedIn: string[];
  /** Where legible looked and what it found there, one sentence each (says why nothing was found). */
  looked: string[];
  /** The folder `decide new` writes to. */
  writeTo: string;
  decisions: DecisionEntry[];
}

/** `legible decide list --json`, version 1. */
export interface DecisionReport {
  version: 1;
  repositories: RepositoryDecisions[];
}

/**
 * Finds and parses the decision records of a repository at a ref, from the object store (bare
 * repositories work). Records that cannot be parsed keep their warnings; they never stop the others.
 */
export async function readDecisions(
  path: string,
  options: {
    ref?: string;
    config: Config /** Display name; default: the folder's. */;
    name?: string;
    /** The repository already opened at the ref (a session's scan): not opened again. */
    opened?: Pick<RepositoryInfo, "path" | "name" | "ref" | "head" | "partial">;
  },
): Promise<RepositoryDecisions> {
  const info = options.opened ?? (await openRepository(path, options.ref ?? "HEAD"));
  const paths = await listPaths(info.path, info.head);
  const found = await findDecisionFolders(
    info.path,
    info.head,
    paths,
    options.config.decisions.folders,
  );
  const files = decisionPaths(paths, found);
  const texts = await readTexts(info.path, info.head, files);
  const added = await fileOrigins(info.path, {
    commit: info.head,
    paths: files,
    partial: info.partial,
  });
  const parsed = resolveReferences(
    files.map((file) => parseDecision({ path: file, text: texts.get(file) ?? "" })),
  );
  const areasOf = areaMatcher(paths, options.config);
  const decisions = parsed.map((decision): DecisionEntry => {
    const origin = added.get(decision.path);
    const fromGit = decision.decisionMakers.length === 0 && origin !== undefined;
    return {
      ...decision,
      date: decision.date ?? origin?.date ?? null,
      dateSource: decision.date ? "record" : origin ? "git" : null,
      addedBy: origin ? origin.name : null,
      decisionMakers: fromGit ? [origin.name] : decision.decisionMakers,
      decisionMakersSource: fromGit ? "git" : decision.decisionMakersSource,
      areas:
        decision.declaredAreas.length > 0
          ? decision.declaredAreas
          : areasOf([
              ...decision.mentions,
              ...findMentionedNames(
                texts.get(decision.path) ?? "",
                Object.keys(options.config.areas.components),
              ),
            ]),
    };
  });
  return {
    name: options.name ?? info.name,
    path: info.path,
    ref: info.ref,
    commit: info.head,
    folders: found.folders.map((folder) => ({ folder, reason: found.reasons[folder] ?? "" })),
    lookedIn: found.folders.length > 0 ? found.folders : [...COMMON_DECISION_FOLDERS],
    looked: found.looked,
    writeTo: found.writeTo,
    decisions,
  };
}

/**
 * Maps what a record mentions to the areas of the knowledge analyses: a component's name, a file's
 * directory area (down to `areas.depth`), or a directory mentioned as such.
 */
export function areaMatcher(paths: string[], config: Config): (mentions: string[]) => string[] {
  const files = new Set(paths);
  const directories = new Set<string>();
  for (const path of paths) {
    let slash = path.indexOf("/");
    while (slash > 0) {
      directories.add(path.slice(0, slash));
      slash = path.indexOf("/", slash + 1);
    }
  }
  const components = Object.entries(config.areas.components).map(([name, globs]) => ({
    name,
    matches: picomatch(globs, { dot: true }),
  }));
  const areaOfPath = (path: string) => path.split("/").slice(0, config.areas.depth).join("/");
  return (mentions) => {
    const areas = new Set<string>();
    for (const raw of mentions) {
      const mention = raw.replace(/^\.?\//, "").replace(/\/+$/, "");
      for (const component of components) {
        if (component.name.toLowerCase() === mention.toLowerCase() || component.matches(mention))
          areas.add(`component:${component.name}`);
      }
      if (files.has(mention)) {
        if (mention.includes("/"))
          areas.add(areaOfPath(mention.slice(0, mention.lastIndexOf("/"))));
      } else if (directories.has(mention)) {
        areas.add(areaOfPath(mention));
      }
    }
    return [...areas].sort();
  };
}
