import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** The throwaway server's URL (test/setup/postgres.ts), or "" when there is none. */
export const POSTGRES_URL: string = inject("postgresUrl");

/** Why PostgreSQL tests skip, for their titles: visible in every run that skips them. */
export const POSTGRES_SKIP = POSTGRES_URL
  ? ""
  : ` (skipped: ${inject("postgresMissing") || "no PostgreSQL server"})`;

/** Creates an empty database on the test server and returns its URL. */
export async function freshDatabase(prefix = "t"): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
