/**
 * Builds real git repositories in temporary directories for tests (the pattern of changesets'
 * `gitdir()`), with chosen authors, dates, renames, merges, co-author trailers and a `.mailmap`.
 *
 * Everything is deterministic: identities and dates are set per commit through the environment,
 * the user's and the system's git configuration are ignored, and `HOME` points into the temporary
 * directory. Two repositories built from the same specs have the same commit ids.
 */
import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface CommitSpec {
  /** "Name <email>". */
  author: string;
  /** ISO date, e.g. "2024-01-15T10:00:00Z"; a date without a zone is taken as UTC. */
  date: string;
  /** Committer identity; defaults to the author. */
  committer?: string;
  /** Committer date; defaults to `date`. */
  committerDate?: string;
  /** Commit message; default "change". */
  message?: string;
  /** Paths to write (parent directories are created); `null` deletes the path. */
  files?: Record<string, string | null>;
  /** `git mv old new`, applied before `files`. */
  renames?: Record<string, string>;
  /** "Name <email>" of each co-author, added as `Co-authored-by:` trailers. */
  coAuthors?: string[];
}

export interface MergeSpec {
  author: string;
  date: string;
  committer?: string;
  committerDate?: string;
  /** Default "Merge branch '<branch>'". */
  message?: string;
}

export interface GitResult {
  status: number;
  stdout: string;
  stderr: string;
}

export interface TestRepo {
  /** The work tree (a normal, non-bare repository). */
  dir: string;
  /** The temporary root holding the repository, its clones and `HOME`; removed by `cleanup`. */
  root: string;
  /**
   * The isolated environment the helper runs git with (no global/system config, `HOME` in the
   * temporary root, `LC_ALL=C`). Pass it to child processes (e.g. the CLI under test) so that they
   * see the same git configuration.
   */
  env: NodeJS.ProcessEnv;
  /** Commits the changes described by `spec` and returns the new commit id. */
  commit(spec: CommitSpec): string;
  /** Creates branch `name` (at `from`, default HEAD) and checks it out. */
  branch(name: string, from?: string): void;
  checkout(ref: string): void;
  /** Merges `branch` into the current branch with `--no-ff`; returns the merge commit id. */
  merge(branch: string, spec: MergeSpec): string;
  /** Creates a lightweight tag at `ref` (default HEAD). */
  tag(name: string, ref?: string): void;
  /** Runs git in the repository; returns trimmed stdout; throws (with stderr) on failure. */
  git(...args: string[]): string;
  /** Runs git in the repository without throwing. */
  tryGit(...args: string[]): GitResult;
  head(): string;
  /**
   * Deletes one object from the object store to simulate corruption. Packs are unpacked into
   * loose objects first, so any object can be removed. Remove a commit's tree (see `treeOf`) to
   * make `git log --name-status` fail with "unable to read".
   */
  removeObject(sha: string): void;
  /** Id of the tree of `commit`. */
  treeOf(commit: string): string;
  /** Id of the blob at `path` in `commit`. */
  blobOf(commit: string, path: string): string;
  /** Path of a fresh bare clone. */
  cloneBare(): string;
  /** Path of a fresh `file://` clone with `--depth <depth>` (shallow). */
  cloneShallow(depth: number): string;
  /**
   * Path of a fresh blobless clone (`--filter=blob:none`, so `remote.origin.promisor` is true).
   * With `checkout: false` (default true) no blob at all is fetched; otherwise the blobs of HEAD
   * are fetched by the checkout.
   *
   * Beware: git fetches missing blobs lazily from the promisor remote when it needs them (e.g.
   * `git log -M` pairing an added and a deleted file), and this source is reachable. With
   * `offline: true` the clone's `remote.origin.url` is pointed at a path that does not exist
   * afterwards, so any lazy fetch fails, as it would on a machine without network.
   */
  clonePartial(options?: { checkout?: boolean; offline?: boolean }): string;
  /** Removes the temporary root and everything in it. */
  cleanup(): void;
}

export interface MakeRepoOptions {
  /** Content of a `.mailmap`, committed as a file in the first commit. */
  mailmap?: string;
  /** Commits made right away, in order. */
  commits?: CommitSpec[];
}

/** "Name <name@example.com>", the email lowercased with spaces turned into dots. */
export function person(name: string): string {
  return `${name} <${name.toLowerCase().replace(/\s+/g, ".")}@example.com>`;
}

