/**
 * `npm run bench`: legible's performance targets (issue 9), measured against baselines taken in the
 * same run, on real repositories and on a generated one.
 *
 *   npm run bench                              # the real repositories below (cloned into
 *                                              # bench/.work when absent) and the generated one
 *   npm run bench -- --repo <path> [--repo …]  # any repositories instead (work trees or bare)
 *   npm run bench -- --no-generated            # leave the generated repository out
 *   npm run bench -- --repo a --repo b --workspace c --workspace d
 *                                              # c and d only in the workspace step (with a and b)
 *   npm run bench -- --commits 20000 --files 5000   # a smaller generated one
 *
 * Real repositories: git/git (82,000 commits, long-lived branches, many merges), expressjs/express
 * (GitHub-style merges of pull requests) and pallets/flask (small). They are looked for in
 * bench/.work/<owner>+<name>.git or $LEGIBLE_BENCH_REPOS/<owner>+<name>.git, else cloned there
 * (bare); one that cannot be had (no network) is skipped with a message.
 *
 * Per repository, each command in a fresh process, wall time and CPU (the process and every child
 * it waited for, from /proc on Linux), and for legible where the CPU went: node itself or git:
 *   floor        `git log --no-merges --name-status -M`: what a scan must read
 *   full scan    `legible scan` into an empty database          target ≤ 1.0× the floor's wall, ≤ 1.5× its CPU
 *   rescan       `legible scan` again, nothing new                target ≤ 0.3 s
 *   1,000 new    scan after a scan of an older first-parent commit, ~1,000 commits new;
 *                its floor is `git log --no-merges --name-status -M <old>..HEAD`   target ≤ 1.5×
 *   knowledge, knowledge --trend, whatif, review on the scanned repository   targets 1, 3, 1, 2 s
 *                computed afresh (--no-cache), then again with the result cache primed
 *   peak RSS of every legible command                              target ≤ 512 MiB
 *   start-up: `node -e 0`, `legible --version`, `legible --help`   target ≤ 2× node
 * With several repositories, they are also scanned together as a workspace (one legible.yaml
 * listing them) against their floors one after the other: target ≤ 1.0×, every core used.
 * The machine's load average is recorded beside each repository: the machine may be shared, and
 * ratios measured in one run are what counts. Results go to bench/results/<name>@<commit>.json and a
 * row per repository is appended to bench/results/README.md.
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
import { cpus, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generate } from "./generate.js";

const root = resolve(import.meta.dirname, "..");
const work = join(root, "bench", ".work");
const bin = join(root, "bin", "legible.js");

const REAL = [
  { name: "git+git", url: "https://github.com/git/git.git" },
  { name: "expressjs+express", url: "https://github.com/expressjs/express.git" },
  { name: "pallets+flask", url: "https://github.com/pallets/flask.git" },
];

const { values } = parseArgs({
  options: {
    repo: { type: "string", multiple: true },
    workspace: { type: "string", multiple: true },
    generated: { type: "boolean", default: true },
    "no-generated": { type: "boolean", default: false },
    commits: { type: "string", default: "100000" },
    files: { type: "string", default: "20000" },
    runs: { type: "string", default: "2" },
  },
});

interface Timing {
  seconds: number;
  /** User + system CPU of the process and every child it waited for (Linux), else null. */
  cpu: number | null;
  /** legible only: CPU of node itself and of the git processes it ran (Linux). */
  nodeCpu?: number;
  gitCpu?: number;
  maxRssMiB?: number;
  /** legible only: node's minor page faults (see {@link firstTouch}). */
  faults?: number;
  stdout: string;
}

const TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** CPU seconds of the children this process has waited for (Linux /proc), or null elsewhere. */
function childrenCpu(): number | null {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 16 and 17 of stat(5) (cutime, cstime), counted from the state field (3).
    return (Number(fields[13]) + Number(fields[14])) / TICKS;
  } catch {
    return null;
  }
}

