/**
 * The real ladder files in `../shared/fixtures/ladders/` (beside the project, never copied into
 * it). When they are absent the tests on them are skipped, with a warning naming the folder.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe } from "vitest";

/** The fixture folder: `../../../../shared/fixtures/ladders` from this file. */
export const LADDER_FIXTURES = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../../../../shared/fixtures/ladders",
);

export const FT_FILE = join(LADDER_FIXTURES, "ft-engineering.yml");
export const MONZO_FILE = join(LADDER_FIXTURES, "monzo-backend.md");

/** Whether both real files are there. */
export const fixturesPresent = existsSync(FT_FILE) && existsSync(MONZO_FILE);

if (!fixturesPresent)
  console.warn(
    `ladder fixtures not found in ${LADDER_FIXTURES}: the tests on the real FT and Monzo files are skipped`,
  );

/** `describe` when the real files are there, `describe.skip` otherwise. */
export const describeWithFixtures = fixturesPresent ? describe : describe.skip;

/** A fixture's text. */
export function readFixture(path: string): string {
  return readFileSync(path, "utf8");
}
