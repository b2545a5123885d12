/**
 * Generates a large synthetic git repository quickly, through a single `git fast-import` stream.
 *
 *   npx tsx bench/generate.ts <dir> [--commits 100000] [--files 20000] [--authors 400] [--seed 1]
 *       [--years 8] [--end 2026-01-01T00:00:00Z] [--checkout] [--bare] [--gc] [--force]
 *
 * Shape: about `--files` files at the end in a tree of depth 2–4 (~60 areas under ~9 top-level
 * directories), authors with Zipf-like activity who join and leave over `--years` years, commits of
 * 1–8 changes (mostly modifications in one area, some additions, a few deletions, ~1 % of commits
 * with an exact rename), a handful of bulk commits of 50–200 files (new module, reformat, directory
 * move), `Co-authored-by` trailers, bot commits (dependabot, renovate), duplicate identities partly
 * folded by a `.mailmap` committed in the first commit, and ~5 % merge commits of side branches
 * (clean merges: a side branch only touches files main leaves alone until the merge).
 *
 * Deterministic for a given seed and options: the same commit ids every time.
 * Prints a one-line JSON summary on stdout.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

export interface GenerateOptions {
  dir: string;
  commits?: number;
  files?: number;
  authors?: number;
  seed?: number;
  years?: number;
  /** ISO date of the last commit (approximately). */
  end?: string;
  /** Check out the work tree (`git reset --hard`). Without it, HEAD is set but nothing is checked out. */
  checkout?: boolean;
  /** Create a bare repository instead (implies no checkout). */
  bare?: boolean;
  /** Repack (`git repack -a -d`) and write a commit-graph afterwards, like a gc'd repository. */
  gc?: boolean;
  /** Remove `dir` first if it exists. */
  force?: boolean;
}

export interface GenerateSummary {
  dir: string;
  seed: number;
  commits: number;
  merges: number;
  nonMergeCommits: number;
  sideBranchCommits: number;
  botCommits: number;
  coAuthoredCommits: number;
  bulkCommits: number;
  renames: number;
  additions: number;
  deletions: number;
  modifications: number;
  filesAtHead: number;
  authors: number;
  identities: number;
  mailmapEntries: number;
  firstDate: string;
  lastDate: string;
  importSeconds: number;
  seconds: number;
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: a tiny, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    // Scramble the seed so that seeds 1, 2, 3... give unrelated streams.
    const warm = mulberry32(Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1));
    this.next = mulberry32(Math.floor(warm() * 4294967296));
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
  /** Index drawn from a cumulative weight table. */
  weighted(cumulative: readonly number[]): number {
    const total = cumulative[cumulative.length - 1] ?? 0;
    const x = this.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = items[i] as T;
      items[i] = items[j] as T;
      items[j] = a;
    }
    return items;
  }
}

function cumulate(weights: readonly number[]): number[] {
  const out: number[] = [];
  let sum = 0;
  for (const w of weights) {
    sum += w;
    out.push(sum);
  }
  return out;
}

