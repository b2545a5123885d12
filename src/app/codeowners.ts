import type { Config } from "../config/schema.js";
import {
  CODEOWNERS_LOCATIONS,
  type CodeownersDialect,
  type CodeownersFile,
  parseCodeowners,
} from "../core/ownership/index.js";
import { readTextsAt } from "../sources/git/blobs.js";

/** A repository's CODEOWNERS file at a commit, or why there is none. */
export interface LoadedCodeowners {
  file: CodeownersFile | null;
  /** Locations looked at, in order. */
  searched: string[];
}

/**
 * Reads the CODEOWNERS file of a commit from git's object store, where its host looks for it:
 * GitHub `.github/`, the root, `docs/` (first found wins); GitLab the root, `docs/`, `.gitlab/`.
 * `ownership.dialect: auto` reads GitLab's rules for `.gitlab/CODEOWNERS`, a file with section
 * headers, or a repository whose origin is a GitLab host, and GitHub's otherwise.
 */
export async function readCodeowners(
  repository: { path: string; originUrl?: string | null },
  commit: string,
  config: Config,
): Promise<LoadedCodeowners> {
  const forced = config.ownership.dialect === "auto" ? null : config.ownership.dialect;
  const searched = forced
    ? [...CODEOWNERS_LOCATIONS[forced]]
    : [...CODEOWNERS_LOCATIONS.github, ".gitlab/CODEOWNERS"];
  // Every place at once: one listing of the tree (often already made for this commit) and one
  // read of the blobs found, instead of a git process per place.
  const { texts } = await readTextsAt(repository.path, commit, searched);
  for (const location of searched) {
    const text = texts.get(location) ?? null;
    if (text === null) continue;
    const dialect = forced ?? guessDialect(location, text, repository.originUrl ?? null);
    return { file: parseCodeowners(text, { path: location, dialect }), searched };
  }
  return { file: null, searched };
}

function guessDialect(location: string, text: string, origin: string | null): CodeownersDialect {
  if (location.startsWith(".gitlab/")) return "gitlab";
  if (location.startsWith(".github/")) return "github";
  if (origin && /gitlab/i.test(origin)) return "gitlab";
  if (/^\s*\^?\[[^\]]+\](\[\d*\])?(\s|$)/m.test(text)) return "gitlab";
  return "github";
}
