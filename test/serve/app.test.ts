/**
 * The dashboard's routes, called in process with `app.request()` over the demo organisation: the
 * token, the Host check and the security headers; the API's shapes against the CLI's `--json`
 * output; its cache keyed on the store's state; every page, the drill-down from the treemap to a
 * file, a what-if, and the guardrails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DecisionReport } from "../../src/app/decisions.js";
import type { KnowledgeReport } from "../../src/app/report-types.js";
import type { ReviewReport } from "../../src/app/review.js";
import type { WhatifReport } from "../../src/app/whatif.js";
import { reviewHtml } from "../../src/render/html/review.js";
import { CONTENT_SECURITY_POLICY } from "../../src/serve/app.js";
import type { WhatifPage } from "../../src/serve/dashboard.js";
import { legibleIn } from "../app/demo/helpers.js";
import { get, links, type ServedDemo, serveDemo, TOKEN, text } from "./helpers.js";

let served: ServedDemo;

beforeAll(async () => {
  served = await serveDemo();
}, 300_000);
afterAll(() => {
  served.close();
  served.demo.cleanup();
});

const PAGES = ["/", "/areas", "/whatif", "/flow", "/decisions", "/teams"];

async function page(path: string): Promise<string> {
  const response = await get(served, path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/html/);
  return response.text();
}

async function json<T>(path: string): Promise<T> {
  const response = await get(served, path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

async function cli<T>(args: string[]): Promise<T> {
  return JSON.parse(await legibleIn(served.dir, [...args, "--json"])) as T;
}

describe("the token", () => {
  it("refuses every route without it, or with a wrong one", async () => {
    for (const path of [...PAGES, "/api/v1/review", "/api/v1", "/assets/chart.umd.js", "/nope"]) {
      const bare = await served.app.request(`http://127.0.0.1:8765${path}`);
      expect(bare.status, path).toBe(401);
      expect(await bare.text()).toContain("needs its token");
      const wrong = await served.app.request(`http://127.0.0.1:8765${path}?token=${TOKEN}x`);
      expect(wrong.status, path).toBe(401);
      const bearer = await served.app.request(`http://127.0.0.1:8765${path}`, {
        headers: { authorization: `Bearer ${TOKEN.slice(0, -1)}` },
      });
      expect(bearer.status, path).toBe(401);
    }
  });

  it("takes it from the printed URL once, then from an HttpOnly cookie, keeping it out of the URL", async () => {
    const first = await served.app.request(`http://127.0.0.1:8765/areas?repo=web&token=${TOKEN}`);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/areas?repo=web");
    const cookie = first.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^legible_token_8765=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const next = await served.app.request("http://127.0.0.1:8765/areas?repo=web", {
      headers: { cookie: cookie.split(";")[0]! },
    });
    expect(next.status).toBe(200);
    // Another port's cookie is another dashboard's.
    const other = await served.app.request("http://127.0.0.1:9999/areas?repo=web", {
      headers: { cookie: cookie.split(";")[0]! },
    });
    expect(other.status).toBe(401);
  });

  it("answers only to loopback host names (no DNS rebinding)", async () => {
    const response = await served.app.request("http://attacker.example:8765/api/v1/review", {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(403);
    for (const host of ["localhost", "127.0.0.1", "[::1]"]) {
      const ok = await served.app.request(`http://${host}:8765/api/v1`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(ok.status, host).toBe(200);
    }
  });
});

describe("the pages", () => {
  it("are served with a Content-Security-Policy and refer only to the server itself", async () => {
    for (const path of PAGES) {
      const response = await get(served, path);
      expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
      expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
      expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
      const html = await response.text();
      for (const link of links(html))
        expect(link, `${path}: ${link}`).toMatch(/^(\/(?!\/)|#|data:,$)/);
      expect(html).not.toMatch(/<script(?![^>]*(?:type="application\/json"|src="\/assets\/))/);
      expect(html).not.toMatch(/\sstyle="/);
    }
  });

  it("serve their scripts and stylesheet from legible itself", async () => {
    const chart = await get(served, "/assets/chart.umd.js");
    expect(chart.headers.get("content-type")).toMatch(/javascript/);
    expect(await chart.text()).toContain("Chart.js");
    expect((await get(served, "/assets/draw.js")).status).toBe(200);
    expect(await (await get(served, "/assets/style.css")).text()).toContain(
      "@media (max-width: 40rem)",
    );
  });

  it("carry what the first paint needs: This week links its report to the API, and Chart.js waits for the draw script", async () => {
    const html = await page("/");
    expect(html.match(/<link rel="alternate"[^>]*>/g)).toEqual([
      '<link rel="alternate" type="application/json" href="/api/v1/review" title="legible-review">',
    ]);
    expect(html).not.toContain('id="legible-review"');
    expect(html.match(/<script[^>]*>/g)).toEqual([
      '<script type="application/json" id="legible-charts">',
      '<script src="/assets/draw.js" data-library="/assets/chart.umd.js" defer>',
    ]);
  });

  it("navigate to each other, with the current page marked", async () => {
    for (const path of PAGES) {
      const html = await page(path);
      const nav = html.match(/<nav class="site"[\s\S]*?<\/nav>/)![0];
      expect(links(nav)).toEqual(PAGES);
      expect(nav).toContain(`<a href="${path}" aria-current="page">`);
    }
  });

  it("This week shows each question's headline figure, its trend and its evidence", async () => {
    const html = await page("/");
    const review = await json<ReviewReport>("/api/v1/review");
    const c = review.trappedKnowledge.counts;
    expect(html).toContain(`<p class="value" data-value="${c.islands + c.orphaned}">`);
    expect(html).toContain(
      `<p class="value" data-value="${review.heroics.answer!.incidents.now}">`,
    );
    for (const q of [1, 2, 3, 4, 5]) expect(html).toContain(`<canvas id="trend-q${q}"`);
    const evidence = [...html.matchAll(/<a href="([^"]+)" class="evidence">/g)].map((m) => m[1]);
    expect(evidence).toEqual([
      "/flow?period=week#incidents",
      "/flow?period=week#friction",
      "/areas?status=trapped",
      "/decisions",
      "/teams",
    ]);
    // Question 3's evidence lists exactly the review's islands and orphaned areas.
    const trapped = text(await page("/areas?status=trapped"));
    for (const area of review.trappedKnowledge.now)
      expect(trapped).toContain(`${area.repository}: ${area.area}`);
  });

  it("This week is the static report's page: the same sections, written by the same function", async () => {
    const served = await page("/");
    const review = await json<ReviewReport>("/api/v1/review");
    const file = reviewHtml(review);
    const sections = (html: string) =>
      html.slice(html.indexOf('<section id="heroics">'), html.indexOf("<footer>"));
    expect(sections(served).length).toBeGreaterThan(5000);
    expect(sections(served)).toBe(sections(file));
  });

  it("drill down from the treemap: repository → area → sub-area → file with its authors and reviewers", async () => {
    const root = await page("/areas");
    expect(root).toContain('<svg class="treemap"');
    const repo = links(root).find((l) => l === "/areas?repo=shop-api")!;
    expect(repo).toBeDefined();
    const repoPage = await page(repo);
    const area = links(repoPage).find((l) => l === "/areas?repo=shop-api&area=services")!;
    expect(area).toBeDefined();
    const areaPage = await page(area);
    expect(text(areaPage)).toContain("Truck factor over time");
    const sub = links(areaPage).find((l) => l === "/areas?repo=shop-api&area=services%2Fpayments")!;
    const payments = await page(sub);
    const t = text(payments);
    expect(t).toContain("knowledge island (one active author)");
    expect(t).toContain("Suggested successors");
    expect(t).toMatch(/Tomás Rivera \(\d+ changes?, \d+ reviews?\)/);
    const file = links(payments).find((l) =>
      l.startsWith("/areas/file?repo=shop-api&path=services%2Fpayments%2F"),
    )!;
    expect(file).toBeDefined();
    const filePage = text(await page(file));
    expect(filePage).toContain("Authors");
    expect(filePage).toContain("Mara Okafor");
    expect(filePage).toMatch(
      /Reviewed merged pull requests that changed this file \(by name\): .*Tomás Rivera/,
    );
    // The file's authors as the API gives them.
    const files = await json<{
      repositories: { name: string; files: { path: string; authors: { name: string }[] }[] }[];
    }>("/api/v1/files");
    const path = decodeURIComponent(file.split("path=")[1]!);
    const facts = files.repositories
      .find((r) => r.name === "shop-api")!
      .files.find((f) => f.path === path)!;
    for (const author of facts.authors) expect(filePage).toContain(author.name);
  });

  it("lists authors by name, never ranked by how much they did", async () => {
    const html = await page("/areas?repo=shop-api&area=services");
    const table = html.match(/<table class="authors">[\s\S]*?<\/table>/)![0];
    const names = [...table.matchAll(/<td data-label="Author">([^<]+)<\/td>/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(2);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
  });

  it("What if recolours areas with the truck factor change and the share orphaned, as legible whatif says", async () => {
    const form = await page("/whatif");
    expect(form).toContain('<input type="checkbox" name="leave" value="mara@acme.example"');
    const html = await page("/whatif?leave=mara%40acme.example");
    const expected = await cli<WhatifReport>(["whatif", "--leave", "mara@acme.example"]);
    const api = await json<WhatifPage>("/api/v1/whatif?leave=mara%40acme.example");
    expect(api.whatif).toEqual(expected);
    const t = text(html);
    expect(t).toContain("If Mara Okafor left");
    const shop = expected.repositories.find((r) => r.name === "shop-api")!;
    expect(t).toContain(`truck factor ${shop.truckFactorBefore} → ${shop.truckFactorAfter}`);
    // services/payments: Mara is its only active author.
    const payments = api.areas.find(
      (a) => a.repository === "shop-api" && a.area === "services/payments",
    )!;
    expect(payments.truckFactorBefore).toBe(1);
    expect(payments.truckFactorAfter).toBe(0);
    expect(payments.statusAfter).toBe("orphaned");
    expect(t).toContain("shop-api: services/payments 1 0 → 0 knowledge-island → orphaned");
    expect(html).toMatch(
      /<a href="\/areas\?repo=shop-api&amp;area=services" aria-label="shop-api: services: TF \d → \d[^"]*"><title>[^<]*<\/title><rect class="tile s-/,
    );
    expect(html).toContain('value="mara@acme.example" id="leave-');
    expect(html).toMatch(/value="mara@acme.example" id="leave-\d+" checked/);
  });

  it("What if says who it cannot find", async () => {
    const t = text(await page("/whatif?leave=nobody%40nowhere.example"));
    expect(t).toContain("--leave nobody@nowhere.example: no such person");
  });

  it("Flow and delivery states each DORA figure's band and what it rests on", async () => {
    const t = text(await page("/flow"));
    const dora = await cli<{ leadTime: { band: string | null } }>(["dora"]);
    expect(t).toContain("Lead time for changes");
    expect(t).toContain(dora.leadTime.band ?? "not banded");
    expect(t).toMatch(/\d+ of \d+ deployments counted/);
    expect(t).toMatch(/Rests on \d+ of \d+ pull requests counted/);
    expect(t).toContain("shop-api: services/payments");
  });

  it("Decisions lists the log with supersession and the concentrated areas without a record", async () => {
    const t = text(await page("/decisions"));
    const decisions = await cli<DecisionReport>(["decide", "list"]);
    for (const d of decisions.repositories.flatMap((r) => r.decisions))
      expect(t).toContain(d.title);
    expect(t).toContain("Concentrated areas without a decision record");
    expect(t).toContain("web: src/search");
  });

  it("Teams shows only groups of at least privacy.minGroupSize", async () => {
    const t = text(await page("/teams"));
    expect(t).toContain("at least 5 active people");
    const html = await page("/teams");
    const table = text(html.match(/<table class="teams">[\s\S]*?<\/table>/)![0]);
    // commerce and storefront have 4 active members each: folded, never shown on their own.
    expect(table).toContain("smaller teams combined 11");
    const teams = [...html.matchAll(/<td data-label="Team">([^<]+)<\/td>/g)].map((m) => m[1]);
    expect(teams).toEqual(["smaller teams combined"]);
    // Review waits by team: the flow analysis's own guard (people taking part) withholds small groups.
    const flow = await json<{
      friction: { teams: { team: string; people: number; withheld: string | null }[] };
    }>("/api/v1/flow");
    for (const team of flow.friction.teams)
      if (team.withheld === null) expect(team.people).toBeGreaterThanOrEqual(5);
      else expect(t).toContain(`${team.team}: withheld`);
  });

  it("Me is not there without --me", async () => {
    expect((await get(served, "/me")).status).toBe(404);
    expect((await get(served, "/api/v1/me")).status).toBe(404);
  });
});

describe("the API", () => {
  it("returns the CLI's --json shapes", async () => {
    expect(await json<ReviewReport>("/api/v1/review")).toEqual(await cli(["review"]));
    expect(await json<KnowledgeReport>("/api/v1/knowledge")).toEqual(await cli(["knowledge"]));
    expect(await json("/api/v1/flow")).toEqual(await cli(["flow"]));
    expect(await json("/api/v1/dora")).toEqual(await cli(["dora"]));
    expect(await json("/api/v1/decisions")).toEqual(await cli(["decide", "list"]));
  });

  it("lists its endpoints and refuses unknown ones", async () => {
    const index = await json<{ version: number; endpoints: { path: string }[] }>("/api/v1");
    expect(index.version).toBe(1);
    expect(index.endpoints.map((e) => e.path)).toContain("/api/v1/review");
    expect((await get(served, "/api/v1/nope")).status).toBe(404);
    const bad = await get(served, "/api/v1/dora?mode=nonsense");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: expect.stringContaining("nonsense") });
  });

  it("caches by the store's state: 304 while nothing changed, new data once another process writes", async () => {
    const first = await get(served, "/api/v1/review");
    const etag = first.headers.get("etag")!;
    expect(etag).toBeTruthy();
    expect((await get(served, "/api/v1/review", { "if-none-match": etag })).status).toBe(304);
    const before = served.dashboard.key();
    const review = served.dashboard.review();
    expect(served.dashboard.review()).toBe(review);
    // Another connection commits to the store: what cron's `legible import` does.
    await legibleIn(served.dir, ["import"]);
    await served.refresh();
    expect(served.dashboard.key()).not.toBe(before);
    // The previous state answers while the new one is prepared, then the new one takes over.
    expect(served.dashboard.review()).toBe(review);
    await served.dashboard.settled();
    expect(served.dashboard.servedKey()).toBe(served.dashboard.key());
    expect(served.dashboard.review()).not.toBe(review);
    const again = await get(served, "/api/v1/review", { "if-none-match": etag });
    expect(again.status).toBe(200);
    expect(again.headers.get("etag")).not.toBe(etag);
    expect(await again.json()).toEqual(await review);
  });
});

describe("guardrails under privacy.people: pseudonymous", () => {
  let pseudo: ServedDemo;
  beforeAll(async () => {
    pseudo = await serveDemo({ demo: served.demo, pseudonymous: true });
  }, 300_000);
  afterAll(() => pseudo.close());

  it("names no one in any leader page or API answer", async () => {
    const names = ["Mara Okafor", "Tomás Rivera", "Lena Fischer", "Sam Patel", "mara@acme.example"];
    const paths = [
      ...PAGES,
      "/areas?repo=shop-api",
      "/areas?repo=shop-api&area=services%2Fpayments",
      "/areas?status=trapped",
      "/api/v1/review",
      "/api/v1/knowledge",
      "/api/v1/files",
      "/api/v1/people",
      "/api/v1/flow",
    ];
    for (const path of paths) {
      const body = await (await get(pseudo, path)).text();
      for (const name of names) expect(body, `${path} names ${name}`).not.toContain(name);
    }
    const people = (await (await get(pseudo, "/api/v1/people")).json()) as {
      people: { id: string }[];
    };
    expect(people.people.length).toBeGreaterThan(3);
    for (const p of people.people) expect(p.id).toMatch(/^person-[0-9a-f]{6}$/);
    // What if takes the pseudonyms the page offers.
    const whatif = await get(pseudo, `/whatif?leave=${people.people[0]!.id}`);
    expect(whatif.status).toBe(200);
    expect(text(await whatif.text())).toMatch(/If person-[0-9a-f]{6} left/);
  });
});
