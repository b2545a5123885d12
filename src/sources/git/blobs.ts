import { LegibleError } from "../../errors.js";
import { firstLine, runGit } from "./run.js";

/** Lists every file path of a commit's tree (no sizes, no contents). */
export async function listPaths(dir: string, commit: string): Promise<string[]> {
  const result = await runGit(dir, ["ls-tree", "-r", "-z", "--name-only", commit]);
  if (result.code !== 0) {
    throw new LegibleError(
      "GIT_FAILED",
      `${dir}: could not list the files of ${commit}: ${firstLine(result.stderr)}`,
    );
  }
  return result.stdout
    .toString("utf8")
    .split("\0")
    .filter((path) => path !== "");
}

/**
 * Reads several files' text at a commit from the object store in one `git cat-file --batch`.
 * Paths that do not exist map to null.
 */
export async function readTexts(
  dir: string,
  commit: string,
  paths: string[],
): Promise<Map<string, string | null>> {
  const texts = new Map<string, string | null>();
  if (paths.length === 0) return texts;
  const result = await runGit(dir, ["cat-file", "--batch"], {
    input: `${paths.map((p) => `${commit}:${p}`).join("\n")}\n`,
  });
  if (result.code !== 0) {
    throw new LegibleError(
      "GIT_FAILED",
      `${dir}: could not read files at ${commit}: ${firstLine(result.stderr)}`,
    );
  }
  const out = result.stdout;
  let offset = 0;
  for (const path of paths) {
    const newline = out.indexOf(10, offset);
    if (newline < 0) break;
    const header = out.toString("utf8", offset, newline).split(" ");
    offset = newline + 1;
    if (header[1] === "missing" || header[2] === undefined) {
      texts.set(path, null);
      continue;
    }
    const size = Number(header[2]);
    texts.set(path, out.toString("utf8", offset, offset + size));
    offset += size + 1;
  }
  return texts;
}
