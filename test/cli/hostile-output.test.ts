/**
 * Output that cannot be turned against its reader: names, paths and titles from a hostile
 * repository never become markup, scripts, terminal escape sequences or spreadsheet formulas.
 * (git itself drops `<` and `>` from author names; titles and paths keep them.)
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { runCli } from "../helpers/cli.js";
import { makeRepo, type TestRepo } from "../helpers/gitrepo.js";

const NOW = "2025-01-01T00:00:00Z";
const ESC = String.fromCharCode(0x1b);
const BEL = String.fromCharCode(0x07);
/** Sets the window title, then writes an OSC 8 hyperlink to javascript:. */
const TERMINAL_ATTACK = `${ESC}]0;pwned${BEL}${ESC}]8;;javascript:alert(1)${ESC}\\click${ESC}]8;;${ESC}\\`;
const MALLORY = `Mallory<script>alert(1)</script>${TERMINAL_ATTACK} <mallory@example.com>`;
const FORMULA_DIR = "=SUM(A1)*2";

let repo: TestRepo;
const options = () => ({ cwd: repo.dir, env: repo.env, now: NOW });

beforeAll(() => {
  repo = makeRepo();
  repo.commit({
    author: MALLORY,
    date: "2024-12-01T10:00:00Z",
    files: {
      [`${FORMULA_DIR}/a.ts`]: "a\n",
      [`${FORMULA_DIR}/b.ts`]: "b\n",
      "src/x](javascript:alert(1))/c.ts": "c\n",
      "docs/decisions/0001-use-script.md": [
        "# <script>alert('title')</script> and [a link](javascript:alert(2))",
        "",
        "## Status",
        "",
        "Accepted",
        "",
        "## Context",
        "",
        "Context.",
        "",
        "## Decision",
        "",
        "Decision.",
        "",
      ].join("\n"),
    },
  });
});
afterAll(() => repo.cleanup());

/**
 * Markdown text outside code spans and Mermaid blocks (whose labels are quoted text, not Markdown)
 * with no raw HTML tag and no link to javascript:.
 */
function assertInertMarkdown(markdown: string): void {
  const outsideCode = markdown
    .replace(/```mermaid\n[\s\S]*?\n```/g, "")
    .replace(/(`+)[^`]*?\1/g, "");
  expect(outsideCode).not.toMatch(/(?<!\\)<script/i);
  expect(outsideCode).not.toMatch(/(?<!\\)\]\(javascript:/i);
  expect(markdown).not.toContain(ESC);
  expect(markdown).not.toContain(BEL);
}

describe("hostile names, paths and titles", () => {
  it("stay text in every Markdown report", () => {
    for (const args of [
      ["knowledge", "--format", "md"],
      ["review"],
      ["decide", "log", "--format", "md"],
      ["impact", "--person", "mallory@example.com"],
      ["impact", "--person", "mallory@example.com", "--view", "promotion"],
    ]) {
      const result = runCli(args, options());
      expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
      assertInertMarkdown(result.stdout);
    }
  });

  it("never start a CSV cell a spreadsheet would run as a formula", () => {
    const csv = runCli(["knowledge", "--format", "csv"], options()).stdout;
    const cells = csv
      .trim()
      .split("\n")
      .flatMap((line) => line.split(","));
    expect(csv).toContain(`'${FORMULA_DIR}`);
    for (const cell of cells) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+@\t\r]/);
  });

  it("reach a terminal as visible escapes, while legible's own bold passes", async () => {
    let out = "";
    const code = await main(["knowledge", "--db", join(repo.root, "tty.db")], {
      stdout: { isTTY: true, write: (chunk: string) => (out += chunk) },
      stderr: { write: () => true },
      env: { ...repo.env, FORCE_COLOR: "1" },
      cwd: repo.dir,
      now: () => new Date(NOW),
    });
    expect(code).toBe(0);
    expect(out).toContain("Mallory");
    expect(out).not.toContain(BEL);
    expect(out).not.toMatch(new RegExp(`${ESC}\\]`));
    expect(out).toContain("\\u001b]0;pwned\\u0007");
    expect(out).toContain(`${ESC}[1m`);
  });
});
