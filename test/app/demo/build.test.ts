import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemo } from "../../../src/app/demo/index.js";
import { type BuiltDemo, build, git } from "./helpers.js";

let demo: BuiltDemo;
beforeAll(() => {
  demo = build();
});
afterAll(() => demo.cleanup());

describe("buildDemo", () => {
  it("writes three repositories, the exports and legible.yaml, fast", () => {
    const { result } = demo;
    expect(result.repositories.map((p) => p.slice(result.dir.length + 1))).toEqual([
      "shop-api",
      "web",
      "platform",
    ]);
    expect(result.config).toBe(join(result.dir, "legible.yaml"));
    expect(result.files).toEqual({
      prs: join(result.dir, "exports/pulls.json"),
      deployments: join(result.dir, "exports/deployments.csv"),
      incidents: join(result.dir, "exports/incidents.csv"),
    });
  });

  it("checks out main in every repository, with a clean work tree", () => {
    for (const repo of demo.result.repositories) {
      expect(git(repo, "symbolic-ref", "--short", "HEAD").trim()).toBe("main");
      expect(git(repo, "status", "--porcelain")).toBe("");
    }
  });

  it("tells the story in one line per planted fact", () => {
    const { story } = demo.result;
    expect(story.length).toBeGreaterThanOrEqual(10);
    expect(story.every((line) => line.length > 20 && !line.includes("\n"))).toBe(true);
    expect(story.join("\n")).toMatch(/Mara Okafor is the only active author/);
    expect(story.join("\n")).toMatch(/Tomás Rivera did \d+ of the \d+ reviews/);
  });

  it("gives the same commit ids for the same now", () => {
    const again = build();
    try {
      for (const [k, repo] of demo.result.repositories.entries()) {
        const other = again.result.repositories[k] ?? "";
        expect(git(other, "rev-parse", "main")).toBe(git(repo, "rev-parse", "main"));
      }
      expect(again.result.story).toEqual(demo.result.story);
    } finally {
      again.cleanup();
    }
  });

  it("refuses a directory that is not empty, naming it", () => {
    const root = mkdtempSync(join(tmpdir(), "legible-demo-busy-"));
    try {
      writeFileSync(join(root, "notes.txt"), "mine\n");
      expect(() => buildDemo({ dir: root, now: new Date() })).toThrow(root);
      expect(() => buildDemo({ dir: root, now: new Date() })).toThrow(/not empty/);
      const file = join(root, "notes.txt");
      expect(() => buildDemo({ dir: file, now: new Date() })).toThrow(/not a directory/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("accepts an existing empty directory", () => {
    const root = mkdtempSync(join(tmpdir(), "legible-demo-empty-"));
    try {
      mkdirSync(join(root, "org"));
      const result = buildDemo({ dir: join(root, "org"), now: new Date("2025-07-01T08:00:00Z") });
      expect(result.repositories).toHaveLength(3);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
