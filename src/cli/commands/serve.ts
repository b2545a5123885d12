import type { Command } from "commander";
import { LegibleError } from "../../errors.js";
import type { GlobalOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";
import { printWarnings } from "../output.js";

interface ServeFlags extends GlobalOptions {
  port: string;
  host: string;
  ref?: string;
  me?: boolean;
  weeks?: string;
}

export const DEFAULT_PORT = 8765;

export function registerServe(program: Command, io: CliIo): Command {
  const command = program
    .command("serve")
    .description(
      "A local dashboard over the same analyses: This week, Areas, What if, Flow and delivery, Decisions, Teams (and Me with --me), plus a versioned JSON API",
    )
    .argument("[repo...]", "repository paths (default: repositories in legible.yaml, or .)")
    .option("--port <n>", `port to listen on (0: any free port)`, String(DEFAULT_PORT))
    .option(
      "--host <address>",
      "address to listen on; anything but loopback needs LEGIBLE_SERVE_TOKEN or serve.token",
      "127.0.0.1",
    )
    .option("--ref <rev>", "history to read (default: HEAD)")
    .option("--weeks <n>", "weeks the trend charts cover (default: serve.weeks in config)")
    .option(
      "--me",
      "add the Me page: my impact packet and what leader views say about me (git config user.email; loopback only)",
    );
  addGlobalOptions(command, { json: false }).action(async (repos: string[], flags: ServeFlags) => {
    const { isLoopback, listen, loopbackHosts, serveToken } = await import("../../serve/server.js");
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new LegibleError("BAD_USAGE", `--port ${flags.port}: not a port number`);
    if (flags.me && !isLoopback(flags.host))
      throw new LegibleError(
        "BAD_USAGE",
        "--me is local only: it cannot be combined with a non-loopback --host",
      );
    const { openContext, repositoryPaths, scanFor, sessionFor } = await import("../context.js");
    const { serveApp } = await import("../../serve/app.js");
    const { Dashboard } = await import("../../serve/dashboard.js");
    const { git } = await import("../../sources/git/run.js");
    const context = await openContext(io, flags);
    try {
      printWarnings(context);
      const configured = io.env.LEGIBLE_SERVE_TOKEN || context.config.serve.token;
      const token = serveToken(flags.host, configured ?? null);
      const weeks = flags.weeks === undefined ? context.config.serve.weeks : Number(flags.weeks);
      if (!Number.isInteger(weeks) || weeks < 2 || weeks > 26)
        throw new LegibleError("BAD_USAGE", `--weeks ${flags.weeks}: expected 2 to 26`);
      let me: string | null = null;
      if (flags.me) {
        me = await git(io.cwd, ["config", "user.email"]).catch(() => "");
        if (!me) throw new LegibleError("BAD_USAGE", "--me: git config user.email is not set here");
      }
      // Scanned once before the store's state is first read, so that this process's own first
      // scan is not taken for another process's write (the dashboard's scans then find nothing new).
      await scanFor(context, repositoryPaths(context, repos), flags.ref);
      // The store's state, read again every second: what another process (a scan, an import, a
      // worker) commits shows within a second, whichever engine holds the store.
      let state = await context.store.state();
      const watch = setInterval(() => {
        context.store.state().then(
          (now) => {
            state = now;
          },
          () => undefined,
        );
      }, 1000);
      watch.unref();
      const dashboard = new Dashboard({
        open: () => sessionFor(context, repos, { ref: flags.ref }),
        state: () => String(state),
        now: io.now,
        weeks,
        months: 6,
        me,
      });
      io.stderr.write("legible serve: scanning, then preparing every page…\n");
      const started = Date.now();
      // Every page's data prepared and every page rendered once before the URL is printed: the
      // analyses share the server's one thread, so a page prepared in the background would make
      // the first requests wait for it (0.6–1.1 s on git/git); prepared first, even the first
      // request is answered from the cache.
      await dashboard.warm();
      const app = serveApp({
        dashboard,
        token,
        allowedHosts: isLoopback(flags.host) ? loopbackHosts(flags.host) : null,
      });
      for (const path of ["/", "/areas", "/whatif", "/flow", "/decisions", "/teams"])
        await app.request(`http://localhost${path}`, {
          headers: { authorization: `Bearer ${token}` },
        });
      const server = await listen(app, { host: flags.host, port, token });
      io.stderr.write(`legible serve: ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      io.stdout.write(`${server.url}\n`);
      io.stderr.write(
        `legible serve: open the URL above (it carries this run's token); Ctrl-C stops.${isLoopback(flags.host) ? "" : ` Listening on ${flags.host}: anyone who can reach it needs the token.`}\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          resolve();
        };
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      // The background preparation, if still under way, fails on the closed store, silently.
      await server.close();
      io.stderr.write("legible serve: stopped\n");
    } finally {
      await context.store.close();
    }
  });
  return command;
}
