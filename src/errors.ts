/**
 * The few typed errors legible raises. Each has a stable code; the CLI turns them into one-line
 * messages (with a hint) and exit code 2. Anything else is a bug and prints its stack.
 */
export type ErrorCode =
  | "NOT_A_REPOSITORY"
  | "UNKNOWN_REF"
  | "BAD_CONFIG"
  | "BAD_INPUT"
  | "BAD_USAGE"
  | "GIT_FAILED"
  | "NOT_SCANNED"
  | "UNKNOWN_PERSON"
  /** Another process held the database's write lock for longer than the busy timeout. */
  | "DATABASE_BUSY"
  /** The PostgreSQL server cannot be reached, refused the login, or lacks the database. */
  | "DATABASE_UNREACHABLE"
  | "INTERRUPTED"
  | "STORAGE";

export class LegibleError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, hint?: string) {
    super(message);
    this.name = "LegibleError";
    this.code = code;
    this.hint = hint;
  }
}

export function isLegibleError(error: unknown): error is LegibleError {
  return error instanceof LegibleError;
}

/** Why the disk refused a write, in plain words, and what to do about it. */
const STORAGE_FAILURES: [RegExp, string, string][] = [
  [/^(?:ENOSPC|SQLITE_FULL)$/, "disk full", "free some space, then run it again"],
  [/^EDQUOT$/, "disk quota exceeded", "free some space or raise the quota, then run it again"],
  [/^(?:EROFS|SQLITE_READONLY\w*)$/, "read-only", "write to a writable location"],
  [
    /^(?:EACCES|EPERM|SQLITE_PERM)$/,
    "permission denied",
    "check the permissions of the file and its folder",
  ],
  [/^EISDIR$/, "is a directory", "give a file name, not a directory"],
  [/^ENOTDIR$/, "a parent is not a directory", "give a path whose parent folders are folders"],
  [/^ENAMETOOLONG$/, "file name too long", "use a shorter path"],
  [/^SQLITE_IOERR\w*$/, "disk I/O error", "check the disk, then run it again"],
];

/**
 * A one-line `STORAGE` error for a failure to create, write or open a file or the database (disk
 * full, quota, read-only, permission denied, ...), naming `path` (else the path the error carries,
 * else "the database" for SQLite); null for any other error, which stays a bug with its stack.
 */
export function storageError(error: unknown, path?: string, hint?: string): LegibleError | null {
  if (isLegibleError(error) || typeof error !== "object" || error === null) return null;
  const { code, path: own } = error as { code?: unknown; path?: unknown };
  if (typeof code !== "string") return null;
  const known = STORAGE_FAILURES.find(([pattern]) => pattern.test(code));
  if (!known) return null;
  const [, reason, advice] = known;
  const target =
    path ?? (typeof own === "string" ? own : code.startsWith("SQLITE_") ? "the database" : null);
  return new LegibleError(
    "STORAGE",
    `${target ?? "cannot write"}: ${reason} (${code})`,
    hint ? `${advice}; ${hint}` : advice,
  );
}
