/**
 * The dashboard's HTTP application (hono): the web client's pages, its assets and the JSON API,
 * every route behind the token. Built without a socket so tests call `app.request()` in process.
 */
import { timingSafeEqual } from "node:crypto";
import { type Context, Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { isLegibleError, LegibleError } from "../errors.js";
import { areasPage, filePage, notFound } from "../render/html/app/areas.js";
import { type NavPath, type Page, servedPage } from "../render/html/app/layout.js";
import {
  decisionsPage,
  flowPage,
  mePage,
  messagePage,
  teamsPage,
  whatifPage,
} from "../render/html/app/pages.js";
import { weekPage } from "../render/html/app/week.js";
import { DRAW_SCRIPT, STYLE } from "../render/html/assets.js";
import { chartJsSource } from "../render/html/chart-library.js";
import { type Dashboard, DORA_DAYS, FLOW_DAYS } from "./dashboard.js";

export interface ServeAppOptions {
  dashboard: Dashboard;
  /** The secret every request must carry (URL `?token=`, the cookie it sets, or a Bearer header). */
  token: string;
  /**
   * Host names a request may name (`Host` header) — loopback names when bound to loopback, so a
   * web page elsewhere cannot reach the dashboard through DNS rebinding; null: any.
   */
  allowedHosts: readonly string[] | null;
}

/** The Content-Security-Policy of every response: only the server's own scripts, styles and API. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The API's endpoints, each with the CLI command whose `--json` shape it returns. */
export const API_ENDPOINTS: { path: string; shape: string }[] = [
  { path: "/api/v1/review", shape: "legible review --json (ReviewReport)" },
  {
    path: "/api/v1/review/weeks",
    shape: "WeeksReport: each question's headline figure, week by week",
  },
  { path: "/api/v1/knowledge", shape: "legible knowledge --json (KnowledgeReport)" },
  { path: "/api/v1/knowledge/trend", shape: "legible knowledge --trend --json (TrendReport)" },
  { path: "/api/v1/files", shape: "FilesReport: every scored file's authors and reviewers" },
  { path: "/api/v1/people", shape: "PeopleList: active authors by name" },
  {
    path: "/api/v1/whatif?leave=<id>",
    shape: "WhatifPage: legible whatif --json plus every area's TF before and after",
  },
  { path: "/api/v1/flow?days=28", shape: "legible flow --json (FlowReport)" },
  {
    path: "/api/v1/dora?mode=default|devlake|fourkeys&days=90",
    shape: "legible dora --json (DoraReport)",
  },
  { path: "/api/v1/dora/weeks", shape: "DoraWeeks: legible dora --json, week by week" },
  { path: "/api/v1/decisions", shape: "legible decide list --json (DecisionReport)" },
  {
    path: "/api/v1/me",
    shape: "MeReport (only with --me): legible impact --me --json and --what-leaders-see --json",
  },
];

export function serveApp(options: ServeAppOptions): Hono {
  const { dashboard } = options;
  const app = new Hono();
  const expected = Buffer.from(options.token, "utf8");
  const matches = (given: string | undefined | null) => {
    if (!given) return false;
    const bytes = Buffer.from(given, "utf8");
    return bytes.length === expected.length && timingSafeEqual(bytes, expected);
  };

  app.use(async (c, next) => {
    await next();
    c.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("Cross-Origin-Resource-Policy", "same-origin");
    if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store");
  });

  app.use(async (c, next) => {
    if (options.allowedHosts) {
      // The URL's host is the request's Host header (what a rebinding page would send).
      const host = new URL(c.req.url).hostname.toLowerCase();
      if (!options.allowedHosts.includes(host))
        return c.text(
          `403: this dashboard answers only to ${options.allowedHosts.join(", ")}\n`,
          403,
        );
    }
    // After the first visit a cookie carries the token; one per port, since cookies ignore ports.
    const cookieName = `legible_token_${new URL(c.req.url).port}`;
    const fromQuery = c.req.query("token");
    const bearer = c.req.header("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (matches(fromQuery)) {
      setCookie(c, cookieName, options.token, {
        httpOnly: true,
        sameSite: "Strict",
        path: "/",
      });
      // A page opened with the token in its URL: keep the token out of history and referrers.
      if (c.req.method === "GET" && !c.req.path.startsWith("/api/")) {
        const url = new URL(c.req.url);
        url.searchParams.delete("token");
        return c.redirect(`${url.pathname}${url.search}`, 303);
      }
      return next();
    }
    if (matches(bearer) || matches(getCookie(c, cookieName))) return next();
    return c.text(
      "401: this dashboard needs its token: open the URL legible serve printed (it ends in ?token=…)\n",
      401,
    );
  });

  // Assets: the client's stylesheet and scripts, served by legible itself (no CDN).
  const asset = (type: string, body: () => string) => (c: Context) => {
    c.header("Content-Type", type);
    c.header("Cache-Control", "private, max-age=3600");
    return c.body(body());
  };
  app.get(
    "/assets/style.css",
    asset("text/css; charset=utf-8", () => STYLE),
  );
  app.get("/assets/chart.umd.js", asset("text/javascript; charset=utf-8", chartJsSource));
  app.get(
    "/assets/draw.js",
    asset("text/javascript; charset=utf-8", () => DRAW_SCRIPT),
  );

  // The JSON API, versioned; an ETag from the store's state answers 304 when nothing changed.
  const api = (path: string, produce: (c: Context) => Promise<unknown> | null) => {
    app.get(path, async (c) => {
      const etag = `"${dashboard.servedKey()}:${c.req.url.replace(/[?&]token=[^&]*/, "")}"`;
      if (c.req.header("if-none-match") === etag) return c.body(null, 304);
      try {
        const result = produce(c);
        if (result === null)
          return c.json({ error: "not available", hint: "start legible serve with --me" }, 404);
        const value = await result;
        c.header("ETag", etag);
        c.header("Cache-Control", "private, no-cache");
        return c.json(value);
      } catch (error) {
        if (isLegibleError(error))
          return c.json({ error: error.message, hint: error.hint ?? null }, 400);
        throw error;
      }
    });
  };
  app.get("/api/v1", (c) =>
    c.json({ version: 1, state: dashboard.servedKey(), endpoints: API_ENDPOINTS }),
  );
  api("/api/v1/review", () => dashboard.review());
  api("/api/v1/review/weeks", () => dashboard.weeks());
  api("/api/v1/knowledge", () => dashboard.knowledge());
  api("/api/v1/knowledge/trend", () => dashboard.trend());
  api("/api/v1/files", () => dashboard.files());
  api("/api/v1/people", () => dashboard.people());
  api("/api/v1/whatif", (c) => dashboard.whatif(c.req.queries("leave") ?? []));
  api("/api/v1/flow", (c) => dashboard.flow(days(c.req.query("days"), FLOW_DAYS)));
  api("/api/v1/dora", (c) => {
    const mode = c.req.query("mode") ?? "default";
    if (mode !== "default" && mode !== "devlake" && mode !== "fourkeys")
      return Promise.reject(
        new LegibleError("BAD_USAGE", `mode ${mode}: expected default, devlake or fourkeys`),
      );
    return dashboard.dora(mode, days(c.req.query("days"), DORA_DAYS));
  });
  api("/api/v1/dora/weeks", () => dashboard.doraWeeks());
  api("/api/v1/decisions", () => dashboard.decisions());
  api("/api/v1/me", () => dashboard.me());
  app.get("/api/*", (c) => c.json({ error: "no such endpoint", endpoints: API_ENDPOINTS }, 404));

  // Pages.
  const rendered = { state: "", pages: new Map<string, string>() };
  const page = (path: string, current: NavPath, render: (c: Context) => Promise<Page | null>) => {
    app.get(path, async (c) => {
      // A page is a pure function of its data: rendered once per store state and URL.
      const state = dashboard.servedKey();
      if (rendered.state !== state) {
        rendered.state = state;
        rendered.pages.clear();
      }
      const url = new URL(c.req.url);
      const cacheKey = `${url.pathname}${url.search}`;
      const cached = rendered.pages.get(cacheKey);
      if (cached !== undefined) return c.html(cached, 200);
      let shown: Page | null;
      let status: 200 | 400 | 404 = 200;
      try {
        shown = await render(c);
        if (shown === null) {
          shown = notFound("This page is not available.");
          status = 404;
        } else if (shown.title === "Not found") status = 404;
      } catch (error) {
        if (!isLegibleError(error)) throw error;
        shown = messagePage(
          "Cannot show this page",
          `${error.message}${error.hint ? ` (${error.hint})` : ""}`,
        );
        status = 400;
      }
      const html = servedPage(shown, current, { me: dashboard.options.me !== null });
      if (status === 200 && rendered.state === state && rendered.pages.size < 500)
        rendered.pages.set(cacheKey, html);
      return c.html(html, status);
    });
  };
  page("/", "/", async () =>
    weekPage(await dashboard.review(), { weeks: await dashboard.weeks(), served: true }),
  );
  page("/areas", "/areas", async (c) => {
    const [knowledge, files, trend, review] = await Promise.all([
      dashboard.knowledge(),
      dashboard.files(),
      dashboard.trend(),
      dashboard.review(),
    ]);
    return areasPage(
      { knowledge, files, trend, review },
      {
        ...optional("repo", c.req.query("repo")),
        ...optional("area", c.req.query("area")),
        ...optional("status", c.req.query("status")),
      },
    );
  });
  page("/areas/file", "/areas", async (c) => {
    const [knowledge, files, review] = await Promise.all([
      dashboard.knowledge(),
      dashboard.files(),
      dashboard.review(),
    ]);
    return filePage(
      { knowledge, files, trend: null, review },
      { repo: c.req.query("repo") ?? "", path: c.req.query("path") ?? "" },
    );
  });
  page("/whatif", "/whatif", async (c) => {
    const leave = c.req.queries("leave") ?? [];
    const [people, knowledge] = await Promise.all([dashboard.people(), dashboard.knowledge()]);
    let result = null;
    let error: string | null = null;
    if (leave.length > 0) {
      try {
        result = await dashboard.whatif(leave);
      } catch (caught) {
        if (!isLegibleError(caught)) throw caught;
        error = caught.message;
      }
    }
    return whatifPage({ people: people.people, leave, result, error, knowledge });
  });
  page("/flow", "/flow", async (c) => {
    // ?period=week: the review's period, where This week's evidence links lead.
    const week = c.req.query("period") === "week";
    const [flow, dora, weeks, review] = await Promise.all([
      dashboard.flow(week ? "week" : FLOW_DAYS),
      dashboard.dora(),
      dashboard.doraWeeks(),
      dashboard.review(),
    ]);
    return flowPage({
      flow,
      dora,
      doraWeeks: weeks.weeks,
      hasRecords: review.heroics.missing === null || review.friction.missing === null,
    });
  });
  page("/decisions", "/decisions", async () =>
    decisionsPage(await dashboard.decisions(), await dashboard.review(), {
      pseudonymous: (await dashboard.config()).privacy.people === "pseudonymous",
    }),
  );
  page("/teams", "/teams", async () =>
    teamsPage(
      await dashboard.review(),
      await dashboard.weeks(),
      await dashboard.flow(),
      (await dashboard.config()).privacy.minGroupSize,
    ),
  );
  page("/me", "/me", async () => {
    const me = dashboard.me();
    return me ? mePage(await me) : null;
  });
  app.notFound((c) =>
    c.html(
      servedPage(notFound(`No page ${c.req.path}.`), "/", { me: dashboard.options.me !== null }),
      404,
    ),
  );
  return app;
}

/** `?days=n` (1 to 366), or the default. */
function days(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 366)
    throw new LegibleError("BAD_USAGE", `days=${value}: expected a whole number of days, 1 to 366`);
  return n;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined || value === "" ? {} : ({ [key]: value } as Record<K, string>);
}
