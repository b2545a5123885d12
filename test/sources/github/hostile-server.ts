import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BIN } from "../../helpers/cli.js";

/** The token every hostile scenario is run with: it must reach the API's origin and nothing else. */
export const TOKEN = "ghp_hostileToken0123456789abcdefXYZ";

/** What a fake server received: enough to tell whether a credential reached it. */
export interface Received {
  method: string;
  /** Path and query. */
  path: string;
  authorization: string | undefined;
}

/** One answer: `attempt` counts earlier requests to the same path and query (0 on the first). */
export type Handler = (context: {
  url: URL;
  res: ServerResponse;
  attempt: number;
  /** The API server's address, and the other origin's (for links and redirects elsewhere). */
  api: string;
  other: string;
}) => void;

export interface FakeServer {
  baseUrl: string;
  received: Received[];
  /** Replaces the handlers (by path, without the query) and forgets what was received. */
  serve(routes: Record<string, Handler>): void;
  close(): Promise<void>;
}

/**
 * A local HTTP server playing GitHub, or playing another origin GitHub points at. Unknown paths get
 * a 404. `other` is the address handlers may point links and redirects at.
 */
export async function startFakeServer(other: () => string = () => ""): Promise<FakeServer> {
  let routes: Record<string, Handler> = {};
  const received: Received[] = [];
  let baseUrl = "";
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "/";
    received.push({ method: req.method ?? "GET", path, authorization: req.headers.authorization });
    req.resume();
    const url = new URL(path, baseUrl);
    const attempt = received.filter((r) => r.path === path).length - 1;
    const handler = routes[url.pathname];
    if (!handler) {
      json(res, 404, { message: "Not Found" });
      return;
    }
    handler({ url, res, attempt, api: baseUrl, other: other() });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    received,
    serve(next) {
      routes = next;
      received.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections(); // stalled answers included
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  raw(res, status, JSON.stringify(body), { "content-type": "application/json", ...headers });
}

export function raw(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "content-length": String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/** Sends the headers announcing `text` and the first `sent` bytes, then closes the connection. */
export function truncated(res: ServerResponse, text: string, sent: number): void {
  res.writeHead(200, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
  });
  res.write(text.slice(0, sent), () => res.socket?.end());
}

/** Never answers (the server closes the connection at the end of the suite). */
export function stall(): void {}

/** Sends the headers and part of the body, then nothing more. */
export function stallMidBody(res: ServerResponse, text: string): void {
  res.writeHead(200, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
  });
  res.write(text.slice(0, Math.floor(text.length / 2)));
}

export const REPOSITORY = {
  id: 42,
  name: "widgets",
  full_name: "acme/widgets",
  owner: { login: "acme", type: "Organization" },
};

export function aPull(number: number, updatedAt: string) {
  return {
    number,
    title: `Change ${number}`,
    state: "open",
    user: { login: "ada", type: "User" },
    created_at: "2024-05-01T10:00:00Z",
    updated_at: updatedAt,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    draft: false,
    labels: [],
    base: { ref: "main" },
    head: { ref: `change-${number}` },
  };
}

const LIST = "/repos/acme/widgets/pulls";

/**
 * A well-behaved GitHub for acme/widgets: two pages of one pull request each (#2, then #1), every
 * pull request with no reviews, commits or comments. Scenarios replace one route.
 */
export function healthyGitHub(): Record<string, Handler> {
  const empty: Handler = ({ res }) => json(res, 200, []);
  const routes: Record<string, Handler> = {
    "/repos/acme/widgets": ({ res }) => json(res, 200, REPOSITORY),
    [LIST]: ({ url, res, api }) => {
      const page = Number(url.searchParams.get("page") ?? "1");
      if (page === 1) {
        json(res, 200, [aPull(2, "2024-05-10T09:00:00Z")], {
          link: `<${api}/repositories/42/pulls?state=all&page=2>; rel="next"`,
        });
      } else {
        json(res, 200, page === 2 ? [aPull(1, "2024-05-09T09:00:00Z")] : []);
      }
    },
  };
  for (const n of [1, 2]) {
    for (const path of [
      `${LIST}/${n}/reviews`,
      `${LIST}/${n}/commits`,
      `${LIST}/${n}/comments`,
      `/repos/acme/widgets/issues/${n}/comments`,
    ]) {
      routes[path] = empty;
    }
  }
  return routes;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `legible fetch github --repo acme/widgets ...args` as a user would, without blocking this
 * process (the fake servers live in it), with GITHUB_TOKEN set to TOKEN and nothing else secret.
 */
export function runFetch(
  args: string[],
  cwd: string,
  token: string | null = TOKEN,
): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NO_COLOR: "1",
    LEGIBLE_NOW: "2025-01-01T00:00:00Z",
  };
  delete env.GITHUB_TOKEN;
  delete env.GH_TOKEN;
  if (token !== null) env.GITHUB_TOKEN = token;
  const child = spawn(
    process.execPath,
    [BIN, "fetch", "github", "--repo", "acme/widgets", ...args],
    {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A seeded pseudo-random generator (mulberry32): the same seed, the same sequence. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
