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
  | "INTERRUPTED";

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
