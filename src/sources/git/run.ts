import { AsyncLocalStorage } from "node:async_hooks";
import { spawn } from "node:child_process";
import { devNull } from "node:os";
import { LegibleError } from "../../errors.js";

/** Options every git invocation gets: no pager, no colour, paths unquoted, no user hooks. */
const BASE_ARGS = [
  "-c",
  "core.quotePath=false",
  "-c",
  "color.ui=false",
  "-c",
  "log.showSignature=false",
  "-c",
  "advice.graftFileDeprecated=false",
];

const BASE_ENV = {
  GIT_TERMINAL_PROMPT: "0",
  GIT_PAGER: "cat",
  // Read the history the commits record, not a local rewrite of it: no replace refs
  // (`git replace`), no grafts file (`.git/info/grafts`; GIT_NO_REPLACE_OBJECTS does not cover it).
  GIT_NO_REPLACE_OBJECTS: "1",
  GIT_GRAFT_FILE: devNull,
  // Never fetch missing objects of a partial clone from the network. git ≥ 2.44 honours
  // GIT_NO_LAZY_FETCH; older git (2.39 here) does not, but a lazy fetch is a `git fetch`, and an empty
  // list of allowed protocols makes every transport fail ("transport 'file' not allowed").
  GIT_NO_LAZY_FETCH: "1",
  GIT_ALLOW_PROTOCOL: "",
  LC_ALL: "C",
};

type Environment = Record<string, string | undefined>;

const environment = new AsyncLocalStorage<Environment>();

/**
 * Runs `work` with every git process it starts (however deep, across awaits) seeing `env` instead
 * of `process.env`: HOME, GIT_CONFIG_GLOBAL, PATH... The CLI entry wraps each command in it with its
 * injected environment (`CliIo.env`). Scoped to `work`: concurrent calls each keep their own.
 */
export function withGitEnvironment<T>(env: Environment, work: () => T): T {
  return environment.run(env, work);
}

export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

export interface GitOptions {
  /** Bytes written to git's stdin, then closed. */
  input?: string;
  /** Called with each stdout chunk instead of collecting stdout (stdout in the result stays empty). */
  onData?: (chunk: Buffer) => void;
  /** Stops git when aborted (an interrupted scan). */
  signal?: AbortSignal;
  /** The environment git runs in; default: the one of `withGitEnvironment`, else `process.env`. */
  env?: Environment;
}

/** The command line and environment of `git args` in `dir`, with the options every git run gets. */
export function gitCommand(
  dir: string,
  args: string[],
  env?: Environment,
): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  return {
    command: "git",
    args: ["-C", dir, ...BASE_ARGS, ...args],
    env: { ...(env ?? environment.getStore() ?? process.env), ...BASE_ENV },
  };
}

/** Runs git in `dir` and resolves with its output and exit status; never rejects on a git failure. */
export function runGit(dir: string, args: string[], options: GitOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const command = gitCommand(dir, args, options.env);
    const child = spawn(command.command, command.args, {
      env: command.env,
      stdio: ["pipe", "pipe", "pipe"],
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => {
      if (options.onData) options.onData(chunk);
      else out.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => reject(spawnFailure(error, options.signal)));
    child.on("close", (code) => {
      if (options.signal?.aborted) return reject(interrupted());
      resolve({
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString("utf8"),
        code: code ?? 1,
      });
    });
    child.stdin.on("error", () => {
      // git may exit before reading all of stdin (e.g. on a fatal error); its status tells the story.
    });
    child.stdin.end(options.input ?? "");
  });
}

/** Runs git and returns trimmed stdout, throwing GIT_FAILED with git's own message on failure. */
export async function git(dir: string, args: string[], options: GitOptions = {}): Promise<string> {
  const result = await runGit(dir, args, options);
  if (result.code !== 0) {
    throw new LegibleError(
      "GIT_FAILED",
      `git ${args[0]} failed in ${dir}: ${firstLine(result.stderr)}`,
    );
  }
  return result.stdout.toString("utf8").trim();
}

export function firstLine(text: string): string {
  return text.split("\n").find((line) => line.trim() !== "") ?? "(no message)";
}

/** Why git could not be run: stopped by the caller (an abort), or not started at all. */
export function spawnFailure(error: Error, signal?: AbortSignal): LegibleError {
  if (signal?.aborted) return interrupted();
  return new LegibleError(
    "GIT_FAILED",
    `could not run git: ${error.message}`,
    "is git installed and on PATH?",
  );
}

/** The error a scan ends with when the user interrupts it. */
export function interrupted(): LegibleError {
  return new LegibleError(
    "INTERRUPTED",
    "interrupted",
    "what was stored is consistent; the next scan continues from there",
  );
}
