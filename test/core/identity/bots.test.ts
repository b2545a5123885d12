import { describe, expect, it } from "vitest";
import {
  BotPatternError,
  compileBotPatterns,
  DEFAULT_BOT_PATTERNS,
  isBot,
} from "../../../src/core/identity/bots.js";

const defaults = compileBotPatterns(DEFAULT_BOT_PATTERNS);
const id = (name: string, email: string) => ({ name, email });

describe("default bot patterns", () => {
  it.each([
    ["dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"],
    ["dependabot-preview[bot]", "27856297+dependabot-preview[bot]@users.noreply.github.com"],
    ["renovate[bot]", "29139614+renovate[bot]@users.noreply.github.com"],
    ["Renovate Bot", "bot@renovateapp.com"],
    ["github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com"],
    ["GitHub Action", "action@github.com"],
    ["github-actions", "github-actions@github.com"],
    ["greenkeeper[bot]", "greenkeeper[bot]@users.noreply.github.com"],
    ["greenkeeperio-bot", "support@greenkeeper.io"],
    ["snyk-bot", "snyk-bot@snyk.io"],
    ["mergify[bot]", "37929162+mergify[bot]@users.noreply.github.com"],
    ["Mergify", "noreply@mergify.io"],
    ["pre-commit-ci[bot]", "66853113+pre-commit-ci[bot]@users.noreply.github.com"],
    ["ImgBotApp", "ImgBotHelp@gmail.com"],
    ["allcontributors[bot]", "46447321+allcontributors[bot]@users.noreply.github.com"],
    ["semantic-release-bot", "semantic-release-bot@martynus.net"],
    ["codecov-io", "support@codecov.io"],
    ["DeepSource Bot", "bot@deepsource.io"],
    [
      "whitesource-bolt-for-github",
      "42819689+whitesource-bolt-for-github@users.noreply.github.com",
    ],
    ["mend-bolt-for-github", "mend@users.noreply.github.com"],
    ["pyup-bot", "github-bot@pyup.io"],
    ["k8s-ci-robot", "k8s-ci-robot@users.noreply.github.com"],
    ["Travis CI User", "travis@example.org"],
    ["Weblate", "noreply@weblate.org"],
    ["jenkins", "jenkins@ci.example.com"],
  ])("flags %s <%s>", (name, email) => {
    expect(isBot(id(name, email), defaults)).toBe(true);
  });

  it.each([
    ["Ada Lovelace", "ada@example.com"],
    ["Ioana Bot", "ioana.bot@example.ro"],
    ["Sam Talbot", "talbot@example.com"],
    ["Robot Framework Fan", "rf@example.com"],
    ["Mendel Cohen", "mendel@example.com"],
    ["Alex Jenkins", "alex.jenkins@example.com"],
    ["Abbott", "abbott@example.com"],
  ])("does not flag %s <%s>", (name, email) => {
    expect(isBot(id(name, email), defaults)).toBe(false);
  });

  it("matches the email alone when the name looks human", () => {
    expect(
      isBot(id("Jane Doe", "49699333+dependabot[bot]@users.noreply.github.com"), defaults),
    ).toBe(true);
  });
});

describe("custom bot patterns", () => {
  it("compiles case-insensitively", () => {
    const patterns = compileBotPatterns(["^release-train$"]);
    expect(isBot(id("Release-Train", "rt@corp.example"), patterns)).toBe(true);
    expect(isBot(id("Ada", "ada@corp.example"), patterns)).toBe(false);
  });

  it("answers the same on every call when given a global regex", () => {
    const patterns = [/ci-user/gi];
    const bot = id("ci-user", "ci-user@corp.example");
    expect([isBot(bot, patterns), isBot(bot, patterns), isBot(bot, patterns)]).toEqual([
      true,
      true,
      true,
    ]);
  });

  it("means the same tried together as one by one: back-references, group names twice, other flags", () => {
    const withBackReference = [/(x)?\[bot\]/i, /^(ci)-\1$/i];
    expect(isBot(id("ci-ci", "x@example.com"), withBackReference)).toBe(true);
    expect(isBot(id("ci-cd", "x@example.com"), withBackReference)).toBe(false);
    const named = [/(?<who>robot)$/i, /^(?<who>ci)-/i];
    expect(isBot(id("Robot", "x@example.com"), named)).toBe(true);
    expect(isBot(id("ci-runner", "x@example.com"), named)).toBe(true);
    expect(isBot(id("Ada", "ada@example.com"), named)).toBe(false);
    // A pattern that is case-sensitive stays so beside one that is not.
    const mixed = [/^Build$/, /\[bot\]/i];
    expect(isBot(id("build", "x@example.com"), mixed)).toBe(false);
    expect(isBot(id("Build", "x@example.com"), mixed)).toBe(true);
    // Anchors hold per pattern: one pattern's ^ does not reach into another's.
    const anchored = [/^jenkins$/i, /^ci$/i];
    expect(isBot(id("jenkins ci", "x@example.com"), anchored)).toBe(false);
    expect(isBot(id("x", "ci"), anchored)).toBe(true);
  });

  it("treats an empty list as no bots", () => {
    expect(isBot(id("dependabot[bot]", "x@y"), [])).toBe(false);
  });

  it("throws a BotPatternError naming the bad pattern", () => {
    let caught: unknown;
    try {
      compileBotPatterns(["ok", "broken(", "also-ok"]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BotPatternError);
    expect((caught as BotPatternError).pattern).toBe("broken(");
    expect((caught as BotPatternError).message).toContain("'broken('");
    expect((caught as BotPatternError).name).toBe("BotPatternError");
  });
});
