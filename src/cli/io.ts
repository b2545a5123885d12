import { parseUserDate } from "../core/dates.js";

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
