/**
 * Ownership and check in a workspace of several repositories: every area is
 * `<repository>: <area>`, and the roster's globs apply to each repository (test/helpers/multi-repo.ts).
 */
import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckReport } from "../../src/app/check.js";
import type { OwnershipReport } from "../../src/app/run/ownership.js";
import { runCli } from "../helpers/cli.js";
import { buildMultiRepoWorkspace, type MultiRepoWorkspace, NOW } from "../helpers/multi-repo.js";

let ws: MultiRepoWorkspace;
const run = (args: string[]) =>
  runCli([...args, "--db", join(ws.root, "own.db")], { cwd: ws.root, env: ws.env, now: NOW });

beforeAll(() => {
  ws = buildMultiRepoWorkspace();
  appendFileSync(
    join(ws.root, "legible.yaml"),
    `check:\n  minTruckFactor: { "acme/billing: src/ledger": 1, "platform:runbooks": 3 }\n  noDrift: ["acme/shop-api: runbooks", "platform: runbooks"]\n`,
  );
});
afterAll(() => ws.cleanup());

describe("ownership and check across repositories", () => {
  it("keys every area by its repository: runbooks drift in one repository, aligned in the other", () => {
    const result = run(["ownership", "--json"]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as OwnershipReport;
    const area = (key: string) => report.areas.find((a) => a.area === key)!;
    // The roster's runbooks/** is team platform's in every repository; only Mara (commerce) writes shop-api's.
    expect(area("acme/shop-api: runbooks").declared).toEqual([
      { owner: "team platform", kind: "roster", team: "platform", files: 4 },
    ]);
    expect(area("acme/shop-api: runbooks").status).toBe("drift");
    expect(area("platform: runbooks").status).toBe("aligned");
    expect(area("acme/billing: src/ledger").status).toBe("drift");
  });

  it("checks areas named with their repository, with or without a space after the colon", () => {
    const result = run(["check", "--format", "json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(report.findings.map((f) => [f.rule, f.subject, f.repository])).toEqual([
      ["min-truck-factor", "acme/billing: src/ledger", "acme/billing"],
      ["min-truck-factor", "platform: runbooks", "platform"],
      ["no-drift", "acme/shop-api: runbooks", "acme/shop-api"],
    ]);
    expect(report.findings[0]!.message).toBe(
      "acme/billing: src/ledger: truck factor 0, below the minimum of 1",
    );
  });
});
