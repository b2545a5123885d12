/**
 * Every human-readable output of the main commands on the demo organisation, with the clock pinned,
 * compared exactly with the files under __snapshots__/ (the demo is deterministic for a given
 * clock). Temporary paths are replaced by <demo> so the files do not depend on where it is built.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../../src/cli/main.js";
import { type BuiltDemo, build, NOW } from "./helpers.js";

let demo: BuiltDemo;

async function legible(args: string[]): Promise<string> {
  let out = "";
  let err = "";
  const code = await main(args, {
    stdout: { write: (chunk: string) => (out += chunk) },
    stderr: { write: (chunk: string) => (err += chunk) },
    env: {
      ...process.env,
      NO_COLOR: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_CONFIG_NOSYSTEM: "1",
    },
    cwd: demo.result.dir,
    now: () => NOW,
  });
  if (code !== 0) throw new Error(`legible ${args.join(" ")} exited ${code}: ${err}`);
  return out.split(demo.result.dir).join("<demo>");
}

beforeAll(async () => {
  demo = build();
  await legible(["import"]);
});
afterAll(() => demo.cleanup());

describe("the demo's human-readable outputs", () => {
  it.each([
    ["review", ["review"]],
    ["knowledge", ["knowledge"]],
    ["flow", ["flow"]],
    ["dora", ["dora"]],
    ["impact-mara", ["impact", "--person", "Mara Okafor"]],
    ["impact-priya-promotion", ["impact", "--person", "Priya Nair", "--view", "promotion"]],
    ["what-leaders-see-mara", ["impact", "--person", "Mara Okafor", "--what-leaders-see"]],
  ])("%s", async (name, args) => {
    await expect(await legible(args)).toMatchFileSnapshot(`__snapshots__/${name}.txt`);
  });
});
