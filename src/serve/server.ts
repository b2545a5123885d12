/** Starting the dashboard on a socket: loopback by default, a token in the printed URL. */
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { LegibleError } from "../errors.js";

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]", "::1"];

/** True for the loopback interface: 127.0.0.0/8, ::1 and localhost. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase();
  return LOOPBACK_NAMES.includes(h) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** The Host header names a loopback server answers to (DNS rebinding cannot add one). */
export function loopbackHosts(host: string): string[] {
  return [...new Set([...LOOPBACK_NAMES, host.toLowerCase()])];
}

/**
 * The token every request must carry: the configured one (LEGIBLE_SERVE_TOKEN, else serve.token),
 * or a random one for this run. A non-loopback host needs a configured token: a random token
 * printed to a terminal is fine for one person on one machine, not for a network.
 */
export function serveToken(host: string, configured: string | null): string {
  if (configured !== null && configured.length < 16)
    throw new LegibleError(
      "BAD_USAGE",
      "the serve token is too short",
      "use at least 16 characters, e.g. `openssl rand -hex 24`",
    );
  if (configured !== null) return configured;
  if (!isLoopback(host))
    throw new LegibleError(
      "BAD_USAGE",
      `--host ${host} is not loopback: serving to a network needs a token you set`,
      "set LEGIBLE_SERVE_TOKEN (or serve.token in legible.yaml) to a secret of at least 16 characters, e.g. `openssl rand -hex 24`",
    );
  return randomBytes(24).toString("base64url");
}

export interface RunningServer {
  /** The URL to open, token included. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on host:port (port 0: any free port) and resolves once the socket is bound. */
export function listen(
  app: Hono,
  options: { host: string; port: number; token: string },
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: options.host, port: options.port },
      (info: AddressInfo) => {
        const shown =
          info.family === "IPv6" || options.host.includes(":") ? `[${info.address}]` : options.host;
        resolve({
          url: `http://${shown}:${info.port}/?token=${encodeURIComponent(options.token)}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server.close(() => done());
              (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            }),
        });
      },
    );
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE" || error.code === "EACCES" || error.code === "EADDRNOTAVAIL"
          ? new LegibleError(
              "BAD_USAGE",
              `cannot listen on ${options.host}:${options.port}: ${error.code}`,
              "choose another --port or --host",
            )
          : error,
      ),
    );
  });
}
