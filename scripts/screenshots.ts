/**
 * Regenerates the dashboard's screenshots in docs/screenshots/ from the demo organisation:
 *
 *   npm run build && npx tsx scripts/screenshots.ts [--dir <workspace>]
 *
 * Starts `legible serve` there (default: the benchmark's demo, bench/.work/serve-demo, built by
 * `npm run bench:serve`), opens each page in Debian's Chromium and saves the top of it.
 */
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

const root = resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { dir: { type: "string" } } });
const dir = resolve(values.dir ?? join(root, "bench", ".work", "serve-demo"));
const out = join(root, "docs", "screenshots");
mkdirSync(out, { recursive: true });

const server = spawn(process.execPath, [join(root, "bin", "legible.js"), "serve", "--port", "0"], {
  cwd: dir,
  env: { ...process.env, NO_COLOR: "1" },
  stdio: ["ignore", "pipe", "inherit"],
});
const url = await new Promise<string>((done, fail) => {
  let text = "";
  server.stdout.on("data", (chunk) => {
    text += chunk;
    const line = text.split("\n").find((l) => l.startsWith("http://"));
    if (line) done(line.trim());
  });
  server.once("exit", (code) => fail(new Error(`legible serve exited ${code}`)));
});
const origin = new URL(url).origin;
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  const shots: [string, string, number, number][] = [
    ["this-week", "/", 1100, 1500],
    ["areas", "/areas?repo=shop-api&area=services", 1100, 1250],
    ["whatif", "/whatif?leave=mara%40acme.example", 1100, 1500],
    ["flow", "/flow", 1100, 1400],
    ["decisions", "/decisions", 1100, 1200],
    ["teams", "/teams", 1100, 1200],
    ["file", "/areas/file?repo=shop-api&path=services%2Fpayments%2Frefunds.ts", 1100, 900],
    ["this-week-400px", "/#friction", 400, 1400],
  ];
  for (const [name, path, width, height] of shots) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(url);
    await page.goto(`${origin}${path}`, { waitUntil: "load" });
    // The charts are drawn after the load event: wait until they are (pages without any: 2 s).
    for (let waited = 0; waited < 2000; waited += 50) {
      if (await page.evaluate("document.documentElement.dataset.chartsDrawn !== undefined")) break;
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, `${name}.png`) });
    await page.close();
    console.log(`${name}.png`);
  }
} finally {
  await browser.close();
  server.kill("SIGTERM");
}
