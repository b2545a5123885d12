/**
 * Times the phases behind `legible knowledge` on an already scanned repository, in one process:
 *   node --import tsx bench/knowledge-phases.ts <repo> <db>
 * Prints JSON seconds: loadAndPrepare (store → history, tree, filters, identities), records
 * (authorship records), analyseAllAreas (DOA for every file, truck factor for every area).
 */
import { availableParallelism } from "node:os";
import { scanRepositories } from "../src/app/scan.js";
import {
  authorshipRecords,
  componentMatchers,
  parseAsOf,
  prepareWorkspace,
} from "../src/app/workspace.js";
import { clockFromEnv } from "../src/cli/io.js";
import { configSchema } from "../src/config/schema.js";
import { analyseKnowledge } from "../src/core/knowledge/index.js";
import { Store } from "../src/store/store.js";

const [repo, db] = process.argv.slice(2);
if (!repo || !db) throw new Error("usage: knowledge-phases <repo> <db>");
const config = configSchema.parse({});
const now = clockFromEnv(process.env)();
const store = await Store.open(db);
const scans = await scanRepositories([repo], {
  store,
  renameLimit: 0,
  parallelism: availableParallelism(),
  now: () => now,
});
const t0 = performance.now();
const workspace = await prepareWorkspace(scans, {
  store,
  config,
  asOf: parseAsOf(undefined, now),
  filesFrom: null,
});
const t1 = performance.now();
const repository = workspace.repositories[0]!;
const records = authorshipRecords(workspace, repository);
const t2 = performance.now();
const result = analyseKnowledge({
  records,
  files: repository.files.kept,
  lastActive: workspace.lastActive,
  asOf: workspace.asOf.time,
  activeDays: config.activeDays,
  mode: "default",
  depth: config.areas.depth,
  components: componentMatchers(config),
});
const t3 = performance.now();
await store.close();
process.stdout.write(
  `${JSON.stringify({
    loadAndPrepare: (t1 - t0) / 1000,
    records: (t2 - t1) / 1000,
    analyseAllAreas: (t3 - t1) / 1000,
    recordCount: records.length,
    areas: result.areas.length + 1,
    filesScored: result.filesScored,
  })}\n`,
);
