/**
 * A command that finished and wants a particular exit code without an error message: `legible
 * check` exits 1 when it has findings. Thrown by the command; only `main` turns it into the code.
 */
export class ExitWith extends Error {
  readonly exitCode: number;

  constructor(exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = "ExitWith";
    this.exitCode = exitCode;
  }
}