function zipf(n: number, s: number): number[] {
  return Array.from({ length: n }, (_, k) => 1 / (k + 1) ** s);
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const WORDS = [
  "auth",
  "billing",
  "cache",
  "config",
  "core",
  "crypto",
  "data",
  "events",
  "export",
  "feed",
  "gateway",
  "graph",
  "http",
  "identity",
  "import",
  "index",
  "jobs",
  "kernel",
  "ledger",
  "logging",
  "mail",
  "media",
  "metrics",
  "models",
  "network",
  "notify",
  "orders",
  "parser",
  "payments",
  "policy",
  "profile",
  "queue",
  "rates",
  "render",
  "report",
  "router",
  "rules",
  "scheduler",
  "search",
  "session",
  "shipping",
  "storage",
  "stream",
  "sync",
  "tasks",
  "tenant",
  "theme",
  "tokens",
  "tracing",
  "upload",
  "users",
  "vault",
  "views",
  "webhooks",
  "workers",
  "audit",
  "catalog",
  "checkout",
  "compose",
  "diff",
  "editor",
  "forms",
  "geo",
  "i18n",
  "inbox",
  "layout",
  "maps",
  "nav",
  "onboard",
  "pricing",
  "quota",
  "reviews",
  "settings",
  "social",
  "store",
  "support",
  "teams",
  "timeline",
  "wallet",
  "zones",
];
const NOUNS = [
  "handler",
  "client",
  "server",
  "util",
  "helpers",
  "types",
  "schema",
  "service",
  "store",
  "model",
  "controller",
  "adapter",
  "mapper",
  "factory",
  "validator",
  "reducer",
  "hooks",
  "api",
  "routes",
  "query",
  "builder",
  "loader",
  "worker",
  "codec",
  "format",
  "state",
  "context",
  "errors",
  "limits",
  "retry",
  "pool",
  "buffer",
  "cursor",
  "filter",
  "index",
  "table",
  "widget",
  "panel",
  "dialog",
  "list",
];
const VERBS = [
  "fix",
  "add",
  "update",
  "refactor",
  "remove",
  "improve",
  "handle",
  "simplify",
  "rename",
  "test",
  "document",
  "optimise",
  "support",
  "clean up",
  "guard",
  "extract",
  "inline",
  "cache",
  "validate",
];
const FIRST = [
  "Alice",
  "Bruno",
  "Chen",
  "Dana",
  "Emeka",
  "Fatima",
  "Gustavo",
  "Hana",
  "Ivan",
  "Jonas",
  "Kavya",
  "Liam",
  "Mei",
  "Noah",
  "Olga",
  "Pedro",
  "Quinn",
  "Rosa",
  "Sven",
  "Tariq",
  "Uma",
  "Victor",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zoë",
  "Amir",
  "Björn",
  "Carmen",
  "Deepak",
  "Elena",
  "Farid",
  "Greta",
  "Hiro",
  "Ines",
  "José",
  "Kai",
  "Lena",
  "Marco",
  "Nadia",
  "Oscar",
  "Priya",
  "Rahul",
  "Sofia",
  "Tomás",
  "Ulla",
  "Vera",
  "Wojciech",
  "Yara",
  "Zhang",
];
const LAST = [
  "Smith",
  "García",
  "Müller",
  "Kowalski",
  "Nguyen",
  "Okafor",
  "Rossi",
  "Sato",
  "Kim",
  "Silva",
  "Ivanova",
  "Haddad",
  "Jensen",
  "Patel",
  "Cohen",
  "Dubois",
  "Andersson",
  "Novak",
  "Lopez",
  "Khan",
  "Fischer",
  "Moreau",
  "Tanaka",
  "Wang",
  "Yilmaz",
  "Costa",
  "Horvat",
  "Berg",
  "Ali",
  "Schmidt",
  "Romano",
  "Popescu",
  "Larsen",
  "Santos",
  "Ahmed",
  "Weber",
  "Russo",
  "Ito",
  "Park",
  "Mendes",
];
const TIMEZONES = ["+0000", "+0100", "+0200", "-0500", "-0800", "+0530", "+0900", "-0300", "+0800"];

const TOPS: { name: string; ext: string; areas: number }[] = [
  { name: "src", ext: "ts", areas: 14 },
  { name: "packages", ext: "ts", areas: 10 },
  { name: "services", ext: "go", areas: 10 },
  { name: "lib", ext: "py", areas: 7 },
  { name: "web", ext: "tsx", areas: 7 },
  { name: "tools", ext: "sh", areas: 4 },
  { name: "test", ext: "ts", areas: 4 },
  { name: "docs", ext: "md", areas: 3 },
  { name: "third_party", ext: "c", areas: 2 },
];

function ascii(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ø/g, "o")
    .toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Model

interface Area {
  path: string;
  name: string;
  ext: string;
  dirs: string[];
  dirCumulative: number[];
  live: FileRec[];
}

interface FileRec {
  id: number;
  path: string;
  /** The path at creation: part of the content, so a renamed file keeps its content. */
  origin: string;
  rev: number;
  lines: number;
  area: Area;
  /** Position in `area.live`, or -1 when not live on main. */
  slot: number;
  /** Step of the last change on main. */
  lastTouch: number;
  /** The side branch that owns this file until it is merged. */
  lock: Lane | null;
}

interface Identity {
  name: string;
  email: string;
}

interface Author {
  id: Identity;
  /** A duplicate identity this person sometimes commits with. */
  alias: Identity | null;
  login: string;
  tz: string;
  weight: number;
  join: number;
  leave: number;
  homes: Area[];
  recent: FileRec[];
}

interface Lane {
  slot: number;
  ref: string;
  number: number;
  owner: Author;
  forkMark: number;
  forkStep: number;
  tipMark: number;
  remaining: number;
  title: string;
  /** Files changed on the branch: existing files (locked) and new ones, with their latest rev. */
  changed: Map<FileRec, number>;
}

function content(file: FileRec, rev: number): string {
  let out = `// ${file.origin}\n`;
  for (let j = 0; j < file.lines; j++) {
    const value = j === rev % file.lines ? `r${rev}` : `${j}`;
    out += `${file.origin} #${file.id} line ${j} value ${value}\n`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generator

export async function generate(options: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  const N = options.commits ?? 100_000;
  const targetFiles = options.files ?? 20_000;
  const authorCount = Math.max(1, options.authors ?? 400);
  const seed = options.seed ?? 1;
  const years = options.years ?? 8;
  const endMs = Date.parse(options.end ?? "2026-01-01T00:00:00Z");
  if (!Number.isFinite(endMs)) throw new Error(`--end: not an ISO date: ${options.end}`);
  if (!(N >= 1)) throw new Error("--commits must be at least 1");
  if (!(years > 0)) throw new Error(`--years must be positive, got ${options.years}`);
  const end = Math.floor(endMs / 1000);
  const span = Math.floor(years * 365.25 * 86400);
  const start = end - span;
  const rng = new Random(seed);
  const dir = resolve(options.dir);

  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!options.force)
      throw new Error(`${dir}: exists and is not empty (use --force to replace it)`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("GIT_")) env[key] = value;
  }
  env.GIT_CONFIG_NOSYSTEM = "1";
  env.GIT_CONFIG_GLOBAL = "/dev/null";
  env.LC_ALL = "C";
  const git = (...args: string[]): string => {
    const r = spawnSync("git", args, { cwd: dir, env, encoding: "utf8", maxBuffer: 1 << 30 });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr}`);
    return r.stdout;
  };
  git("init", "-q", "-b", "main", ...(options.bare ? ["--bare"] : []));
  git("config", "gc.auto", "0");

  // --- Areas: ~60 directories at depth 2, each with subdirectories at depth 3 and 4.
  const areas: Area[] = [];
  const allPaths = new Set<string>();
  for (const top of TOPS) {
    const names = rng.shuffle([...WORDS]).slice(0, top.areas);
    for (const name of names) {
      const path = `${top.name}/${name}`;
      const dirs = [path];
      const subs = rng.shuffle([...NOUNS, ...WORDS]).slice(0, rng.int(2, 8));
      for (const sub of subs) {
        dirs.push(`${path}/${sub}`);
        if (rng.chance(0.4)) dirs.push(`${path}/${sub}/${rng.pick(NOUNS)}`);
      }
      areas.push({
        path,
        name,
        ext: top.ext,
        dirs,
        dirCumulative: cumulate(zipf(dirs.length, 0.8)),
        live: [],
      });
    }
  }
  const areaOrder = rng.shuffle([...areas]);
  const areaCumulative = cumulate(zipf(areaOrder.length, 0.9));
  const randomArea = () => areaOrder[rng.weighted(areaCumulative)] as Area;

  // --- Authors: Zipf-like activity, joining and leaving over the years.
  const authors: Author[] = [];
  const usedNames = new Set<string>();
  const usedLogins = new Set<string>();
  const rankWeights = zipf(authorCount, 1.0);
  const ranks = rng.shuffle(Array.from({ length: authorCount }, (_, k) => k));
  for (let k = 0; k < authorCount; k++) {
    let name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    for (let tries = 0; usedNames.has(name); tries++) {
      name =
        tries < 20
          ? `${rng.pick(FIRST)} ${rng.pick(LAST)}`
          : `${rng.pick(FIRST)} ${String.fromCharCode(65 + rng.int(0, 25))}. ${rng.pick(LAST)}`;
    }
    usedNames.add(name);
    const [first = "x", ...rest] = name.split(" ");
    const stem = ascii(`${first}.${rest[rest.length - 1] ?? ""}`).replace(/[^a-z0-9.]/g, "");
    let login = stem;
    for (let n = 2; usedLogins.has(login); n++) login = `${stem}${n}`;
    usedLogins.add(login);
    const founder = k < 3;
    const rank = founder ? Math.min(ranks[k] ?? k, rng.int(1, 8)) : (ranks[k] ?? k);
    const join = founder ? start : start + Math.floor(rng.next() * span * 0.97);
    // Tenure: exponential, mean ~3 years; the first founder never leaves.
    const tenure = Math.floor(-Math.log(1 - rng.next()) * 3 * 365.25 * 86400) + 30 * 86400;
    const leave = k === 0 ? Number.POSITIVE_INFINITY : join + tenure;
    const homes: Area[] = [];
    const homeCount = founder ? rng.int(3, 6) : rng.int(1, 3);
    while (homes.length < homeCount) {
      const a = randomArea();
      if (!homes.includes(a)) homes.push(a);
    }
    const id = { name, email: `${login}@corp.example.com` };
    let alias: Identity | null = null;
    if (k > 0 && rng.chance(0.08)) {
      alias = rng.chance(0.5)
        ? { name, email: `${login.replace(".", "")}@gmail.example.com` }
        : { name: login.replace(".", ""), email: id.email };
    }
    authors.push({
      id,
      alias,
      login,
      tz: rng.pick(TIMEZONES),
      weight: rankWeights[rank] ?? 1,
      join,
      leave,
      homes,
      recent: [],
    });
  }
  // A .mailmap folds about two thirds of the duplicate identities; the rest are left for the
  // configurable identity rules.
  const mailmapLines = ["# Canonical identities", ""];
  for (const a of authors) {
    if (!a.alias || !rng.chance(0.67)) continue;
    mailmapLines.push(
      a.alias.name === a.id.name
        ? `${a.id.name} <${a.id.email}> <${a.alias.email}>`
        : `${a.id.name} <${a.id.email}> ${a.alias.name} <${a.alias.email}>`,
    );
  }
  const mailmapEntries = mailmapLines.length - 2;
  const bots = {
    dependabot: {
      name: "dependabot[bot]",
      email: "49699333+dependabot[bot]@users.noreply.github.com",
    },
    renovate: { name: "renovate[bot]", email: "29139614+renovate[bot]@users.noreply.github.com" },
  };
  const github = { name: "GitHub", email: "noreply@github.com" };

  // Active authors, rebuilt whenever someone joins or leaves.
  const events = authors
    .flatMap((a) => [
      { t: a.join, a },
      { t: a.leave, a },
    ])
    .filter((e) => Number.isFinite(e.t))
    .sort((x, y) => x.t - y.t);
  let eventIndex = 0;
  let active: Author[] = [];
  let activeCumulative: number[] = [];
  const refreshActive = (t: number) => {
    let changed = false;
    while (eventIndex < events.length && (events[eventIndex]?.t ?? Infinity) <= t) {
      eventIndex++;
      changed = true;
    }
    if (!changed && active.length > 0) return;
    active = authors.filter((a) => a.join <= t && t < a.leave);
    if (active.length === 0) active = [authors[0] as Author];
    activeCumulative = cumulate(active.map((a) => a.weight));
  };
  const randomActive = () => active[rng.weighted(activeCumulative)] as Author;

  // --- Files
  let nextFileId = 0;
  let liveCount = 0;
  // Live files per directory (on main or pending on a side branch), to keep trees small: a full
  // directory makes new files go to a new subdirectory, as people do.
  const dirSize = new Map<string, number>();
  const dirOf = (path: string) => path.slice(0, path.lastIndexOf("/"));
  const bumpDir = (dirPath: string, delta: number) =>
    dirSize.set(dirPath, (dirSize.get(dirPath) ?? 0) + delta);
  const newPath = (dirPath: string, ext: string): string => {
    const base = `${dirPath}/${rng.pick([...NOUNS, ...WORDS])}`;
    let path = `${base}.${ext}`;
    for (let n = 2; allPaths.has(path); n++) path = `${base}${n}.${ext}`;
    allPaths.add(path);
    bumpDir(dirPath, 1);
    return path;
  };
  const createFile = (area: Area, path: string): FileRec => ({
    id: nextFileId++,
    path,
    origin: path,
    rev: 0,
    lines: rng.int(3, 9),
    area,
    slot: -1,
    lastTouch: -1,
    lock: null,
  });
  const attach = (file: FileRec) => {
    file.slot = file.area.live.length;
    file.area.live.push(file);
    liveCount++;
  };
  const detach = (file: FileRec) => {
    const live = file.area.live;
    const last = live.pop() as FileRec;
    if (last !== file) {
      live[file.slot] = last;
      last.slot = file.slot;
    }
    file.slot = -1;
    liveCount--;
  };
  const rootArea: Area = {
    path: "",
    name: "root",
    ext: "json",
    dirs: [],
    dirCumulative: [],
    live: [],
  };
  const rootFiles = ["README.md", "package.json", "package-lock.json", ".gitignore"].map((p) => {
    allPaths.add(p);
    return createFile(rootArea, p);
  });

  // --- The fast-import stream
  const child = spawn("git", ["fast-import", "--quiet", "--done", "--active-branches=16"], {
    cwd: dir,
    env,
    stdio: ["pipe", "inherit", "inherit"],
  });
  const exited = new Promise<number>((res, rej) => {
    child.on("error", rej);
    child.on("close", (code) => res(code ?? -1));
  });
  const stdin = child.stdin;
  let buffer: string[] = [];
  let buffered = 0;
  // Keep several chunks queued so that fast-import never waits for the generator and vice versa.
  const inflight: Promise<void>[] = [];
  const flush = async (all = false) => {
    if (buffer.length > 0) {
      const chunk = buffer.join("");
      buffer = [];
      buffered = 0;
      const written = new Promise<void>((res, rej) =>
        stdin.write(chunk, (error) => (error ? rej(error) : res())),
      );
      written.catch(() => {}); // awaited below; avoid an unhandled rejection meanwhile
      inflight.push(written);
    }
    while (inflight.length > (all ? 0 : 16)) await inflight.shift();
  };
  const out = (s: string) => {
    buffer.push(s);
    buffered += s.length;
  };
  const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  const modify = (path: string, body: string) => out(`M 100644 inline ${path}\n${data(body)}`);

  // --- Counters
  let merges = 0;
  let sideCommits = 0;
  let botCommits = 0;
  let coAuthored = 0;
  let bulkCommits = 0;
  let renames = 0;
  let additions = 0;
  let deletions = 0;
  let modifications = 0;
  let prNumber = 100;
  let mainTip = 0;

  const lanes: (Lane | null)[] = [null, null, null, null];
  const maxBulk = Math.max(3, Math.round(N * 0.0004));
  const bulkProbability = maxBulk / N;
  const stamp = (t: number, tz: string) => `${t} ${tz}`;
  const who = (id: Identity) => `${id.name} <${id.email}>`;
  /** Distinct author and co-author identities (name and email) written. */
  const usedIdentities = new Set<string>();
  const header = (
    ref: string,
    mark: number,
    author: Identity,
    committer: Identity,
    t: number,
    tz: string,
    message: string,
  ) => {
    usedIdentities.add(who(author));
    out(`commit ${ref}\nmark :${mark}\n`);
    out(`author ${who(author)} ${stamp(t, tz)}\ncommitter ${who(committer)} ${stamp(t, tz)}\n`);
    out(data(message));
  };
  const subject = (area: Area) => `${area.name}: ${rng.pick(VERBS)} ${rng.pick(NOUNS)}`;
  const identityOf = (a: Author): Identity => (a.alias && rng.chance(0.3) ? a.alias : a.id);

  const touchRecent = (a: Author, f: FileRec) => {
    a.recent.push(f);
    if (a.recent.length > 24) a.recent.shift();
  };
  const desired = (i: number) => targetFiles * (0.03 + 0.97 * ((i + 1) / N));
  // Pending additions of open side branches count towards the file target.
  let laneAdds = 0;

  /** A live, unlocked file of `area` not yet in `taken`, or null. */
  const pickFile = (
    area: Area,
    taken: Set<FileRec>,
    ok?: (f: FileRec) => boolean,
  ): FileRec | null => {
    const live = area.live;
    if (live.length === 0) return null;
    for (let tries = 0; tries < 12; tries++) {
      const f = live[Math.floor(rng.next() * live.length)] as FileRec;
      if (f.lock === null && !taken.has(f) && (!ok || ok(f))) return f;
    }
    return null;
  };
  const DIR_CAP = 120;
  const addDir = (area: Area, dirPath: string) => {
    area.dirs.push(dirPath);
    area.dirCumulative = cumulate(zipf(area.dirs.length, 0.8));
  };
  const nextDir = (area: Area): string => {
    const d = area.dirs[rng.weighted(area.dirCumulative)] as string;
    if ((dirSize.get(d) ?? 0) < DIR_CAP) return d;
    const parents = area.dirs.filter((x) => x.split("/").length < 4);
    const parent = rng.pick(parents.length > 0 ? parents : [area.path]);
    let fresh = `${parent}/${rng.pick([...NOUNS, ...WORDS])}`;
    for (let n = 2; area.dirs.includes(fresh); n++) fresh = `${parent}/${rng.pick(NOUNS)}${n}`;
    addDir(area, fresh);
    return fresh;
  };

  for (let i = 0; i < N; i++) {
    const mark = i + 1;
    const t = start + Math.floor(((i + rng.next()) * span) / N);
    refreshActive(t);
    const left = N - i;

    if (i === 0) {
      // Root commit: the project skeleton and the .mailmap.
      const founder = authors[0] as Author;
      header("refs/heads/main", mark, founder.id, founder.id, t, founder.tz, "Initial commit\n");
      modify(".mailmap", `${mailmapLines.join("\n")}\n`);
      allPaths.add(".mailmap");
      for (const f of rootFiles) {
        modify(f.path, content(f, 0));
        attach(f);
        f.lastTouch = 0;
      }
      for (const area of founder.homes) {
        for (let k = 0; k < 3; k++) {
          const f = createFile(area, newPath(nextDir(area), area.ext));
          modify(f.path, content(f, 0));
          attach(f);
          f.lastTouch = 0;
          additions++;
        }
      }
      liveCount++; // .mailmap
      mainTip = mark;
      continue;
    }

    // Side branches: open, commit on, merge.
    const open = lanes.filter((l): l is Lane => l !== null);
    const pending = open.reduce((n, l) => n + l.remaining + 1, 0);
    const mustDrain = pending > 0 && left <= pending + 1;
    if (!mustDrain && left > 40 && rng.chance(0.065)) {
      const slot = lanes.indexOf(null);
      if (slot >= 0) {
        const owner = randomActive();
        const home = rng.pick(owner.homes);
        lanes[slot] = {
          slot,
          ref: `refs/heads/topic-${slot}`,
          number: prNumber++,
          owner,
          forkMark: mainTip,
          forkStep: i,
          tipMark: 0,
          remaining: rng.int(1, 6),
          title: subject(home),
          changed: new Map(),
        };
      }
    }
    const ready = open.filter((l) => l.remaining === 0);
    const working = open.filter((l) => l.remaining > 0);

    if (ready.length > 0 && (mustDrain || rng.chance(0.4))) {
      // Merge a finished side branch into main.
      const lane = rng.pick(ready);
      const merger = rng.chance(0.6) ? lane.owner : randomActive();
      const message = `Merge pull request #${lane.number} from ${lane.owner.login}/topic-${lane.number}\n\n${lane.title}\n`;
      usedIdentities.add(who(merger.id));
      out(`commit refs/heads/main\nmark :${mark}\n`);
      out(
        `author ${who(merger.id)} ${stamp(t, merger.tz)}\ncommitter ${who(github)} ${stamp(t, "+0000")}\n`,
      );
      out(data(message));
      out(`merge :${lane.tipMark}\n`);
      for (const [f, rev] of lane.changed) {
        modify(f.path, content(f, rev));
        f.rev = rev;
        f.lock = null;
        f.lastTouch = i;
        if (f.slot < 0) {
          attach(f);
          laneAdds--;
        }
      }
      lanes[lane.slot] = null;
      merges++;
      mainTip = mark;
      continue;
    }

    if (working.length > 0 && (mustDrain || rng.chance(0.27))) {
      // A commit on a side branch: modify files main has not touched since the fork, or add files.
      const lane = rng.pick(working);
      const a = lane.owner.leave > t || rng.chance(0.5) ? lane.owner : randomActive();
      const area = rng.pick(lane.owner.homes);
      header(lane.ref, mark, identityOf(a), identityOf(a), t, a.tz, `${subject(area)}\n`);
      if (lane.tipMark === 0) out(`from :${lane.forkMark}\n`);
      const changes = rng.int(1, 4);
      const touched = new Set<FileRec>();
      for (let c = 0; c < changes; c++) {
        const existing = [...lane.changed.keys()].filter((x) => !touched.has(x));
        let f: FileRec | null = null;
        if (existing.length > 0 && rng.chance(0.3)) f = rng.pick(existing);
        else if (!rng.chance(0.2)) f = pickFile(area, touched, (x) => x.lastTouch < lane.forkStep);
        if (f) {
          touched.add(f);
          const rev = (lane.changed.get(f) ?? f.rev) + 1;
          lane.changed.set(f, rev);
          f.lock = lane;
          modify(f.path, content(f, rev));
          modifications++;
        } else {
          const nf = createFile(area, newPath(nextDir(area), area.ext));
          nf.lock = lane;
          touched.add(nf);
          lane.changed.set(nf, 0);
          modify(nf.path, content(nf, 0));
          laneAdds++;
          additions++;
        }
      }
      lane.tipMark = mark;
      lane.remaining--;
      sideCommits++;
      if (buffered > 1 << 20) await flush();
      continue;
    }

    // A commit on main.
    const year = (t - start) / (365.25 * 86400);
    if (year > 2.5 && rng.chance(0.02)) {
      // Bot: dependency bumps in the root manifests.
      const b = year > 5 && rng.chance(0.3) ? bots.renovate : bots.dependabot;
      const dep = rng.pick(WORDS);
      const minor = rng.int(0, 30);
      const message =
        b === bots.dependabot
          ? `Bump ${dep} from 1.${minor}.0 to 1.${minor + 1}.0\n\nBumps [${dep}](https://example.com/${dep}) from 1.${minor}.0 to 1.${minor + 1}.0.\n\nSigned-off-by: dependabot[bot] <support@github.com>\n`
          : `chore(deps): update dependency ${dep} to v${minor + 1}\n`;
      header("refs/heads/main", mark, b, rng.chance(0.5) ? github : b, t, "+0000", message);
      for (const f of rootFiles.slice(1, 3)) {
        f.rev++;
        f.lastTouch = i;
        modify(f.path, content(f, f.rev));
        modifications++;
      }
      botCommits++;
      mainTip = mark;
      continue;
    }

    const a = randomActive();
    const area = rng.chance(0.8) ? rng.pick(a.homes) : randomArea();
    const bulk = bulkCommits < maxBulk && i > N * 0.05 && rng.chance(bulkProbability);
    const taken = new Set<FileRec>();
    const body: string[] = [];
    let message = `${subject(area)}\n`;
    if (bulk) {
      bulkCommits++;
      const size = Math.max(5, Math.min(rng.int(50, 200), Math.floor(targetFiles / 10)));
      const kind = rng.pick(["module", "module", "reformat", "move"] as const);
      if (kind === "module") {
        message = `${area.name}: add ${rng.pick(NOUNS)} module\n`;
        const sub = `${area.path}/${rng.pick(WORDS)}${nextFileId}`;
        const subdirs = [sub, `${sub}/${rng.pick(NOUNS)}`];
        for (const d of subdirs) addDir(area, d);
        for (let k = 0; k < size; k++) {
          const f = createFile(area, newPath(rng.pick(subdirs), area.ext));
          body.push(`M 100644 inline ${f.path}\n${data(content(f, 0))}`);
          attach(f);
          f.lastTouch = i;
          taken.add(f);
          additions++;
        }
      } else if (kind === "reformat") {
        message = `Reformat ${area.path} with the new style\n`;
        const pool = [area, ...a.homes, randomArea()];
        for (let k = 0; k < size * 2 && taken.size < size; k++) {
          const f = pickFile(rng.pick(pool), taken);
          if (!f) continue;
          taken.add(f);
          f.rev++;
          f.lastTouch = i;
          body.push(`M 100644 inline ${f.path}\n${data(content(f, f.rev))}`);
          modifications++;
        }
      } else {
        // Move a directory's files to a new directory (exact renames).
        const deeper = area.dirs.filter((x) => x !== area.path);
        const from = rng.pick(deeper.length > 0 ? deeper : area.dirs);
        const to = `${area.path}/${rng.pick(WORDS)}-${nextFileId}`;
        message = `Move ${from} to ${to}\n`;
        addDir(area, to);
        for (const f of [...area.live]) {
          if (taken.size >= size) break;
          if (f.lock !== null || !f.path.startsWith(`${from}/`)) continue;
          const dest = `${to}/${f.path.slice(from.length + 1)}`;
          if (allPaths.has(dest)) continue;
          allPaths.add(dest);
          body.push(`R ${f.path} ${dest}\n`);
          bumpDir(dirOf(f.path), -1);
          bumpDir(dirOf(dest), 1);
          f.path = dest;
          f.lastTouch = i;
          taken.add(f);
          renames++;
        }
      }
    } else {
      const changes = rng.pick([1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6, 7, 8]);
      const deficit = desired(i) - (liveCount + laneAdds);
      const unit = Math.max(20, targetFiles * 0.005);
      const pAdd = Math.min(0.9, Math.max(0.01, 0.08 + (0.1 * deficit) / unit));
      const pDelete = Math.min(0.5, Math.max(0.004, 0.02 - (0.02 * deficit) / unit));
      if (rng.chance(0.01)) {
        // Exact rename: same content, new path (same directory, another directory, another area).
        const f = pickFile(area, taken);
        if (f) {
          const r = rng.next();
          const target = r < 0.5 ? f.area : r < 0.9 ? f.area : randomArea();
          const dirPath = r < 0.5 ? f.path.slice(0, f.path.lastIndexOf("/")) : nextDir(target);
          const dest = newPath(dirPath, f.path.slice(f.path.lastIndexOf(".") + 1));
          body.push(`R ${f.path} ${dest}\n`);
          bumpDir(dirOf(f.path), -1);
          if (target !== f.area) {
            detach(f);
            f.area = target;
            attach(f);
          }
          f.path = dest;
          f.lastTouch = i;
          taken.add(f);
          renames++;
        }
      }
      for (let c = 0; c < changes; c++) {
        const r = rng.next();
        let f: FileRec | null = null;
        if (r < pAdd || area.live.length === 0) {
          f = createFile(area, newPath(nextDir(area), area.ext));
          body.push(`M 100644 inline ${f.path}\n${data(content(f, 0))}`);
          attach(f);
          additions++;
        } else if (r < pAdd + pDelete && area.live.length > 1) {
          f = pickFile(area, taken);
          if (!f) continue;
          body.push(`D ${f.path}\n`);
          bumpDir(dirOf(f.path), -1);
          detach(f);
          deletions++;
        } else {
          const mine = a.recent.filter((x) => x.slot >= 0 && x.lock === null && !taken.has(x));
          f = mine.length > 0 && rng.chance(0.45) ? rng.pick(mine) : pickFile(area, taken);
          if (!f) continue;
          f.rev++;
          body.push(`M 100644 inline ${f.path}\n${data(content(f, f.rev))}`);
          modifications++;
        }
        f.lastTouch = i;
        taken.add(f);
        if (f.slot >= 0) touchRecent(a, f);
      }
    }
    if (!bulk && rng.chance(0.15))
      message += `\n${rng.pick(VERBS)} the ${rng.pick(NOUNS)} so that ${rng.pick(WORDS)} keeps working.\n`;
    if (rng.chance(0.03) && active.length > 1) {
      const co = new Set<Author>();
      const count = rng.chance(0.2) ? 2 : 1;
      for (let tries = 0; tries < 10 && co.size < count; tries++) {
        const c = randomActive();
        if (c !== a) co.add(c);
      }
      if (co.size > 0) {
        const trailers = [...co].map((c) => who(identityOf(c)));
        for (const x of trailers) usedIdentities.add(x);
        message += `\n${trailers.map((x) => `Co-authored-by: ${x}`).join("\n")}\n`;
        coAuthored++;
      }
    }
    const id = identityOf(a);
    header("refs/heads/main", mark, id, id, t, a.tz, message);
    for (const line of body) out(line);
    mainTip = mark;
    if (buffered > 1 << 20) await flush();
  }
  out("done\n");
  await flush(true);
  stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`git fast-import failed with exit code ${code}`);
  const importSeconds = (performance.now() - started) / 1000;

  // Side-branch refs have all been merged; drop them.
  const refs = git("for-each-ref", "--format=%(refname)", "refs/heads/topic-*")
    .split("\n")
    .filter(Boolean);
  for (const ref of refs) git("update-ref", "-d", ref);
  if (options.gc) {
    git("repack", "-a", "-d", "-q");
    git("commit-graph", "write", "--reachable");
  }
  if (options.checkout && !options.bare) git("reset", "-q", "--hard", "HEAD");
  const filesAtHead = git("ls-tree", "-r", "--name-only", "HEAD")
    .split("\n")
    .filter(Boolean).length;
  return {
    dir,
    seed,
    commits: N,
    merges,
    nonMergeCommits: N - merges,
    sideBranchCommits: sideCommits,
    botCommits,
    coAuthoredCommits: coAuthored,
    bulkCommits,
    renames,
    additions,
    deletions,
    modifications,
    filesAtHead,
    authors: authorCount,
    identities: usedIdentities.size,
    mailmapEntries,
    firstDate: new Date(start * 1000).toISOString(),
    lastDate: new Date(end * 1000).toISOString(),
    importSeconds: Math.round(importSeconds * 100) / 100,
    seconds: Math.round(((performance.now() - started) / 1000) * 100) / 100,
  };
}

