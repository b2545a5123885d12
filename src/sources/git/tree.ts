import { LegibleError } from "../../errors.js";
import { decodePath, splitNul } from "./paths.js";
import { firstLine, runGit } from "./run.js";

export interface TreeFile {
  /** The path, decoded by `decodePath` (reversible: names differing in any byte stay distinct). */
  path: string;
  blob: string;
  /** Bytes; null when unknown (the blob is not in a partial clone). */
  size: number | null;
  /** git's own test: a NUL byte in the first 8,000 bytes. null when the content could not be read. */
  binary: boolean | null;
  /** The tree names this blob but the object store lacks it (known only outside partial clones). */
  missing: boolean;
}

/** Remembers which blobs are binary across snapshots, so each blob's content is read at most once. */
export interface BinaryCache {
  get(blobs: string[]): Promise<Map<string, boolean>>;
  put(entries: Map<string, boolean>): Promise<void>;
}

const FIRST_BYTES = 8000;

/**
 * Lists the regular files of a commit's tree from the object store (never the work tree), with
 * sizes and binary flags. In a partial clone no content is read: sizes and flags stay unknown.
 */
export async function listTree(
  dir: string,
  commit: string,
  options: { partial: boolean; cache: BinaryCache },
): Promise<TreeFile[]> {
  const args = ["ls-tree", "-r", "-z", ...(options.partial ? [] : ["--long"]), commit];
  const result = await runGit(dir, args);
  if (result.code !== 0) {
    throw new LegibleError(
      "GIT_FAILED",
      `${dir}: could not list the files of ${commit}: ${firstLine(result.stderr)}`,
    );
  }
  const files: TreeFile[] = [];
  for (const record of splitNul(result.stdout)) {
    const tab = record.indexOf(9);
    if (tab < 0) continue;
    const meta = record.toString("latin1", 0, tab).split(/\s+/);
    const [mode, type, blob, size] = meta;
    if (type !== "blob" || mode === "120000" || blob === undefined) continue; // skip symlinks and submodules
    // `--long` prints "BAD" as the size of a blob the object store lacks.
    const missing = !options.partial && size === "BAD";
    const known = size !== undefined && /^\d+$/.test(size) ? Number(size) : null;
    files.push({
      path: decodePath(record.subarray(tab + 1)),
      blob,
      size: options.partial ? null : known,
      binary: null,
      missing,
    });
  }
  if (!options.partial) await markBinary(dir, files, options.cache);
  return files;
}

async function markBinary(dir: string, files: TreeFile[], cache: BinaryCache): Promise<void> {
  const candidates = files.filter((file) => file.size !== 0 && !file.missing);
  const known = await cache.get([...new Set(candidates.map((file) => file.blob))]);
  const unknown = [
    ...new Set(candidates.filter((file) => !known.has(file.blob)).map((file) => file.blob)),
  ];
  if (unknown.length > 0) {
    const found = await readBinaryFlags(dir, unknown);
    await cache.put(found);
    for (const [blob, binary] of found) known.set(blob, binary);
  }
  for (const file of files) {
    file.binary = file.size === 0 ? false : (known.get(file.blob) ?? null);
    if (file.binary === null) file.missing = true;
  }
}

/** Streams the blobs through `git cat-file --batch` and applies git's binary test to each. */
async function readBinaryFlags(dir: string, blobs: string[]): Promise<Map<string, boolean>> {
  const flags = new Map<string, boolean>();
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  let remaining = -1; // bytes of the current object's content (+1 newline) still to consume
  let checked = 0; // bytes of the current object already inspected
  let sawNul = false;
  let current = "";
  const consume = (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    let offset = 0;
    while (offset < pending.length) {
      if (remaining < 0) {
        const newline = pending.indexOf(10, offset);
        if (newline < 0) break;
        const header = pending.toString("utf8", offset, newline).split(" ");
        offset = newline + 1;
        current = blobs[index] ?? "";
        index += 1;
        if (header[1] === "missing" || header[2] === undefined) continue;
        remaining = Number(header[2]) + 1;
        checked = 0;
        sawNul = false;
        continue;
      }
      const take = Math.min(remaining, pending.length - offset);
      if (checked < FIRST_BYTES) {
        const end = offset + Math.min(take, FIRST_BYTES - checked);
        if (pending.subarray(offset, end).includes(0)) sawNul = true;
      }
      checked += take;
      remaining -= take;
      offset += take;
      if (remaining === 0) {
        flags.set(current, sawNul);
        remaining = -1;
      }
    }
    pending = pending.subarray(offset);
  };
  const result = await runGit(dir, ["cat-file", "--batch"], {
    input: `${blobs.join("\n")}\n`,
    onData: consume,
  });
  if (result.code !== 0) {
    throw new LegibleError(
      "GIT_FAILED",
      `${dir}: could not read file contents: ${firstLine(result.stderr)}`,
    );
  }
  return flags;
}
