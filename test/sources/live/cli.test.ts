import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Store } from "../../../src/store/store.js";
import { startCli } from "../../helpers/cli.js";
import { type ReplayServer, startReplayServer } from "../github/replay-server.js";

const RECORDINGS = fileURLToPath(new URL("recordings/", import.meta.url));
const PD_TOKEN = "pd_cliToken_0123456789abcdef";
const OG_KEY = "og-cli-key-0123456789abcdef";

let server: ReplayServer;
let dir: string;
beforeAll(async () => {
  server = await startReplayServer(RECORDINGS);
  dir = mkdtempSync(join(tmpdir(), "legible-live-cli-"));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the built CLI without blocking this process (the replay server answers it). */
function legible(args: string[], env: Record<string, string>) {
  const child = startCli(args, {
    cwd: dir,
    env: {
      ...process.env,
      ...env,
      LEGIBLE_NOW: "2024-05-10T00:00:00Z",
      LEGIBLE_TEST_PAGE_SIZE: "2",
    },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.on("data", (chunk) => {
    stderr += chunk;
  });
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr })),
  );
}

describe("legible fetch pagerduty / opsgenie / gitlab (CLI)", () => {
  it("stores PagerDuty incidents, reports what it did, and writes the token nowhere", async () => {
    server.load("pagerduty-full");
    const db = join(dir, "pd.db");
    const run = await legible(["fetch", "pagerduty", "--api-url", server.baseUrl, "--db", db], {
      PAGERDUTY_TOKEN: PD_TOKEN,
    });
    expect(run.stderr).toBe("rate limited (GET /incidents/PZ9Y8X7/log_entries); waiting 1 s\n");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `${new URL(server.baseUrl).host}: 3 incidents (full, 2 pages); 8 requests, 1 retry, 1 rate-limit wait; 0 records skipped\n`,
    );
    const store = await Store.open(db);
    try {
      const stored = (await store.delivery.incidents()).map((i) => [i.key, i.resolvedAt !== null]);
      expect(stored.sort()).toEqual([
        ["pagerduty:PQ7R2S1", false],
        ["pagerduty:PT4KHLK", true],
        ["pagerduty:PZ9Y8X7", true],
      ]);
    } finally {
      await store.close();
    }
    expect(readFileSync(db).includes(PD_TOKEN)).toBe(false);

    server.load("pagerduty-second");
    const again = await legible(
      ["fetch", "pagerduty", "--api-url", server.baseUrl, "--db", db, "--json"],
      { PAGERDUTY_TOKEN: PD_TOKEN },
    );
    expect(again.code).toBe(0);
    const json = JSON.parse(again.stdout);
    expect(json).toMatchObject({
      version: 1,
      source: "pagerduty",
      lists: [
        { list: "incidents", fetched: 2, incremental: true, updatedSince: "2024-05-05T09:00:00Z" },
      ],
    });
    expect(again.stdout).not.toContain(PD_TOKEN);
  });

  it("stops on a rejected key with exit 2, naming the variable but not the key", async () => {
    server.load("opsgenie-unauthorized");
    const run = await legible(
      ["fetch", "opsgenie", "--api-url", server.baseUrl, "--db", join(dir, "og.db")],
      { OPSGENIE_API_KEY: OG_KEY },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Opsgenie rejected the token (401 Could not authenticate)");
    expect(run.stderr).toContain("OPSGENIE_API_KEY");
    expect(run.stderr).not.toContain(OG_KEY);
  });

  it("asks for --project, and refuses a credential in --api-url", async () => {
    const missing = await legible(["fetch", "gitlab", "--db", join(dir, "gl.db")], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--project (missing)");
    const secret = await legible(
      [
        "fetch",
        "gitlab",
        "--project",
        "a/b",
        "--api-url",
        "https://me:s3cretvalue@gitlab.example.com/api/v4",
      ],
      {},
    );
    expect(secret.code).toBe(2);
    expect(secret.stderr).toContain("credentials in the URL are not accepted");
    expect(secret.stderr).not.toContain("s3cretvalue");
  });
});
