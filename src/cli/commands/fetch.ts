import type { Command } from "commander";
import type { PullRequestRow } from "../../core/delivery/model.js";
import { LegibleError } from "../../errors.js";
import type { GlobalOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";
import { printWarnings } from "../output.js";

interface FetchFlags extends GlobalOptions {
  repo?: string;
  apiUrl?: string;
  maxWait?: string;
  requestTimeout?: string;
}

export function registerFetch(program: Command, io: CliIo): Command {
  const fetch = program
    .command("fetch")
    .description("Fetch records live from an API (incremental and resumable)");
  const github = fetch
    .command("github")
    .description(
      "Fetch pull requests with their reviews, commits and comments from GitHub (token from GITHUB_TOKEN or GH_TOKEN)",
    )
    .option("--repo <owner/name>", "the repository on GitHub")
    .option(
      "--api-url <url>",
      "GitHub API base URL (GitHub Enterprise: https://host/api/v3)",
      "https://api.github.com",
    )
    .option(
      "--max-wait <seconds>",
      "longest wait for a rate limit; a longer one stops the fetch (default: fetch.maxWaitSeconds, 3660)",
    )
    .option(
      "--request-timeout <seconds>",
      "abandon and retry a request with no data for this long (default: fetch.requestTimeoutSeconds, 60)",
    );
  addGlobalOptions(github, { json: true }).action(async (flags: FetchFlags) => {
    if (!flags.repo || !/^[^/\s]+\/[^/\s]+$/.test(flags.repo)) {
      throw new LegibleError(
        "BAD_USAGE",
        `fetch github: --repo ${flags.repo ?? "(missing)"}: expected owner/name`,
      );
    }
    const { apiBase, fetchGitHubPullRequests, parseApiUrl } = await import(
      "../../sources/github/index.js"
    );
    const { openContext } = await import("../context.js");
    const repo = flags.repo;
    // Checked before anything else: an invalid URL or one holding a credential stops here, redacted.
    const api = parseApiUrl(flags.apiUrl ?? "https://api.github.com");
    const maxWait = seconds("--max-wait", flags.maxWait, 0);
    const requestTimeout = seconds("--request-timeout", flags.requestTimeout, Number.MIN_VALUE);
    // One checkpoint per host and repository, whatever the capitalisation of --repo.
    const scope = `${api.host}/${repo.toLowerCase()}`;
    const context = openContext(io, flags);
    const limits = context.config.fetch;
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    try {
      printWarnings(context);
      const token = io.env.GITHUB_TOKEN || io.env.GH_TOKEN || undefined;
      if (!token)
        io.stderr.write(
          "warning: no GITHUB_TOKEN or GH_TOKEN: fetching unauthenticated, at 60 requests an hour\n",
        );
      const delivery = context.store.delivery;
      let pending: PullRequestRow[] = [];
      const flush = () => {
        if (pending.length > 0) delivery.upsertPullRequests(pending);
        pending = [];
      };
      const result = await fetchGitHubPullRequests({
        repo,
        token,
        baseUrl: apiBase(api),
        now: io.now,
        maxRetries: limits.maxRetries,
        maxWaitSeconds: maxWait ?? limits.maxWaitSeconds,
        requestTimeoutSeconds: requestTimeout ?? limits.requestTimeoutSeconds,
        onWait: (wait) =>
          io.stderr.write(
            `rate limited by GitHub (${wait.kind}); waiting ${Math.ceil(wait.seconds)} s\n`,
          ),
        signal: controller.signal,
        state: {
          load: async () => delivery.fetchState("github", scope),
          save: async (checkpoint) => {
            flush(); // rows first, then the checkpoint that vouches for them
            delivery.saveFetchState("github", scope, checkpoint);
          },
        },
        onPullRequest: (row) => {
          pending.push(row);
          if (pending.length >= 100) flush();
        },
        ...(io.stderr.isTTY && !context.json
          ? {
              onProgress: (e: { fetched: number; page: number }) =>
                io.stderr.write(
                  `\r\x1b[2Kfetching ${repo}: ${e.fetched} pull requests (page ${e.page})`,
                ),
            }
          : {}),
      });
      flush();
      if (io.stderr.isTTY && !context.json) io.stderr.write("\r\x1b[2K");
      io.stdout.write(
        context.json
          ? `${JSON.stringify({ version: 1, repo, ...result }, null, 2)}\n`
          : `${repo}: ${result.fetched} pull requests fetched (${result.incremental ? "incremental" : "full"}), ${result.pages} pages, ${result.retries} retries, ${result.rateLimitWaits} rate-limit waits\n`,
      );
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      context.store.close();
    }
  });
  return fetch;
}

/** A flag in seconds: a number, at least `min`; undefined when the flag is absent. */
function seconds(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < min) {
    throw new LegibleError(
      "BAD_USAGE",
      `${flag} ${value}: expected a number of seconds${min > 0 ? " above 0" : ", 0 or more"}`,
    );
  }
  return n;
}
