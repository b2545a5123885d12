/**
 * `npm run bench:serve`: how fast the dashboard answers. Starts the real `legible serve` process
 * over a workspace (several times) and measures:
 *
 * - start: process start → URL printed (scans incrementally, then computes This week: the review
 *   and its weekly trend), the one time a user waits; and → every page prepared (the rest is
 *   prepared in the background after the URL is printed); the median of `--starts` starts;
 * - the first request for This week made as soon as the URL is printed (while the other pages are
 *   prepared), then, once every page is prepared, the request → the last byte, from the cache,
 *   the median of 20 requests;
 * - in Chromium (when /usr/bin/chromium exists), This week loaded `--loads` times, medians of:
 *   navigation start → response end, first contentful paint, load event, charts drawn (the page's
 *   `legible:charts-drawn` mark: they are drawn after the load event); both warm (the same tab:
 *   assets cached) and cold (a new browser context each time: nothing cached);
 * - every other page, first and warm, and This week after the store changed.
 *
 *   npm run bench:serve                      # the demo organisation (built in bench/.work/serve-demo)
 *   npm run bench:serve -- --dir <folder>    # a workspace: a folder with legible.yaml, or a repository
 *   npm run bench:serve -- --dir <repo> --db <file> --name git-git
 *   npm run bench:serve -- --bin <other build>/bin/legible.js   # another build, for a before/after
 *
 * The machine's load average is recorded before and after: timings on a busy machine are upper
 * bounds. Results: bench/results/serve-<name>.json. Performance is measured here, never asserted
 * in tests.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";

const root = resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: {
    dir: { type: "string" },
    db: { type: "string" },
    name: { type: "string" },
    now: { type: "string" },
    bin: { type: "string" },
    weeks: { type: "string", default: "6" },
    starts: { type: "string", default: "3" },
    loads: { type: "string", default: "9" },
  },
});
const bin = values.bin ? resolve(values.bin) : join(root, "bin", "legible.js");

const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
if (values.now) env.LEGIBLE_NOW = values.now;

let dir = values.dir ? resolve(values.dir) : "";
let name = values.name ?? (values.dir ? basename(dir) : "demo");
if (!values.dir) {
  dir = join(root, "bench", ".work", "serve-demo");
  if (!existsSync(join(dir, "legible.yaml"))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(root, "bench", ".work"), { recursive: true });
    const built = spawnSync(process.execPath, [bin, "demo", dir], { env, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`legible demo failed: ${built.stderr}`);
  }
  name = values.name ?? "demo";
}
const db = values.db ? resolve(values.db) : join(dir, ".legible", "legible.db");
const dbArgs = values.db ? ["--db", db] : [];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function load(): number[] {
  return loadavg().map((n) => Math.round(n * 10) / 10);
}

async function timed(
  url: string,
  token: string,
): Promise<{ ms: number; bytes: number; status: number }> {
  let started = performance.now();
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  } catch {
    // A kept-alive socket the server closed while idle (its 5 s timeout): retried once, timed anew.
    started = performance.now();
    response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  }
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, bytes: body.byteLength, status: response.status };
}

/**
 * The commit a repository is at, or null when the folder is not a repository's top level (the
 * demo is a folder of repositories, inside legible's own work tree).
 */
function commitOf(folder: string): string | null {
  const run = (args: string[]) => spawnSync("git", ["-C", folder, ...args], { encoding: "utf8" });
  const top = run(["rev-parse", "--show-toplevel"]);
  if (top.status !== 0 || resolve(top.stdout.trim()) !== resolve(folder)) return null;
  return run(["rev-parse", "HEAD"]).stdout.trim();
}

interface Started {
  server: ChildProcess;
  printed: string;
  origin: string;
  token: string;
  startSeconds: number;
  /** Resolves with the seconds from start to every page prepared. */
  allPages: Promise<number>;
}