/** Runs a command, keeping the start of stdout, and measures wall, CPU and what legible reports. */
function timeCommand(command: string, args: string[], cwd: string): Promise<Timing> {
  return new Promise((resolvePromise, reject) => {
    const cpuBefore = childrenCpu();
    const started = performance.now();
    const child = spawn(command, args, {
      cwd,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      if (stdout.length < 20_000_000) stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      const cpuAfter = childrenCpu();
      if (code !== 0)
        return reject(
          new Error(`${command} ${args.join(" ")} exited ${code}: ${stderr.slice(0, 500)}`),
        );
      const usage = /LEGIBLE_USAGE=(\S+) (\S+) (\S+) (\S+)/.exec(stderr);
      resolvePromise({
        seconds,
        cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
        stdout,
        ...(usage
          ? {
              maxRssMiB: Number(usage[1]) / 1024,
              nodeCpu: Number(usage[2]),
              gitCpu: Number(usage[3]),
              faults: Number(usage[4]),
            }
          : {}),
      });
    });
  });
}

/**
 * What a first touch of memory costs on this machine: a fresh node process fills a new 64 MiB
 * buffer, and reports the time and the minor page faults it took (the best of five). On a virtual
 * machine that maps its guest's memory lazily a fault can cost ten times what it costs on bare
 * metal, and then every MiB a command's heap grows by is time: the `nodeFaults` of each command
 * times `msPerThousandFaults` / 1000 is about what its memory cost it.
 */
function firstTouch(): { mib: number; ms: number; faults: number; msPerThousandFaults: number } {
  const script =
    "const before = process.resourceUsage().minorPageFault; const t = performance.now();" +
    " Buffer.allocUnsafeSlow(64 << 20).fill(1);" +
    " console.log(performance.now() - t, process.resourceUsage().minorPageFault - before);";
  let best: { ms: number; faults: number } | null = null;
  for (let i = 0; i < 5; i++) {
    const out = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" }).stdout.trim();
    const [ms, faults] = out.split(" ").map(Number) as [number, number];
    if (!best || ms < best.ms) best = { ms, faults };
  }
  const { ms, faults } = best!;
  return {
    mib: 64,
    ms: round(ms, 1)!,
    faults,
    msPerThousandFaults: faults > 0 ? round((ms * 1000) / faults)! : 0,
  };
}

/** The best of `runs` timings (the least disturbed by whatever else the machine is doing). */
async function best(runs: number, make: () => Promise<Timing>, before?: () => void) {
  let winner: Timing | null = null;
  for (let i = 0; i < runs; i++) {
    before?.();
    const timing = await make();
    if (!winner || timing.seconds < winner.seconds) winner = timing;
  }
  return winner!;
}

function legible(args: string[], cwd: string) {
  // bench/rss.mjs makes the process print its peak RSS and its own and its children's CPU on exit.
  return timeCommand(
    process.execPath,
    ["--import", join(root, "bench", "rss.mjs"), bin, ...args],
    cwd,
  );
}

function gitIn(repo: string) {
  return (...args: string[]) =>
    spawnSync("git", ["-C", repo, ...args], { encoding: "utf8", maxBuffer: 1 << 30 }).stdout.trim();
}

/** A bare clone of a real repository in bench/.work (or $LEGIBLE_BENCH_REPOS), cloned when absent. */
function realRepository(entry: (typeof REAL)[number]): string | null {
  const dirs = [process.env.LEGIBLE_BENCH_REPOS, work].filter((d): d is string => !!d);
  for (const dir of dirs) {
    const path = join(dir, `${entry.name}.git`);
    if (existsSync(path)) return path;
  }
  const path = join(work, `${entry.name}.git`);
  process.stderr.write(`cloning ${entry.url} into ${path} …\n`);
  const cloned = spawnSync("git", ["clone", "--quiet", "--bare", entry.url, path], {
    stdio: "inherit",
  });
  if (cloned.status === 0) return path;
  rmSync(path, { recursive: true, force: true });
  process.stderr.write(`skipping ${entry.name}: it could not be cloned (offline?)\n`);
  return null;
}

