/**
 * `npx tsx scripts/adr-corpus.ts [<expectations.json>] [--draft <out.json>]`: runs legible's
 * decision-record reader (`readDecisions`, as `legible decide list` does, with the default config
 * unless the corpus entry gives `folders`) over a corpus of real public ADR collections and
 * compares what it reads with hand-checked expectations: records found (and false positives),
 * titles, statuses, stated dates, stated deciders and supersession links.
 *
 * The corpus is not part of the repository (the collections are other projects' files): the
 * expectations file names each repository's local git directory and commit, and lists its records.
 * Default location: `$LEGIBLE_ADR_CORPUS`, else `/tmp/adr/corpus/expected.json`. When it is
 * absent the script says so and exits 0. `--draft` writes what legible reads now in the
 * expectations' shape, as a starting point for checking a new collection by hand.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { type DecisionEntry, readDecisions } from "../src/app/decisions.js";
import { parseConfig } from "../src/config/load.js";

/** One record as it should be read. `date` and `deciders`: what the record itself states. */
export interface ExpectedRecord {
  path: string;
  title: string;
  status: string;
  date: string | null;
  deciders: string[];
  /** Ids (file names without extension) of the records this one supersedes. */
  supersedes: string[];
}

/** One repository of the corpus. */
export interface ExpectedCollection {
  repository: string;
  /** The git directory to read (a bare mirror or a work tree). */
  gitDir: string;
  commit: string;
  /** `decisions.folders` to configure, when the collection cannot be found without it. */
  folders?: string[];
  records: ExpectedRecord[];
}

interface Tally {
  expected: number;
  found: number;
  falsePositives: string[];
  title: number;
  status: number;
  date: number;
  deciders: number;
  /** Expected deciders fields that are not empty. */
  decidersStated: number;
  decidersStatedRight: number;
  links: number;
  linksFound: number;
  wrongLinks: number;
  misses: string[];
}

const args = process.argv.slice(2);
const draftAt = args.indexOf("--draft");
const draftFile = draftAt >= 0 ? args[draftAt + 1] : undefined;
const file =
  args.find((arg, i) => !arg.startsWith("--") && i !== draftAt + 1) ??
  process.env.LEGIBLE_ADR_CORPUS ??
  "/tmp/adr/corpus/expected.json";

if (!existsSync(file)) {
  console.log(
    `ADR corpus not found at ${file}: skipped (set LEGIBLE_ADR_CORPUS or pass the expectations file)`,
  );
  process.exit(0);
}

const corpus = JSON.parse(readFileSync(file, "utf8")) as ExpectedCollection[];
const total = emptyTally();
const drafts: ExpectedCollection[] = [];
console.log(
  "repository | records | found | false pos. | titles | statuses | dates | deciders | links",
);
for (const collection of corpus) {
  if (!existsSync(collection.gitDir)) {
    console.log(`${collection.repository}: ${collection.gitDir} is absent: skipped`);
    continue;
  }
  const config = parseConfig(
    collection.folders ? `decisions:\n  folders: ${JSON.stringify(collection.folders)}\n` : "",
    "corpus.yaml",
  ).config;
  const read = await readDecisions(collection.gitDir, { ref: collection.commit, config });
  const tally = compare(collection, read.decisions);
  add(total, tally);
  console.log(row(collection.repository, tally));
  for (const miss of tally.misses.slice(0, 40)) console.log(`    ${miss}`);
  if (tally.misses.length > 40) console.log(`    … ${tally.misses.length - 40} more`);
  if (read.decisions.length === 0)
    console.log(`    looked in: ${read.lookedIn.join(", ") || "(nothing)"}`);
  drafts.push({ ...collection, records: read.decisions.map(asExpected) });
}
console.log(row("all", total));
if (draftFile) {
  writeFileSync(draftFile, `${JSON.stringify(drafts, null, 1)}\n`);
  console.log(`draft written to ${draftFile}`);
}

function compare(collection: ExpectedCollection, decisions: DecisionEntry[]): Tally {
  const tally = emptyTally();
  const byPath = new Map(decisions.map((d) => [d.path, d]));
  const expectedPaths = new Set(collection.records.map((r) => r.path));
  tally.falsePositives = decisions.map((d) => d.path).filter((p) => !expectedPaths.has(p));
  for (const fp of tally.falsePositives) tally.misses.push(`false positive: ${fp}`);
  for (const record of collection.records) {
    tally.expected++;
    const read = byPath.get(record.path);
    const links = record.supersedes.length;
    tally.links += links;
    if (record.deciders.length > 0) tally.decidersStated++;
    if (!read) {
      tally.misses.push(`not found: ${record.path}`);
      continue;
    }
    tally.found++;
    const got = asExpected(read);
    const check = (field: keyof ExpectedRecord, same: boolean): number => {
      if (!same)
        tally.misses.push(
          `${record.path}: ${field} ${JSON.stringify(got[field])}, expected ${JSON.stringify(record[field])}`,
        );
      return same ? 1 : 0;
    };
    tally.title += check("title", got.title === record.title);
    tally.status += check("status", got.status === record.status);
    tally.date += check("date", got.date === record.date);
    const decidersRight = sameSet(got.deciders, record.deciders);
    tally.deciders += check("deciders", decidersRight);
    if (record.deciders.length > 0 && decidersRight) tally.decidersStatedRight++;
    const right = record.supersedes.filter((id) => got.supersedes.includes(id)).length;
    tally.linksFound += right;
    tally.wrongLinks += got.supersedes.length - right;
    check("supersedes", sameSet(got.supersedes, record.supersedes));
  }
  return tally;
}

function asExpected(decision: DecisionEntry): ExpectedRecord {
  return {
    path: decision.path,
    title: decision.title,
    status: decision.status,
    date: decision.dateSource === "record" ? decision.date : null,
    deciders: decision.decisionMakersSource === "record" ? decision.decisionMakers : [],
    supersedes: decision.supersedes,
  };
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

function emptyTally(): Tally {
  return {
    expected: 0,
    found: 0,
    falsePositives: [],
    title: 0,
    status: 0,
    date: 0,
    deciders: 0,
    decidersStated: 0,
    decidersStatedRight: 0,
    links: 0,
    linksFound: 0,
    wrongLinks: 0,
    misses: [],
  };
}

function add(into: Tally, from: Tally): void {
  for (const key of Object.keys(into) as (keyof Tally)[]) {
    const value = from[key];
    if (typeof value === "number") (into[key] as number) += value;
    else (into[key] as string[]).push(...(value as string[]));
  }
}

function row(name: string, t: Tally): string {
  const pct = (n: number, of: number) => (of === 0 ? "-" : `${((100 * n) / of).toFixed(1)} %`);
  const share = (n: number, of: number) => `${n}/${of} (${pct(n, of)})`;
  return [
    name,
    t.expected,
    share(t.found, t.expected),
    t.falsePositives.length,
    share(t.title, t.found),
    share(t.status, t.found),
    share(t.date, t.found),
    `${share(t.deciders, t.found)}; stated ${share(t.decidersStatedRight, t.decidersStated)}`,
    `${t.linksFound}/${t.links}${t.wrongLinks > 0 ? ` (+${t.wrongLinks} wrong)` : ""}`,
  ].join(" | ");
}
