import { parseUserDate } from "../core/dates.js";
import { terminalSafe } from "../render/safe-text.js";

/** Everything the CLI touches in the outside world, injected so tests can drive it. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
  cwd: string;
  now: () => Date;
}

export interface OutputStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * The streams as a terminal should receive them: on a TTY, control characters from the records
 * (escape sequences, carriage returns, bidi overrides) are written as visible escapes; legible's
 * own bold and line-erase sequences pass, and stderr keeps carriage returns for progress. Piped
 * output is data and passes unchanged.
 */
export function terminalIo(io: CliIo): CliIo {
  const guard = (stream: OutputStream, carriageReturn: boolean): OutputStream =>
    stream.isTTY === true
      ? {
          isTTY: true,
          ...(stream.columns !== undefined ? { columns: stream.columns } : {}),
          write: (chunk: string) => stream.write(terminalSafe(chunk, { carriageReturn })),
        }
      : stream;
  return { ...io, stdout: guard(io.stdout, false), stderr: guard(io.stderr, true) };
}

/** Colour is used on a terminal unless NO_COLOR is set; FORCE_COLOR turns it on anywhere. */
export function useColor(io: CliIo, stream: OutputStream): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}

/**
 * The clock: now, unless `LEGIBLE_NOW` pins it (so "the last 7 days" is reproducible in tests and
 * demos). A bad value is BAD_USAGE naming the variable.
 */
export function clockFromEnv(env: Record<string, string | undefined>): () => Date {
  const value = env.LEGIBLE_NOW;
  if (value === undefined || value === "") return () => new Date();
  const { ms } = parseUserDate(value, "LEGIBLE_NOW");
  return () => new Date(ms);
}
