/**
 * Vitest global setup: a throwaway PostgreSQL cluster for the tests of the PostgreSQL store, the
 * queue and the workers. It runs Debian's (or any) `initdb` and `pg_ctl` into a temporary folder on
 * a free loopback port, as the `postgres` user when the tests run as root (the server refuses to
 * run as root), and stops and removes it at the end. `LEGIBLE_TEST_POSTGRES_URL` names a server to
 * use instead. When no server can be started, the tests that need one skip, and this says why.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The URL of a PostgreSQL server's `postgres` database, or "" when none could be started. */
    postgresUrl: string;
    /** Why there is no server, when there is none. */
    postgresMissing: string;
  }
}

function binaries(): string | null {
  const found = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  const candidates = [
    ...(found.status === 0 ? [found.stdout.trim()] : []),
    ...(existsSync("/usr/lib/postgresql")
      ? readdirSync("/usr/lib/postgresql")
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => `/usr/lib/postgresql/${version}/bin`)
      : []),
  ];
  return (
    candidates.find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl"))) ??
    null
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export default async function setup(project: TestProject) {
  const given = process.env.LEGIBLE_TEST_POSTGRES_URL;
  if (given) {
    project.provide("postgresUrl", given);
    project.provide("postgresMissing", "");
    return;
  }
  const started = await startCluster();
  if ("missing" in started) {
    process.stderr.write(
      `\n[postgres] tests that need PostgreSQL will skip: ${started.missing}\n\n`,
    );
    project.provide("postgresUrl", "");
    project.provide("postgresMissing", started.missing);
    return;
  }
  project.provide("postgresUrl", started.url);
  project.provide("postgresMissing", "");
  return started.stop;
}

/**
 * Starts a throwaway PostgreSQL cluster (also used by the benchmark): its URL and how to stop it,
 * or why none could be started.
 */
export async function startCluster(): Promise<
  { url: string; stop: () => void } | { missing: string }
> {
  const bin = binaries();
  const missing = (why: string) => ({ missing: why });
  if (bin === null) return missing("no initdb/pg_ctl found (install Debian's postgresql package)");
  const root = mkdtempSync(join(tmpdir(), "legible-pg-"));
  const data = join(root, "data");
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) => {
    const [file, list] = asRoot
      ? ["runuser", ["-u", "postgres", "--", command, ...args]]
      : [command, args];
    return execFileSync(file, list, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  };
  try {
    if (asRoot) {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
      chownSync(root, uid, gid);
      chmodSync(root, 0o700);
    }
    const port = await freePort();
    run(join(bin, "initdb"), [
      "-D",
      data,
      "-A",
      "trust",
      "-U",
      "legible",
      "--no-sync",
      "-E",
      "UTF8",
      "--locale=C",
    ]);
    run(join(bin, "pg_ctl"), [
      "-D",
      data,
      "-w",
      "-l",
      join(root, "server.log"),
      "-o",
      `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
      "start",
    ]);
    return {
      url: `postgres://legible@127.0.0.1:${port}/postgres`,
      stop: () => {
        try {
          run(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
        } finally {
          rmSync(root, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    const detail = (error as { stderr?: string }).stderr || (error as Error).message;
    return missing(`could not start a throwaway server: ${detail.trim().split("\n")[0]}`);
  }
}
