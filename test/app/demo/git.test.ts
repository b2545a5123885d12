import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltDemo, build, DAY, git, lines, NOW_SECONDS } from "./helpers.js";

let demo: BuiltDemo;
let shop: string;
let web: string;
let platform: string;
beforeAll(() => {
  demo = build();
  [shop = "", web = "", platform = ""] = demo.result.repositories;
});
afterAll(() => demo.cleanup());

const count = (repo: string, ...args: string[]) =>
  Number(git(repo, "rev-list", "--count", ...args, "main").trim());

describe("the demo's git history", () => {
  it("holds 200 to 400 commits over about 14 months", () => {
    const total = demo.result.repositories.reduce((n, repo) => n + count(repo), 0);
    expect(total).toBeGreaterThanOrEqual(200);
    expect(total).toBeLessThanOrEqual(400);
    for (const repo of demo.result.repositories) {
      const first = Number(git(repo, "log", "--reverse", "--format=%at", "main").split("\n")[0]);
      expect((NOW_SECONDS - first) / DAY).toBeGreaterThan(400);
      expect((NOW_SECONDS - first) / DAY).toBeLessThan(430);
    }
  });

  it("has activity in the last 7 days and in the 7 before, in every repository", () => {
    const at = (days: number) => `@${NOW_SECONDS - days * DAY}`;
    for (const repo of demo.result.repositories) {
      expect(count(repo, `--since=${at(7)}`)).toBeGreaterThan(2);
      expect(count(repo, `--since=${at(14)}`, `--until=${at(7)}`)).toBeGreaterThan(2);
    }
  });

  it("writes conventional-commit subjects, with squash-merge numbers", () => {
    for (const repo of demo.result.repositories) {
      const subjects = lines(git(repo, "log", "--no-merges", "--format=%s", "main"));
      for (const subject of subjects)
        expect(subject).toMatch(/^(feat|fix|docs|test|ci|refactor|perf|chore)(\([^)]+\))?: \S/);
      expect(subjects.filter((s) => / \(#\d+\)$/.test(s)).length).toBeGreaterThan(20);
    }
    const types = new Set(
      demo.result.repositories.flatMap((repo) =>
        lines(git(repo, "log", "--no-merges", "--format=%s", "main")).map(
          (s) => s.split(/[(:]/)[0],
        ),
      ),
    );
    expect([...types].sort()).toEqual([
      "chore",
      "ci",
      "docs",
      "feat",
      "fix",
      "perf",
      "refactor",
      "test",
    ]);
  });

  it("squash merges are committed by GitHub, direct pushes by their authors", () => {
    const recent = lines(git(shop, "log", "-5", "--format=%cn|%s", "main"));
    expect(recent.every((line) => line.startsWith("GitHub|"))).toBe(true);
    const first = git(shop, "log", "--reverse", "--format=%an|%cn|%s", "main").split("\n")[0];
    expect(first).toBe("Tomás Rivera|Tomás Rivera|chore: initial import of shop-api");
  });

  it("has realistic paths", () => {
    const files = lines(git(shop, "ls-files"));
    for (const prefix of [
      "src/api/",
      "services/payments/",
      "docs/decisions/",
      "runbooks/",
      "tests/",
      ".github/workflows/",
    ])
      expect(files.some((f) => f.startsWith(prefix))).toBe(true);
    expect(lines(git(platform, "ls-files"))).toContain(".adr-dir");
  });

  it("folds Sam's personal email with shop-api's .mailmap", () => {
    expect(git(shop, "show", "main:.mailmap")).toBe(
      "Sam Patel <sam@acme.example> <sam.patel@gmail.com>\n",
    );
    const raw = new Set(lines(git(shop, "log", "--format=%an <%ae>", "main")));
    expect(raw).toContain("spatel <sam.patel@gmail.com>");
    expect(raw).toContain("Sam Patel <sam@acme.example>");
    const mapped = lines(git(shop, "shortlog", "-se", "main"));
    expect(mapped.some((l) => l.endsWith("Sam Patel <sam@acme.example>"))).toBe(true);
    expect(mapped.some((l) => l.includes("sam.patel@gmail.com"))).toBe(false);
  });

  it("credits pairing with Co-authored-by trailers", () => {
    const trailers = (repo: string) =>
      lines(
        git(
          repo,
          "log",
          "--format=%an|%(trailers:key=Co-authored-by,valueonly,separator=;)",
          "main",
        ),
      ).filter((l) => !l.endsWith("|"));
    const pairs = trailers(web).filter(
      (l) =>
        (l.startsWith("Leo Brandt|") && l.includes("Priya Nair <priya@acme.example>")) ||
        (l.startsWith("Priya Nair|") && l.includes("Leo Brandt <leo@acme.example>")),
    );
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    expect(trailers(shop).length).toBeGreaterThanOrEqual(2);
    expect(trailers(platform).length).toBeGreaterThanOrEqual(1);
  });

  it("has dependabot commits and merge commits", () => {
    for (const repo of demo.result.repositories)
      expect(count(repo, "--author=dependabot\\[bot\\]")).toBeGreaterThanOrEqual(2);
    expect(count(web, "--merges")).toBe(1);
    expect(count(platform, "--merges")).toBe(1);
    expect(git(web, "log", "--merges", "--format=%s", "main").trim()).toMatch(
      /^Merge pull request #\d+ from acme\/feature\/design-tokens$/,
    );
    // Open and closed pull requests keep their branches; merged ones were deleted.
    expect(lines(git(web, "branch", "--format=%(refname:short)")).sort()).toEqual([
      "anasouza/dark-mode-toggle",
      "main",
    ]);
  });

  it("has a rename and a deletion", () => {
    const renames = git(web, "log", "-M", "--diff-filter=R", "--name-status", "--format=", "main");
    expect(renames).toMatch(/^R100\tsrc\/catalog\/filters\.ts\tsrc\/catalog\/facets\.ts$/m);
    const deleted = git(shop, "log", "--diff-filter=D", "--name-only", "--format=", "main");
    expect(lines(deleted)).toContain("src/api/v1-compat.ts");
  });

  it("has two people who left more than 200 days ago, one the only author of web's src/search", () => {
    const last = (repo: string, email: string) =>
      Number(git(repo, "log", "-1", "--format=%at", `--author=${email}`, "main").trim());
    expect((NOW_SECONDS - last(web, "owen@acme.example")) / DAY).toBeGreaterThan(200);
    expect((NOW_SECONDS - last(shop, "greta@acme.example")) / DAY).toBeGreaterThan(200);
    for (const repo of demo.result.repositories) {
      const owen = git(
        repo,
        "log",
        "--since",
        `@${NOW_SECONDS - 200 * DAY}`,
        "--author=owen@",
        "main",
      );
      const greta = git(
        repo,
        "log",
        "--since",
        `@${NOW_SECONDS - 200 * DAY}`,
        "--author=greta@",
        "main",
      );
      expect(owen + greta).toBe("");
    }
    const searchAuthors = new Set(
      lines(git(web, "log", "--format=%ae", "main", "--", "src/search")),
    );
    expect([...searchAuthors]).toEqual(["owen@acme.example"]);
  });

  it("makes Mara nearly the only author in services/payments", () => {
    const authors = lines(
      git(shop, "log", "--no-merges", "--format=%ae", "main", "--", "services/payments"),
    );
    const mara = authors.filter((a) => a === "mara@acme.example").length;
    expect(mara / authors.length).toBeGreaterThan(0.85);
    const added = lines(
      git(shop, "log", "--diff-filter=A", "--format=%ae", "main", "--", "services/payments"),
    );
    expect(new Set(added)).toEqual(new Set(["mara@acme.example"]));
  });

  it("has Leo add files to web's src/checkout in the last three months, after Priya alone", () => {
    const since = `@${NOW_SECONDS - 90 * DAY}`;
    const before = lines(
      git(
        web,
        "log",
        "--diff-filter=A",
        "--until",
        since,
        "--format=%ae",
        "main",
        "--",
        "src/checkout",
      ),
    );
    expect(new Set(before)).toEqual(new Set(["priya@acme.example"]));
    const after = lines(
      git(
        web,
        "log",
        "--diff-filter=A",
        "--since",
        since,
        "--format=%ae",
        "main",
        "--",
        "src/checkout",
      ),
    );
    expect(after.filter((a) => a === "leo@acme.example").length).toBeGreaterThanOrEqual(3);
  });
});
