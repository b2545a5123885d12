import { describe, expect, it } from "vitest";
import type { AreaRisk, ReviewReport } from "../../src/app/review.js";
import { relativeHref } from "../../src/render/links.js";
import { markdownCode, markdownText, mermaidLabel } from "../../src/render/markdown.js";
import { reviewMarkdown } from "../../src/render/review.js";
import { FULL_REPORT, GIT_ONLY_REPORT, HOSTILE, WORK_TREE_REPORT } from "./html/fixture.js";

/**
 * The Markdown outside code spans and fenced blocks, read the CommonMark way: a backtick run opens
 * a code span only when a run of the same length closes it. Fences are given back separately.
 */
function outsideCode(markdown: string): { prose: string; spans: string[]; fences: string[] } {
  const fences: string[] = [];
  const withoutFences = markdown.replace(/^```mermaid\n([\s\S]*?)^```$/gm, (_, body: string) => {
    fences.push(body);
    return "";
  });
  let prose = "";
  const spans: string[] = [];
  let i = 0;
  while (i < withoutFences.length) {
    const run = /^`+/.exec(withoutFences.slice(i))?.[0];
    if (run === undefined) {
      const escaped = withoutFences[i] === "\\" ? 2 : 1;
      prose += withoutFences.slice(i, i + escaped);
      i += escaped;
      continue;
    }
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, "g");
    close.lastIndex = i + run.length;
    const end = close.exec(withoutFences);
    if (end === null) {
      prose += run;
      i += run.length;
    } else {
      spans.push(withoutFences.slice(i + run.length, end.index));
      i = end.index + run.length;
    }
  }
  return { prose, spans, fences };
}

/** `<`, `&`, `[`, `]`, `_` or a backtick in prose, not backslash-escaped (`**` and `|` are the review's own). */
function unescaped(prose: string): string[] {
  return [...prose.matchAll(/(?<!\\)(?:\\\\)*[<&[\]_`]/g)].map((m) =>
    prose.slice(Math.max(0, m.index - 20), m.index + 20),
  );
}

const EVIL = "Eve```\n```\n<script>alert(1)</script> | x](javascript:alert(1)) *b* _i_ #h";
const evilRisk = (area: string): AreaRisk => ({
  ...FULL_REPORT.dependsOn[0]!,
  area,
  holders: [{ id: "e", name: EVIL, files: 1, active: true, lastActive: null }],
  exampleFiles: ["a`b``c.ts", " x|y "],
});
const EVIL_REPORT: ReviewReport = {
  ...FULL_REPORT,
  repositories: FULL_REPORT.repositories.map((r) => ({ ...r, caveats: [`1. ${EVIL}`] })),
  trappedKnowledge: {
    ...FULL_REPORT.trappedKnowledge,
    now: [evilRisk(`area ${EVIL}`)],
  },
  dependsOn: [evilRisk(`"]) ; click a0 call alert() %% ${EVIL}`)],
  dependsOnTotal: 1,
};

