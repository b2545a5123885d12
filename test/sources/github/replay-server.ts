import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

/**
 * A local HTTP server that answers with recorded GitHub API responses: no test touches the network.
 *
 * A recording (`recordings/<name>.json`) is `{ description, exchanges: [{ request, response }] }`.
 * A request is matched by method, path and query (parameters in any order) to the first unused
 * exchange recorded for it, which is then used up: recording the same request twice answers, say,
 * a 502 and then a 200. A request with nothing left to answer gets a 404 and is listed in
 * `unmatched`. In response headers, `{{baseUrl}}` becomes the server's address (GitHub's `Link`
 * headers carry absolute URLs) and `{{now+N}}` the Unix time N seconds from now (`x-ratelimit-reset`).
 */
export interface Exchange {
  request: { method?: string; path: string };
  response: { status: number; headers?: Record<string, string>; body?: unknown };
}

export interface Recording {
  description: string;
  exchanges: Exchange[];
}

export interface ReceivedRequest {
  method: string;
  /** Path and query as sent. */
  path: string;
  headers: IncomingHttpHeaders;
}

export interface ReplayServer {
  baseUrl: string;
  /** Replaces the recording being replayed and clears `requests` and `unmatched`. */
  load(...names: string[]): void;
  /** Every request received, in order. */
  requests: ReceivedRequest[];
  /** Requests that found no recorded answer ("GET /path?query"). */
  unmatched: string[];
  /** Recorded exchanges not yet used. */
  unused(): string[];
  close(): Promise<void>;
}

const RECORDINGS = fileURLToPath(new URL("recordings/", import.meta.url));

/** Reads `recordings/<name>.json` (of `dir`, default this folder's `recordings/`). */
export function readRecording(name: string, dir = RECORDINGS): Recording {
  return JSON.parse(readFileSync(`${dir}${name}.json`, "utf8")) as Recording;
}

/** Starts the server on 127.0.0.1 and a free port; recordings are read from `dir` (ending in /). */
export async function startReplayServer(dir = RECORDINGS): Promise<ReplayServer> {
  let pending: { key: string; exchange: Exchange; used: boolean }[] = [];
  const requests: ReceivedRequest[] = [];
  const unmatched: string[] = [];
  let baseUrl = "";

  const server: Server = createServer((req, res) => {
    const method = req.method ?? "GET";
    const path = req.url ?? "/";
    requests.push({ method, path, headers: req.headers });
    req.resume();
    const key = requestKey(method, path);
    const entry = pending.find((p) => !p.used && p.key === key);
    if (!entry) {
      unmatched.push(`${method} ${path}`);
      res.writeHead(404, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ message: `Not Found (no recording for ${method} ${path})` }));
      return;
    }
    entry.used = true;
    const { status, headers = {}, body } = entry.exchange.response;
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) out[name] = fill(value, baseUrl);
    let text = "";
    if (body !== undefined) {
      // Bodies may carry absolute next-page URLs too (Opsgenie's paging.next).
      text = fill(typeof body === "string" ? body : JSON.stringify(body), baseUrl);
      out["content-type"] ??= "application/json; charset=utf-8";
    }
    res.writeHead(status, out);
    res.end(text);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    load(...names) {
      pending = names.flatMap((name) =>
        readRecording(name, dir).exchanges.map((exchange) => ({
          key: requestKey(exchange.request.method ?? "GET", exchange.request.path),
          exchange,
          used: false,
        })),
      );
      requests.length = 0;
      unmatched.length = 0;
    },
    requests,
    unmatched,
    unused: () => pending.filter((p) => !p.used).map((p) => p.key),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** "GET /path?a=1&b=2" with the query parameters sorted. */
export function requestKey(method: string, path: string): string {
  const url = new URL(path, "http://replay.invalid");
  const params = [...url.searchParams.entries()].sort(([a, x], [b, y]) =>
    a === b ? x.localeCompare(y) : a.localeCompare(b),
  );
  const query = new URLSearchParams(params).toString();
  return `${method.toUpperCase()} ${url.pathname}${query ? `?${query}` : ""}`;
}

function fill(value: string, baseUrl: string): string {
  return value
    .replaceAll("{{baseUrl}}", baseUrl)
    .replace(/\{\{now\+(\d+)\}\}/g, (_, seconds: string) =>
      String(Math.floor(Date.now() / 1000) + Number(seconds)),
    );
}
