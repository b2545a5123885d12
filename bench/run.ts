/**
 * `npm run bench`: legible's performance targets, measured against a baseline taken in the same run.
 *
 *   npm run bench                         # generated repository: 100,000 commits, 20,000 files
 *   npm run bench -- --repo <path>        # any real repository instead
 *   npm run bench -- --commits 20000 --files 5000   # a smaller generated one
 *
 * Measures, each in a fresh process:
 *   baseline   `git log --no-merges --name-status -M` on the same repository (what a scan must read)
 *   full scan  `legible scan` into an empty database               target ≤ 1.25× baseline
 *   rescan     `legible scan` again with nothing new              target ≤ 0.5 s
 *   1,000 new  scan of HEAD after a scan of an older ref           target: proportional to the new commits
 *   knowledge  every file and every area of the repository        target ≤ 2 s
 *   memory     peak RSS of the legible process during the full scan  target ≤ 1 GiB
 * Results are written to bench/results/<name>.json and appended to bench/results/README.md.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generate } from "./generate.js";

const root = resolve(import.meta.dirname, "..");
const work = join(root, "bench", ".work");
const bin = join(root, "bin", "legible.js");

interface Timing {
  seconds: number;
  maxRssMiB?: number;
}

const { values } = parseArgs({
  options: {
    repo: { type: "string" },
    commits: { type: "string", default: "100000" },
    files: { type: "string", default: "20000" },
    runs: { type: "string", default: "2" },
  },
});

/** Runs a command, discarding stdout, and returns wall time and the peak RSS GNU time reports when present. */
function timeCommand(
  command: string,
  args: string[],
  cwd: string,
): Promise<Timing & { stdout: string; bytes: number }> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    let bytes = 0;
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (stdout.length < 1_000_000) stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0)
        return reject(
          new Error(`${command} ${args.join(" ")} exited ${code}: ${stderr.slice(0, 500)}`),
        );
      const rss = /LEGIBLE_MAXRSS_KIB=(\d+)/.exec(stderr);
      resolvePromise({
        seconds,
        stdout,
        bytes,
        ...(rss ? { maxRssMiB: Number(rss[1]) / 1024 } : {}),
      });
    });
  });
}

/** The best of `runs` timings (the least disturbed by whatever else the machine is doing). */
async function best(
  runs: number,
  make: () => Promise<Timing & { stdout: string }>,
  before?: () => void,
): Promise<Timing & { stdout: string }> {
  let winner: (Timing & { stdout: string }) | null = null;
  for (let i = 0; i < runs; i++) {
    before?.();
    const timing = await make();
    if (!winner || timing.seconds < winner.seconds) winner = timing;
  }
  return winner!;
}

