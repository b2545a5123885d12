/**
 * `npm run bench:delivery`: importing 100,000 pull requests (with their reviews, commits and
 * comments), deployments and incidents, then computing every flow and delivery metric over them.
 *
 *   npm run bench:delivery [-- --prs 100000 --repo <path>]
 *
 * The pull requests point at commits of the generated benchmark repository (bench/run.ts makes it),
 * so areas, deployment ranges and lead times are real joins, not stubs. Measures, each in a fresh
 * process: the import's wall time and peak RSS (the import streams: memory must not grow with the
 * file), `legible flow --json` and `legible dora --json` end to end, and in one process the pure
 * metric computations alone (target: under 2 s). Results: bench/results/delivery-<n>prs.json and
 * a row in bench/results/README.md.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generate } from "./generate.js";

const root = resolve(import.meta.dirname, "..");
const work = join(root, "bench", ".work");
const bin = join(root, "bin", "legible.js");
const { values } = parseArgs({
  options: { prs: { type: "string", default: "100000" }, repo: { type: "string" } },
});
const PRS = Number(values.prs);

/** A tiny seeded PRNG so the generated files are the same every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function run(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ seconds: number; stdout: string; rssMiB: number | null }> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ["--import", join(root, "bench", "rss.mjs"), bin, ...args],
      {
        cwd,
        env: { ...process.env, NO_COLOR: "1", ...env },
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    child.on("close", (code) => {
      if (code !== 0)
        return reject(
          new Error(`legible ${args.join(" ")} exited ${code}: ${stderr.slice(0, 800)}`),
        );
      const rss = /LEGIBLE_MAXRSS_KIB=(\d+)/.exec(stderr);
      resolvePromise({
        seconds: (performance.now() - started) / 1000,
        stdout,
        rssMiB: rss ? Number(rss[1]) / 1024 : null,
      });
    });
  });
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const repo = values.repo ? resolve(values.repo) : join(work, "generated-100000c-20000f");
  if (!existsSync(repo)) {
    process.stderr.write("generating the benchmark repository …\n");
    await generate({ dir: repo, commits: 100_000, files: 20_000, seed: 1, force: true });
  }
  const git = (...args: string[]) =>
    spawnSync("git", ["-C", repo, ...args], { encoding: "utf8", maxBuffer: 1 << 30 }).stdout;
  const firstParent = git(
    "rev-list",
    "--first-parent",
    "--format=%H %ct",
    "--no-commit-header",
    "HEAD",
  )
    .trim()
    .split("\n")
    .map((line) => line.split(" "))
    .reverse();
  const lastTime = Number(firstParent.at(-1)![1]);
  const now = new Date(lastTime * 1000).toISOString();

  // Pull requests: each merged as one of the first-parent commits (a squash merge), authors and
  // reviewers drawn with a skew, created 1–72 hours before the merge.
  const rnd = random(42);
  const people = Array.from({ length: 300 }, (_, i) => `dev${i}`);
  const pick = () => people[Math.floor(people.length * rnd() ** 2)]!;
  const prFile = join(work, `prs-${PRS}.json`);
  process.stderr.write(`writing ${PRS} pull requests …\n`);
  await new Promise<void>((done) => {
    const out = createWriteStream(prFile);
    out.write("[\n");
    for (let i = 0; i < PRS; i++) {
      const [sha, time] = firstParent[Math.floor((i * firstParent.length) / PRS)]!;
      const merged = Number(time);
      const created = merged - Math.floor(3600 * (1 + rnd() * 71));
      const author = pick();
      const reviewer = pick() === author ? pick() : pick();
      const iso = (t: number) => new Date(t * 1000).toISOString();
      const pull = {
        number: i + 1,
        title: `change ${i + 1}`,
        user: { login: author },
        state: "closed",
        created_at: iso(created),
        closed_at: iso(merged),
        merged_at: iso(merged),
        merge_commit_sha: sha,
        labels: i % 40 === 0 ? [{ name: "hotfix" }] : [],
        base: { ref: "main", repo: { full_name: "acme/bench" } },
        head: { ref: `topic-${i}` },
        reviews: [
          {
            id: i * 2 + 1,
            user: { login: reviewer },
            state: "APPROVED",
            submitted_at: iso(created + Math.floor((merged - created) * rnd())),
          },
        ],
        commits: [
          {
            sha,
            commit: {
              author: { name: author, email: `${author}@example.com`, date: iso(created - 3600) },
            },
            author: { login: author },
          },
        ],
        comments: [{ id: i, user: { login: reviewer }, created_at: iso(created + 600) }],
      };
      out.write(`${i === 0 ? "" : ",\n"}${JSON.stringify(pull)}`);
    }
    out.end("\n]\n", () => done());
  });
  const deployFile = join(work, "deployments.csv");
  const deployLines = ["id,repository,environment,result,commit_sha,started_at,finished_at,name"];
  for (let i = 0; i < firstParent.length; i += 20) {
    const [sha, time] = firstParent[i]!;
    const t = Number(time) + 1800;
    deployLines.push(
      `d${i},acme/bench,production,${i % 25 === 0 ? "failure" : "success"},${sha},${new Date((t - 600) * 1000).toISOString()},${new Date(t * 1000).toISOString()},release-${i}`,
    );
  }
  writeFileSync(deployFile, `${deployLines.join("\n")}\n`);
  const incidentFile = join(work, "incidents.csv");
  const incidentLines = ["id,title,created_at,resolved_at,service,severity,responders"];
  for (let i = 0; i < 3000; i++) {
    const [, time] = firstParent[Math.floor(rnd() * firstParent.length)]!;
    const created = Number(time) + 7200;
    incidentLines.push(
      `i${i},incident ${i},${new Date(created * 1000).toISOString()},${new Date((created + 3600 * (1 + rnd() * 20)) * 1000).toISOString()},svc${i % 12},SEV${1 + (i % 3)},${pick()};${pick()}`,
    );
  }
  writeFileSync(incidentFile, `${incidentLines.join("\n")}\n`);

  const db = join(work, "delivery.db");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${db}${suffix}`, { force: true });
  const env = { LEGIBLE_NOW: now };
  process.stderr.write("scan …\n");
  await run(["scan", repo, "--db", db, "--json"], repo, env);
  process.stderr.write("import pull requests …\n");
  const importPrs = await run(["import", "prs", prFile, "--db", db, "--json"], repo, env);
  const reimportPrs = await run(["import", "prs", prFile, "--db", db, "--json"], repo, env);
  const importDeployments = await run(
    ["import", "deployments", deployFile, "--db", db, "--json"],
    repo,
    env,
  );
  const importIncidents = await run(
    ["import", "incidents", incidentFile, "--db", db, "--json"],
    repo,
    env,
  );
  process.stderr.write("flow and dora …\n");
  // The whole history: every pull request, deployment and incident counts.
  const firstTime = Number(firstParent[0]![1]);
  const period = ["--since", new Date(firstTime * 1000).toISOString().slice(0, 10)];
  const flow = await run(["flow", repo, ...period, "--db", db, "--json"], repo, env);
  const dora = await run(["dora", repo, ...period, "--db", db, "--json"], repo, env);
  const phases = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      join(root, "bench", "delivery-phases.ts"),
      repo,
      db,
      now,
      String(firstTime),
    ],
    {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 1 << 28,
    },
  );
  if (phases.status !== 0) throw new Error(phases.stderr);
  const metrics = JSON.parse(phases.stdout) as Record<string, number>;
  const imported = JSON.parse(importPrs.stdout) as {
    imports: { rows: number; rejected: unknown[] }[];
  };
  const reimported = JSON.parse(reimportPrs.stdout) as {
    imports: { stored: { inserted: number; updated: number; unchanged: number } }[];
  };
  const result = {
    name: `delivery-${PRS}prs`,
    date: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? "unknown", node: process.version },
    inputs: {
      pullRequests: imported.imports[0]!.rows,
      prFileMiB: statSync(prFile).size / 1024 / 1024,
      deployments: deployLines.length - 1,
      incidents: incidentLines.length - 1,
    },
    seconds: {
      importPullRequests: importPrs.seconds,
      reimportPullRequests: reimportPrs.seconds,
      importDeployments: importDeployments.seconds,
      importIncidents: importIncidents.seconds,
      flowCli: flow.seconds,
      doraCli: dora.seconds,
      ...metrics,
    },
    peakRssMiB: {
      importPullRequests: importPrs.rssMiB,
      flowCli: flow.rssMiB,
      doraCli: dora.rssMiB,
    },
    reimport: reimported.imports[0]!.stored,
    targets: {
      importStreams: (importPrs.rssMiB ?? Infinity) < statSync(prFile).size / 1024 / 1024 + 200,
      metricsUnder2s: (metrics.allMetrics ?? Infinity) < 2,
      reimportChangesNothing:
        reimported.imports[0]!.stored.inserted === 0 && reimported.imports[0]!.stored.updated === 0,
    },
  };
  const resultsDir = join(root, "bench", "results");
  writeFileSync(join(resultsDir, `${result.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const readme = join(resultsDir, "README.md");
  if (!readFileSync(readme, "utf8").includes("## Delivery records")) {
    appendFileSync(
      readme,
      "\n## Delivery records\n\nWritten by `npm run bench:delivery` (bench/delivery.ts): import wall time and peak RSS, re-import of the same file, and every flow and DORA metric computed in one process (CLI wall times beside).\n\n| date | run | input | import | re-import | metrics |\n|---|---|---|---|---|---|\n",
    );
  }
  appendFileSync(
    readme,
    `| ${result.date.slice(0, 10)} | ${result.name} | ${result.inputs.pullRequests} PRs (${result.inputs.prFileMiB.toFixed(0)} MiB) | import ${importPrs.seconds.toFixed(1)} s, peak ${importPrs.rssMiB?.toFixed(0)} MiB | re-import ${reimportPrs.seconds.toFixed(1)} s | metrics ${(metrics.allMetrics ?? 0).toFixed(2)} s (flow CLI ${flow.seconds.toFixed(1)} s, dora CLI ${dora.seconds.toFixed(1)} s) |\n`,
  );
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

await main();
