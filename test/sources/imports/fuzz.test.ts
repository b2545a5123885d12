/**
 * Fuzzing every importer with a fixed seed: valid sample files, mutated (truncated, bytes flipped,
 * values swapped for other types, huge numbers and impossible dates, re-encoded, line ends changed,
 * byte-order marks, deep nesting, unclosed quotes), each read as a file would be. Whatever the
 * input: no exception escapes but a `LegibleError` naming the file, every record read is either a
 * row or a rejection naming file and line (read = rows + rejected), and no row holds a value the
 * plausibility rules (plausible.ts) forbid. Deterministic: the same inputs every run.
 * `FUZZ_REPORT=1` prints the figures per importer.
 */

import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type {
  DeploymentRow,
  IncidentRow,
  PullRequestRow,
  RejectedRow,
} from "../../../src/core/delivery/model.js";
import { LegibleError } from "../../../src/errors.js";
import {
  type AnyImporter,
  EARLIEST_PLAUSIBLE,
  FUTURE_SLACK_SECONDS,
  findImporter,
  type ImportContext,
  type ImportKind,
  REVIEW_STATES,
} from "../../../src/sources/imports/index.js";
import { NOW, rowProblems, sample } from "./helpers.js";

const INPUTS_PER_IMPORTER = 300;
const SEED = 0x15_1e_91b1e;

/** mulberry32: a small seeded PRNG, so every run tries the same inputs. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)] as T;

/** Values a field might wrongly hold: other types, huge and impossible numbers and dates. */
const ODD_VALUES: readonly unknown[] = [
  true,
  false,
  null,
  0,
  -1,
  1e20,
  -1e20,
  1.5,
  Number.MAX_SAFE_INTEGER + 2,
  1e21,
  "",
  " ",
  "x",
  "null",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "1969-12-31T23:59:59Z",
  "2024-02-30T10:00:00Z",
  "2024-05-01T09:00:00Z",
  "2024-05-01T08:59:50Z",
  "2038-01-19T03:14:08Z",
  "LGTM",
  "approved",
  "\u0000\u001b[2J",
  "\uFFFD".repeat(3),
  [],
  [1, 2],
  {},
  { a: { b: {} } },
];

const ODD_CELLS: readonly string[] = [
  "",
  '"',
  '""',
  '"unclosed',
  "a\rb",
  "1e20",
  "-1",
  "0000-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "1900-01-01",
  "2024-05-01T08:59:50Z",
  "2024-13-01",
  "deadbeef",
  "ZZZ",
  "=cmd|' /C calc'!A0",
  "\u0000",
  ";;;",
  "\t",
];

/** One of the ways an input is broken, applied to the bytes or to the parsed records. */
type Mutation = (input: Buffer, random: Random, csv: boolean) => Buffer;

const text = (input: Buffer) => input.toString("utf8");
const bytes = (value: string) => Buffer.from(value, "utf8");

const mutations: Record<string, Mutation> = {
  truncate: (input, random) => input.subarray(0, int(random, input.length + 1)),
  flipBytes: (input, random) => {
    const out = Buffer.from(input);
    for (let i = 0, n = 1 + int(random, 4); i < n && out.length > 0; i++) {
      const at = int(random, out.length);
      out[at] = (out[at] ?? 0) ^ (1 << int(random, 8));
    }
    return out;
  },
  swapValue: (input, random, csv) => (csv ? swapCell(input, random) : swapJsonValue(input, random)),
  hugeNumber: (input, random) =>
    bytes(
      text(input).replace(/\d+/g, (digits) =>
        random() < 0.15 ? pick(random, ["1e20", "99999999999999999999", "-0", "1e-400"]) : digits,
      ),
    ),
  impossibleDate: (input, random) =>
    bytes(
      text(input).replace(/\d{4}-\d{2}-\d{2}/g, (date) =>
        random() < 0.3
          ? pick(random, ["0000-01-01", "9999-12-31", "1970-01-01", "2099-01-01"])
          : date,
      ),
    ),
  latin1: (input) => Buffer.from(text(input).replace(/a/g, "ä"), "latin1"),
  utf16: (input, random) =>
    Buffer.concat([
      random() < 0.5 ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0),
      Buffer.from(text(input), "utf16le"),
    ]),
  invalidUtf8: (input, random) => {
    const at = int(random, input.length + 1);
    return Buffer.concat([
      input.subarray(0, at),
      Buffer.from([0xc3, 0x28, 0xff]),
      input.subarray(at),
    ]);
  },
  lineEnds: (input, random) => {
    const eol = pick(random, ["\r", "\r\n", "\n\r", "\n\n"]);
    return bytes(text(input).replace(/\r?\n/g, () => (random() < 0.8 ? eol : "\n")));
  },
  bom: (input, random) =>
    Buffer.concat([
      pick(random, [
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]),
      ]),
      input,
    ]),
  deepNesting: (input, random) => {
    const depth = pick(random, [100, 5_000, 50_000]);
    const nest = `${"[".repeat(depth)}${"]".repeat(depth)}`;
    const value = text(input);
    const at = int(random, value.length + 1);
    return bytes(
      `${value.slice(0, at)}${random() < 0.5 ? nest : `{"a":${nest}}`}${value.slice(at)}`,
    );
  },
  dropLine: (input, random) => {
    const lines = text(input).split("\n");
    lines.splice(int(random, lines.length), 1 + int(random, 2));
    return bytes(lines.join("\n"));
  },
  duplicateLine: (input, random) => {
    const lines = text(input).split("\n");
    const at = int(random, lines.length);
    lines.splice(at, 0, lines[at] ?? "");
    return bytes(lines.join("\n"));
  },
  stray: (input, random) => {
    const value = text(input);
    const at = int(random, value.length + 1);
    return bytes(
      `${value.slice(0, at)}${pick(random, ['"', ",", "{", "}", "[", "]", "\\", "\u0000", "\n"])}${value.slice(at)}`,
    );
  },
};