// ---------------------------------------------------------------------------------------------
// CLI

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      commits: { type: "string", default: "100000" },
      files: { type: "string", default: "20000" },
      authors: { type: "string", default: "400" },
      seed: { type: "string", default: "1" },
      years: { type: "string", default: "8" },
      end: { type: "string", default: "2026-01-01T00:00:00Z" },
      checkout: { type: "boolean", default: false },
      bare: { type: "boolean", default: false },
      gc: { type: "boolean", default: false },
      force: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const usage =
    "usage: tsx bench/generate.ts <dir> [--commits 100000] [--files 20000] [--authors 400] [--seed 1] [--years 8] [--end ISO] [--checkout] [--bare] [--gc] [--force]";
  if (values.help) {
    console.log(usage);
    return;
  }
  const [dir] = positionals;
  if (!dir || positionals.length > 1) throw new Error(usage);
  const num = (name: string, value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0)
      throw new Error(`--${name}: expected a non-negative integer, got ${value}`);
    return n;
  };
  const summary = await generate({
    dir,
    commits: num("commits", values.commits),
    files: num("files", values.files),
    authors: num("authors", values.authors),
    seed: num("seed", values.seed),
    years: Number(values.years),
    end: values.end,
    checkout: values.checkout,
    bare: values.bare,
    gc: values.gc,
    force: values.force,
  });
  console.log(JSON.stringify(summary));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
}
