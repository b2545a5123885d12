import type { Command } from "commander";
import type { DeploymentRow, IncidentRow, PullRequestRow } from "../../core/delivery/model.js";
import { LegibleError } from "../../errors.js";
import type { LiveFetchOptions, LiveFetchResult } from "../../sources/live/options.js";
import type { GlobalOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { addGlobalOptions } from "../options.js";
import { printWarnings } from "../output.js";
import { fetchPageSize } from "../test-hooks.js";

interface FetchFlags extends GlobalOptions {
  repo?: string;
  deployments?: boolean;
  releases?: boolean;
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
      "Fetch pull requests with their reviews, commits and comments from GitHub, and with --deployments and --releases those too (token from GITHUB_TOKEN or GH_TOKEN)",
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
    )
    .option(
      "--deployments",
      "also fetch the repository's deployments with their statuses (incremental: from the oldest still in progress)",
    )
    .option(
      "--releases",
      "also fetch its published releases as production deployments, each at its tag's commit",
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
    const { plural } = await import("../../render/format.js");
    const repo = flags.repo;
    // Checked before anything else: an invalid URL or one holding a credential stops here, redacted.
    const api = parseApiUrl(flags.apiUrl ?? "https://api.github.com");
    const maxWait = seconds("--max-wait", flags.maxWait, 0);
    const requestTimeout = seconds("--request-timeout", flags.requestTimeout, Number.MIN_VALUE);
    // One checkpoint per host and repository, whatever the capitalisation of --repo.
    const scope = `${api.host}/${repo.toLowerCase()}`;
    const context = await openContext(io, flags);
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
      const writes = serialWrites();
      let pending: PullRequestRow[] = [];
      const flush = () => {
        const rows = pending;
        if (rows.length > 0) writes.add(() => delivery.upsertPullRequests(rows));
        pending = [];
      };
      let deployments: DeploymentRow[] = [];
      const flushDeployments = () => {
        const rows = deployments;
        if (rows.length > 0) writes.add(() => delivery.upsertDeployments(rows));
        deployments = [];
      };
      const listState = (list: string) => ({
        load: async () => delivery.fetchState("github", `${scope} ${list}`),
        save: async (checkpoint: { updatedSince: string | null; cursor: string | null }) => {
          flushDeployments();
          await writes.done();
          await delivery.saveFetchState("github", `${scope} ${list}`, checkpoint);
        },
      });
      const result = await fetchGitHubPullRequests({
        ...(flags.deployments ? { deployments: { state: listState("deployments") } } : {}),
        ...(flags.releases ? { releases: { state: listState("releases") } } : {}),
        onDeployment: (row) => {
          deployments.push(row);
          if (deployments.length >= 100) flushDeployments();
        },
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
            await writes.done();
            await delivery.saveFetchState("github", scope, checkpoint);
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
      flushDeployments();
      await writes.done();
      if (io.stderr.isTTY && !context.json) io.stderr.write("\r\x1b[2K");
      io.stdout.write(
        context.json
          ? `${JSON.stringify({ version: 1, repo, ...result }, null, 2)}\n`
          : `${repo}: ${result.fetched} pull requests fetched (${result.incremental ? "incremental" : "full"}), ${result.pages} pages, ${result.retries} retries, ${result.rateLimitWaits} rate-limit waits${result.deployments ? `; ${plural(result.deployments.fetched, "deployment")}` : ""}${result.releases ? `; ${plural(result.releases.fetched, "release")}` : ""}\n`,
      );
      for (const row of (result.rejected ?? []).slice(0, 20)) {
        io.stderr.write(`skipped ${row.path ?? row.file}: ${row.reason}\n`);
      }
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      await context.store.close();
    }
  });
  registerLiveSources(fetch, io);
  return fetch;
}

interface LiveFlags extends GlobalOptions {
  apiUrl?: string;
  maxWait?: string;
  requestTimeout?: string;
  project?: string;
  repository?: string;
}

/** The options every live source shares. */
function liveOptions(command: Command, defaultApi: string, example: string): Command {
  return command
    .option("--api-url <url>", `API base URL (${example})`, defaultApi)
    .option(
      "--max-wait <seconds>",
      "longest wait for a rate limit; a longer one stops the fetch (default: fetch.maxWaitSeconds, 3660)",
    )
    .option(
      "--request-timeout <seconds>",
      "abandon and retry a request with no data for this long (default: fetch.requestTimeoutSeconds, 60)",
    );
}

