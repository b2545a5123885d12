import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import type {
  DeploymentRow,
  IncidentRow,
  PullRequestRow,
  RejectedRow,
} from "../../../src/core/delivery/model.js";
import type { AnyImporter, ImportContext } from "../../../src/sources/imports/index.js";

/** The text of a sample file under `samples/`. */
export function sample(name: string): string {
  return readFileSync(join(import.meta.dirname, "samples", name), "utf8");
}

/** A stream of `text` in pieces of `size` characters (or in one piece). */
export function streamOf(text: string, size = Number.POSITIVE_INFINITY): Readable {
  const pieces: Buffer[] = [];
  const bytes = Buffer.from(text, "utf8");
  const step = Number.isFinite(size) ? size : Math.max(bytes.length, 1);
  for (let at = 0; at < bytes.length; at += step) pieces.push(bytes.subarray(at, at + step));
  return Readable.from(pieces);
}

/** What one read produced. */
export interface ReadOutcome<Row = unknown> {
  rows: Row[];
  rejected: RejectedRow[];
  warnings: RejectedRow[];
  counts: { read: number; rows: number; rejected: number; warned: number };
}

/** A fixed "now" for reads in tests (2024-12-01T00:00:00Z): the plausible range ends a day after. */
export const NOW = 1_733_011_200;

/** Reads `text` (or a stream) with an importer, collecting rows and rejections. */
export async function readAll<Row = unknown>(
  importer: AnyImporter,
  input: string | NodeJS.ReadableStream,
  context: ImportContext,
  chunkSize?: number,
): Promise<ReadOutcome<Row>> {
  const rows: Row[] = [];
  const rejected: RejectedRow[] = [];
  const warnings: RejectedRow[] = [];
  const stream = typeof input === "string" ? streamOf(input, chunkSize) : input;
  const counts = await (importer as { read: AnyImporter["read"] }).read(
    stream,
    { now: NOW, ...context },
    (row) => rows.push(row as Row),
    (row) => rejected.push(row),
    (warning) => warnings.push(warning),
  );
  return { rows, rejected, warnings, counts };
}

/** Problems with a row's shape (empty when it satisfies the model). */
export function rowProblems(kind: AnyImporter["kind"], format: string, row: unknown): string[] {
  const problems: string[] = [];
  const r = row as Record<string, unknown>;
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const isTime = (value: unknown) => typeof value === "number" && Number.isInteger(value);
  const isOptTime = (value: unknown) => value === null || isTime(value);
  const isAccount = (value: unknown) => {
    if (value === null) return true;
    const a = value as Record<string, unknown>;
    return (
      typeof a.login === "string" &&
      a.login !== "" &&
      (a.email === null || typeof a.email === "string")
    );
  };
  check(r.source === format, "source is the format");
  check(
    typeof r.key === "string" && (r.key as string).startsWith(`${format}:`),
    "key starts with the format",
  );
  if (kind === "prs") {
    const pr = row as PullRequestRow;
    check(Number.isSafeInteger(pr.number) && pr.number > 0, "number");
    check(
      pr.key === `${format}:${pr.repository}#${pr.number}`,
      "key is <source>:<repository>#<number>",
    );
    check(["open", "closed", "merged"].includes(pr.state), "state");
    check(isTime(pr.createdAt) && isOptTime(pr.mergedAt) && isOptTime(pr.closedAt), "times");
    check((pr.state === "merged") === (pr.mergedAt !== null), "merged iff mergedAt");
    check(pr.mergeCommitSha === null || /^[0-9a-f]{7,64}$/.test(pr.mergeCommitSha), "merge sha");
    check(isAccount(pr.author), "author");
    check(
      pr.labels.every((label) => typeof label === "string"),
      "labels",
    );
    check(
      pr.commits.every(
        (c) => /^[0-9a-f]{7,64}$/.test(c.sha) && isTime(c.authoredAt) && isAccount(c.author),
      ),
      "commits",
    );
    check(
      pr.reviews.every(
        (v) =>
          v.id !== "" &&
          isTime(v.submittedAt) &&
          v.state === v.state.toUpperCase() &&
          isAccount(v.author),
      ),
      "reviews",
    );
    check(
      pr.comments.every((c) => c.id !== "" && isTime(c.createdAt) && isAccount(c.author)),
      "comments",
    );
  } else if (kind === "deployments") {
    const d = row as DeploymentRow;
    check(d.key.startsWith(`${format}:${d.repository}:`), "key is <source>:<repository>:<id>");
    check(d.environment === d.environment.toLowerCase() && d.environment !== "", "environment");
    check(
      ["success", "failure", "error", "cancelled", "in_progress", "unknown"].includes(d.result),
      "result",
    );
    check(/^[0-9a-f]{7,64}$/.test(d.commitSha), "commit");
    check(isOptTime(d.startedAt) && isTime(d.finishedAt), "times");
  } else {
    const i = row as IncidentRow;
    check(typeof i.title === "string", "title");
    check(isTime(i.createdAt) && isOptTime(i.resolvedAt), "times");
    check(i.resolvedAt === null || i.resolvedAt >= i.createdAt, "resolved after created");
    check(i.responders.every(isAccount), "responders");
  }
  return problems;
}
