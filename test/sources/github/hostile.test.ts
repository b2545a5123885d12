import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLegibleError } from "../../../src/errors.js";
import { fetchGitHubPullRequests, parseCursor } from "../../../src/sources/github/index.js";
import { Store } from "../../../src/store/store.js";
import { memoryState } from "./helpers.js";
import {
  aPull,
  type CliRun,
  type FakeServer,
  type Handler,
  healthyGitHub,
  json,
  REPOSITORY,
  raw,
  runFetch,
  seeded,
  stall,
  stallMidBody,
  startFakeServer,
  TOKEN,
  truncated,
} from "./hostile-server.js";

/**
 * The attacks of issue 15 ("The API client") as a suite: a fake GitHub that misbehaves, and a second
 * origin it points links and redirects at. Every scenario runs the real CLI and checks the exit code
 * and the exact message, that the token reached no other origin, and that it appears in no output
 * and no file of the store. Nothing here waits on a clock: a stalled server never answers, and the
 * injected request timeout is the only thing that ends the request; the test's own timeout is the
 * only guard against a hang.
 */

let api: FakeServer;
let elsewhere: FakeServer;
const dirs: string[] = [];

/** Measured by the suite, printed at the end (the figures reported on issue 15). */
const figures = {
  scenarios: 0,
  crashes: 0,
  tokenToOtherOrigins: 0,
  tokenInOutput: 0,
  tokenInStore: 0,
};

beforeAll(async () => {
  elsewhere = await startFakeServer();
  api = await startFakeServer(() => elsewhere.baseUrl);
});
afterAll(async () => {
  await api.close();
  await elsewhere.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  console.log(`hostile API suite: ${JSON.stringify(figures)}`);
});

const LIST = "/repos/acme/widgets/pulls";
const REPO = "/repos/acme/widgets";

interface Attack {
  routes?: Record<string, Handler>;
  args?: string[];
  /** legible.yaml beside the store. */
  config?: string;
  /** Runs in this folder (a second run of the same store); a new one by default. */
  dir?: string;
  /** Serve a healthy GitHub with these routes replaced; false to keep what is served. */
  serve?: boolean;
}

interface Outcome extends CliRun {
  dir: string;
  db: string;
  /** The first line of stderr. */
  message: string;
}

/** Runs one scenario through the CLI and checks what must hold whatever the scenario. */
async function attack({
  routes = {},
  args = [],
  config,
  dir,
  serve = true,
}: Attack): Promise<Outcome> {
  const folder = dir ?? mkdtempSync(join(tmpdir(), "legible-hostile-"));
  if (!dir) dirs.push(folder);
  if (config !== undefined) writeFileSync(join(folder, "legible.yaml"), config);
  if (serve) api.serve({ ...healthyGitHub(), ...routes });
  elsewhere.serve({});
  const db = join(folder, "legible.db");
  const run = await runFetch(["--api-url", api.baseUrl, "--db", db, ...args], folder);
  figures.scenarios += 1;
  if (run.code === 1 || run.stderr.includes("unexpected error")) figures.crashes += 1;
  if (elsewhere.received.length > 0) figures.tokenToOtherOrigins += 1;
  if (run.stdout.includes(TOKEN) || run.stderr.includes(TOKEN)) figures.tokenInOutput += 1;
  const stored = readdirSync(folder).some((name) =>
    readFileSync(join(folder, name)).includes(TOKEN),
  );
  if (stored) figures.tokenInStore += 1;

  expect(run.stderr).not.toMatch(/unexpected error|\n\s+at /); // no stack trace
  expect(run.code).not.toBe(1);
  expect(elsewhere.received).toEqual([]); // nothing, let alone the token, reached another origin
  for (const request of api.received) expect(request.authorization).toBe(`token ${TOKEN}`);
  expect(run.stdout).not.toContain(TOKEN);
  expect(run.stderr).not.toContain(TOKEN);
  expect(stored).toBe(false);
  if (run.code === 2) {
    // one line, and at most one hint
    expect(run.stderr).toMatch(/^legible: [^\n]+\n( {2}hint: [^\n]+\n)?$/);
  }
  return { ...run, dir: folder, db, message: run.stderr.split("\n")[0] ?? "" };
}

/** The URL of the first request the API server received on `path`, as sent. */
function sent(path: string): string {
  const request = api.received.find((r) => r.path.split("?")[0] === path);
  return `${api.baseUrl}${request?.path ?? path}`;
}

