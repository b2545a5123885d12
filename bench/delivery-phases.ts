/**
 * Times the phases behind `legible flow` and `legible dora` in one process:
 *   node --import tsx bench/delivery-phases.ts <repo> <db> <now ISO> [<since, Unix seconds>]
 * Prints JSON seconds: loadDelivery (records from SQLite, joins with history, people, knowledge),
 * flowMetrics (review friction, its trend, incidents), doraMetrics (the four keys and rework rate),
 * allMetrics (both).
 */
import { availableParallelism } from "node:os";
import { deliveryContext } from "../src/app/delivery.js";
import { deliveryReport, flowReport } from "../src/app/flow.js";
import { scanRepositories } from "../src/app/scan.js";
import { parseAsOf, prepareWorkspace } from "../src/app/workspace.js";
import { configSchema } from "../src/config/schema.js";
import { Store } from "../src/store/store.js";

const [repo, db, nowText, sinceText] = process.argv.slice(2);
if (!repo || !db || !nowText) throw new Error("usage: delivery-phases <repo> <db> <now>");
const now = new Date(nowText);
const config = configSchema.parse({});
const store = await Store.open(db);
const scans = await scanRepositories([repo], {
  store,
  renameLimit: 0,
  parallelism: availableParallelism(),
  now: () => now,
});
const workspace = await prepareWorkspace(scans, {
  store,
  config,
  asOf: parseAsOf(undefined, now),
  filesFrom: null,
});
const until = Math.floor(now.getTime() / 1000);
const period = { since: sinceText ? Number(sinceText) : until - 90 * 86_400, until };
const t0 = performance.now();
const context = await deliveryContext(workspace, store, config);
const t1 = performance.now();
const flow = flowReport(context, { period, config });
const t2 = performance.now();
const dora = deliveryReport(context, { period, config, mode: "default" });
const t3 = performance.now();
await store.close();
process.stdout.write(
  `${JSON.stringify({
    loadDelivery: (t1 - t0) / 1000,
    flowMetrics: (t2 - t1) / 1000,
    doraMetrics: (t3 - t2) / 1000,
    allMetrics: (t3 - t1) / 1000,
    pullRequestsCounted: flow.friction.universe.pullRequests.counted,
    deploymentsCounted: dora.deploymentFrequency.universe.deployments?.counted ?? 0,
  })}\n`,
);
