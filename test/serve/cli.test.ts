/** `legible serve`'s refusals, before it scans anything or opens a socket. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isLoopback, serveToken } from "../../src/serve/server.js";
import { runCli } from "../helpers/cli.js";

const root = mkdtempSync(join(tmpdir(), "legible-serve-cli-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("legible serve", () => {
  // Every refusal comes before any scan: the repository is never read.
  const repo = { dir: join(root, "not-read") };

  it("refuses a non-loopback --host without a configured token, and says how to set one", () => {
    const env = { ...process.env, LEGIBLE_SERVE_TOKEN: "" };
    const result = runCli(["serve", repo.dir, "--host", "0.0.0.0", "--port", "0"], {
      cwd: root,
      env,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--host 0.0.0.0 is not loopback");
    expect(result.stderr).toContain("LEGIBLE_SERVE_TOKEN");
    expect(result.stderr).toContain("serve.token");
    expect(result.stdout).toBe("");
  });

  it("refuses a token too short to be a secret", () => {
    const env = { ...process.env, LEGIBLE_SERVE_TOKEN: "short" };
    const result = runCli(["serve", repo.dir, "--host", "0.0.0.0", "--port", "0"], {
      cwd: root,
      env,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("too short");
  });

  it("keeps --me local", () => {
    const result = runCli(["serve", repo.dir, "--host", "192.0.2.1", "--me"], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--me is local only");
  });

  it("checks --port and --weeks", () => {
    expect(runCli(["serve", repo.dir, "--port", "http"], { cwd: root }).stderr).toContain(
      "--port http: not a port number",
    );
    const weeks = runCli(["serve", repo.dir, "--port", "0", "--weeks", "99"], { cwd: root });
    expect(weeks.code).toBe(2);
    expect(weeks.stderr).toContain("--weeks 99: expected 2 to 26");
  });
});

describe("the serve token", () => {
  it("is random per run on loopback, the configured one otherwise", () => {
    const a = serveToken("127.0.0.1", null);
    const b = serveToken("127.0.0.1", null);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(serveToken("0.0.0.0", "a-configured-secret-token")).toBe("a-configured-secret-token");
    expect(() => serveToken("::", null)).toThrow(/not loopback/);
  });

  it("knows loopback", () => {
    for (const host of ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"])
      expect(isLoopback(host), host).toBe(true);
    for (const host of ["0.0.0.0", "::", "192.168.1.2", "example.com", "127.0.0.1.example.com"])
      expect(isLoopback(host), host).toBe(false);
  });
});
