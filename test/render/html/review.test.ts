import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ReviewReport } from "../../../src/app/review.js";
import { reviewCharts } from "../../../src/render/html/charts.js";
import { escapeHtml, jsonForScript, scriptSafe } from "../../../src/render/html/markup.js";
import { REVIEW_HEADINGS, reviewHtml } from "../../../src/render/html/review.js";
import { reviewMarkdown } from "../../../src/render/review.js";
import { reviewView } from "../../../src/render/review-view.js";
import { type Block, plainText } from "../../../src/render/view.js";
import { FULL_REPORT, GIT_ONLY_REPORT, HOSTILE, HOSTILE_IMG, WORK_TREE_REPORT } from "./fixture.js";
import { headings, scriptBodies, startTags, visibleText } from "./text.js";

/** Each match of `pattern` with 40 characters around it: a readable failure on a 200 kB page. */
function around(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) =>
    text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40),
  );
}

/** Links that leave the page (in-page anchors such as the headline figures' `#heroics` stay). */
function outLinks(page: string): string[] {
  return startTags(page).filter((tag) => tag.startsWith("<a ") && !tag.startsWith('<a href="#'));
}

/** Every sentence, list item, heading and table cell of the blocks, as plain text. */
function texts(block: Block): string[] {
  switch (block.kind) {
    case "paragraph":
    case "heading":
      return [plainText(block.parts)];
    case "note":
      return [`${block.label}: ${plainText(block.parts)}`];
    case "list":
      return block.items.map(plainText);
    case "table":
      return [...block.columns, ...block.rows.flat()].map((cell) => plainText(cell.parts));
    case "group":
      return block.blocks.flatMap(texts);
    default:
      return [];
  }
}

const REPORTS: [string, ReviewReport][] = [
  ["every section filled in", FULL_REPORT],
  ["git history only", GIT_ONLY_REPORT],
];

