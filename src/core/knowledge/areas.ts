/** An area people own: the whole repository, a directory, or a declared component. */
export interface AreaSpec {
  id: string;
  kind: "repository" | "directory" | "component";
  label: string;
}

/** A named set of files declared in configuration (or CODEOWNERS). */
export interface ComponentSpec {
  name: string;
  matches: (path: string) => boolean;
}

/** Id of the area covering the whole repository. */
export const REPOSITORY_AREA_ID = ".";

/** Prefix of component area ids: `component:<name>`. */
export const COMPONENT_AREA_PREFIX = "component:";

/**
 * Groups scored files into areas: the repository (id "."), every directory at depth 1..`depth`
 * holding at least one file (id "dir/sub", with every file below it at any depth), and each
 * component (id "component:<name>", present even when it matches no file so callers can warn).
 * Files at the root belong only to the repository and to components. Paths use "/" separators.
 * Order: repository, directories by id, components as given.
 */
export function areasOf(
  files: string[],
  options: { depth: number; components: ComponentSpec[] },
): Map<string, { spec: AreaSpec; files: string[] }> {
  const areas = new Map<string, { spec: AreaSpec; files: string[] }>();
  areas.set(REPOSITORY_AREA_ID, {
    spec: { id: REPOSITORY_AREA_ID, kind: "repository", label: "repository" },
    files: files.slice(),
  });

  const directories = new Map<string, string[]>();
  for (const file of files) {
    let end = file.indexOf("/");
    for (let level = 1; level <= options.depth && end > 0; level++) {
      const directory = file.slice(0, end);
      const list = directories.get(directory);
      if (list) list.push(file);
      else directories.set(directory, [file]);
      end = file.indexOf("/", end + 1);
    }
  }
  for (const id of [...directories.keys()].sort()) {
    areas.set(id, { spec: { id, kind: "directory", label: id }, files: directories.get(id)! });
  }

  for (const component of options.components) {
    const id = `${COMPONENT_AREA_PREFIX}${component.name}`;
    areas.set(id, {
      spec: { id, kind: "component", label: component.name },
      files: files.filter((file) => component.matches(file)),
    });
  }
  return areas;
}