/** What the store holds after a run: pull request numbers and the fetch checkpoint. */
async function storeOf(db: string) {
  const store = await Store.open(db);
  try {
    const scope = `${new URL(api.baseUrl).host}/acme/widgets`;
    const state = await store.delivery.fetchState("github", scope);
    return {
      numbers: (await store.delivery.pullRequests()).map((row) => row.number).sort(),
      updatedSince: state?.updatedSince ?? null,
      cursor: parseCursor(state?.cursor)?.page ?? null,
    };
  } finally {
    await store.close();
  }
}

const refused = (what: string, step: string) =>
  `legible: refused to follow ${what} from ${api.baseUrl} to another origin, ${elsewhere.baseUrl}, while reading ${step} of acme/widgets: the token is sent only to the API's origin`;

describe("hostile API: credentials go to the API's origin only", () => {
  it("a healthy run, for comparison: exit 0, both pages stored", async () => {
    const run = await attack({});
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      "acme/widgets: 2 pull requests fetched (full), 2 pages, 0 retries, 0 rate-limit waits\n",
    );
    expect(await storeOf(run.db)).toEqual({
      numbers: [1, 2],
      updatedSince: "2024-05-10T09:00:00Z",
      cursor: null,
    });
  });

  it("a Link to the next page of reviews at another origin is refused, never followed", async () => {
    const run = await attack({
      routes: {
        [`${LIST}/2/reviews`]: ({ res, other }) =>
          json(res, 200, [], {
            link: `<${other}/repositories/42/pulls/2/reviews?page=2>; rel="next"`,
          }),
      },
    });
    expect(run.code).toBe(2);
    expect(run.message).toBe(refused("a next-page link", "the reviews of #2"));
    expect(await storeOf(run.db)).toEqual({ numbers: [], updatedSince: null, cursor: null });
  });

  it("a Link to the next page of the pull request list at another origin is refused", async () => {
    const run = await attack({
      routes: {
        [LIST]: ({ res, other }) =>
          json(res, 200, [], { link: `<${other}/repositories/42/pulls?page=2>; rel="next"` }),
      },
    });
    expect(run.code).toBe(2);
    expect(run.message).toBe(refused("a next-page link", "page 1 of the pull request list"));
  });

  it("a redirect to another origin is refused, never followed", async () => {
    const run = await attack({
      routes: {
        [REPO]: ({ res, other }) => raw(res, 302, "", { location: `${other}${REPO}` }),
      },
    });
    expect(run.code).toBe(2);
    expect(run.message).toBe(refused("a redirect", "the repository"));
  });

  it("a redirect within the API's origin is followed (GitHub's answer for a renamed repository)", async () => {
    const run = await attack({
      routes: {
        [REPO]: ({ res }) => raw(res, 301, "", { location: "/repositories/42" }),
        "/repositories/42": ({ res }) => json(res, 200, REPOSITORY),
      },
    });
    expect(run.code).toBe(0);
    expect(api.received.map((r) => r.path).slice(0, 2)).toEqual([REPO, "/repositories/42"]);
  });

  it("a credential inside --api-url is refused before any request, and redacted", async () => {
    const url = api.baseUrl.replace("http://", `http://x-access-token:${TOKEN}@`);
    const run = await attack({ args: ["--api-url", url] });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `legible: --api-url ${api.baseUrl.replace("http://", "http://***@")}: credentials in the URL are not accepted\n  hint: put the token in GITHUB_TOKEN or GH_TOKEN; it is sent only to the API's origin\n`,
    );
    expect(api.received).toEqual([]);
  });

  it("an error message from the server that echoes the token is redacted, and its escapes removed", async () => {
    const run = await attack({
      routes: {
        [LIST]: ({ res }) =>
          json(res, 403, { message: `Forbidden for ${TOKEN}\u001b]0;pwned\u0007 sorry` }),
      },
    });
    expect(run.code).toBe(2);
    expect(run.message).toBe(
      "legible: GitHub answered 403 while reading page 1 of the pull request list of acme/widgets (Forbidden for *** ]0;pwned sorry)",
    );
  });
});