function swapJsonValue(input: Buffer, random: Random): Buffer {
  let data: unknown;
  try {
    data = JSON.parse(text(input));
  } catch {
    return input;
  }
  const containers: (Record<string, unknown> | unknown[])[] = [];
  const walk = (value: unknown) => {
    if (typeof value !== "object" || value === null) return;
    containers.push(value as Record<string, unknown>);
    for (const child of Object.values(value)) walk(child);
  };
  walk(data);
  for (let i = 0, n = 1 + int(random, 3); i < n && containers.length > 0; i++) {
    const target = pick(random, containers);
    const keys = Object.keys(target);
    if (keys.length === 0) continue;
    (target as Record<string, unknown>)[pick(random, keys)] = pick(random, ODD_VALUES);
  }
  return bytes(JSON.stringify(data, null, random() < 0.5 ? 2 : 0));
}

function swapCell(input: Buffer, random: Random): Buffer {
  const lines = text(input).split("\n");
  for (let i = 0, n = 1 + int(random, 3); i < n; i++) {
    const at = 1 + int(random, Math.max(lines.length - 1, 1));
    const cells = (lines[at] ?? "").split(",");
    cells[int(random, cells.length)] = pick(random, ODD_CELLS);
    lines[at] = cells.join(",");
  }
  return bytes(lines.join("\n"));
}

const cases: {
  kind: ImportKind;
  format: string;
  sample: string;
  context?: Partial<ImportContext>;
}[] = [
  { kind: "prs", format: "github", sample: "github-pulls.json" },
  { kind: "prs", format: "gh-cli", sample: "gh-pr-list.json" },
  { kind: "prs", format: "gitlab", sample: "gitlab-mrs.json" },
  {
    kind: "deployments",
    format: "csv",
    sample: "deployments.csv",
    context: { repository: "acme/legacy" },
  },
  { kind: "deployments", format: "github-deployments", sample: "github-deployments.json" },
  {
    kind: "deployments",
    format: "github-releases",
    sample: "github-releases.json",
    context: { tagCommits: new Map([["v1.5.0", "1111111111111111111111111111111111111111"]]) },
  },
  { kind: "incidents", format: "csv", sample: "incidents.csv" },
  { kind: "incidents", format: "pagerduty", sample: "pagerduty.json" },
  { kind: "incidents", format: "opsgenie", sample: "opsgenie.json" },
];

const LATEST = NOW + FUTURE_SLACK_SECONDS;
const plausible = (time: number | null) =>
  time === null || (Number.isSafeInteger(time) && time >= EARLIEST_PLAUSIBLE && time <= LATEST);

/** Values a stored row must not hold (empty when it holds none). */
function implausible(kind: ImportKind, row: unknown): string[] {
  const found: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) found.push(what);
  };
  if (kind === "prs") {
    const pr = row as PullRequestRow;
    check(plausible(pr.createdAt) && plausible(pr.mergedAt) && plausible(pr.closedAt), "pr times");
    check((pr.mergedAt ?? pr.createdAt) >= pr.createdAt, "merged before created");
    check((pr.closedAt ?? pr.createdAt) >= pr.createdAt, "closed before created");
    check(
      pr.reviews.every((r) => plausible(r.submittedAt) && REVIEW_STATES.has(r.state)),
      "review",
    );
    check(
      pr.comments.every((c) => plausible(c.createdAt)),
      "comment time",
    );
    check(
      pr.commits.every((c) => plausible(c.authoredAt)),
      "commit time",
    );
  } else if (kind === "deployments") {
    const d = row as DeploymentRow;
    check(plausible(d.startedAt) && plausible(d.finishedAt), "deployment times");
    check((d.startedAt ?? d.finishedAt) <= d.finishedAt, "finished before started");
  } else {
    const i = row as IncidentRow;
    check(plausible(i.createdAt) && plausible(i.resolvedAt), "incident times");
    check((i.resolvedAt ?? i.createdAt) >= i.createdAt, "resolved before created");
  }
  return found;
}

