import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const root = mkdtempSync(join(tmpdir(), "legible-demo-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("legible demo", () => {
  it("builds an organisation and answers all five questions of the review on it", () => {
    const result = runCli(["demo", "org"], { cwd: root, now: "2026-11-21T12:00:00Z" });
    expect(result.code).toBe(0);
    expect(readdirSync(join(root, "org")).sort()).toEqual(
      ["exports", "legible.yaml", "platform", "shop-api", "web", ".legible"].sort(),
    );
    const md = result.stdout;
    for (const n of ["1", "2", "3", "4", "5"]) {
      const section = md.split(`## ${n}.`)[1]!.split("\n## ")[0]!;
      expect(section, `question ${n}`).not.toMatch(/Not answered/);
    }
    expect(md).toMatch(
      /Heroics in all incidents: \*\*Mara Okafor\*\* handled \d+ % of the \d+ incidents/,
    );
    expect(md).toMatch(
      /Work in `shop-api: services\/payments` waits for one person: \*\*Tomás Rivera\*\*/,
    );
    expect(md).toContain("Decided alone:");
    // Team sizes count active members: Greta and Owen left, so commerce and storefront (4 active
    // each) fold with platform (3) into one unit of 11, and its capability contributions count.
    expect(md).toMatch(/\| smaller teams combined \| 11 \| \d+ \| \d+ \| [^|]+ \| [1-9]\d* \(/);
    expect(md).not.toMatch(/\| (commerce|storefront) \|/);
    expect(result.stderr).toContain("built ");
  });

  it("refuses a folder that is not empty", () => {
    const again = runCli(["demo", "org"], { cwd: root, now: "2026-11-21T12:00:00Z" });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/not empty/);
  });
});
