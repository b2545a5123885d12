import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configJsonSchema } from "../../src/config/json-schema.js";
import { loadConfig, parseConfig } from "../../src/config/load.js";
import { readConfig } from "../../src/config/locate.js";
import { configTemplate } from "../../src/config/template.js";
import { runCli } from "../helpers/cli.js";

describe("config", () => {
  it("applies defaults to an empty file", () => {
    const { config, warnings } = parseConfig("", "legible.yaml");
    expect(warnings).toEqual([]);
    expect(config.activeDays).toBe(180);
    expect(config.identity.rule).toBe("email-or-name");
    expect(config.areas.depth).toBe(2);
  });

  it("warns about unknown keys with file and line, and keeps the rest", () => {
    const { config, warnings } = parseConfig(
      "activeDays: 90\nidentity:\n  rule: email\n  colour: blue\nzap: 1\n",
      "/x/legible.yaml",
    );
    expect(warnings).toEqual([
      "/x/legible.yaml:4: unknown key 'identity.colour' ignored",
      "/x/legible.yaml:5: unknown key 'zap' ignored",
    ]);
    expect(config.activeDays).toBe(90);
    expect(config.identity.rule).toBe("email");
  });

  it("names file, line and key for an invalid value or broken YAML", () => {
    expect(() => parseConfig("areas:\n  depth: -1\n", "c.yaml")).toThrow(
      "c.yaml:2: areas.depth: Too small: expected number to be >=0",
    );
    expect(() => parseConfig("activeDays: soon\n", "c.yaml")).toThrow(
      "c.yaml:1: activeDays: expected number",
    );
    expect(() => parseConfig("teams: [\n", "c.yaml")).toThrow(/^c\.yaml:\d+: not valid YAML/);
  });

  it("takes repositories as paths or { path, name }", () => {
    const { config } = parseConfig(
      "repositories:\n  - ../web\n  - path: mirrors/shop.git\n    name: acme/shop-api\n  - path: ../platform\n",
      "legible.yaml",
    );
    expect(config.repositories).toEqual([
      "../web",
      { path: "mirrors/shop.git", name: "acme/shop-api" },
      { path: "../platform" },
    ]);
    expect(() => parseConfig("repositories:\n  - name: x\n", "c.yaml")).toThrow(/^c\.yaml:2:/);
  });

  it("writes a template that parses back to the defaults", () => {
    expect(parseConfig(configTemplate(), "legible.yaml")).toEqual(parseConfig("", "legible.yaml"));
  });

  it("keeps the checked-in JSON Schema in step with the zod schema", () => {
    const checkedIn = readFileSync(
      new URL("../../schema/legible.schema.json", import.meta.url),
      "utf8",
    );
    expect(checkedIn).toBe(configJsonSchema()); // run `npm run schema` after changing src/config/schema.ts
  });

  it("keeps the defaults used without a legible.yaml in step with the zod schema", async () => {
    const dir = mkdtempSync(join(tmpdir(), "legible-defaults-"));
    try {
      const read = await readConfig({ cwd: dir });
      expect(read.file).toBeNull();
      // run `npm run schema` after changing a default in src/config/schema.ts
      expect(read.config).toStrictEqual(parseConfig("", "legible.yaml").config);
      expect(read).toEqual(loadConfig({ cwd: dir }));
      // With a file, readConfig reads it as loadConfig does.
      writeFileSync(join(dir, "legible.yaml"), "activeDays: 30\n");
      const withFile = await readConfig({ cwd: dir });
      expect(withFile.config.activeDays).toBe(30);
      expect(withFile).toEqual(loadConfig({ cwd: dir }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("legible init writes legible.yaml once and refuses to overwrite without --force", () => {
    const dir = mkdtempSync(join(tmpdir(), "legible-init-"));
    try {
      expect(runCli(["init"], { cwd: dir })).toEqual({
        code: 0,
        stdout: `wrote ${join(dir, "legible.yaml")}\n`,
        stderr: "",
      });
      expect(readFileSync(join(dir, "legible.yaml"), "utf8")).toBe(configTemplate());
      const again = runCli(["init"], { cwd: dir });
      expect(again.code).toBe(2);
      expect(again.stderr).toBe(
        `legible: ${join(dir, "legible.yaml")} already exists\n  hint: use --force to overwrite it\n`,
      );
      writeFileSync(join(dir, "legible.yaml"), "bogus: 1\n");
      expect(runCli(["init", "--force"], { cwd: dir }).code).toBe(0);
      expect(readFileSync(join(dir, "legible.yaml"), "utf8")).toBe(configTemplate());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
