/**
 * Knowledge from history summaries (app/summary-workspace.ts, store/history-summary.ts): on a real
 * repository and store, the reports at the scanned head are the same read from the summaries as
 * from the commits, and the summaries are set aside whenever they could differ.
 */
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { knowledgeReport } from "../../src/app/knowledge.js";
import { identitiesFor } from "../../src/app/run/knowledge.js";
import { scanRepositories } from "../../src/app/scan.js";
import { AnalysisSession } from "../../src/app/session.js";
import { summaryOf } from "../../src/app/summary-workspace.js";
import { whatifReport } from "../../src/app/whatif.js";
import { parseAsOf } from "../../src/app/workspace.js";
import { configSchema } from "../../src/config/schema.js";
import type { KnowledgeMode } from "../../src/core/knowledge/index.js";
import { Store } from "../../src/store/store.js";
import { bot, makeRepo, person, type TestRepo } from "../helpers/gitrepo.js";

const ADA = person("Ada");
const ADA_OLD = "Ada L <ada@old.example.com>";
const BEA = person("Bea");
const CY = person("Cy");
const DEV = person("Dev");
const NOW = new Date("2025-06-01T00:00:00Z");

let repo: TestRepo;
let store: Store;

/** A history with what the summaries must reproduce: renames (one by a bot), co-authors, an alias
 * through .mailmap, a re-added file, a merge, a former contributor and a commit dated 1970. */
function buildHistory(): void {
  repo.commit({
    author: DEV,
    date: "2023-01-05T10:00:00Z",
    files: { "src/a.ts": "a\n", "src/b.ts": "b\n", "docs/guide.md": "g\n" },
  });
  repo.commit({
    author: ADA_OLD,
    date: "2024-11-02T10:00:00Z",
    files: { "src/a.ts": "a2\n", "lib/x.ts": "x\n", ".mailmap": `${ADA} ${ADA_OLD}\n` },
  });
  repo.commit({
    author: BEA,
    date: "2025-01-10T10:00:00Z",
    renames: { "src/a.ts": "core/a.ts" },
    files: { "core/a.ts": "a2\nmore\n" },
    coAuthors: [ADA, ADA_OLD],
  });
  repo.commit({
    author: bot("dependabot"),
    date: "2025-02-01T10:00:00Z",
    renames: { "lib/x.ts": "lib/y.ts" },
  });
  repo.commit({
    author: CY,
    date: "2025-02-03T10:00:00Z",
    files: { "lib/y.ts": "y\n", "src/b.ts": null },
  });
  repo.branch("topic");
  repo.commit({ author: CY, date: "2025-03-01T10:00:00Z", files: { "src/b.ts": "b again\n" } });
  repo.checkout("main");
  repo.commit({ author: BEA, date: "2025-03-02T10:00:00Z", files: { "docs/guide.md": "g2\n" } });
  repo.merge("topic", { author: ADA, date: "2025-03-05T10:00:00Z" });
  repo.commit({ author: DEV, date: "1970-01-01T00:00:00Z", files: { "docs/old.md": "o\n" } });
  repo.commit({
    author: CY,
    date: "2025-04-01T10:00:00Z",
    files: { "core/a.ts": "a3\n" },
    coAuthors: [bot("renovate"), BEA],
  });
}

async function scan(ref?: string, batchSize?: number) {
  return scanRepositories([repo.dir], {
    store,
    renameLimit: 0,
    parallelism: 2,
    now: () => NOW,
    ...(ref ? { ref } : {}),
    ...(batchSize ? { batchSize } : {}),
  });
}

function session(scans: Awaited<ReturnType<typeof scan>>) {
  return new AnalysisSession({
    store,
    config: configSchema.parse({ activeDays: 90 }),
    baseDir: repo.dir,
    scans,
  });
}

beforeEach(async () => {
  repo = makeRepo();
  store = await Store.open(join(repo.root, "summary.db"));
});

afterEach(async () => {
  await store.close();
  repo.cleanup();
});

