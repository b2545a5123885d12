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
