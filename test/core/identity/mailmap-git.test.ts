/**
 * Conformance: applyMailmap against the installed `git check-mailmap` on the same file.
 * Skipped only when git is not installed.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyMailmap, parseMailmap } from "../../../src/core/identity/mailmap.js";

const MAILMAP = [
  "# comment",
  "Proper One <p1@x.com>",
  "<p2@x.com> <c2@x.com>",
  "Proper Three <p3@x.com> <c3@x.com>",
  "Proper Four <p4@x.com> Commit Four <c4@x.com>",
  "Other Four <o4@x.com> Someone Else <C4@X.com>",
  "  # Indented <ind@x.com>",
  "Trail <t@x.com> # trailing comment",
  "Hash <h@x.com> # note <q@x.com>",
  "Both <b1@x.com>",
  "<b2@x.com> <B1@x.com>",
  "Late <late@x.com> <c3@x.com>",
  "Chain <chain@x.com> <p2@x.com>",
  "NoSpace<ns@x.com><ns-old@x.com>",
  "Empty <e@x.com> <>",
  "",
].join("\n");

const CONTACTS: [string, string][] = [
  ["Foo", "p1@x.com"],
  ["Foo", "P1@X.COM"],
  ["Foo", "c2@x.com"],
  ["Foo", "c3@x.com"],
  ["Commit Four", "c4@x.com"],
  ["commit four", "C4@x.com"],
  ["Foo", "c4@x.com"],
  ["someone else", "c4@x.com"],
  ["x", "ind@x.com"],
  ["x", "t@x.com"],
  ["# note", "q@x.com"],
  ["x", "q@x.com"],
  ["x", "b1@x.com"],
  ["x", "p2@x.com"],
  ["x", "ns-old@x.com"],
  ["x", ""],
  ["Unmapped", "un@x.com"],
];

function gitAvailable(): boolean {
  try {
    execFileSync("git", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!gitAvailable())("applyMailmap agrees with git check-mailmap", () => {
  const dir = mkdtempSync(join(tmpdir(), "legible-mailmap-"));
  const env = {
    ...process.env,
    HOME: dir,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
  };
  execFileSync("git", ["init", "-q", dir], { env });
  writeFileSync(join(dir, ".mailmap"), MAILMAP);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const { entries } = parseMailmap(MAILMAP);
  it.each(CONTACTS)("%s <%s>", (name, email) => {
    const expected = execFileSync("git", ["check-mailmap", `${name} <${email}>`], {
      cwd: dir,
      env,
      encoding: "utf8",
    }).trimEnd();
    const mapped = applyMailmap(entries, { name, email });
    expect(`${mapped.name} <${mapped.email}>`).toBe(expected);
  });
});
