/**
 * History packs: the commits one write stored, with everything {@link Store.loadCommits} returns
 * for them (co-authors, file changes, signals), as one JSON text, written in the same transaction
 * as their commit rows. A repository's history is read from a few dozen packs instead of a few
 * hundred thousand rows, and a scan writes one pack a batch instead of a row per file change. Names,
 * e-mails and paths appear once per pack and are referred to by position; the rest are parallel
 * arrays, one entry per commit.
 */
import {
  type ChangeKind,
  type CommitSignal,
  type RawIdentity,
  TRAILER_KINDS,
  type TrailerKind,
} from "../core/model.js";
import type { StoredCommit } from "./store.js";

const TRAILERS: ReadonlySet<string> = new Set(TRAILER_KINDS);

/**
 * A signal as the `commit_signals` table held it (before packs): a revert names its target, a
 * trailer its person; null for a kind this legible does not read.
 */
export function storedSignal(
  kind: string,
  name: string,
  email: string,
  target: string | null,
): CommitSignal | null {
  if (kind === "reverts") return target ? { kind: "reverts", sha: target } : null;
  return TRAILERS.has(kind) ? { kind: kind as TrailerKind, person: { name, email } } : null;
}

/** Commits a scan stores in one transaction, and so in one pack (app/scan.ts's batch). */
export const PACK_COMMITS = 2500;

/**
 * The groups of packs to merge, of packs in stored order: consecutive packs smaller than a batch,
 * gathered until a group holds a batch or more (so under two batches); only groups of two packs or
 * more.
 */
export function mergesOf<P extends { commits: readonly unknown[] }>(packs: readonly P[]): P[][] {
  const groups: P[][] = [];
  let group: P[] = [];
  let size = 0;
  const close = () => {
    if (group.length > 1) groups.push(group);
    group = [];
    size = 0;
  };
  for (const pack of packs) {
    if (pack.commits.length >= PACK_COMMITS) {
      close();
      continue;
    }
    group.push(pack);
    size += pack.commits.length;
    if (size >= PACK_COMMITS) close();
  }
  close();
  return groups;
}

/** The format's version: a pack of another version is not read (loading it is an error). */
export const PACK_VERSION = 1;

interface PackBody {
  v: number;
  sha: string[];
  /** Parents joined by spaces, as the `commits` table holds them. */
  parents: string[];
  /** Identities: name and e-mail, flattened. */
  who: string[];
  author: number[];
  authorTime: number[];
  commitTime: number[];
  subject: string[];
  merge: number[];
  /** [commit position, message] of the commits git could not read. */
  skipped: [number, string][];
  /** Co-authors: commit position, identity, flattened. */
  co: number[];
  paths: string[];
  /** Changes: commit position, kind, path, old path (-1: none), flattened. */
  changes: (number | string)[];
  /** Signals: commit position, kind, identity (-1 for a revert), reverted sha (or ""), flattened. */
  signals: (number | string)[];
}

/** The pack of `commits`, in row order. */
export function encodePack(commits: Iterable<StoredCommit>): string {
  const who: string[] = [];
  const whoAt = new Map<string, number>();
  const person = (identity: RawIdentity): number => {
    const key = `${identity.name}\0${identity.email}`;
    let at = whoAt.get(key);
    if (at === undefined) {
      at = who.length / 2;
      who.push(identity.name, identity.email);
      whoAt.set(key, at);
    }
    return at;
  };
  const paths: string[] = [];
  const pathAt = new Map<string, number>();
  const path = (value: string): number => {
    let at = pathAt.get(value);
    if (at === undefined) {
      at = paths.length;
      paths.push(value);
      pathAt.set(value, at);
    }
    return at;
  };
  const body: PackBody = {
    v: PACK_VERSION,
    sha: [],
    parents: [],
    who,
    author: [],
    authorTime: [],
    commitTime: [],
    subject: [],
    merge: [],
    skipped: [],
    co: [],
    paths,
    changes: [],
    signals: [],
  };
  let i = 0;
  for (const commit of commits) {
    body.sha.push(commit.sha);
    body.parents.push(commit.parents.join(" "));
    body.author.push(person(commit.author));
    body.authorTime.push(commit.authorTime);
    body.commitTime.push(commit.commitTime);
    body.subject.push(commit.subject);
    body.merge.push(commit.isMerge ? 1 : 0);
    if (commit.skipped !== null) body.skipped.push([i, commit.skipped]);
    for (const coAuthor of commit.coAuthors) body.co.push(i, person(coAuthor));
    for (const change of commit.changes)
      body.changes.push(
        i,
        change.kind,
        path(change.path),
        change.oldPath === null ? -1 : path(change.oldPath),
      );
    for (const signal of commit.signals ?? []) {
      if (signal.kind === "reverts") body.signals.push(i, signal.kind, -1, signal.sha);
      else body.signals.push(i, signal.kind, person(signal.person), "");
    }
    i += 1;
  }
  return asciiJson(JSON.stringify(body));
}