interface Tally {
  inputs: number;
  crashes: string[];
  typedErrors: number;
  silentAcceptances: string[];
  rowsLost: string[];
  unplaced: string[];
  rows: number;
  rejected: number;
  warned: number;
}

async function fuzz(c: (typeof cases)[number]): Promise<Tally> {
  const importer = findImporter(c.kind, c.format, "") as AnyImporter;
  const base = Buffer.from(sample(c.sample), "utf8");
  const csv = c.sample.endsWith(".csv");
  const random = prng(
    SEED ^ [...c.format, ...c.kind].reduce((h, ch) => h * 31 + ch.charCodeAt(0), 7),
  );
  const names = Object.keys(mutations);
  const tally: Tally = {
    inputs: 0,
    crashes: [],
    typedErrors: 0,
    silentAcceptances: [],
    rowsLost: [],
    unplaced: [],
    rows: 0,
    rejected: 0,
    warned: 0,
  };
  for (let n = 0; n < INPUTS_PER_IMPORTER; n++) {
    let input: Buffer = base;
    const applied: string[] = [];
    for (let i = 0, count = 1 + int(random, 3); i < count; i++) {
      const name = pick(random, names);
      applied.push(name);
      input = (mutations[name] as Mutation)(input, random, csv);
    }
    const file = `fuzz-${c.format}-${n}.${csv ? "csv" : "json"}`;
    const label = `${file} [${applied.join(", ")}]`;
    const rows: unknown[] = [];
    const rejected: RejectedRow[] = [];
    const warnings: RejectedRow[] = [];
    const chunk = 1 + int(random, 4096);
    const pieces: Buffer[] = [];
    for (let at = 0; at < input.length; at += chunk) pieces.push(input.subarray(at, at + chunk));
    tally.inputs += 1;
    let counts: Awaited<ReturnType<AnyImporter["read"]>>;
    try {
      counts = await (importer as { read: AnyImporter["read"] }).read(
        Readable.from(pieces),
        { now: NOW, ...c.context, file },
        (row) => rows.push(row),
        (row) => rejected.push(row),
        (warning) => warnings.push(warning),
      );
    } catch (error) {
      if (error instanceof LegibleError && error.message.includes(file)) tally.typedErrors += 1;
      else tally.crashes.push(`${label}: ${error instanceof Error ? error.stack : String(error)}`);
      continue;
    }
    tally.rows += rows.length;
    tally.rejected += rejected.length;
    tally.warned += warnings.length;
    if (
      counts.read !== rows.length + rejected.length ||
      counts.rows !== rows.length ||
      counts.rejected !== rejected.length ||
      counts.warned !== warnings.length
    ) {
      tally.rowsLost.push(
        `${label}: ${JSON.stringify(counts)} vs ${rows.length} rows, ${rejected.length} rejected`,
      );
    }
    for (const r of [...rejected, ...warnings]) {
      const placed = r.file === file && ((r.line !== null && r.line >= 1) || r.path !== undefined);
      if (!placed || r.reason === "") tally.unplaced.push(`${label}: ${JSON.stringify(r)}`);
    }
    for (const row of rows) {
      const problems = [...rowProblems(c.kind, c.format, row), ...implausible(c.kind, row)];
      if (problems.length > 0) tally.silentAcceptances.push(`${label}: ${problems.join(", ")}`);
    }
  }
  return tally;
}

describe("importer fuzzing (fixed seed)", () => {
  for (const c of cases) {
    it(`${c.kind} ${c.format}: ${INPUTS_PER_IMPORTER} mutated inputs, no crash, nothing lost, nothing implausible stored`, async () => {
      const tally = await fuzz(c);
      if (process.env.FUZZ_REPORT) {
        console.info(
          `${c.kind}/${c.format}: ${tally.inputs} inputs, ${tally.crashes.length} crashes, ${tally.typedErrors} typed errors, ${tally.rowsLost.length} with rows lost, ${tally.silentAcceptances.length} silent acceptances; ${tally.rows} rows, ${tally.rejected} rejected, ${tally.warned} warned`,
        );
      }
      expect(tally.inputs).toBe(INPUTS_PER_IMPORTER);
      expect(tally.crashes).toEqual([]);
      expect(tally.rowsLost).toEqual([]);
      expect(tally.unplaced).toEqual([]);
      expect(tally.silentAcceptances).toEqual([]);
    });
  }
});