describe("hostile API: malformed answers are one-line errors, or bounded retries", () => {
  const answer = (path: string, got: string, expected: string, step: string) =>
    `legible: GitHub's answer to GET ${sent(path)} was ${got}, expected ${expected}, while reading ${step} of acme/widgets`;
  const REPOSITORY_EXPECTED = "a JSON repository with full_name, name and owner.login";
  const LIST_EXPECTED = "a JSON list of pull requests";

  it("invalid JSON", async () => {
    const run = await attack({
      routes: {
        [LIST]: ({ res }) =>
          raw(res, 200, '[{"number": 1,', { "content-type": "application/json" }),
      },
    });
    expect(run.code).toBe(2);
    expect(run.message).toBe(
      answer(LIST, "invalid JSON (14 bytes)", LIST_EXPECTED, "page 1 of the pull request list"),
    );
  });

  it("an HTML page", async () => {
    const run = await attack({
      routes: {
        [REPO]: ({ res }) =>
          raw(res, 200, "<!DOCTYPE html><title>Sign in</title>", { "content-type": "text/html" }),
      },
    });
    expect(run.code).toBe(2);
    expect(run.message).toBe(answer(REPO, "an HTML page", REPOSITORY_EXPECTED, "the repository"));
  });

  it("an empty body", async () => {
    const run = await attack({
      routes: { [REPO]: ({ res }) => raw(res, 200, "", { "content-type": "application/json" }) },
    });
    expect(run.code).toBe(2);
    expect(run.message).toBe(answer(REPO, "an empty body", REPOSITORY_EXPECTED, "the repository"));
  });

  it("an object where a list was expected", async () => {
    const run = await attack({
      routes: { [LIST]: ({ res }) => json(res, 200, { items: [] }) },
    });
    expect(run.code).toBe(2);
    expect(run.message).toBe(
      answer(LIST, "a JSON object", LIST_EXPECTED, "page 1 of the pull request list"),
    );
  });

  it("a list of things that are not objects", async () => {
    const run = await attack({
      routes: { [`${LIST}/2/commits`]: ({ res }) => json(res, 200, [1, null]) },
    });
    expect(run.code).toBe(2);
    expect(run.message).toBe(
      answer(
        `${LIST}/2/commits`,
        "a list with an item that is not an object",
        "a JSON list of commits",
        "the commits of #2",
      ),
    );
  });

  it("a repository with no owner", async () => {
    const { owner: _, ...ownerless } = REPOSITORY;
    const run = await attack({ routes: { [REPO]: ({ res }) => json(res, 200, ownerless) } });
    expect(run.code).toBe(2);
    expect(run.message).toBe(
      answer(REPO, "a repository without owner.login", REPOSITORY_EXPECTED, "the repository"),
    );
  });

  it("an invalid --api-url", async () => {
    const notUrl = await attack({ args: ["--api-url", "not a url"] });
    expect(notUrl.code).toBe(2);
    expect(notUrl.message).toBe(
      "legible: --api-url not a url: not a URL; expected an http or https URL (e.g. https://api.github.com or https://github.example.com/api/v3)",
    );
    const ftp = await attack({ args: ["--api-url", "ftp://github.example.com/"] });
    expect(ftp.code).toBe(2);
    expect(ftp.message).toBe(
      "legible: --api-url ftp://github.example.com/: expected an http or https URL (e.g. https://api.github.com or https://github.example.com/api/v3)",
    );
  });

  it("a body cut short is retried; the retry's answer is used", async () => {
    const body = JSON.stringify(REPOSITORY);
    const run = await attack({
      config: "fetch:\n  maxRetries: 1\n",
      routes: {
        [REPO]: ({ res, attempt }) =>
          attempt === 0 ? truncated(res, body, 10) : json(res, 200, REPOSITORY),
      },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      "acme/widgets: 2 pull requests fetched (full), 2 pages, 1 retries, 0 rate-limit waits\n",
    );
  });

  it("a body always cut short: retried up to the limit, then a one-line error", async () => {
    const body = JSON.stringify(REPOSITORY);
    const run = await attack({
      config: "fetch:\n  maxRetries: 1\n",
      routes: { [REPO]: ({ res }) => truncated(res, body, 10) },
    });
    expect(run.code).toBe(2);
    expect(run.message).toBe(
      `legible: no complete answer from GitHub to GET ${api.baseUrl}${REPO} while reading the repository of acme/widgets, after 2 attempts (the answer was cut short)`,
    );
    expect(api.received.map((r) => r.path)).toEqual([REPO, REPO]);
  });
});

describe("hostile API: nothing waits without a cap, nothing hangs", () => {
  it("a secondary rate limit asking for 100,001 s stops at the cap, and the run stays resumable", async () => {
    const run = await attack({
      args: ["--max-wait", "60"],
      routes: {
        [LIST]: ({ url, res }) => {
          if (url.searchParams.get("page") === "2") {
            json(
              res,
              403,
              { message: "You have exceeded a secondary rate limit" },
              { "retry-after": "100001" },
            );
            return;
          }
          healthyGitHub()[LIST]?.({ url, res, attempt: 0, api: api.baseUrl, other: "" });
        },
      },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "legible: GitHub's rate limit (secondary) asks to wait 100001 s, more than the 60 s allowed (--max-wait or fetch.maxWaitSeconds), while reading page 2 of the pull request list of acme/widgets; stopped\n" +
        "  hint: run again after 2025-01-02T03:46:41.000Z, or allow a longer wait; what was fetched is kept; the next run resumes from the last complete page\n",
    );
    // page 1 is stored with the cursor that vouches for it; nothing of page 2
    expect(await storeOf(run.db)).toEqual({ numbers: [2], updatedSince: null, cursor: 2 });

    const again = await attack({ dir: run.dir });
    expect(again.code).toBe(0);
    const pages = api.received
      .filter((r) => r.path.startsWith(`${LIST}?`))
      .map((r) => new URL(r.path, api.baseUrl).searchParams.get("page"));
    expect(pages).toEqual(["2"]); // resumed where it stopped
    expect(await storeOf(run.db)).toEqual({
      numbers: [1, 2],
      updatedSince: "2024-05-10T09:00:00Z",
      cursor: null,
    });
  });

  it("a primary rate limit resetting in the year 2100 stops at the configured cap", async () => {
    const run = await attack({
      config: "fetch:\n  maxWaitSeconds: 30\n",
      routes: {
        [REPO]: ({ res }) =>
          json(
            res,
            403,
            { message: "API rate limit exceeded" },
            {
              "x-ratelimit-remaining": "0",
              "x-ratelimit-reset": "4102444800",
            },
          ),
      },
    });
    expect(run.code).toBe(2);
    // the wait is counted from the real clock, so only its order of magnitude is fixed
    expect(run.message).toMatch(
      /^legible: GitHub's rate limit \(primary\) asks to wait \d{10} s, more than the 30 s allowed \(--max-wait or fetch\.maxWaitSeconds\), while reading the repository of acme\/widgets; stopped$/,
    );
    expect(api.received).toHaveLength(1);
  });

  it("a server that never answers: the request times out, is retried, then a one-line error", async () => {
    const run = await attack({
      config: "fetch:\n  maxRetries: 1\n",
      args: ["--request-timeout", "0.2"],
      routes: { [REPO]: stall },
    });
    expect(run.code).toBe(2);
    expect(run.message).toBe(
      `legible: no complete answer from GitHub to GET ${api.baseUrl}${REPO} while reading the repository of acme/widgets, after 2 attempts (no data for 0.2 s)`,
    );
    // The client counts its attempts; the server may not even have read one it was too busy to
    // take before the client gave up, so it is only bounded here.
    expect(api.received.length).toBeLessThanOrEqual(2);
  });

  it("a body that stalls half-way is timed out the same way", async () => {
    const run = await attack({
      config: "fetch:\n  maxRetries: 0\n  requestTimeoutSeconds: 0.2\n",
      routes: { [REPO]: ({ res }) => stallMidBody(res, JSON.stringify(REPOSITORY)) },
    });
    expect(run.code).toBe(2);
    expect(run.message).toBe(
      `legible: no complete answer from GitHub to GET ${api.baseUrl}${REPO} while reading the repository of acme/widgets, after 1 attempt (no data for 0.2 s)`,
    );
  });

  it("--max-wait and --request-timeout must be numbers of seconds", async () => {
    const wait = await attack({ args: ["--max-wait", "soon"] });
    expect(wait.code).toBe(2);
    expect(wait.message).toBe("legible: --max-wait soon: expected a number of seconds, 0 or more");
    const timeout = await attack({ args: ["--request-timeout", "0"] });
    expect(timeout.code).toBe(2);
    expect(timeout.message).toBe(
      "legible: --request-timeout 0: expected a number of seconds above 0",
    );
  });
});

describe("hostile API: malformed bodies from a fixed seed", () => {
  it("every mutated answer is a typed one-line error or a success, and the checkpoint stays consistent", async () => {
    const random = seeded(15);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const healthy = healthyGitHub();
    const targets: { path: string; body: () => unknown }[] = [
      { path: REPO, body: () => structuredClone(REPOSITORY) },
      { path: LIST, body: () => [aPull(2, "2024-05-10T09:00:00Z")] },
      {
        path: `${LIST}/2/reviews`,
        body: () => [
          { id: 1, user: { login: "bo" }, state: "APPROVED", submitted_at: "2024-05-09T10:00:00Z" },
        ],
      },
      {
        path: `${LIST}/2/commits`,
        body: () => [
          {
            sha: "a".repeat(40),
            commit: {
              author: { name: "Ada", email: "ada@example.com", date: "2024-05-01T09:00:00Z" },
            },
            author: { login: "ada" },
          },
        ],
      },
    ];
    const wrongValues = [
      null,
      0,
      -1,
      1e308,
      "",
      "x",
      true,
      {},
      [],
      [0],
      ["s"],
      [[]],
      { message: TOKEN },
    ];
    const contentTypes = [
      "application/json",
      "text/html",
      "text/plain",
      "application/octet-stream",
      "",
    ];
    const outcomes = { ok: 0, refused: 0, crashes: 0, tokenInMessage: 0, inconsistent: 0 };
    const CASES = 48;
    /** Mutations that still made a valid answer (e.g. an optional field removed). */
    const accepted: string[] = [];

    for (let i = 0; i < CASES; i += 1) {
      const target = pick(targets);
      const value = target.body();
      let text = JSON.stringify(value);
      let type = "application/json";
      let transport: "whole" | "cut" = "whole";
      const mutation = Math.floor(random() * 8);
      if (mutation === 0) text = text.slice(0, Math.floor(random() * text.length));
      else if (mutation === 1) {
        const at = Math.floor(random() * text.length);
        text =
          text.slice(0, at) + String.fromCharCode(Math.floor(random() * 256)) + text.slice(at + 1);
      } else if (mutation === 2) text = JSON.stringify(pick(wrongValues));
      else if (mutation === 3) type = pick(contentTypes);
      else if (mutation === 4 || mutation === 5) {
        const object = (Array.isArray(value) ? value[0] : value) as Record<string, unknown>;
        const key = pick(Object.keys(object));
        if (mutation === 4) delete object[key];
        else object[key] = pick(wrongValues);
        text = JSON.stringify(value);
      } else if (mutation === 6) text = `${"[".repeat(5000 + Math.floor(random() * 5000))}`;
      else transport = "cut";

      const state = memoryState();
      const routes: Record<string, Handler> = {
        ...healthy,
        [target.path]: ({ res }) =>
          transport === "cut"
            ? raw(res, 200, text.slice(0, 5), {
                "content-type": type,
                "content-length": String(Buffer.byteLength(text) + 10),
              })
            : raw(res, 200, text, type === "" ? {} : { "content-type": type }),
      };
      api.serve(routes);
      elsewhere.serve({});
      try {
        await fetchGitHubPullRequests({
          repo: "acme/widgets",
          token: TOKEN,
          baseUrl: api.baseUrl,
          state,
          onPullRequest: () => undefined,
          waitScale: 1,
          maxRetries: 1,
        });
        outcomes.ok += 1;
        accepted.push(`${target.path} mutation ${mutation}: ${text.slice(0, 80)}`);
      } catch (error) {
        if (isLegibleError(error) && error.code === "BAD_INPUT" && !error.message.includes("\n")) {
          outcomes.refused += 1;
          if (error.message.includes(TOKEN) || (error.hint ?? "").includes(TOKEN))
            outcomes.tokenInMessage += 1;
          // a failed run never saves a finished checkpoint, only page cursors
          if (state.saves.some((save) => save.cursor === null)) outcomes.inconsistent += 1;
        } else {
          outcomes.crashes += 1;
          console.log(
            `fuzz case ${i} (${target.path}, mutation ${mutation}) crashed: ${String(error).slice(0, 160)}`,
          );
        }
      }
      if (elsewhere.received.length > 0) figures.tokenToOtherOrigins += 1;
      figures.scenarios += 1;
    }
    figures.crashes += outcomes.crashes;
    console.log(`fuzz: ${JSON.stringify(outcomes)}\naccepted:\n${accepted.join("\n")}`);
    expect(outcomes).toMatchObject({ crashes: 0, tokenInMessage: 0, inconsistent: 0 });
    expect(outcomes.ok + outcomes.refused).toBe(CASES);
  }, 240_000);
});
