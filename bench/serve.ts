/**
 * `npm run bench:serve`: how fast the dashboard answers. Starts the real `legible serve` process
 * over a workspace and measures:
 *
 * - start: process start → URL printed (scans incrementally, then computes This week: the review
 *   and its weekly trend), the one time a user waits;
 * - first page: the request for This week → the last byte, from the cache (what the 300 ms
 *   target is about), the median of 20 requests and the first one;
 * - in Chromium (when /usr/bin/chromium exists): navigation start → load event of This week, its
 *   charts drawn;
 * - every other page, first and warm, and a recomputation after the store changed.
 *
 *   npm run bench:serve                      # the demo organisation (built in bench/.work/serve-demo)
 *   npm run bench:serve -- --dir <folder>    # a workspace: a folder with legible.yaml, or a repository
 *
 * Results: bench/results/serve-<name>.json. Performance is measured here, never asserted in tests.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";

const root = resolve(import.meta.dirname, "..");
const bin = join(root, "bin", "legible.js");
const { values } = parseArgs({
  options: {
    dir: { type: "string" },
    name: { type: "string" },
    now: { type: "string" },
    weeks: { type: "string", default: "6" },
  },
});

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
  name = "demo";
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
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

const started = performance.now();
const server = spawn(process.execPath, [bin, "serve", "--port", "0", "--weeks", values.weeks!], {
  cwd: dir,
  env,
  stdio: ["ignore", "pipe", "pipe"],
});
let stderr = "";
server.stderr.on("data", (chunk) => (stderr += chunk));
const printed = await new Promise<string>((done, fail) => {
  let out = "";
  server.stdout.on("data", (chunk) => {
    out += chunk;
    const line = out.split("\n").find((l) => l.startsWith("http://"));
    if (line) done(line.trim());
  });
  server.once("exit", (code) => fail(new Error(`legible serve exited ${code}: ${stderr}`)));
});
const startSeconds = (performance.now() - started) / 1000;
const url = new URL(printed);
const token = url.searchParams.get("token")!;
const origin = url.origin;

try {
  const first = await timed(`${origin}/`, token);
  const again: number[] = [];
  for (let i = 0; i < 20; i++) again.push((await timed(`${origin}/`, token)).ms);

  const pages: Record<string, { firstMs: number; warmMs: number; bytes: number }> = {};
  for (const path of [
    "/areas",
    "/areas?repo=" +
      encodeURIComponent(
        (
          (await (
            await fetch(`${origin}/api/v1/knowledge`, {
              headers: { authorization: `Bearer ${token}` },
            })
          ).json()) as { repositories: { name: string }[] }
        ).repositories[0]!.name,
      ),
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

  // The store changes (another process writes): the next request recomputes This week.
  const touched = spawnSync(process.execPath, [bin, "scan"], { cwd: dir, env, encoding: "utf8" });
  const sqlite = spawnSync(
    process.execPath,
    [
      "-e",
      `const D=require(${JSON.stringify(join(root, "node_modules", "better-sqlite3"))});const d=new D(process.argv[1]);d.exec("CREATE TABLE IF NOT EXISTS bench_touch(x);INSERT INTO bench_touch VALUES (1);DROP TABLE bench_touch;");d.close();`,
      join(dir, ".legible", "legible.db"),
    ],
    { encoding: "utf8" },
  );
  const afterChange = await timed(`${origin}/`, token);

  let browser: { navigationToLoadMs: number; responseEndMs: number } | null = null;
  if (existsSync("/usr/bin/chromium")) {
    const { chromium } = await import("playwright-core");
    const instance = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu"],
    });
    const page = await instance.newPage();
    await page.goto(printed);
    const samples: { load: number; response: number }[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(`${origin}/`, { waitUntil: "load" });
      const timing = (await page.evaluate(
        "(() => { const n = performance.getEntriesByType('navigation')[0]; return { load: n.loadEventEnd - n.startTime, response: n.responseEnd - n.startTime }; })()",
      )) as { load: number; response: number };
      samples.push(timing);
    }
    await instance.close();
    browser = {
      navigationToLoadMs: round(median(samples.map((s) => s.load))),
      responseEndMs: round(median(samples.map((s) => s.response))),
    };
  }

  const result = {
    workspace: name,
    date: new Date().toISOString(),
    node: process.version,
    // What else the machine was doing: timings on a busy machine are upper bounds.
    loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
    cpus: cpus().length,
    weeks: Number(values.weeks),
    startSeconds: round(startSeconds),
    firstPage: {
      firstRequestMs: round(first.ms),
      medianOf20Ms: round(median(again)),
      bytes: first.bytes,
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
  server.kill("SIGTERM");
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