/** `legible fetch gitlab`, `legible fetch pagerduty`, `legible fetch opsgenie`. */
function registerLiveSources(fetch: Command, io: CliIo): void {
  const gitlab = liveOptions(
    fetch
      .command("gitlab")
      .description(
        "Fetch a GitLab project's merge requests (with notes, approvals and commits) and deployments (token from GITLAB_TOKEN)",
      )
      .option("--project <path>", "the project: group/sub/name, or its numeric id"),
    "https://gitlab.com/api/v4",
    "self-managed: https://host/api/v4",
  );
  addGlobalOptions(gitlab, { json: true }).action(async (flags: LiveFlags) => {
    if (!flags.project || flags.project.trim() === "") {
      throw new LegibleError(
        "BAD_USAGE",
        "fetch gitlab: --project (missing): expected group/name or the project's id",
      );
    }
    const project = flags.project.trim();
    await runLive(io, flags, {
      source: "gitlab",
      tokenVariables: ["GITLAB_TOKEN"],
      what: `GitLab project ${project}`,
      scope: (host) => `${host}/${project.toLowerCase()}`,
      run: async (common, store) =>
        (await import("../../sources/gitlab/fetch.js")).fetchGitLabProject({
          ...common,
          project,
          onMergeRequest: (row) => store.pullRequests(row),
          onDeployment: (row) => store.deployments(row),
        }),
    });
  });

  const incidentSources = [
    {
      name: "pagerduty",
      label: "PagerDuty",
      variable: "PAGERDUTY_TOKEN",
      api: "https://api.pagerduty.com",
      example: "EU accounts: https://api.eu.pagerduty.com",
      fetch: async (
        options: Parameters<
          typeof import("../../sources/pagerduty/fetch.js").fetchPagerDutyIncidents
        >[0],
      ) => (await import("../../sources/pagerduty/fetch.js")).fetchPagerDutyIncidents(options),
    },
    {
      name: "opsgenie",
      label: "Opsgenie",
      variable: "OPSGENIE_API_KEY",
      api: "https://api.opsgenie.com",
      example: "EU accounts: https://api.eu.opsgenie.com",
      fetch: async (
        options: Parameters<
          typeof import("../../sources/opsgenie/fetch.js").fetchOpsgenieIncidents
        >[0],
      ) => (await import("../../sources/opsgenie/fetch.js")).fetchOpsgenieIncidents(options),
    },
  ] as const;
  for (const source of incidentSources) {
    const command = liveOptions(
      fetch
        .command(source.name)
        .description(
          `Fetch ${source.label} incidents with their responders and timelines (token from ${source.variable})`,
        )
        .option(
          "--repository <owner/name>",
          "repository the incidents belong to (default: delivery.services maps each incident's service)",
        ),
      source.api,
      source.example,
    );
    addGlobalOptions(command, { json: true }).action(async (flags: LiveFlags) => {
      await runLive(io, flags, {
        source: source.name,
        tokenVariables: [source.variable],
        what: `${source.label} incidents`,
        scope: (host) => host,
        run: (common, store) =>
          source.fetch({
            ...common,
            ...(flags.repository ? { repository: flags.repository } : {}),
            onIncident: (row) => store.incidents(row),
          }),
      });
    });
  }
}

/** Buffers fetched rows and writes them before each checkpoint that vouches for them. */
interface RowBuffer {
  pullRequests(row: PullRequestRow): void;
  deployments(row: DeploymentRow): void;
  incidents(row: IncidentRow): void;
  flush(): void;
}

/** Writes queued from synchronous callbacks, run one after another; `done` waits for them (and fails with the first failure). */
function serialWrites(): { add(write: () => Promise<unknown>): void; done(): Promise<void> } {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    add(write) {
      chain = chain.then(write);
      chain.catch(() => undefined); // reported by done()
    },
    async done() {
      await chain;
    },
  };
}

