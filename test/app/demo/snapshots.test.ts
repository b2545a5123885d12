/**
 * Every human-readable output of the main commands on the demo organisation, with the clock pinned,
 * compared exactly with the files under __snapshots__/ (the demo is deterministic for a given
 * clock). Temporary paths are replaced by <demo> so the files do not depend on where it is built.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltDemo, build, legibleIn } from "./helpers.js";

let demo: BuiltDemo;

async function legible(args: string[]): Promise<string> {
  return (await legibleIn(demo.result.dir, args)).split(demo.result.dir).join("<demo>");
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