async function generatedRepository(): Promise<{ path: string; name: string; lastDate: string }> {
  const commits = Number(values.commits);
  const files = Number(values.files);
  const name = `generated-${commits}c-${files}f`;
  const path = join(work, name);
  const marker = join(work, `${name}.json`);
  if (!existsSync(marker)) {
    process.stderr.write(`generating ${name} …\n`);
    const summary = await generate({ dir: path, commits, files, seed: 1, force: true });
    writeFileSync(marker, JSON.stringify(summary));
  }
  const summary = JSON.parse(readFileSync(marker, "utf8")) as { lastDate: string };
  return { path, name, lastDate: summary.lastDate };
}

/** The first-parent ancestor of HEAD with about `target` commits after it. */
function baseWithNewCommits(git: ReturnType<typeof gitIn>, target: number) {
  const line = git("rev-list", "--first-parent", "HEAD").split("\n");
  let low = 1;
  let high = line.length - 1;
  const count = (k: number) => Number(git("rev-list", "--count", `${line[k]}..HEAD`));
  if (high < 1 || count(high) < target) return null;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (count(mid) < target) low = mid + 1;
    else high = mid;
  }
  return { base: line[low]!, newCommits: count(low), firstParentSteps: low };
}

const round = (n: number | null | undefined, digits = 2) =>
  n === null || n === undefined ? null : Number(n.toFixed(digits));

function summary(t: Timing) {
  return {
    wall: round(t.seconds),
    cpu: round(t.cpu),
    ...(t.nodeCpu !== undefined ? { nodeCpu: round(t.nodeCpu), gitCpu: round(t.gitCpu) } : {}),
    ...(t.maxRssMiB !== undefined ? { peakRssMiB: Math.round(t.maxRssMiB) } : {}),
    ...(t.faults !== undefined ? { nodeFaults: t.faults } : {}),
  };
}

