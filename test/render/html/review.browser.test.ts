import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReviewReport } from "../../../src/app/review.js";
import { reviewCharts } from "../../../src/render/html/charts.js";
import { REVIEW_HEADINGS, reviewHtml } from "../../../src/render/html/review.js";
import { FULL_REPORT, GIT_ONLY_REPORT } from "./fixture.js";

/** Debian's Chromium (`apt-get install -y chromium`); the test never downloads a browser. */
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

const present = existsSync(CHROMIUM);
if (!present)
  console.warn(
    `SKIPPED: the HTML review's browser test needs Chromium at ${CHROMIUM} (apt-get install -y chromium)`,
  );

/**
 * The few browser globals the page functions below use: the project compiles without the DOM
 * library, and these functions run in the page, not in Node.
 */
interface PageGlobals {
  document: {
    documentElement: { dataset: Record<string, string | undefined> };
    addEventListener(type: string, listener: (event: PolicyViolation) => void): void;
  };
  console: { error(message: string): void };
  Chart: {
    getChart(canvas: Canvas): { data: { labels: string[]; datasets: unknown[] } } | undefined;
  };
  __pwned?: unknown;
}
interface PolicyViolation {
  violatedDirective: string;
  blockedURI: string;
}
interface Canvas {
  width: number;
  height: number;
  getContext(kind: "2d"): {
    getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
  } | null;
}

/** What happened while a page loaded: every request, console errors, uncaught errors, dialogs. */
interface Visit {
  requests: string[];
  blocked: string[];
  errors: string[];
  context: BrowserContext;
}

describe.skipIf(!present)("reviewHtml in headless Chromium", () => {
  let dir: string;
  const contexts: BrowserContext[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "legible-html-"));
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function open(report: ReviewReport, name: string, javaScriptEnabled = true) {
    return openPage(reviewHtml(report), name, javaScriptEnabled);
  }

  /** Writes the page to a file and opens it in a fresh browser profile, every request routed. */
  async function openPage(html: string, name: string, javaScriptEnabled = true) {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const profile = join(dir, `profile-${name}`);
    mkdirSync(profile);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      javaScriptEnabled,
      viewport: { width: 1100, height: 900 },
    });
    contexts.push(context);
    const visit: Visit = { requests: [], blocked: [], errors: [], context };
    await context.route("**/*", (route) => {
      const target = route.request().url();
      if (target === url) return route.continue();
      visit.blocked.push(target);
      return route.abort("blockedbyclient");
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on("request", (request) => visit.requests.push(request.url()));
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning")
        visit.errors.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => visit.errors.push(`pageerror: ${error.message}`));
    page.on("dialog", (dialog) => {
      visit.errors.push(`dialog: ${dialog.message()}`);
      return dialog.dismiss();
    });
    await page.addInitScript(() => {
      const browser = globalThis as unknown as PageGlobals;
      browser.document.addEventListener("securitypolicyviolation", (event) => {
        browser.console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto(url, { waitUntil: "load" });
    return { page, url, visit };
  }

  it("shows every section and draws every chart, loading nothing but the file", async () => {
    const { page, url, visit } = await open(FULL_REPORT, "full");

    for (const heading of REVIEW_HEADINGS)
      await expect
        .poll(() => page.getByRole("heading", { level: 2, name: heading, exact: true }).isVisible())
        .toBe(true);

    const charts = reviewCharts(FULL_REPORT);
    await expect
      .poll(() =>
        page.evaluate(
          () => (globalThis as unknown as PageGlobals).document.documentElement.dataset.chartsDrawn,
        ),
      )
      .toBe(String(charts.length));
    for (const chart of charts) {
      const canvas = page.locator(`canvas#${chart.id}`);
      expect(await canvas.isVisible()).toBe(true);
      const box = await canvas.boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      expect(box!.height).toBeGreaterThan(100);
      const drawn = await canvas.evaluate((element: Canvas) => {
        const instance = (globalThis as unknown as PageGlobals).Chart.getChart(element);
        const pixels = element
          .getContext("2d")!
          .getImageData(0, 0, element.width, element.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) painted += 1;
        return {
          labels: instance?.data.labels,
          datasets: instance?.data.datasets.length,
          painted: painted / (pixels.length / 4),
        };
      });
      expect(drawn.labels).toEqual(chart.labels);
      expect(drawn.datasets).toBe(chart.datasets.length);
      // Axes, labels and bars: a drawn chart paints a few percent of its canvas at least.
      expect(drawn.painted).toBeGreaterThan(0.01);
    }

    // Hostile titles, areas and names stayed text.
    expect(await page.evaluate(() => "__pwned" in (globalThis as unknown as PageGlobals))).toBe(
      false,
    );
    await expect
      .poll(() =>
        page.getByText("Adopt <script>window.__pwned = true</script> for templating").count(),
      )
      .toBe(1);

    expect(visit.errors).toEqual([]);
    expect(visit.blocked).toEqual([]);
    expect(visit.requests).toEqual([url]);
  });

  it("reads completely without JavaScript: every section and table, no empty chart", async () => {
    const { page, visit } = await open(FULL_REPORT, "no-script", false);
    for (const heading of REVIEW_HEADINGS)
      expect(
        await page.getByRole("heading", { level: 2, name: heading, exact: true }).isVisible(),
      ).toBe(true);
    expect(await page.locator("figure.chart").count()).toBe(reviewCharts(FULL_REPORT).length);
    expect(await page.locator("figure.chart:visible").count()).toBe(0);
    expect(await page.locator("table.friction tbody tr").count()).toBe(3);
    expect(await page.locator("table.trapped tbody tr").count()).toBe(2);
    expect(await page.getByText("From git authorship: 2 knowledge islands").isVisible()).toBe(true);
    expect(visit.errors).toEqual([]);
    expect(visit.blocked).toEqual([]);
  });

  it("draws the one chart a git-only review has and states what the others need", async () => {
    const { page, url, visit } = await open(GIT_ONLY_REPORT, "git-only");
    await expect
      .poll(() =>
        page.evaluate(
          () => (globalThis as unknown as PageGlobals).document.documentElement.dataset.chartsDrawn,
        ),
      )
      .toBe("1");
    expect(await page.locator("canvas#chart-trapped").isVisible()).toBe(true);
    expect(await page.locator("p.missing").count()).toBe(5);
    expect(visit.errors).toEqual([]);
    expect(visit.requests).toEqual([url]);
  });

  it("would see a request or a blocked script (a check of the harness itself)", async () => {
    const probe = [
      "<!doctype html><html><head><title>probe</title></head><body>",
      '<img src="http://127.0.0.1:9/pixel.png" alt="">',
      "<script>console.error('probe error')</script>",
      "</body></html>",
    ].join("");
    const { url, visit } = await openPage(probe, "probe");
    expect(visit.requests).toEqual([url, "http://127.0.0.1:9/pixel.png"]);
    expect(visit.blocked).toEqual(["http://127.0.0.1:9/pixel.png"]);
    expect(visit.errors).toContain("console.error: probe error");

    const tampered = reviewHtml(GIT_ONLY_REPORT).replace(
      "<script>(function",
      "<script>window.tampered = 1;(function",
    );
    const { page, visit: blocked } = await openPage(tampered, "tampered");
    expect(
      await page.evaluate(
        () => (globalThis as unknown as PageGlobals).document.documentElement.dataset.chartsDrawn,
      ),
    ).toBeUndefined();
    expect(blocked.errors.some((e) => e.includes("Content Security Policy"))).toBe(true);
  });
});
