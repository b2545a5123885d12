import { writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeReport } from "../../src/app/report-types.js";
import type { TrendReport } from "../../src/app/trend.js";
import type { WhatifReport } from "../../src/app/whatif.js";
import { runCli } from "../helpers/cli.js";
import type { TestRepo } from "../helpers/gitrepo.js";
import { ALICE, buildOrg, NOW } from "./fixture-org.js";

let repo: TestRepo;
const db = () => `${repo.root}/legible.db`;
const cli = (args: string[], now = NOW) => {
  const result = runCli([...args, "--db", db()], { cwd: repo.dir, env: repo.env, now });
  if (result.code !== 0) throw new Error(`legible ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
};
const json = <T>(args: string[], now = NOW) => JSON.parse(cli([...args, "--json"], now)) as T;

/** Rewrites every cached result, so that a run which reuses one is told from one which computes. */
function poisonCache(change: (value: Record<string, unknown>) => void): number {
  const sqlite = new Database(db());
  try {
    const rows = sqlite.prepare("SELECT key, value FROM analysis_cache").all() as {
      key: string;
      value: string;
    }[];
    for (const row of rows) {
      const stored = JSON.parse(row.value) as { value: Record<string, unknown> };
      change(stored.value);
      sqlite
        .prepare("UPDATE analysis_cache SET value = ? WHERE key = ?")
        .run(JSON.stringify(stored), row.key);
    }
    return rows.length;
  } finally {
    sqlite.close();
  }
}

const clearCache = () => {
  const sqlite = new Database(db());
  sqlite.prepare("DELETE FROM analysis_cache").run();
  sqlite.close();
};

beforeAll(() => {
  repo = buildOrg();
});
afterAll(() => repo.cleanup());

describe("the analysis result cache", () => {
  it("gives byte for byte what a fresh computation gives, in every format", () => {
    for (const args of [
      ["knowledge", "--json"],
      ["knowledge"],
      ["knowledge", "--format", "md"],
      ["knowledge", "--compat", "avelino2016", "--json"],
      ["knowledge", "--area", "src", "--json"],
      ["knowledge", "--as-of", "2024-06-01", "--json"],
      ["knowledge", "--trend", "--months", "3", "--json"],
      ["whatif", "--leave", "alice@example.com", "--json"],
      ["whatif", "--leave", "alice@example.com"],
    ]) {
      const fresh = cli([...args, "--no-cache"]);
      expect(cli(args), args.join(" ")).toBe(fresh); // computed and stored
      expect(cli(args), args.join(" ")).toBe(fresh); // reused
    }
  });

  it("reuses a stored result for the same inputs and recomputes when any input changes", () => {
    clearCache();
    expect(json<KnowledgeReport>(["knowledge"]).truckFactor).toBe(1);
    expect(poisonCache((report) => Object.assign(report, { truckFactor: 42 }))).toBe(1);
    // Same inputs: the stored result.
    expect(json<KnowledgeReport>(["knowledge"]).truckFactor).toBe(42);
    // --no-cache neither reads nor writes it.
    expect(json<KnowledgeReport>(["knowledge", "--no-cache"]).truckFactor).toBe(1);
    expect(json<KnowledgeReport>(["knowledge"]).truckFactor).toBe(42);
    // The same repository analysed from another folder.
    const elsewhere = runCli(["knowledge", repo.dir, "--db", db(), "--json"], {
      cwd: repo.root,
      env: repo.env,
      now: NOW,
    });
    expect((JSON.parse(elsewhere.stdout) as KnowledgeReport).truckFactor).toBe(42);
    // Another mode, area, date or identity rule: another key.
    expect(json<KnowledgeReport>(["knowledge", "--compat", "avelino2016"]).truckFactor).toBe(2);
    expect(json<KnowledgeReport>(["knowledge", "--as-of", "2024-12-31"]).truckFactor).toBe(1);
    expect(json<KnowledgeReport>(["knowledge", "--identity", "email"]).truckFactor).toBe(1);
    // A changed configuration.
    writeFileSync(`${repo.dir}/legible.yaml`, "activeDays: 400\n");
    try {
      expect(json<KnowledgeReport>(["knowledge"]).truckFactor).not.toBe(42);
    } finally {
      writeFileSync(`${repo.dir}/legible.yaml`, "");
    }
    expect(json<KnowledgeReport>(["knowledge"]).truckFactor).toBe(42);
    // A new commit: the scan's tip moves.
    repo.commit({ author: ALICE, date: "2024-12-20T10:00:00Z", files: { "lib/new.ts": "n\n" } });
    expect(json<KnowledgeReport>(["knowledge"]).truckFactor).not.toBe(42);
  });

  it("reuses a result at 'now' only while nothing it depends on has changed, with the date re-stamped", () => {
    clearCache();
    const first = json<KnowledgeReport>(["knowledge"]);
    poisonCache((report) => Object.assign(report, { truckFactor: 42 }));
    // An hour later nobody's last commit has left the activeDays window: reused, dated now.
    const later = json<KnowledgeReport>(["knowledge"], "2025-01-01T01:00:00Z");
    expect(later.truckFactor).toBe(42);
    expect(later.asOf).toEqual(
      json<KnowledgeReport>(["knowledge", "--no-cache"], "2025-01-01T01:00:00Z").asOf,
    );
    expect(later.asOf.date).toBe("2025-01-01T01:00:00.000Z");
    // The next day (the reuse never crosses a UTC day): computed again.
    const nextDay = json<KnowledgeReport>(["knowledge"], "2025-01-02T00:00:00Z");
    expect(nextDay.truckFactor).toBe(first.truckFactor);
  });

  it("computes again over an entry it cannot read", () => {
    clearCache();
    const fresh = cli(["knowledge", "--json"]);
    const sqlite = new Database(db());
    expect(sqlite.prepare("UPDATE analysis_cache SET value = 'not json'").run().changes).toBe(1);
    sqlite.close();
    expect(cli(["knowledge", "--json"])).toBe(fresh);
  });

  it("keys the trend by its months and whatif by who leaves", () => {
    clearCache();
    const trend = json<TrendReport>(["knowledge", "--trend", "--months", "3"]);
    const whatif = json<WhatifReport>(["whatif", "--leave", "alice@example.com"]);
    poisonCache((report) => Object.assign(report, { mode: "poisoned" }));
    expect(json<TrendReport>(["knowledge", "--trend", "--months", "3"]).mode).toBe("poisoned");
    expect(json<TrendReport>(["knowledge", "--trend", "--months", "4"]).mode).toBe(trend.mode);
    expect(json<WhatifReport>(["whatif", "--leave", "alice@example.com"])).toMatchObject({
      mode: "poisoned",
    });
    expect(json<WhatifReport>(["whatif", "--leave", "carol@example.com"])).not.toHaveProperty(
      "mode",
    );
    expect(json<WhatifReport>(["whatif", "--leave", "alice@example.com", "--no-cache"])).toEqual(
      whatif,
    );
  });
});