/** A GitHub App bot identity, e.g. `bot("dependabot")` → "dependabot[bot] <…@users.noreply.github.com>". */
export function bot(name: string): string {
  const ids: Record<string, number> = {
    dependabot: 49699333,
    renovate: 29139614,
    "github-actions": 41898282,
  };
  const id = ids[name] ?? 1;
  return `${name}[bot] <${id}+${name}[bot]@users.noreply.github.com>`;
}

/** Splits "Name <email>" into its parts. */
export function parseIdentity(identity: string): { name: string; email: string } {
  const match = /^\s*(.*?)\s*<([^<>]*)>\s*$/.exec(identity);
  if (!match) throw new Error(`identity must look like "Name <email>", got: ${identity}`);
  return { name: match[1] ?? "", email: match[2] ?? "" };
}

/** Converts an ISO date into git's raw "@<seconds> <+hhmm>" form, keeping the zone offset. */
export function gitDate(iso: string): string {
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/i.test(iso);
  const ms = Date.parse(hasZone ? iso : `${iso}Z`);
  if (Number.isNaN(ms)) throw new Error(`not an ISO date: ${iso}`);
  let offset = "+0000";
  const zone = /([+-])(\d\d):?(\d\d)$/.exec(iso);
  if (zone) offset = `${zone[1]}${zone[2]}${zone[3]}`;
  return `@${Math.floor(ms / 1000)} ${offset}`;
}

/** The environment of every git process: the caller's, minus any GIT_* variable, isolated. */
export function isolatedEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("GIT_")) env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_TERMINAL_PROMPT: "0",
    LC_ALL: "C",
    LANG: "C",
    TZ: "UTC",
  };
}

function runGit(
  cwd: string,
  env: NodeJS.ProcessEnv,
  args: string[],
  input?: string | Buffer,
): string {
  const result = spawnSync("git", args, {
    cwd,
    env,
    input,
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `git ${args.join(" ")} failed (exit ${result.status ?? result.signal}) in ${cwd}:\n${result.stderr}`,
    );
  }
  return result.stdout.trim();
}

function identityEnv(prefix: "AUTHOR" | "COMMITTER", identity: string, date: string) {
  const { name, email } = parseIdentity(identity);
  return {
    [`GIT_${prefix}_NAME`]: name,
    [`GIT_${prefix}_EMAIL`]: email,
    [`GIT_${prefix}_DATE`]: gitDate(date),
  };
}

function messageWithTrailers(message: string, coAuthors: string[] | undefined): string {
  const trailers = (coAuthors ?? []).map((c) => {
    const { name, email } = parseIdentity(c);
    return `Co-authored-by: ${name} <${email}>`;
  });
  return trailers.length > 0 ? `${message}\n\n${trailers.join("\n")}\n` : `${message}\n`;
}

