import { LegibleError } from "../../errors.js";
import { decodePath, splitNul } from "./paths.js";
import { firstLine, runGit } from "./run.js";

/** Lists every file path of a commit's tree (no sizes, no contents), decoded by `decodePath`. */
export async function listPaths(dir: string, commit: string): Promise<string[]> {
  return [...(await listBlobs(dir, commit)).keys()];
}

/**
 * Listings of the last few trees asked for, by repository and commit: a commit's tree never
 * changes, and one analysis reads the same tree several times (the review lists the head's files
 * for the decision records, reads their texts, then looks for CODEOWNERS). A failed listing is
 * not kept.
 */
const listings = new Map<string, Promise<Map<string, string>>>();
const LISTINGS_KEPT = 4;

/** Every file of a commit's tree, path (decoded by `decodePath`) → blob id. */
function listBlobs(dir: string, commit: string): Promise<Map<string, string>> {
  const key = `${dir}\0${commit}`;
  let listing = listings.get(key);
  if (!listing) {
    listing = readBlobList(dir, commit);
    listings.set(key, listing);
    if (listings.size > LISTINGS_KEPT) listings.delete(listings.keys().next().value!);
    listing.catch(() => listings.delete(key));
  }
  return listing;
}

async function readBlobList(dir: string, commit: string): Promise<Map<string, string>> {
  const result = await runGit(dir, ["ls-tree", "-r", "-z", "--full-tree", commit]);
  if (result.code !== 0) {
    throw new LegibleError(
      "GIT_FAILED",
      `${dir}: could not list the files of ${commit}: ${firstLine(result.stderr)}`,
    );
  }
  const blobs = new Map<string, string>();
  for (const record of splitNul(result.stdout)) {
    const tab = record.indexOf(9);
    if (tab < 0) continue;
    const [, type, blob] = record.toString("latin1", 0, tab).split(" ");
    if (type === "blob" && blob !== undefined)
      blobs.set(decodePath(record.subarray(tab + 1)), blob);
  }
  return blobs;
}

/** Texts read at a commit: null for a path that does not exist; `missing` lists paths whose blob is not in the object store. */
export interface Texts {
  texts: Map<string, string | null>;
  missing: string[];
}

/**
 * Reads several files' text at a commit from the object store in one `git cat-file --batch`, by
 * blob id (never `commit:path`, which a newline in a name would break). Paths that do not exist map
 * to null; paths whose blob is missing (a partial clone, a damaged repository) map to null too and
 * are listed in `missing`. Nothing is fetched.
 */
export async function readTextsAt(dir: string, commit: string, paths: string[]): Promise<Texts> {
  const texts = new Map<string, string | null>();
  const missing: string[] = [];
  if (paths.length === 0) return { texts, missing };
  const tree = await listBlobs(dir, commit);
  const wanted = [...new Set(paths.map((path) => tree.get(path)).filter((b) => b !== undefined))];
  const contents = await readBlobs(dir, commit, wanted);
  for (const path of paths) {
    const blob = tree.get(path);
    if (blob === undefined) {
      texts.set(path, null);
      continue;
    }
    const content = contents.get(blob);
    if (content === undefined) missing.push(path);
    texts.set(path, content?.toString("utf8") ?? null);
  }
  return { texts, missing };
}

/** `readTextsAt` without the list of missing blobs: a missing file reads as absent. */
export async function readTexts(
  dir: string,
  commit: string,
  paths: string[],
): Promise<Map<string, string | null>> {
  return (await readTextsAt(dir, commit, paths)).texts;
}

/**
 * Blob contents by id; absent from the map when git lacks the object. In a partial clone git stops
 * at the first missing blob (it may not fetch it), so the blobs of the commit's tree that are
 * missing are listed first (`rev-list --missing=print`, which reads no content) and left out.
 */
async function readBlobs(
  dir: string,
  commit: string,
  blobs: string[],
): Promise<Map<string, Buffer>> {
  let result = await catFileBatch(dir, blobs);
  if (result.code !== 0) {
    const absent = await missingObjects(dir, commit);
    result = await catFileBatch(
      dir,
      blobs.filter((blob) => !absent.has(blob)),
    );
  }
  if (result.code !== 0) {
    throw new LegibleError(
      "GIT_FAILED",
      `${dir}: could not read files at ${commit}: ${firstLine(result.stderr)}`,
    );
  }
  return result.contents;
}

async function catFileBatch(
  dir: string,
  blobs: string[],
): Promise<{ code: number; stderr: string; contents: Map<string, Buffer> }> {
  const contents = new Map<string, Buffer>();
  if (blobs.length === 0) return { code: 0, stderr: "", contents };
  const result = await runGit(dir, ["cat-file", "--batch"], { input: `${blobs.join("\n")}\n` });
  const out = result.stdout;
  let offset = 0;
  for (const blob of blobs) {
    const newline = out.indexOf(10, offset);
    if (newline < 0) break;
    const header = out.toString("latin1", offset, newline).split(" ");
    offset = newline + 1;
    if (header[1] === "missing" || header[2] === undefined) continue;
    const size = Number(header[2]);
    contents.set(blob, out.subarray(offset, offset + size));
    offset += size + 1;
  }
  return { code: result.code, stderr: result.stderr, contents };
}

/** Objects of a commit's tree that the object store lacks, found without reading or fetching any. */
export async function missingObjects(dir: string, commit: string): Promise<Set<string>> {
  const result = await runGit(dir, [
    "rev-list",
    "--objects",
    "--missing=print",
    "--no-object-names",
    `${commit}^{tree}`,
  ]);
  const absent = new Set<string>();
  for (const line of result.stdout.toString("latin1").split("\n"))
    if (line.startsWith("?")) absent.add(line.slice(1));
  return absent;
}
