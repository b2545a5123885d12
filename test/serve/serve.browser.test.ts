/**
 * `legible serve` as a user meets it: the real CLI process over the demo organisation, opened at
 * the URL it prints in Debian's Chromium (playwright-core; no browser is downloaded). Every page
 * is visited through the navigation, the treemap is drilled down to a file, a what-if is run, a
 * headline figure is followed to its evidence; the pages are read at 400 px wide and by keyboard;
 * a request without the token is refused; and no request leaves the server.
 */
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReviewReport } from "../../src/app/review.js";
import { reviewHtml } from "../../src/render/html/review.js";
import { type BuiltDemo, build, legibleIn, NOW } from "../app/demo/helpers.js";
import { BIN, startCli } from "../helpers/cli.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const present =
  existsSync(CHROMIUM) && existsSync(BIN.replace(/bin\/legible\.js$/, "dist/cli/main.js"));
if (!present)
  console.warn(
    `SKIPPED: legible serve's browser test needs Chromium at ${CHROMIUM} (apt-get install -y chromium) and a build (npm run build)`,
  );

const PAGES = [
  ["This week", "/"],
  ["Areas", "/areas"],
  ["What if", "/whatif"],
  ["Flow and delivery", "/flow"],
  ["Decisions", "/decisions"],
  ["Teams", "/teams"],
  ["Me", "/me"],
] as const;

