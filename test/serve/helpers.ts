/**
 * The dashboard over the demo organisation, in process: a real demo workspace (git repositories,
 * imported pull requests, deployments and incidents, decision records) and a real SQLite store,
 * wired exactly as `legible serve` wires it, without a socket.
 */
import { openContext, sessionFor } from "../../src/cli/context.js";
import type { CliIo } from "../../src/cli/io.js";
import { serveApp } from "../../src/serve/app.js";
import { Dashboard } from "../../src/serve/dashboard.js";
import { loopbackHosts } from "../../src/serve/server.js";
import { type BuiltDemo, build, legibleIn, NOW } from "../app/demo/helpers.js";

export { NOW };

export const TOKEN = "test-token-0123456789abcdef";

export interface ServedDemo {
  demo: BuiltDemo;
  dir: string;
  dashboard: Dashboard;
  app: ReturnType<typeof serveApp>;
  /** Reads the store's state again, as the server does every second. */
  refresh: () => Promise<void>;
  close: () => Promise<void>;
}

/** Builds the demo, imports its exports, and opens a dashboard over it (`privacy` overrides config). */
export async function serveDemo(
  options: { demo?: BuiltDemo; pseudonymous?: boolean; me?: string | null; weeks?: number } = {},
): Promise<ServedDemo> {
  const demo = options.demo ?? build();
  const dir = demo.result.dir;
  if (!options.demo) await legibleIn(dir, ["import"]);
  const io: CliIo = {
    stdout: { write: () => true },
    stderr: { write: () => true },
    env: {
      ...process.env,
      NO_COLOR: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_CONFIG_NOSYSTEM: "1",
    },
    cwd: dir,
    now: () => NOW,
  };
  const context = await openContext(io, {});
  if (options.pseudonymous) context.config.privacy.people = "pseudonymous";
  let state = await context.store.state();
  const dashboard = new Dashboard({
    open: () => sessionFor(context, []),
    state: () => String(state),
    now: () => NOW,
    weeks: options.weeks ?? 3,
    months: 3,
    me: options.me ?? null,
  });
  const app = serveApp({ dashboard, token: TOKEN, allowedHosts: loopbackHosts("127.0.0.1") });
  // What `legible serve` does every second: read the store's state again.
  const refresh = async () => {
    state = await context.store.state();
  };
  return { demo, dir, dashboard, app, refresh, close: () => context.store.close() };
}

/** A GET as a browser on this machine sends it, carrying the token as a Bearer header. */
export function get(served: ServedDemo, path: string, headers: Record<string, string> = {}) {
  return served.app.request(`http://127.0.0.1:8765${path}`, {
    headers: { authorization: `Bearer ${TOKEN}`, ...headers },
  });
}

/** Every href and src of a page. */
export function links(page: string): string[] {
  return [...page.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) =>
    m[1]!.replace(/&amp;/g, "&"),
  );
}

/** The page's visible text, roughly: tags dropped, entities decoded. */
export function text(page: string): string {
  return page
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}