/**
 * JSON text with every character past ASCII written as a `\uXXXX` escape: the same value, read
 * back faster. SQLite hands text to V8 as UTF-8; text that is all ASCII becomes a string at once,
 * while a single accented name sends the whole text through decoding. git/git's 17.7 MB of packs
 * hold 1,075 such characters: read and parsed in 0.14 s escaped, 0.24 s as they were.
 */
export function asciiJson(text: string): string {
  // A loop over the code units from the first one past ASCII: on git/git's 17.7 MB of packs, 21 ms
  // against 115 ms for a global regular-expression replace. A character outside the Basic
  // Multilingual Plane is two code units, each escaped, as JSON.parse reads them back.
  const found = NOT_ASCII.exec(text);
  if (found === null) return text;
  let out = "";
  let last = 0;
  for (let i = found.index; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    out += `${text.slice(last, i)}\\u${unit.toString(16).padStart(4, "0")}`;
    last = i + 1;
  }
  return out + text.slice(last);
}

const NOT_ASCII = /[\u0080-\uffff]/;

/**
 * What decoded commits without co-authors, changes or parents share: one frozen empty array (the
 * analyses only read commits; anything that pushed onto it would throw).
 */
const NONE = Object.freeze([]) as unknown as never[];

/**
 * A pack's commits, in row order; null when the text is not a pack this legible reads. Arrays are
 * made at their final size: a history of 82,000 commits keeps about a fifth less memory than with
 * arrays grown by pushing.
 */
export function decodePack(text: string): StoredCommit[] | null {
  const body = JSON.parse(text) as PackBody;
  if (body?.v !== PACK_VERSION) return null;
  const identities: RawIdentity[] = [];
  for (let k = 0; k < body.who.length; k += 2)
    identities.push({ name: body.who[k]!, email: body.who[k + 1]! });
  // Commits share a pack's identity objects: the analyses only read them.
  const identity = (at: number): RawIdentity => identities[at]!;
  const count = body.sha.length;
  const { changes, paths, co } = body;
  const changeCount = new Int32Array(count);
  for (let k = 0; k < changes.length; k += 4) changeCount[changes[k] as number]! += 1;
  const coCount = new Int32Array(count);
  for (let k = 0; k < co.length; k += 2) coCount[co[k]!]! += 1;
  const commits: StoredCommit[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const sha = body.sha[i]!;
    const parents = body.parents[i]!;
    const commit: StoredCommit = {
      sha,
      parents: parents === "" ? NONE : parents.split(" "),
      author: identity(body.author[i]!),
      authorTime: body.authorTime[i]!,
      commitTime: body.commitTime[i]!,
      subject: body.subject[i]!,
      coAuthors: coCount[i] === 0 ? NONE : new Array(coCount[i]),
      isMerge: body.merge[i] === 1,
      skipped: null,
      changes: changeCount[i] === 0 ? NONE : new Array(changeCount[i]),
    };
    commits[i] = commit;
  }
  for (const [i, message] of body.skipped) commits[i]!.skipped = message;
  // How many of each commit's co-authors and changes are in place.
  const placed = new Int32Array(count);
  for (let k = 0; k < co.length; k += 2) {
    const i = co[k]!;
    commits[i]!.coAuthors[placed[i]!] = identity(co[k + 1]!);
    placed[i]! += 1;
  }
  placed.fill(0);
  for (let k = 0; k < changes.length; k += 4) {
    const i = changes[k] as number;
    const commit = commits[i]!;
    const old = changes[k + 3] as number;
    commit.changes[placed[i]!] = {
      sha: commit.sha,
      kind: changes[k + 1] as ChangeKind,
      path: paths[changes[k + 2] as number]!,
      oldPath: old === -1 ? null : paths[old]!,
    };
    placed[i]! += 1;
  }
  const { signals } = body;
  for (let k = 0; k < signals.length; k += 4) {
    const commit = commits[signals[k] as number]!;
    const kind = signals[k + 1] as string;
    const signal: CommitSignal =
      kind === "reverts"
        ? { kind: "reverts", sha: signals[k + 3] as string }
        : { kind: kind as TrailerKind, person: identity(signals[k + 2] as number) };
    if (commit.signals) commit.signals.push(signal);
    else commit.signals = [signal];
  }
  return commits;
}
