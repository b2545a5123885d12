import type { Command } from "commander";
import type { PullRequestRow } from "../../core/delivery/model.js";
import { LegibleError } from "../../errors.js";
import { fetchGitHubPullRequests } from "../../sources/github/index.js";
import { type GlobalOptions, openContext } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";
import { printWarnings } from "../output.js";

interface FetchFlags extends GlobalOptions {
  repo?: string;
  apiUrl?: string;
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
    );
  addGlobalOptions(github, { json: true }).action(async (flags: FetchFlags) => {
    if (!flags.repo || !/^[^/\s]+\/[^/\s]+$/.test(flags.repo)) {
      throw new LegibleError(
        "BAD_USAGE",
        `fetch github: --repo ${flags.repo ?? "(missing)"}: expected owner/name`,
      );
    }
    const repo = flags.repo;
    const apiUrl = flags.apiUrl ?? "https://api.github.com";
    // One checkpoint per host and repository, whatever the capitalisation of --repo.
    const scope = `${new URL(apiUrl).host}/${repo.toLowerCase()}`;
    const context = openContext(io, flags);
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
        baseUrl: apiUrl,
        now: io.now,
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
