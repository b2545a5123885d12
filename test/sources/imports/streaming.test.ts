import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { findImporter } from "../../../src/sources/imports/index.js";

const ROWS = 50_000;

/**
 * Feeds an importer a lazily generated input and watches how far generation runs ahead of the rows
 * coming out: an importer that buffered the file would see it all generated before its first row.
 */
async function importLazily(
  kind: "prs" | "deployments" | "incidents",
  format: string,
  lines: () => Generator<string>,
) {
  const importer = findImporter(kind, format, "")!;
  let produced = 0;
  let maxLead = 0;
  let rows = 0;
  const source = Readable.from(
    (function* () {
      for (const line of lines()) {
        produced += 1;
        yield line;
      }
    })(),
  );
  const counts = await importer.read(
    source,
    { file: "generated", repository: "acme/shop" },
    () => {
      rows += 1;
      maxLead = Math.max(maxLead, produced - rows);
    },
    (rejected) => {
      throw new Error(`unexpected rejection: ${JSON.stringify(rejected)}`);
    },
  );
  return { counts, rows, maxLead, produced };
}

describe("streaming imports", () => {
  it(`imports a generated ${ROWS.toLocaleString("en")}-pull JSON array without holding it`, async () => {
    const { counts, rows, maxLead } = await importLazily("prs", "github", function* () {
      yield "[\n";
      for (let n = 1; n <= ROWS; n += 1) {
        const pull = {
          url: `https://api.github.com/repos/acme/shop/pulls/${n}`,
          number: n,
          title: `Change ${n}`,
          user: { login: `dev${n % 40}` },
          state: "closed",
          created_at: "2024-05-01T09:00:00Z",
          merged_at: "2024-05-02T09:00:00Z",
          merge_commit_sha: n.toString(16).padStart(40, "0"),
          reviews: [
            {
              id: n,
              user: { login: "rev" },
              state: "APPROVED",
              submitted_at: "2024-05-01T12:00:00Z",
            },
          ],
          commits: [
            {
              sha: "a".repeat(40),
              commit: { author: { name: "A", email: "a@x", date: "2024-04-30T10:00:00Z" } },
            },
          ],
        };
        yield `  ${JSON.stringify(pull)}${n < ROWS ? "," : ""}\n`;
      }
      yield "]\n";
    });
    expect(counts).toEqual({ read: ROWS, rows: ROWS, rejected: 0, warned: 0 });
    expect(rows).toBe(ROWS);
    expect(maxLead).toBeLessThan(1_000);
  });

  it(`imports ${ROWS.toLocaleString("en")} NDJSON alerts without holding them`, async () => {
    const { counts, maxLead } = await importLazily("incidents", "opsgenie", function* () {
      for (let n = 1; n <= ROWS; n += 1) {
        yield `${JSON.stringify({ id: `a-${n}`, tinyId: String(n), message: "disk", status: "open", createdAt: "2024-05-01T09:00:00Z" })}\n`;
      }
    });
    expect(counts).toEqual({ read: ROWS, rows: ROWS, rejected: 0, warned: 0 });
    expect(maxLead).toBeLessThan(1_000);
  });

  it(`imports a generated ${ROWS.toLocaleString("en")}-record CSV without holding it`, async () => {
    const { counts, maxLead } = await importLazily("deployments", "csv", function* () {
      yield "id,environment,result,commit_sha,started_at,finished_at\n";
      for (let n = 1; n <= ROWS; n += 1) {
        yield `d-${n},production,success,${n.toString(16).padStart(40, "0")},2024-05-01 10:00:00,2024-05-01 10:05:00\n`;
      }
    });
    expect(counts).toEqual({ read: ROWS, rows: ROWS, rejected: 0, warned: 0 });
    expect(maxLead).toBeLessThan(1_000);
  });
});