async function runLive(
  io: CliIo,
  flags: LiveFlags,
  spec: {
    source: string;
    tokenVariables: string[];
    what: string;
    scope: (host: string) => string;
    run: (common: LiveFetchOptions, store: RowBuffer) => Promise<LiveFetchResult>;
  },
): Promise<void> {
  const { apiBase, parseApiUrl } = await import("../../sources/github/index.js");
  const { openContext } = await import("../context.js");
  const { plural } = await import("../../render/format.js");
  // Checked before anything else: an invalid URL or one holding a credential stops here, redacted.
  const api = parseApiUrl(flags.apiUrl ?? "");
  const maxWait = seconds("--max-wait", flags.maxWait, 0);
  const requestTimeout = seconds("--request-timeout", flags.requestTimeout, Number.MIN_VALUE);
  const context = await openContext(io, flags);
  const limits = context.config.fetch;
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    printWarnings(context);
    const token =
      spec.tokenVariables.map((name) => io.env[name]).find((value) => value) || undefined;
    if (!token)
      io.stderr.write(
        `warning: no ${spec.tokenVariables.join(" or ")}: fetching unauthenticated (only public data, if any, can be read)\n`,
      );
    const delivery = context.store.delivery;
    const writes = serialWrites();
    const pending = {
      prs: [] as PullRequestRow[],
      deployments: [] as DeploymentRow[],
      incidents: [] as IncidentRow[],
    };
    const buffer: RowBuffer = {
      pullRequests: (row) => {
        pending.prs.push(row);
        if (pending.prs.length >= 100) buffer.flush();
      },
      deployments: (row) => {
        pending.deployments.push(row);
        if (pending.deployments.length >= 100) buffer.flush();
      },
      incidents: (row) => {
        pending.incidents.push(row);
        if (pending.incidents.length >= 100) buffer.flush();
      },
      flush: () => {
        const { prs, deployments, incidents } = pending;
        if (prs.length > 0) writes.add(() => delivery.upsertPullRequests(prs));
        if (deployments.length > 0) writes.add(() => delivery.upsertDeployments(deployments));
        if (incidents.length > 0) writes.add(() => delivery.upsertIncidents(incidents));
        pending.prs = [];
        pending.deployments = [];
        pending.incidents = [];
      },
    };
    const scope = spec.scope(api.host);
    const progress = io.stderr.isTTY && !context.json;
    const result = await spec.run(
      {
        baseUrl: apiBase(api),
        token,
        ...fetchPageSize(io),
        now: io.now,
        maxRetries: limits.maxRetries,
        maxWaitSeconds: maxWait ?? limits.maxWaitSeconds,
        requestTimeoutSeconds: requestTimeout ?? limits.requestTimeoutSeconds,
        signal: controller.signal,
        onWait: (wait) =>
          io.stderr.write(`rate limited (${wait.request}); waiting ${Math.ceil(wait.seconds)} s\n`),
        state: (list) => ({
          load: async () => delivery.fetchState(spec.source, `${scope} ${list}`),
          save: async (checkpoint) => {
            buffer.flush(); // rows first, then the checkpoint that vouches for them
            await writes.done();
            await delivery.saveFetchState(spec.source, `${scope} ${list}`, checkpoint);
          },
        }),
        ...(progress
          ? {
              onProgress: (e: { list: string; fetched: number; page: number }) =>
                io.stderr.write(
                  `\r\x1b[2Kfetching ${spec.what}: ${e.fetched} ${e.list} (page ${e.page})`,
                ),
            }
          : {}),
      },
      buffer,
    );
    buffer.flush();
    await writes.done();
    if (progress) io.stderr.write("\r\x1b[2K");
    if (context.json) io.stdout.write(`${JSON.stringify({ version: 1, ...result }, null, 2)}\n`);
    else {
      const lists = result.lists
        .map(
          (list) =>
            `${list.fetched} ${list.list} (${list.resumed ? "resumed" : list.incremental ? "incremental" : "full"}, ${list.pages} pages)`,
        )
        .join(", ");
      io.stdout.write(
        `${result.scope}: ${lists}; ${plural(result.requests, "request")}, ${plural(result.retries, "retry", "retries")}, ${plural(result.rateLimitWaits, "rate-limit wait")}; ${plural(result.rejected.length, "record")} skipped\n`,
      );
    }
    for (const row of result.rejected.slice(0, 20)) {
      io.stderr.write(`skipped ${row.path ?? row.file}: ${row.reason}\n`);
    }
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await context.store.close();
  }
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