export function makeRepo(options: MakeRepoOptions = {}): TestRepo {
  const root = mkdtempSync(join(tmpdir(), "legible-test-"));
  const dir = join(root, "repo");
  const home = join(root, "home");
  mkdirSync(dir);
  mkdirSync(home);
  const env = isolatedEnv(home);
  let pendingMailmap = options.mailmap;
  let clones = 0;

  const git = (...args: string[]) => runGit(dir, env, args);
  const gitWith = (extra: Record<string, string>, args: string[], input?: string) =>
    runGit(dir, { ...env, ...extra }, args, input);

  git("init", "-q", "-b", "main");
  // No background gc: objects must stay where tests put (or remove) them.
  git("config", "gc.auto", "0");
  git("config", "maintenance.auto", "false");
  git("config", "commit.gpgSign", "false");
  git("config", "core.autocrlf", "false");
  // Placeholder identity for commands that need one; commits set theirs through the environment.
  git("config", "user.name", "Test Helper");
  git("config", "user.email", "helper@example.com");

  const write = (path: string, content: string) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  };

  const repo: TestRepo = {
    dir,
    root,
    env,

    commit(spec) {
      for (const [from, to] of Object.entries(spec.renames ?? {})) {
        mkdirSync(dirname(join(dir, to)), { recursive: true });
        git("mv", "--", from, to);
      }
      if (pendingMailmap !== undefined) {
        write(".mailmap", pendingMailmap);
        git("add", "--", ".mailmap");
        pendingMailmap = undefined;
      }
      for (const [path, content] of Object.entries(spec.files ?? {})) {
        if (content === null) {
          git("rm", "-q", "-f", "--", path);
        } else {
          write(path, content);
          git("add", "-f", "--", path);
        }
      }
      const message = messageWithTrailers(spec.message ?? "change", spec.coAuthors);
      gitWith(
        {
          ...identityEnv("AUTHOR", spec.author, spec.date),
          ...identityEnv(
            "COMMITTER",
            spec.committer ?? spec.author,
            spec.committerDate ?? spec.date,
          ),
        },
        ["commit", "-q", "--allow-empty", "--no-verify", "--cleanup=verbatim", "-F", "-"],
        message,
      );
      return repo.head();
    },

    branch(name, from) {
      git("checkout", "-q", "-b", name, ...(from === undefined ? [] : [from]));
    },

    checkout(ref) {
      git("checkout", "-q", ref);
    },

    merge(branch, spec) {
      gitWith(
        {
          ...identityEnv("AUTHOR", spec.author, spec.date),
          ...identityEnv(
            "COMMITTER",
            spec.committer ?? spec.author,
            spec.committerDate ?? spec.date,
          ),
        },
        [
          "merge",
          "-q",
          "--no-ff",
          "--no-edit",
          "--no-verify",
          "-m",
          spec.message ?? `Merge branch '${branch}'`,
          branch,
        ],
      );
      return repo.head();
    },

    tag(name, ref = "HEAD") {
      git("tag", name, ref);
    },

    git,

    tryGit(...args) {
      const result = spawnSync("git", args, {
        cwd: dir,
        env,
        encoding: "utf8",
        maxBuffer: 1024 * 1024 * 1024,
      });
      if (result.error) throw result.error;
      return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
    },

    head() {
      return git("rev-parse", "HEAD");
    },

    removeObject(sha) {
      const full = git("rev-parse", "--verify", "--quiet", sha);
      const objects = join(dir, ".git", "objects");
      const packDir = join(objects, "pack");
      const packs = readdirSync(packDir).filter((f) => f.endsWith(".pack"));
      for (const pack of packs) {
        // Move the pack out of the store first, or unpack-objects would skip objects it finds.
        const moved = join(root, `unpacking-${pack}`);
        renameSync(join(packDir, pack), moved);
        const base = pack.slice(0, -".pack".length);
        for (const file of readdirSync(packDir)) {
          if (file.startsWith(`${base}.`)) unlinkSync(join(packDir, file));
        }
        runGit(dir, env, ["unpack-objects", "-q"], readFileSync(moved));
        unlinkSync(moved);
      }
      // Commit-graph files would still describe a removed commit; drop them.
      rmSync(join(objects, "info", "commit-graph"), { force: true });
      rmSync(join(objects, "info", "commit-graphs"), { recursive: true, force: true });
      const loose = join(objects, full.slice(0, 2), full.slice(2));
      unlinkSync(loose);
    },

    treeOf(commit) {
      return git("rev-parse", `${commit}^{tree}`);
    },

    blobOf(commit, path) {
      return git("rev-parse", `${commit}:${path}`);
    },

    cloneBare() {
      const target = join(root, `bare-${++clones}.git`);
      runGit(root, env, ["clone", "-q", "--bare", dir, target]);
      return target;
    },

    cloneShallow(depth) {
      const target = join(root, `shallow-${++clones}`);
      runGit(root, env, ["clone", "-q", `--depth=${depth}`, `file://${dir}`, target]);
      return target;
    },

    clonePartial(opts = {}) {
      git("config", "uploadpack.allowFilter", "true");
      git("config", "uploadpack.allowAnySHA1InWant", "true");
      const target = join(root, `partial-${++clones}`);
      runGit(root, env, [
        "clone",
        "-q",
        "--filter=blob:none",
        ...(opts.checkout === false ? ["--no-checkout"] : []),
        `file://${dir}`,
        target,
      ]);
      if (opts.offline) {
        runGit(target, env, ["config", "remote.origin.url", `file://${join(root, "offline")}`]);
      }
      return target;
    },

    cleanup() {
      rmSync(root, { recursive: true, force: true });
    },
  };

  for (const spec of options.commits ?? []) repo.commit(spec);
  return repo;
}