describe.skipIf(!present)("legible serve in headless Chromium", () => {
  let demo: BuiltDemo;
  let server: ChildProcess;
  let url: string;
  let origin: string;
  let profiles: string;
  const contexts: BrowserContext[] = [];
  /** Every request any page made, and any error it reported. */
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    demo = build();
    await legibleIn(demo.result.dir, ["import"]);
    profiles = mkdtempSync(join(tmpdir(), "legible-serve-browser-"));
    server = startCli(["serve", "--port", "0", "--weeks", "3", "--me"], {
      cwd: demo.result.dir,
      env: {
        ...process.env,
        LEGIBLE_NOW: NOW.toISOString(),
        GIT_CONFIG_GLOBAL: "/dev/null",
        GIT_CONFIG_NOSYSTEM: "1",
        // --me reads `git config user.email` in the demo folder (not a repository): Mara's.
        GIT_CONFIG_COUNT: "1",
        GIT_CONFIG_KEY_0: "user.email",
        GIT_CONFIG_VALUE_0: "mara@acme.example",
      },
    });
    let stderr = "";
    server.stderr!.on("data", (chunk) => (stderr += chunk));
    url = await new Promise<string>((resolve, reject) => {
      let out = "";
      server.stdout!.on("data", (chunk) => {
        out += chunk;
        const line = out.split("\n").find((l) => l.startsWith("http://"));
        if (line) resolve(line.trim());
      });
      server.once("exit", (code) => reject(new Error(`legible serve exited ${code}: ${stderr}`)));
    });
    origin = new URL(url).origin;
  }, 600_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    server?.kill("SIGTERM");
    if (server && server.exitCode === null) await new Promise((done) => server.once("exit", done));
    demo?.cleanup();
    if (profiles) rmSync(profiles, { recursive: true, force: true });
  });

  async function browser(name: string, width = 1100): Promise<Page> {
    const profile = join(profiles, name);
    mkdirSync(profile);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width, height: 900 },
    });
    contexts.push(context);
    // Anything not for this server is recorded and refused.
    await context.route("**/*", (route) => {
      const target = route.request().url();
      requests.push(target);
      if (
        target.startsWith(`${origin}/`) ||
        target.startsWith("data:") ||
        target.startsWith("file:")
      )
        return route.continue();
      return route.abort("blockedbyclient");
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (message) => {
      // The refused page's 401 is the point of that visit, not an error.
      if (name === "no-token") return;
      if (message.type() === "error" || message.type() === "warning")
        errors.push(`${name}: console.${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`${name}: pageerror: ${error.message}`));
    return page;
  }

  it("refuses the server's pages without the token", async () => {
    const page = await browser("no-token");
    const response = await page.goto(`${origin}/`);
    expect(response?.status()).toBe(401);
    expect(await page.textContent("body")).toContain("needs its token");
    const api = await page.goto(`${origin}/api/v1/review`);
    expect(api?.status()).toBe(401);
  });

  it("opens the printed URL and reaches every page through the navigation", async () => {
    const page = await browser("navigate");
    const first = await page.goto(url);
    expect(first?.status()).toBe(200);
    // The token moved from the URL into a cookie.
    expect(page.url()).toBe(`${origin}/`);
    await expect
      .poll(() => page.evaluate("document.documentElement.dataset.chartsDrawn"))
      .toMatch(/^[1-9]\d*$/);
    for (const [label, path] of PAGES) {
      await page
        .getByRole("navigation", { name: "Dashboard" })
        .getByRole("link", { name: label, exact: true })
        .click();
      await page.waitForURL(`${origin}${path}`);
      expect(await page.getByRole("heading", { level: 1 }).first().textContent()).toBeTruthy();
      expect(await page.locator(`nav.site a[aria-current="page"]`).textContent(), path).toBe(label);
    }
    expect(await page.textContent("main")).toContain("What leader views say about me");
  });

  it("drills down the treemap from the workspace to a file's authors and reviewers", async () => {
    const page = await browser("drill");
    await page.goto(url);
    await page.goto(`${origin}/areas`);
    await page.locator('svg.treemap a[href="/areas?repo=shop-api"]').click();
    await page.waitForURL(`${origin}/areas?repo=shop-api`);
    await page.locator('svg.treemap a[href="/areas?repo=shop-api&area=services"]').click();
    await page.waitForURL(/area=services$/);
    await page
      .locator('svg.treemap a[href="/areas?repo=shop-api&area=services%2Fpayments"]')
      .click();
    await page.waitForURL(/area=services%2Fpayments$/);
    expect(await page.textContent("main")).toContain("Suggested successors");
    await page.locator("svg.treemap a[href^='/areas/file?']").first().click();
    await page.waitForURL(/\/areas\/file\?repo=shop-api&path=services%2Fpayments%2F/);
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("Authors");
    expect(main).toContain("Reviewers");
    expect(main).toContain("Mara Okafor");
    // Back up through the breadcrumb.
    await page
      .getByRole("navigation", { name: "Breadcrumb" })
      .getByRole("link", { name: "shop-api" })
      .click();
    await page.waitForURL(`${origin}/areas?repo=shop-api`);
  });

  it("runs a what-if: areas recolour with their truck factor change and the share orphaned", async () => {
    const page = await browser("whatif");
    await page.goto(url);
    await page.goto(`${origin}/whatif`);
    await page.getByLabel("Mara Okafor").check();
    await page.getByRole("button", { name: "Simulate departure" }).click();
    await page.waitForURL(/\/whatif\?leave=mara%40acme\.example$/);
    expect(await page.getByRole("heading", { name: "If Mara Okafor left" }).isVisible()).toBe(true);
    const changes = await page.locator("table.whatif td.change").allTextContents();
    expect(changes).toContain("→ 0");
    expect(changes.some((c) => /^−\d+$/.test(c))).toBe(true);
    expect(await page.locator(".share-orphaned").count()).toBeGreaterThan(0);
    expect(await page.locator("svg.treemap rect.s-orphaned").count()).toBeGreaterThan(0);
  });

  it("follows a headline figure to the records behind it", async () => {
    const page = await browser("evidence");
    await page.goto(url);
    const value = await page.locator("#headline-3 .value").textContent();
    await page.getByRole("link", { name: "Evidence for question 3" }).click();
    await page.waitForURL(`${origin}/areas?status=trapped`);
    const rows = await page.locator("table.trapped tbody tr").count();
    expect(String(rows)).toBe(value);
    await page.locator("table.trapped a", { hasText: "shop-api: services/payments" }).click();
    await page.waitForURL(/area=services%2Fpayments$/);
    await page.goto(`${origin}/`);
    await page.getByRole("link", { name: "Evidence for question 1" }).click();
    await page.waitForURL(`${origin}/flow?period=week#incidents`);
    expect(await page.textContent("#incidents")).toMatch(/\d+ incidents?/);
  });

  it("is usable by keyboard: a skip link, then the navigation, then the treemap's tiles", async () => {
    const page = await browser("keyboard");
    await page.goto(url);
    await page.goto(`${origin}/areas`);
    const focused = async () =>
      page.evaluate(
        "document.activeElement && (document.activeElement.getAttribute('href') || document.activeElement.id)",
      );
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("#content");
    await page.keyboard.press("Tab");
    expect(await focused()).toBe("/");
    for (let i = 0; i < PAGES.length; i++) await page.keyboard.press("Tab");
    // Past the navigation: the first tile of the treemap, followed with Enter.
    const tile = await focused();
    expect(tile).toMatch(/^\/areas\?repo=/);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${origin}${tile}`);
  });

  it("reads at 400 px wide without scrolling sideways, on every page and in the static report", async () => {
    const page = await browser("narrow", 400);
    await page.goto(url);
    for (const [, path] of [
      ...PAGES,
      ["", "/areas?repo=shop-api&area=services"],
      ["", "/whatif?leave=mara%40acme.example"],
    ]) {
      await page.goto(`${origin}${path}`);
      const width = await page.evaluate("document.documentElement.scrollWidth");
      expect(width, path).toBeLessThanOrEqual(400);
    }
    // The review's question 2 table is read whole: every cell within the viewport.
    await page.goto(`${origin}/`);
    const outside = await page.evaluate(
      "[...document.querySelectorAll('#friction td')].filter((td) => td.getBoundingClientRect().right > 401).length",
    );
    expect(outside).toBe(0);
    // The static report is the same page: the same at 400 px.
    const review = (await (
      await page.request.get(`${origin}/api/v1/review`)
    ).json()) as ReviewReport;
    const file = join(profiles, "review.html");
    writeFileSync(file, reviewHtml(review));
    await page.goto(pathToFileURL(file).href);
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(400);
  });

  it("made no request outside the server and reported no error", () => {
    expect(requests.length).toBeGreaterThan(20);
    expect(
      requests.filter(
        (r) => !r.startsWith(`${origin}/`) && !r.startsWith("data:") && !r.startsWith("file:"),
      ),
    ).toEqual([]);
    expect(errors).toEqual([]);
  });
});