function legible(args: string[], cwd: string) {
  // bench/rss.mjs makes the process print its peak RSS on exit.
  return timeCommand(
    process.execPath,
    ["--import", join(root, "bench", "rss.mjs"), bin, ...args],
    cwd,
  );
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const runs = Number(values.runs);
  let repo: string;
  let name: string;
  let generated: unknown = null;
  if (values.repo) {
    repo = resolve(values.repo);
    name = repo.split("/").at(-1) ?? "repo";
  } else {
    const commits = Number(values.commits);
    const files = Number(values.files);
    name = `generated-${commits}c-${files}f`;
    repo = join(work, name);
    const marker = join(work, `${name}.json`);
    if (!existsSync(marker)) {
      process.stderr.write(`generating ${name} …\n`);
      generated = await generate({ dir: repo, commits, files, seed: 1, force: true });
      writeFileSync(marker, JSON.stringify(generated));
    } else {
      generated = JSON.parse(readFileSync(marker, "utf8"));
    }
  }
  // Judge activity at the generated history's last date, so its recent authors count as active.
  const lastDate = (generated as { lastDate?: string } | null)?.lastDate;
  if (lastDate) process.env.LEGIBLE_NOW = lastDate;
  const git = (...args: string[]) =>
    spawnSync("git", ["-C", repo, ...args], { encoding: "utf8", maxBuffer: 1 << 30 }).stdout.trim();
  const totalCommits = Number(git("rev-list", "--count", "HEAD"));
  const filesAtHead = git("ls-tree", "-r", "--name-only", "HEAD").split("\n").length;
  process.stderr.write(`${name}: ${totalCommits} commits, ${filesAtHead} files at HEAD\n`);

  const db = join(work, "bench.db");
  const freshDb = () => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${db}${suffix}`, { force: true });
  };

  process.stderr.write("baseline: git log --no-merges --name-status -M …\n");
  const baseline = await best(runs, () =>
    timeCommand("git", ["-C", repo, "log", "--no-merges", "--name-status", "-M"], repo),
  );

  process.stderr.write("full scan …\n");
  const full = await best(runs, () => legible(["scan", repo, "--db", db, "--json"], repo), freshDb);

  process.stderr.write("rescan with nothing new …\n");
  const rescan = await best(3, () => legible(["scan", repo, "--db", db, "--json"], repo));

  process.stderr.write("knowledge …\n");
  const knowledgeCli = await best(runs, () =>
    legible(["knowledge", repo, "--db", db, "--json"], repo),
  );
  const analysis = await best(runs, () =>
    timeCommand(
      process.execPath,
      ["--import", "tsx", join(root, "bench", "knowledge-phases.ts"), repo, db],
      root,
    ),
  );
  const phases = JSON.parse(analysis.stdout) as Record<string, number>;

  // Scans of HEAD after a scan of HEAD~n: the time should follow the new commits, not the history.
  const incrementals: { firstParentSteps: number; newCommits: number; seconds: number }[] = [];
  // A small real repository may have fewer first-parent commits than 4,000: take steps that fit.
  const depth = Number(git("rev-list", "--first-parent", "--count", "HEAD"));
  const fitting = [1000, 4000].filter((steps) => steps < depth);
  const stepsToMeasure =
    fitting.length === 2 ? fitting : [Math.floor(depth / 8), Math.floor(depth / 2)];
  for (const steps of stepsToMeasure) {
    process.stderr.write(`${steps} new first-parent commits …\n`);
    const base = git("rev-parse", `HEAD~${steps}`);
    const newCommits = Number(git("rev-list", "--count", `${base}..HEAD`));
    const timing = await best(
      runs,
      () => legible(["scan", repo, "--db", db, "--json"], repo),
      () => {
        freshDb();
        const prepared = spawnSync(
          process.execPath,
          [bin, "scan", repo, "--ref", base, "--db", db, "--json"],
          { encoding: "utf8" },
        );
        if (prepared.status !== 0) throw new Error(prepared.stderr);
      },
    );
    const read = (JSON.parse(timing.stdout) as { repositories: { newCommits: number }[] })
      .repositories[0]!.newCommits;
    if (read !== newCommits)
      throw new Error(`incremental scan read ${read} commits, expected ${newCommits}`);
    incrementals.push({ firstParentSteps: steps, newCommits, seconds: timing.seconds });
  }
  const [small, large] = incrementals as [
    (typeof incrementals)[number],
    (typeof incrementals)[number],
  ];
  const incremental = small;
  const newCommits = small.newCommits;

  const result = {
    name,
    date: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? "unknown",
      node: process.version,
      git: git("--version") || spawnSync("git", ["--version"], { encoding: "utf8" }).stdout.trim(),
    },
    repository: { commits: totalCommits, filesAtHead, generated },
    seconds: {
      baselineGitLog: baseline.seconds,
      fullScan: full.seconds,
      rescanNothingNew: rescan.seconds,
      incremental: incremental.seconds,
      incrementalLarger: large.seconds,
      knowledgeCli: knowledgeCli.seconds,
      ...phases,
    },
    incremental: incrementals,
    ratios: {
      fullScanVsGitLog: full.seconds / baseline.seconds,
      incrementalVsFullScan: incremental.seconds / full.seconds,
      newCommitShare: newCommits / totalCommits,
      // Above the fixed cost of a scan that finds nothing, time per new commit at both sizes.
      msPerNewCommitSmall: ((small.seconds - rescan.seconds) * 1000) / small.newCommits,
      msPerNewCommitLarge: ((large.seconds - rescan.seconds) * 1000) / large.newCommits,
      msPerCommitFullScan: (full.seconds * 1000) / totalCommits,
    },
    peakRssMiB: { fullScan: full.maxRssMiB ?? null, knowledgeCli: knowledgeCli.maxRssMiB ?? null },
    targets: {
      fullScanAtMost125xGitLog: full.seconds / baseline.seconds <= 1.25,
      rescanAtMostHalfSecond: rescan.seconds <= 0.5,
      knowledgeAnalysesAtMost2s: (phases.analyseAllAreas ?? Infinity) <= 2,
      peakMemoryAtMost1GiB: (full.maxRssMiB ?? Infinity) <= 1024,
    },
  };
  const resultsDir = join(root, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const s = result.seconds;
  const line = `| ${result.date.slice(0, 10)} | ${name} | ${totalCommits} | ${filesAtHead} | ${s.baselineGitLog.toFixed(2)} | ${s.fullScan.toFixed(2)} (${result.ratios.fullScanVsGitLog.toFixed(2)}×) | ${s.rescanNothingNew.toFixed(2)} | ${s.incremental.toFixed(2)} for ${small.newCommits}, ${large.seconds.toFixed(2)} for ${large.newCommits} | ${(phases.analyseAllAreas ?? 0).toFixed(2)} (CLI ${s.knowledgeCli.toFixed(2)}) | ${full.maxRssMiB?.toFixed(0) ?? "?"} |\n`;
  const readme = join(resultsDir, "README.md");
  if (!existsSync(readme)) {
    writeFileSync(
      readme,
      "# Benchmark results\n\nWritten by `npm run bench` (see bench/run.ts). Times in seconds, best of the runs; ratios against `git log --no-merges --name-status -M` measured in the same run.\n\n| date | repository | commits | files | git log | full scan | rescan | incremental | knowledge analyses | peak RSS MiB |\n|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n",
    );
  }
  appendFileSync(readme, line);
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

await main();