describe("reviewHtml", () => {
  const page = reviewHtml(FULL_REPORT);

  it("is one complete document", () => {
    expect(page.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(page.endsWith("</html>\n")).toBe(true);
    expect(page.match(/<html\b/g)).toHaveLength(1);
    expect(page.match(/<body>/g)).toHaveLength(1);
    expect(headings(page, "title")).toEqual(["Weekly operating review: 2026-11-14 to 2026-11-21"]);
    expect(headings(page, "h1")).toEqual(["Weekly operating review: 2026-11-14 to 2026-11-21"]);
  });

  it("takes a title, escaped", () => {
    const titled = reviewHtml(FULL_REPORT, { title: `Ops ${HOSTILE}` });
    expect(headings(titled, "title")).toEqual([`Ops ${HOSTILE}`]);
    expect(headings(titled, "h1")).toEqual([`Ops ${HOSTILE}`]);
    expect(titled).toContain(
      "<title>Ops &lt;script&gt;window.__pwned = true&lt;/script&gt;</title>",
    );
  });

  it.each(REPORTS)("has the five questions and who we depend on, in order (%s)", (_, report) => {
    // The dashboard's This week page, of which this file is the static copy, opens with the
    // headline figure of each question.
    expect(headings(reviewHtml(report), "h2")).toEqual([
      "The five questions at a glance",
      ...REVIEW_HEADINGS,
    ]);
  });

  it.each(REPORTS)(
    "links each headline figure to its question's section in the page (%s)",
    (_, report) => {
      const html = reviewHtml(report);
      const evidence = startTags(html).filter((tag) => tag.includes('class="evidence"'));
      expect(evidence).toEqual(
        ["heroics", "friction", "trapped", "tradeoffs", "capability"].map(
          (id) => `<a href="#${id}" class="evidence">`,
        ),
      );
      for (const id of ["heroics", "friction", "trapped", "tradeoffs", "capability"])
        expect(html).toContain(`<section id="${id}">`);
      const c = report.trappedKnowledge.counts;
      expect(html).toContain(
        `<li class="headline" id="headline-3">\n<p class="q">${escapeHtml(REVIEW_HEADINGS[2])}</p>\n<p class="value" data-value="${c.islands + c.orphaned}">`,
      );
    },
  );

  it.each(REPORTS)("carries every heading of the Markdown review (%s)", (_, report) => {
    const html = reviewHtml(report);
    const markdown = reviewMarkdown(report)
      .split("\n")
      .filter((line) => line.startsWith("#"));
    const expected = markdown.map((line) => line.replace(/^#+ /, "").replace(/`/g, ""));
    const found = [...headings(html, "h1"), ...headings(html, "h2"), ...headings(html, "h3")];
    for (const heading of expected) expect(found).toContain(heading);
  });

  it.each(REPORTS)(
    "states every sentence and table cell of the review's view (%s)",
    (_, report) => {
      const text = visibleText(reviewHtml(report));
      const view = reviewView(report);
      const sentences = [...view.intro, ...view.sections.flatMap((s) => s.blocks)].flatMap(texts);
      expect(sentences.length).toBeGreaterThan(report === FULL_REPORT ? 40 : 10);
      for (const sentence of sentences) expect(text).toContain(sentence);
    },
  );

  it("lists friction per area with its class, medians and rule", () => {
    const text = visibleText(page);
    expect(text).toContain(
      "services/payments Routed around 10 → 10 12 → 12 30.0 h → 12.0 h 50.0 h → 40.0 h pickup median 30 h → 12 h improved",
    );
    expect(text).toContain("web/checkout Removed");
    expect(text).toContain(
      "infra New 0 → 10 12 → 12 n/a → 4.0 h n/a → 20.0 h not flagged before; now: slow review",
    );
  });

  it("names decision records of a bare repository by repository and path, without a link", () => {
    const text = visibleText(page);
    expect(text).toContain(
      "Stated: Move the ledger to Postgres (shop: docs/adr/0010-ledger.md): risk reduced: lost payments during failover; cost accepted: two weeks of migration",
    );
    expect(text).toContain("Not stated: Split the search index (shop: docs/adr/0011-search.md)");
    expect(text).toContain(
      `Adopt ${HOSTILE} for templating (shop: docs/adr/0009-templating.md, 0009), decided by Grace Hopper`,
    );
    expect(text).toContain(`search/${HOSTILE}: shop: docs/adr/0007-search-engine.md`);
    expect(outLinks(page)).toEqual([]);
  });

  it("links decision records in a work tree relative to where the page is written", () => {
    const linked = reviewHtml(WORK_TREE_REPORT, { linkBase: "/a/out" });
    expect(outLinks(linked)).toEqual([
      '<a href="../b/shop/docs/adr/0009-templating.md">',
      '<a href="../b/shop/docs/adr/0010-ledger.md">',
      '<a href="../b/shop/docs/adr%20%28old%29/0011%20search.md">',
    ]);
    expect(visibleText(linked)).toContain(
      `Adopt ${HOSTILE} for templating (0009), decided by Grace Hopper`,
    );
    // Without a link base (a page never written to a file), no links.
    expect(outLinks(reviewHtml(WORK_TREE_REPORT))).toEqual([]);
  });

  it("says which input each unanswered question needs", () => {
    const text = visibleText(reviewHtml(GIT_ONLY_REPORT));
    expect(text).toContain(
      "Not answered: needs incident records (who responded, to what, how fast) and pull-request reviews.",
    );
    expect(text).toContain("Not answered: needs pull requests with their reviews.");
    expect(text).toContain("Not answered: needs decision records. Write one with");
    expect(text).toContain("Not answered: needs a team roster with owned areas");
    expect(text).toContain("No area has its knowledge in at most one active person.");
  });

  it("escapes every text that comes from the data", () => {
    // Only the page's own four scripts: two JSON blocks, Chart.js and the drawing script.
    expect(page.match(/<script\b/gi)).toHaveLength(4);
    expect(page).not.toContain(HOSTILE);
    expect(page).not.toContain(HOSTILE_IMG);
    expect(page).not.toMatch(/<img\b/i);
    expect(page).toContain("search/&lt;script&gt;window.__pwned = true&lt;/script&gt;");
    expect(page).toContain("<strong>Linus &amp; &lt;Co&gt;</strong>");
    expect(visibleText(page)).toContain(HOSTILE_IMG);
  });

  it("refers to nothing outside the file", () => {
    for (const report of [FULL_REPORT, GIT_ONLY_REPORT]) {
      const html = reviewHtml(report);
      const attributes =
        /\s(src|href|srcset|action|formaction|poster|data|background|style|on\w+)\s*=/i;
      expect(outLinks(html).filter((tag) => attributes.test(tag))).toEqual([]);
      expect(
        startTags(html).filter((tag) => !tag.startsWith('<a href="#') && attributes.test(tag)),
      ).toEqual([]);
      expect(around(scriptBodies(html)[0]!, /\b(src|href)\s*=/g)).toEqual([]);
      const fetching = /^<(link|iframe|object|embed|base|img|audio|video|source|frame)\b/i;
      expect(startTags(html).filter((tag) => fetching.test(tag))).toEqual([]);
      expect(around(html.match(/<style>[\s\S]*?<\/style>/)![0], /url\(|@import/gi)).toEqual([]);
      expect(around(html, /sourceMappingURL/g)).toEqual([]);
    }
    // Outside Chart.js's licence banner, the page holds no URL at all.
    const clean: ReviewReport = JSON.parse(
      JSON.stringify(FULL_REPORT).replaceAll("https://evil.example/", ""),
    );
    const html = reviewHtml(clean);
    const [library] = scriptBodies(html);
    expect(library).toContain("Chart.js");
    const withoutLibrary = html.replace(library!, "");
    expect(around(withoutLibrary, /https?:|\/\/[a-z]/gi)).toEqual([]);
  });

  it("allows no fetch and only its own scripts, by hash", () => {
    const csp = page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
    expect(csp).toBeDefined();
    const policy = csp!.replace(/&#39;/g, "'");
    expect(policy).toContain("default-src 'none'");
    const hash = (text: string) =>
      `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
    const scripts = scriptBodies(page);
    expect(scripts).toHaveLength(2);
    expect(policy).toContain(`script-src ${scripts.map(hash).join(" ")};`);
    const style = page.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? "";
    expect(policy).toContain(`style-src ${hash(style)};`);
  });

  it("inlines Chart.js's UMD build", () => {
    const [library] = scriptBodies(page);
    expect(library).toMatch(/^\/\*!\n \* Chart\.js v4\./);
    expect(library).toContain("Released under the MIT License");
    expect(library!.length).toBeGreaterThan(100_000);
    expect(library).not.toMatch(/<\/script|<!--/i);
  });

  it("embeds the report as JSON that parses back to it", () => {
    const [data] = scriptBodies(page, 'type="application/json" id="legible-review"');
    expect(data).not.toContain("<");
    expect(JSON.parse(data!)).toEqual(FULL_REPORT);
    const [charts] = scriptBodies(page, 'type="application/json" id="legible-charts"');
    expect(JSON.parse(charts!)).toEqual(reviewCharts(FULL_REPORT));
  });

  it("keeps charts hidden until the script draws them", () => {
    const figures = [...page.matchAll(/<figure class="chart"( hidden)?>/g)];
    expect(figures.length).toBe(reviewCharts(FULL_REPORT).length);
    for (const figure of figures) expect(figure[1]).toBe(" hidden");
    for (const chart of reviewCharts(FULL_REPORT))
      expect(page).toContain(`<canvas id="${chart.id}" role="img" aria-label="`);
  });

  it("names people only as holders of a risk", () => {
    const text = visibleText(page);
    const named = ["Ada Lovelace", "Grace Hopper", "Linus & <Co>"];
    for (const name of named) expect(text).toContain(name);
    const holders = new Set([
      ...FULL_REPORT.trappedKnowledge.now.flatMap((r) => r.holders.map((h) => h.name)),
      ...FULL_REPORT.heroics.answer!.holders.map((h) => h.name),
      ...FULL_REPORT.trappedKnowledge.singleDecider.map((d) => d.decisionMaker.name),
      ...FULL_REPORT.capability.exitPaths.flatMap((p) => p.successors.map((s) => s.name)),
    ]);
    for (const name of named) expect(holders).toContain(name);
    for (const chart of reviewCharts(FULL_REPORT))
      for (const name of named) expect(chart.labels.join(" ")).not.toContain(name);
  });
});

describe("reviewCharts", () => {
  it("draws trapped knowledge always, delivery charts only with their records", () => {
    expect(reviewCharts(FULL_REPORT).map((c) => c.id)).toEqual([
      "chart-trapped",
      "chart-incidents",
      "chart-restore",
      "chart-friction",
      "chart-capability",
    ]);
    expect(reviewCharts(GIT_ONLY_REPORT).map((c) => c.id)).toEqual(["chart-trapped"]);
  });

  it("compares the start and the end of the period", () => {
    const [trapped] = reviewCharts(FULL_REPORT);
    expect(trapped!.labels).toEqual(["Knowledge islands", "Orphaned areas"]);
    expect(trapped!.datasets.map((d) => [d.label, d.data])).toEqual([
      ["Start of the period", [1, 1]],
      ["End of the period", [2, 1]],
    ]);
    const friction = reviewCharts(FULL_REPORT).find((c) => c.id === "chart-friction")!;
    expect(friction.labels).toEqual(["services/payments", "web/checkout", "infra"]);
    expect(friction.datasets[0]!.data).toEqual([30, 4, null]);
  });

  it("leaves out teams withheld for their size", () => {
    const capability = reviewCharts(FULL_REPORT).find((c) => c.id === "chart-capability")!;
    expect(capability.labels).toEqual(["payments"]);
  });
});

describe("markup", () => {
  it("escapes text for content and attributes", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
  });

  it("writes JSON no data can break out of", () => {
    const value = { s: "</script><!-- & \u2028 \u2029 >" };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it("keeps script source meaning while removing closing tags", () => {
    const source = `var a = "</script>", b = /<!--/u, c = /</SCRIPT/i;`;
    const safe = scriptSafe(source);
    expect(safe).not.toMatch(/<\/script|<!--/i);
    // biome-ignore lint/security/noGlobalEval: checks the rewritten source means the same
    expect(eval(`${safe}; [a, b.test("<!--"), c.test("</script")]`)).toEqual([
      "</script>",
      true,
      true,
    ]);
  });
});