describe("knowledge read from history summaries", () => {
  it("gives the same reports as the stored commits, in both modes and for whatif", async () => {
    buildHistory();
    const scans = await scan();
    const asOf = parseAsOf(undefined, NOW);
    const config = configSchema.parse({ activeDays: 90 });
    for (const mode of ["default", "avelino2016"] as KnowledgeMode[]) {
      const analysed = session(scans);
      const fromSummaries = await analysed.summaryWorkspace(asOf, identitiesFor(mode));
      expect(fromSummaries).not.toBeNull();
      expect(summaryOf(fromSummaries!.repositories[0]!)).toBeDefined();
      const fromCommits = await analysed.workspace(asOf, identitiesFor(mode));
      expect(summaryOf(fromCommits.repositories[0]!)).toBeUndefined();
      const expected = knowledgeReport(fromCommits, { config, mode });
      expect(knowledgeReport(fromSummaries!, { config, mode })).toEqual(expected);
      // The history is what makes the figures: renames followed, the bot's rename not.
      const whole = expected.repositories[0]!;
      expect(whole.universe).toMatchObject({ commits: 9, merges: 1, botCommits: 1 });
      expect(whole.caveats.join(" ")).toContain("impossible dates");
      const scoped = knowledgeReport(fromSummaries!, { config, mode, area: "core" });
      expect(scoped).toEqual(knowledgeReport(fromCommits, { config, mode, area: "core" }));
    }
    const analysed = session(scans);
    const fromSummaries = (await analysed.summaryWorkspace(asOf))!;
    const fromCommits = await analysed.workspace(asOf);
    const leave = [fromCommits.identities.find("bea@example.com")[0]!.id];
    expect(whatifReport(fromSummaries, leave, { config, mode: "default" })).toEqual(
      whatifReport(fromCommits, leave, { config, mode: "default" }),
    );
  });

  it("is set aside for another date, another stored ref, a future-dated commit or packs without summaries", async () => {
    buildHistory();
    let scans = await scan();
    const now = parseAsOf(undefined, NOW);
    expect(await session(scans).summaryWorkspace(now)).not.toBeNull();
    expect(await session(scans).summaryWorkspace(parseAsOf("2025-05-01", NOW))).toBeNull();

    // Packs stored before summaries existed: none until the history is loaded whole.
    await store.db.deleteFrom("history_summaries").execute();
    expect(await session(scans).summaryWorkspace(now)).toBeNull();
    await session(scans).workspace(now);
    expect(await session(scans).summaryWorkspace(now)).not.toBeNull();

    // A commit dated after the analysed moment.
    repo.commit({ author: BEA, date: "2025-07-01T10:00:00Z", files: { "docs/next.md": "n\n" } });
    scans = await scan();
    expect(await session(scans).summaryWorkspace(now)).toBeNull();
    expect(
      await session(scans).summaryWorkspace(parseAsOf(undefined, new Date("2025-08-01"))),
    ).not.toBeNull();

    // Another ref stored beside the head's history.
    repo.branch("side", "topic");
    repo.commit({ author: CY, date: "2025-04-10T10:00:00Z", files: { "side.ts": "s\n" } });
    repo.checkout("main");
    await scan("side");
    expect(
      await session(scans).summaryWorkspace(parseAsOf(undefined, new Date("2025-08-01"))),
    ).toBeNull();
  });

  it("follows packs merged when the history is loaded: the merged pack gets the summary of all", async () => {
    buildHistory();
    await scan(undefined, 1);
    for (let i = 0; i < 8; i++)
      repo.commit({
        author: CY,
        date: `2025-04-0${i + 2}T10:00:00Z`,
        files: { [`n${i}.ts`]: "n\n" },
      });
    const scans = await scan(undefined, 1);
    const id = (await store.repository(repo.dir))!.id;
    expect((await store.loadSummaries(id))?.bodies.length).toBe(18); // one per commit
    const asOf = parseAsOf(undefined, NOW);
    const config = configSchema.parse({ activeDays: 90 });
    const fromCommits = await session(scans).workspace(asOf); // merges the small packs
    const merged = await store.loadSummaries(id);
    expect(merged?.bodies.length).toBeLessThan(18);
    expect(merged?.commits).toBe(18);
    const fromSummaries = await session(scans).summaryWorkspace(asOf);
    expect(fromSummaries).not.toBeNull();
    expect(knowledgeReport(fromSummaries!, { config, mode: "default" })).toEqual(
      knowledgeReport(fromCommits, { config, mode: "default" }),
    );
  });
});
