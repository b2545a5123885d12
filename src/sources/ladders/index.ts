import { isAbsolute, join } from "node:path";
import { DEFAULT_LADDER } from "../../core/ladder/default-ladder.js";
import { type Ladder, validateLadder } from "../../core/ladder/model.js";
import { isLegibleError, LegibleError } from "../../errors.js";
import { parseFinancialTimesLadder } from "./ft.js";
import { parseMonzoLadder } from "./monzo.js";

export { parseFinancialTimesLadder } from "./ft.js";
export { parseMonzoLadder } from "./monzo.js";

/**
 * The ladder a `ladder:` setting or `--file` names: null or "default" → legible's own ladder; a
 * path ending `.yml`/`.yaml` → the Financial Times format; `.md` → Monzo's. A relative path is
 * read from `baseDir` (the config file's folder, or the working directory for `--file`).
 * Errors (BAD_INPUT) name the file: unreadable, an unknown extension, a parse error with its line,
 * or a ladder that does not validate.
 */
export function loadLadder(
  spec: string | null,
  readFile: (path: string) => string,
  baseDir: string,
): Ladder {
  if (spec === null || spec.trim() === "" || spec.trim() === "default") return DEFAULT_LADDER;
  const path = isAbsolute(spec) ? spec : join(baseDir, spec);
  const parse = parserFor(path);
  let text: string;
  try {
    text = readFile(path);
  } catch (error) {
    if (isLegibleError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new LegibleError(
      "BAD_INPUT",
      `${path}: cannot read the ladder: ${code ?? (error as Error).message}`,
    );
  }
  const ladder = parse(text, path);
  const problems = validateLadder(ladder);
  if (problems.length > 0)
    throw new LegibleError("BAD_INPUT", `${path}: not a usable ladder: ${problems.join("; ")}`);
  return ladder;
}

function parserFor(path: string): (text: string, source: string) => Ladder {
  const lower = path.toLowerCase();
  if (lower.endsWith(".yml") || lower.endsWith(".yaml")) return parseFinancialTimesLadder;
  if (lower.endsWith(".md") || lower.endsWith(".markdown")) return parseMonzoLadder;
  throw new LegibleError(
    "BAD_INPUT",
    `${path}: unknown ladder format: expected 'default', a Financial Times .yml/.yaml file or a Monzo .md file`,
  );
}
