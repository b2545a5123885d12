/**
 * An area's identity includes its repository: `runbooks` of `platform` and `runbooks` of
 * `shop-api` are two areas. In a workspace of several repositories every area key is
 * `<repository>: <area>` (as reports name it); in a single-repository workspace it is the area itself, so reports of one
 * repository stay as they were. Every join between records (pull requests, contributions,
 * decisions, roster, knowledge statuses) goes through one {@link AreaKeys} per workspace.
 */
export interface AreaKeys {
  /** True when the workspace has more than one repository (keys are qualified). */
  qualified: boolean;
  /** The key of `area` (a directory, ".", or a component name) in the repository named `repository`. */
  key(repository: string, area: string): string;
  /** The repository and area of a key (the repository is null for an unqualified key). */
  split(key: string): { repository: string | null; area: string };
}

export function areaKeys(repositoryNames: readonly string[]): AreaKeys {
  const qualified = repositoryNames.length > 1;
  // Longest names first, so `acme/shop` never claims a key of `acme/shop-api`.
  const names = [...repositoryNames].sort((a, b) => b.length - a.length);
  return {
    qualified,
    // The repository's root ("." — root files, or the whole repository) is the repository itself.
    key: (repository, area) =>
      !qualified ? area : area === "." ? repository : `${repository}: ${area}`,
    split(key) {
      if (!qualified) return { repository: repositoryNames[0] ?? null, area: key };
      // Keys read "repo: area"; a roster glob may be written "repo:glob" too.
      if (names.includes(key)) return { repository: key, area: "." };
      const name = names.find((n) => key.startsWith(`${n}:`));
      return name === undefined
        ? { repository: null, area: key }
        : { repository: name, area: key.slice(name.length + 1).replace(/^ /, "") };
    },
  };
}