/** Removes a SQLite store and its WAL files, so the next scan starts from nothing. */
function removeDatabase(db: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${db}${suffix}`, { force: true });
}

async function benchRepository(
  repo: string,
  name: string,
  runs: number,
  startup: Record<string, ReturnType<typeof summary>>,
  memory: ReturnType<typeof firstTouch>,
) {
  const git = gitIn(repo);
  const commit = git("rev-parse", "HEAD");
  const totalCommits = Number(git("rev-list", "--count", "HEAD"));
  const filesAtHead = git("ls-tree", "-r", "--name-only", "HEAD").split("\n").length;
  const loadBefore = loadavg()[0]!;
  process.stderr.write(
    `\n${name} @ ${commit.slice(0, 12)}: ${totalCommits} commits, ${filesAtHead} files\n`,
  );
  const db = join(work, `bench-${name}.db`);
  const freshDb = () => removeDatabase(db);
  const step = (what: string) => process.stderr.write(`  ${what} …\n`);

  step("floor: git log --no-merges --name-status -M");
  const floor = await best(runs, () =>
    timeCommand("git", ["-C", repo, "log", "--no-merges", "--name-status", "-M"], repo),
  );
  step("full scan");
  const full = await best(runs, () => legible(["scan", repo, "--db", db, "--json"], repo), freshDb);
  step("rescan with nothing new");
  const rescan = await best(3, () => legible(["scan", repo, "--db", db, "--json"], repo));

  step("analyses");
  const top = git("log", "-1000", "--format=%ae", "HEAD")
    .split("\n")
    .reduce(
      (counts, email) => counts.set(email, (counts.get(email) ?? 0) + 1),
      new Map<string, number>(),
    );
  const leaver = [...top].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "nobody@example.com";
  // Cold: computed afresh (--no-cache). Warm: after one run stored the result.
  const commands = {
    knowledge: ["knowledge", repo, "--db", db, "--json"],
    knowledgeTrend: ["knowledge", repo, "--db", db, "--trend", "--json"],
    whatif: ["whatif", repo, "--db", db, "--leave", leaver, "--json"],
    review: ["review", repo, "--db", db, "--json"],
  };
  const cached = ["knowledge", "knowledgeTrend", "whatif", "review"] as const;
  const analyses = {} as Record<keyof typeof commands, Timing>;
  for (const [name, args] of Object.entries(commands) as [keyof typeof commands, string[]][]) {
    const cold = (cached as readonly string[]).includes(name) ? [...args, "--no-cache"] : args;
    analyses[name] = await best(runs, () => legible(cold, repo));
  }
  const warm = {} as Record<(typeof cached)[number], Timing>;
  for (const name of cached) {
    await legible(commands[name], repo); // stores the result
    warm[name] = await best(runs, () => legible(commands[name], repo));
    // The analysed time ("now") differs between the runs; everything else must be the same.
    const undated = (stdout: string) =>
      JSON.stringify({ ...JSON.parse(stdout), asOf: null, period: null });
    if (undated(warm[name].stdout) !== undated(analyses[name].stdout))
      process.stderr.write(`  warning: ${name} from the cache differs from the cold run\n`);
  }

  step("1,000 new commits");
  const chosen = baseWithNewCommits(git, 1000);
  let incremental: Record<string, unknown> | null = null;
  if (chosen) {
    const incrementalFloor = await best(runs, () =>
      timeCommand(
        "git",
        ["-C", repo, "log", "--no-merges", "--name-status", "-M", `${chosen.base}..HEAD`],
        repo,
      ),
    );
    const timing = await best(
      runs,
      () => legible(["scan", repo, "--db", db, "--json"], repo),
      () => {
        freshDb();
        const prepared = spawnSync(
          process.execPath,
          [bin, "scan", repo, "--ref", chosen.base, "--db", db, "--json"],
          { encoding: "utf8" },
        );
        if (prepared.status !== 0) throw new Error(prepared.stderr);
      },
    );
    const read = (JSON.parse(timing.stdout) as { repositories: { newCommits: number }[] })
      .repositories[0]!.newCommits;
    if (read !== chosen.newCommits)
      throw new Error(`incremental scan read ${read} commits, expected ${chosen.newCommits}`);
    incremental = {
      newCommits: chosen.newCommits,
      firstParentSteps: chosen.firstParentSteps,
      floor: summary(incrementalFloor),
      scan: summary(timing),
      ratioToFloor: round(timing.seconds / incrementalFloor.seconds),
    };
  }
  const peakRss = Math.max(
    ...[full, rescan, ...Object.values(analyses), ...Object.values(warm)].map(
      (t) => t.maxRssMiB ?? 0,
    ),
  );
  const result = {
    name,
    date: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? "unknown",
      node: process.version,
      git: spawnSync("git", ["--version"], { encoding: "utf8" }).stdout.trim(),
      loadAverage: { before: round(loadBefore), after: round(loadavg()[0]!) },
      firstTouch: memory,
    },
    repository: { path: repo, commit, commits: totalCommits, filesAtHead },
    startup,
    floor: summary(floor),
    fullScan: summary(full),
    rescanNothingNew: summary(rescan),
    incremental,
    analyses: Object.fromEntries(Object.entries(analyses).map(([k, t]) => [k, summary(t)])),
    analysesWarm: Object.fromEntries(Object.entries(warm).map(([k, t]) => [k, summary(t)])),
    ratios: {
      fullScanWallVsFloor: round(full.seconds / floor.seconds),
      fullScanCpuVsFloor: full.cpu !== null && floor.cpu ? round(full.cpu / floor.cpu) : null,
      startupVersionVsNode:
        startup.version && startup.node ? round(startup.version.wall! / startup.node.wall!) : null,
      startupHelpVsNode:
        startup.help && startup.node ? round(startup.help.wall! / startup.node.wall!) : null,
    },
    targets: {
      fullScanWallAtMost1xFloor: full.seconds <= floor.seconds,
      fullScanCpuAtMost1_5xFloor:
        full.cpu !== null && floor.cpu !== null ? full.cpu <= 1.5 * floor.cpu : null,
      rescanAtMost0_3s: rescan.seconds <= 0.3,
      thousandNewAtMost1_5xFloor: incremental ? (incremental.ratioToFloor as number) <= 1.5 : null,
      knowledgeAtMost1s: analyses.knowledge.seconds <= 1,
      knowledgeTrendAtMost3s: analyses.knowledgeTrend.seconds <= 3,
      whatifAtMost1s: analyses.whatif.seconds <= 1,
      reviewAtMost2s: analyses.review.seconds <= 2,
      warmKnowledgeAtMost1s: warm.knowledge.seconds <= 1,
      warmKnowledgeTrendAtMost3s: warm.knowledgeTrend.seconds <= 3,
      warmWhatifAtMost1s: warm.whatif.seconds <= 1,
      warmReviewAtMost2s: warm.review.seconds <= 2,
      peakRssAtMost512MiB: peakRss <= 512,
    },
  };
  freshDb();
  return result;
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const runs = Number(values.runs);
  const targets: { path: string; name: string; now?: string }[] = [];
  if (values.repo && values.repo.length > 0) {
    for (const repo of values.repo) {
      const path = resolve(repo);
      targets.push({ path, name: folderName(path) });
    }
  } else {
    for (const entry of REAL) {
      const path = realRepository(entry);
      if (path) targets.push({ path, name: entry.name });
    }
  }
  if (values.generated && !values["no-generated"] && !(values.repo && values.repo.length > 0)) {
    const generated = await generatedRepository();
    // Judge activity at the generated history's last date, so its recent authors count as active.
    targets.push({ path: generated.path, name: generated.name, now: generated.lastDate });
  }

  process.stderr.write("start-up: node -e 0, legible --version, legible --help\n");
  const startup = {
    node: summary(await best(5, () => timeCommand(process.execPath, ["-e", "0"], root))),
    version: summary(await best(5, () => timeCommand(process.execPath, [bin, "--version"], root))),
    help: summary(await best(5, () => timeCommand(process.execPath, [bin, "--help"], root))),
  };

  process.stderr.write("first touch of memory: a fresh 64 MiB buffer\n");
  const memory = firstTouch();

  const resultsDir = join(root, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  const readme = join(resultsDir, "README.md");
  for (const target of targets) {
    if (target.now) process.env.LEGIBLE_NOW = target.now;
    else delete process.env.LEGIBLE_NOW;
    const result = await benchRepository(target.path, target.name, runs, startup, memory);
    const file = join(resultsDir, `${target.name}@${result.repository.commit.slice(0, 12)}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    appendFileSync(readme, tableRow(result));
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  }
  // The real repositories together (the generated one has a clock of its own), with those given
  // by --workspace, which are measured only here.
  const real = [
    ...targets.filter((t) => t.now === undefined),
    ...(values.workspace ?? []).map((repo) => ({ path: resolve(repo), name: folderName(repo) })),
  ];
  if (real.length > 1) {
    delete process.env.LEGIBLE_NOW;
    const result = await benchWorkspace(real, runs);
    const file = join(resultsDir, `workspace-${real.map((t) => t.name).join("+")}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    appendFileSync(readme, workspaceRow(result));
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  }
}

/** A repository's name in the results: its folder's, without `.git`. */
function folderName(path: string): string {
  return resolve(path)
    .split("/")
    .filter(Boolean)
    .at(-1)!
    .replace(/\.git$/, "");
}

/**
 * The repositories measured together, as a workspace: one `legible scan` of all of them (a
 * legible.yaml listing them) against their floors run one after the other in the same session —
 * the target is time proportional to the history, every core used.
 */
async function benchWorkspace(targets: { path: string; name: string }[], runs: number) {
  const dir = join(work, "workspace");
  mkdirSync(dir, { recursive: true });
  const listed = targets.map((t) => `  - path: ${JSON.stringify(t.path)}\n`).join("");
  writeFileSync(join(dir, "legible.yaml"), `repositories:\n${listed}`);
  const db = join(dir, "bench.db");
  const freshDb = () => removeDatabase(db);
  const loadBefore = loadavg()[0]!;
  process.stderr.write(`\nworkspace of ${targets.map((t) => t.name).join(", ")}\n`);
  const floors = await best(runs, async () => {
    const sum: Timing = { seconds: 0, cpu: 0, stdout: "" };
    for (const target of targets) {
      const floor = await timeCommand(
        "git",
        ["-C", target.path, "log", "--no-merges", "--name-status", "-M"],
        target.path,
      );
      sum.seconds += floor.seconds;
      sum.cpu = sum.cpu === null || floor.cpu === null ? null : sum.cpu + floor.cpu;
    }
    return sum;
  });
  const scan = await best(runs, () => legible(["scan", "--db", db, "--json"], dir), freshDb);
  freshDb();
  const scanned = (JSON.parse(scan.stdout) as { repositories: { storedCommits: number }[] })
    .repositories;
  return {
    date: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      loadAverage: { before: round(loadBefore), after: round(loadavg()[0]!) },
    },
    repositories: targets.map((t) => ({
      name: t.name,
      commit: gitIn(t.path)("rev-parse", "HEAD"),
    })),
    commits: scanned.reduce((sum, r) => sum + r.storedCommits, 0),
    floors: summary(floors),
    scan: summary(scan),
    ratios: {
      wallVsFloors: round(scan.seconds / floors.seconds),
      cpuVsFloors: scan.cpu !== null && floors.cpu ? round(scan.cpu / floors.cpu) : null,
    },
    targets: { wallAtMost1xFloors: scan.seconds <= floors.seconds },
  };
}

function workspaceRow(r: Awaited<ReturnType<typeof benchWorkspace>>): string {
  const names = r.repositories.map((repo) => `${repo.name} @ ${repo.commit.slice(0, 12)}`);
  return `| ${r.date.slice(0, 10)} | ${names.join(", ")} | ${r.commits} | ${r.machine.loadAverage.before}–${r.machine.loadAverage.after} | ${r.floors.wall} (${r.floors.cpu ?? "?"}) | ${r.scan.wall} (${r.scan.cpu ?? "?"}): ${r.ratios.wallVsFloors}× wall, ${r.ratios.cpuVsFloors ?? "?"}× CPU; node ${r.scan.nodeCpu ?? "?"}, git ${r.scan.gitCpu ?? "?"} |\n`;
}

function tableRow(r: Awaited<ReturnType<typeof benchRepository>>): string {
  const t = (s: { wall: number | null; cpu: number | null }) => `${s.wall} (${s.cpu ?? "?"})`;
  const inc = r.incremental as {
    newCommits: number;
    scan: { wall: number };
    floor: { wall: number };
    ratioToFloor: number;
  } | null;
  const a = r.analyses;
  const w = r.analysesWarm;
  return `| ${r.date.slice(0, 10)} | ${r.name} @ ${r.repository.commit.slice(0, 12)} | ${r.repository.commits} | ${r.machine.loadAverage.before}–${r.machine.loadAverage.after} | ${t(r.floor)} | ${t(r.fullScan)}: ${r.ratios.fullScanWallVsFloor}× wall, ${r.ratios.fullScanCpuVsFloor ?? "?"}× CPU; node ${r.fullScan.nodeCpu ?? "?"}, git ${r.fullScan.gitCpu ?? "?"} | ${r.rescanNothingNew.wall} | ${inc ? `${inc.scan.wall} for ${inc.newCommits} (${inc.ratioToFloor}× their floor ${inc.floor.wall})` : "-"} | ${t(a.knowledge!)} / ${t(a.knowledgeTrend!)} / ${t(a.whatif!)} / ${t(a.review!)}; cached ${t(w.knowledge!)} / ${t(w.knowledgeTrend!)} / ${t(w.whatif!)} / ${t(w.review!)} | ${Math.max(r.fullScan.peakRssMiB ?? 0, ...[...Object.values(a), ...Object.values(w)].map((s) => s.peakRssMiB ?? 0))} | ${r.startup.node!.wall} / ${r.startup.version!.wall} / ${r.startup.help!.wall} |\n`;
}

await main();