/** Starts `legible serve`; resolves once it printed its URL. */
async function start(): Promise<Started> {
  const started = performance.now();
  const server = spawn(
    process.execPath,
    [bin, "serve", "--port", "0", "--weeks", values.weeks!, ...dbArgs],
    { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  const allPages = new Promise<number>((done) => {
    server.stderr!.on("data", (chunk) => {
      stderr += chunk;
      // This build prepares the other pages after printing the URL; an older one, before.
      if (/every page ready|serve: ready in/.test(stderr))
        done((performance.now() - started) / 1000);
    });
  });
  const printed = await new Promise<string>((done, fail) => {
    let out = "";
    server.stdout!.on("data", (chunk) => {
      out += chunk;
      const line = out.split("\n").find((l) => l.startsWith("http://"));
      if (line) done(line.trim());
    });
    server.once("exit", (code) => fail(new Error(`legible serve exited ${code}: ${stderr}`)));
  });
  const startSeconds = (performance.now() - started) / 1000;
  const url = new URL(printed);
  return {
    server,
    printed,
    origin: url.origin,
    token: url.searchParams.get("token")!,
    startSeconds,
    allPages: allPages.then((seconds) => Math.max(seconds, startSeconds)),
  };
}

async function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((done) => server.once("exit", done));
  server.kill("SIGTERM");
  await exited;
}

const loadBefore = load();
const starts: { startSeconds: number; allPagesSeconds: number; firstRequestMs: number }[] = [];
let running: Started | null = null;
for (let i = 0; i < Number(values.starts); i++) {
  if (running) await stop(running.server);
  running = await start();
  // As soon as the URL is printed: what a user who opens it at once meets.
  const first = await timed(`${running.origin}/`, running.token);
  starts.push({
    startSeconds: round(running.startSeconds),
    allPagesSeconds: round(await running.allPages),
    firstRequestMs: round(first.ms),
  });
}
const { server, printed, origin, token } = running!;

try {
  const again: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 20; i++) {
    const one = await timed(`${origin}/`, token);
    again.push(one.ms);
    bytes = one.bytes;
  }

  const pages: Record<string, { firstMs: number; warmMs: number; bytes: number }> = {};
  const knowledge = (await (
    await fetch(`${origin}/api/v1/knowledge`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { repositories: { name: string }[] };
  for (const path of [
    "/areas",
    `/areas?repo=${encodeURIComponent(knowledge.repositories[0]!.name)}`,
    "/whatif",
    "/flow",
    "/decisions",
    "/teams",
    "/api/v1/review",
  ]) {
    const one = await timed(`${origin}${path}`, token);
    const two = await timed(`${origin}${path}`, token);
    pages[path] = { firstMs: round(one.ms), warmMs: round(two.ms), bytes: two.bytes };
  }

  const browser = existsSync("/usr/bin/chromium") ? await inChromium(printed, origin) : null;
  const loadAfter = load();

  // The store changes (another process writes): This week is answered from the previous state
  // while the next is prepared in the background.
  const touched = spawnSync(process.execPath, [bin, "scan", ...dbArgs], {
    cwd: dir,
    env,
    encoding: "utf8",
  });
  const sqlite = spawnSync(
    process.execPath,
    [
      "-e",
      `const D=require(${JSON.stringify(join(root, "node_modules", "better-sqlite3"))});const d=new D(process.argv[1]);d.exec("CREATE TABLE IF NOT EXISTS bench_touch(x);INSERT INTO bench_touch VALUES (1);DROP TABLE bench_touch;");d.close();`,
      db,
    ],
    { encoding: "utf8" },
  );
  const afterChange = await timed(`${origin}/`, token);

  const legible = spawnSync("git", ["-C", root, "describe", "--always", "--dirty"], {
    encoding: "utf8",
  });
  const result = {
    workspace: name,
    // The history measured (null for the demo, a folder of generated repositories).
    repositoryCommit: commitOf(dir),
    legible: legible.stdout.trim(),
    date: new Date().toISOString(),
    node: process.version,
    // What else the machine was doing: timings on a busy machine are upper bounds.
    loadAverage: { before: loadBefore, after: loadAfter },
    cpus: cpus().length,
    weeks: Number(values.weeks),
    start: {
      runs: starts.length,
      medianSeconds: round(median(starts.map((s) => s.startSeconds))),
      allPagesMedianSeconds: round(median(starts.map((s) => s.allPagesSeconds))),
      firstRequestMedianMs: round(median(starts.map((s) => s.firstRequestMs))),
      each: starts,
    },
    firstPage: {
      medianOf20Ms: round(median(again)),
      bytes,
      afterStoreChangeMs: round(afterChange.ms),
      storeChanged: touched.status === 0 && sqlite.status === 0,
    },
    browser,
    pages,
  };
  mkdirSync(join(root, "bench", "results"), { recursive: true });
  const out = join(root, "bench", "results", `serve-${name.replace(/[^a-z0-9.+-]+/gi, "_")}.json`);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  console.log(`wrote ${out}`);
} finally {
  await stop(server);
}

interface Timing {
  responseEndMs: number;
  firstContentfulPaintMs: number;
  loadEventMs: number;
  chartsDrawnMs: number | null;
}

/** This week in Chromium, `--loads` times warm (one tab) and cold (a new context each): medians. */
async function inChromium(printed: string, origin: string) {
  const { chromium } = await import("playwright-core");
  const instance = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  const measure = async (page: import("playwright-core").Page): Promise<Timing> => {
    await page.goto(`${origin}/`, { waitUntil: "load" });
    // The charts are drawn after the load event: wait for them too (or give up after 10 s).
    // Polled by evaluate: waitForFunction evaluates a string, which the page's CSP forbids.
    for (let waited = 0; waited < 10_000; waited += 50) {
      if (await page.evaluate("document.documentElement.dataset.chartsDrawn !== undefined")) break;
      await new Promise((done) => setTimeout(done, 50));
    }
    return (await page.evaluate(`(() => {
      const n = performance.getEntriesByType("navigation")[0];
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      const drawn = performance.getEntriesByName("legible:charts-drawn")[0];
      return {
        responseEndMs: n.responseEnd - n.startTime,
        firstContentfulPaintMs: fcp ? fcp.startTime : -1,
        loadEventMs: n.loadEventEnd - n.startTime,
        chartsDrawnMs: drawn ? drawn.startTime : null,
      };
    })()`)) as Timing;
  };
  try {
    const loads = Number(values.loads);
    const warm: Timing[] = [];
    const tab = await instance.newPage();
    await tab.goto(printed);
    for (let i = 0; i < loads; i++) warm.push(await measure(tab));
    const cold: Timing[] = [];
    const cookies = await tab.context().cookies();
    for (let i = 0; i < loads; i++) {
      const context = await instance.newContext();
      await context.addCookies(cookies);
      cold.push(await measure(await context.newPage()));
      await context.close();
    }
    return { loads, warm: medians(warm), cold: medians(cold) };
  } finally {
    await instance.close();
  }
}

function medians(samples: Timing[]) {
  const of = (pick: (t: Timing) => number | null) => {
    const known = samples.map(pick).filter((n): n is number => n !== null && n >= 0);
    return known.length === 0 ? null : round(median(known));
  };
  return {
    responseEndMs: of((t) => t.responseEndMs),
    firstContentfulPaintMs: of((t) => t.firstContentfulPaintMs),
    loadEventMs: of((t) => t.loadEventMs),
    chartsDrawnMs: of((t) => t.chartsDrawnMs),
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