describe("reviewMarkdown", () => {
  it("writes the full review", async () => {
    await expect(reviewMarkdown(FULL_REPORT)).toMatchFileSnapshot("__snapshots__/review-full.md");
  });

  it("writes a review of git history only", async () => {
    await expect(reviewMarkdown(GIT_ONLY_REPORT)).toMatchFileSnapshot(
      "__snapshots__/review-git-only.md",
    );
  });

  it.each([
    ["the fixture's hostile strings", FULL_REPORT],
    ["names that close fences, links, cells and Mermaid labels", EVIL_REPORT],
  ])("lets no data become Markdown or HTML (%s)", (_, report) => {
    const markdown = reviewMarkdown(report);
    const { prose, spans, fences } = outsideCode(markdown);
    expect(prose).not.toMatch(/(?<!\\)<script/i);
    expect(unescaped(prose)).toEqual([]);
    // Two Mermaid fences, both closed: every line inside is Mermaid, none from a name.
    expect(markdown.match(/^```/gm)).toHaveLength(4);
    expect(fences).toHaveLength(2);
    for (const fence of fences) {
      expect(fence.replaceAll("<br/>", "")).not.toMatch(/[<`%]/);
      for (const line of fence.trim().split("\n").slice(1))
        expect(line).toMatch(
          /^ {2}(title|x-axis|y-axis|bar|a\d+\[|p\d+\(\[|p\d+ -- "\d+ files?" --> a\d+$)/,
        );
    }
    // Every node label is one quoted string: no quote inside it.
    const labels = fences.flatMap((fence) => [
      ...fence.matchAll(/^ {2}[ap]\d+\(?\["(.*)"\]\)?$/gm),
    ]);
    expect(labels.length).toBeGreaterThan(1);
    for (const label of labels) expect(label[1]).not.toContain('"');
    // Code spans hold the data as it is, on one line.
    for (const span of spans) expect(span).not.toContain("\n");
    if (report === FULL_REPORT) expect(spans).toContain(`search/${HOSTILE}`);
    // Every table row has as many cells as its header.
    for (const table of markdown.split("\n\n").filter((b) => b.startsWith("| "))) {
      const cells = table
        .split("\n")
        .map((row) => row.replace(/\\\\/g, "").split(/(?<!\\)\|/).length);
      expect(new Set(cells).size).toBe(1);
    }
    // The caveat that starts with "1." stays a sentence, not a numbered list.
    if (report === EVIL_REPORT) expect(markdown).toContain("> **Caveat:** 1. Eve");
  });

  it("escapes text, code spans and Mermaid labels", () => {
    expect(markdownText("a <b> & [c](d) | *e* _f_ `g` #h \\ https://x www.y")).toBe(
      "a \\<b\\> \\& \\[c\\](d) \\| \\*e\\* \\_f\\_ \\`g\\` \\#h \\\\ https:\\/\\/x www\\.y",
    );
    expect(markdownText("two\nlines")).toBe("two lines");
    expect(markdownCode("a`b``c")).toBe("```a`b``c```");
    expect(markdownCode("`x`")).toBe("`` `x` ``");
    expect(markdownCode("a|b")).toBe("`a|b`");
    expect(markdownCode("a|b", true)).toBe("`a\\|b`");
    expect(markdownCode("a\\|b", true)).toBe("a\\\\\\|b");
    expect(mermaidLabel('A "B" <C> & `D` #E %%')).toBe(
      "A #34;B#34; #60;C#62; #38; #96;D#96; #35;E #37;#37;",
    );
  });

  it("links decision records relative to where the review is written", () => {
    const markdown = reviewMarkdown(WORK_TREE_REPORT, { linkBase: "/a/out" });
    expect(markdown).toContain(
      "- [Adopt \\<script\\>window.\\_\\_pwned = true\\</script\\> for templating](../b/shop/docs/adr/0009-templating.md) (0009), decided by **Grace Hopper**",
    );
    expect(markdown).toContain(
      "- Not stated: [Split the search index](../b/shop/docs/adr%20%28old%29/0011%20search.md): add",
    );
    // A bare repository (no file) or no link base: repository and path as code, no link.
    expect(reviewMarkdown(WORK_TREE_REPORT)).toContain(
      "- Stated: Move the ledger to Postgres (`shop: docs/adr/0010-ledger.md`): risk reduced",
    );
    expect(reviewMarkdown(FULL_REPORT, { linkBase: "/a/out" })).not.toContain("](");
  });

  it("says when a repository's history stopped, before the questions", () => {
    const stopped: ReviewReport = {
      ...FULL_REPORT,
      repositories: FULL_REPORT.repositories.map((r) => ({
        ...r,
        lastCommit: "2026-03-01T12:00:00.000Z",
        historyStopped: true,
      })),
    };
    const markdown = reviewMarkdown(stopped);
    const note =
      "> **History stopped:** `shop`: the newest commit is from 2026-03-01, 264 days before the end of this period: the history stopped, so its authors look former. Review an earlier period with `--until 2026-03-01`.";
    expect(markdown.split("\n").slice(0, 4)).toEqual([
      "# Weekly operating review: 2026-11-14 to 2026-11-21",
      "",
      note,
      "",
    ]);
    expect(reviewMarkdown(FULL_REPORT)).not.toContain("History stopped");
  });

  it("counts the risks left out of who we depend on", () => {
    const markdown = reviewMarkdown({ ...FULL_REPORT, dependsOnTotal: 12 });
    expect(markdown.trimEnd().split("\n").at(-1)).toBe(
      "… and 9 more areas (`legible knowledge` lists every area).",
    );
    expect(reviewMarkdown({ ...FULL_REPORT, dependsOnTotal: 4 })).toContain(
      "… and 1 more area (`legible knowledge` lists every area).",
    );
    expect(reviewMarkdown(FULL_REPORT)).not.toContain("more area");
  });

  it("says what an exit path without successors means", () => {
    const island: ReviewReport = {
      ...FULL_REPORT,
      capability: {
        ...FULL_REPORT.capability,
        exitPaths: FULL_REPORT.capability.exitPaths.map((p) => ({ ...p, successors: [] })),
      },
    };
    expect(reviewMarkdown(island)).toContain(
      "- Exit path: no suggested successor: no active person besides its holder changed or reviewed it in the last year; over the last quarter",
    );
    expect(reviewMarkdown(island)).not.toContain("no active person has touched");
  });

  it("says which records cannot be judged for deciding alone", () => {
    const with1 = (n: number) =>
      reviewMarkdown({
        ...FULL_REPORT,
        trappedKnowledge: { ...FULL_REPORT.trappedKnowledge, participantsUnrecorded: n },
      });
    expect(with1(1)).toContain(
      "1 accepted record uses a format (Nygard, adr-tools) that does not record who decided or was consulted: not judged.",
    );
    expect(with1(3)).toContain("3 accepted records use a format (Nygard, adr-tools)");
    expect(reviewMarkdown(FULL_REPORT)).not.toContain("Nygard");
  });

  it("uses the singular for one", () => {
    const one: ReviewReport = {
      ...FULL_REPORT,
      repositories: FULL_REPORT.repositories.map((r) => ({ ...r, commitsInPeriod: 1 })),
      period: { ...FULL_REPORT.period, days: 1 },
      heroics: {
        ...FULL_REPORT.heroics,
        answer: {
          ...FULL_REPORT.heroics.answer!,
          incidents: { ...FULL_REPORT.heroics.answer!.incidents, now: 1 },
          responderRisks: [{ ...FULL_REPORT.heroics.answer!.responderRisks[0]!, incidents: 1 }],
          reviewRisks: [{ ...FULL_REPORT.heroics.answer!.reviewRisks[0]!, reviews: 1 }],
        },
      },
      trappedKnowledge: {
        ...FULL_REPORT.trappedKnowledge,
        counts: { islands: 1, orphaned: 1, previousIslands: 1, previousOrphaned: 1 },
      },
      tradeoffs: { ...FULL_REPORT.tradeoffs, inPeriod: 1, allRecords: { total: 1, stated: 1 } },
      capability: { ...FULL_REPORT.capability, exitPaths: [FULL_REPORT.capability.exitPaths[0]!] },
      dependsOn: [
        {
          ...FULL_REPORT.dependsOn[0]!,
          files: 1,
          holders: [{ ...FULL_REPORT.dependsOn[0]!.holders[0]!, files: 1 }],
        },
      ],
      dependsOnTotal: 2,
    };
    const markdown = reviewMarkdown(one);
    for (const wrong of [
      /\b1 (files|reviews|incidents|commits|days|areas|records|decision records|islands)\b/,
      /\b1 more areas\b/,
      /\b1 knowledge islands\b/,
    ])
      expect(markdown).not.toMatch(wrong);
    for (const right of [
      "(1 commit in the period)",
      "(1 day earlier)",
      "1 incident this period",
      "of the 1 incident with a recorded responder",
      "of its 1 review this period",
      "**1 knowledge island**",
      "**1 orphaned area**",
      "1 decision record dated in the period",
      "In all, 1 of 1 record states one.",
      "Exit paths: 1 area concentrated",
      "- 1 file; truck factor 1.",
      "(1 file, active, last commit 2026-11-18)",
      "… and 1 more area",
    ])
      expect(markdown).toContain(right);
  });
});

describe("relativeHref", () => {
  it("goes from the report's directory to the file, each segment encoded", () => {
    expect(relativeHref("/a/out", "/a/b/repo/docs/x.md")).toBe("../b/repo/docs/x.md");
    expect(relativeHref("/a/b/repo", "/a/b/repo/docs/x.md")).toBe("docs/x.md");
    expect(relativeHref("/a", "/a/d (1)/é?#.md")).toBe("d%20%281%29/%C3%A9%3F%23.md");
    expect(relativeHref("/a", "/a/javascript:alert(1)")).toBe("javascript%3Aalert%281%29");
  });
});
