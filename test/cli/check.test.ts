import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckReport } from "../../src/app/check.js";
import { runCli } from "../helpers/cli.js";
import type { TestRepo } from "../helpers/gitrepo.js";
import { buildOwnershipRepo, NOW, ROSTER } from "../helpers/ownership-repo.js";

const RULES = `check:
  minTruckFactor: { infra: 2 }
  noDrift: [services/payments, infra]
  maxOrphanedShare: 0.5
  decisionsStateTradeoff: true
`;

const TRADEOFF =
  '"Use Postgres for payments v2" states no tradeoff (fill its executive tradeoff, a Y-statement "accepting …" clause, or the chosen option\'s good and bad consequences)';
const DRIFT =
  "services/payments: drift: declared to @acme/payments, but none of their 1 people is among its 1 active authors and reviewers";

let repo: TestRepo;
const run = (args: string[], env: Record<string, string> = {}) =>
  runCli([...args, "--db", join(repo.root, "l.db")], {
    cwd: repo.dir,
    env: { ...repo.env, ...env },
    now: NOW,
  });

// The feature branch (head) against main (base): see test/helpers/ownership-repo.ts for the story.
beforeAll(() => {
  repo = buildOwnershipRepo({ form: "github", branch: true, config: RULES });
});
afterAll(() => repo.cleanup());

describe("legible check against a base ref", () => {
  it("exits 1 with one line per finding on stderr and each rule's outcome on stdout", () => {
    const result = run(["check", "--base", "main"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        "FAIL  min-truck-factor: checked 1 named area(s): 1 finding(s)",
        "FAIL  no-new-knowledge-islands: checked 6 areas against main: 2 finding(s)",
        "PASS  no-newly-orphaned-areas: checked 6 areas against main",
        "PASS  max-orphaned-share: checked 1 repository(ies)",
        "FAIL  no-drift: checked 2 named area(s): 1 finding(s)",
        "FAIL  decisions-state-tradeoff: checked 1 record(s) added since main: 1 finding(s)",
        "",
        "legible check: failed (5 finding(s) in 4 rule(s))",
        "",
      ].join("\n"),
    );
    expect(result.stderr).toBe(
      [
        "legible check: min-truck-factor: infra: truck factor 1, below the minimum of 2 (base: 1)",
        "legible check: no-new-knowledge-islands: payments-v2: a knowledge island (one active author) at the head, a new area since main (2 files)",
        "legible check: no-new-knowledge-islands: tools: a knowledge island (one active author) at the head, a new area since main (1 file)",
        `legible check: no-drift: .github/CODEOWNERS:2: ${DRIFT}`,
        `legible check: decisions-state-tradeoff: docs/decisions/0001-use-postgres.md:1: ${TRADEOFF}`,
        "",
      ].join("\n"),
    );
  });

  it("--format json is the report", () => {
    const result = run(["check", "--base", "main", "--format", "json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as CheckReport;
    expect(report.version).toBe(1);
    expect(report.base?.ref).toBe("main");
    expect(report.asOf).toBe("2024-12-31T12:00:00.000Z");
    expect(report.rules.map((r) => [r.rule, r.outcome, r.findings])).toEqual([
      ["min-truck-factor", "failed", 1],
      ["no-new-knowledge-islands", "failed", 2],
      ["no-newly-orphaned-areas", "passed", 0],
      ["max-orphaned-share", "passed", 0],
      ["no-drift", "failed", 1],
      ["decisions-state-tradeoff", "failed", 1],
    ]);
    expect(report.findings).toEqual([
      {
        rule: "min-truck-factor",
        subject: "infra",
        message: "infra: truck factor 1, below the minimum of 2 (base: 1)",
        repository: "repo",
        file: null,
        line: null,
      },
      {
        rule: "no-new-knowledge-islands",
        subject: "payments-v2",
        message:
          "payments-v2: a knowledge island (one active author) at the head, a new area since main (2 files)",
        repository: "repo",
        file: null,
        line: null,
      },
      {
        rule: "no-new-knowledge-islands",
        subject: "tools",
        message:
          "tools: a knowledge island (one active author) at the head, a new area since main (1 file)",
        repository: "repo",
        file: null,
        line: null,
      },
      {
        rule: "no-drift",
        subject: "services/payments",
        message: DRIFT,
        repository: "repo",
        file: ".github/CODEOWNERS",
        line: 2,
      },
      {
        rule: "decisions-state-tradeoff",
        subject: "docs/decisions/0001-use-postgres.md",
        message: TRADEOFF,
        repository: "repo",
        file: "docs/decisions/0001-use-postgres.md",
        line: 1,
      },
    ]);
    // The findings still go to stderr, one line each; stdout is the document alone.
    expect(result.stderr.split("\n").filter(Boolean)).toHaveLength(5);
  });

  it("--format junit: a passing test case per clean rule, a failing one per finding", () => {
    const result = run(["check", "--base", "main", "--format", "junit"]);
    expect(result.code).toBe(1);
    const escaped = TRADEOFF.replace(/"/g, "&quot;");
    expect(result.stdout).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="legible check" tests="7" failures="5" errors="0" skipped="0">',
        '  <testsuite name="legible check" tests="7" failures="5" errors="0" skipped="0">',
        '    <testcase classname="legible.check.min-truck-factor" name="min-truck-factor: infra">',
        '      <failure message="infra: truck factor 1, below the minimum of 2 (base: 1)" type="min-truck-factor">infra: truck factor 1, below the minimum of 2 (base: 1)</failure>',
        "    </testcase>",
        '    <testcase classname="legible.check.no-new-knowledge-islands" name="no-new-knowledge-islands: payments-v2">',
        '      <failure message="payments-v2: a knowledge island (one active author) at the head, a new area since main (2 files)" type="no-new-knowledge-islands">payments-v2: a knowledge island (one active author) at the head, a new area since main (2 files)</failure>',
        "    </testcase>",
        '    <testcase classname="legible.check.no-new-knowledge-islands" name="no-new-knowledge-islands: tools">',
        '      <failure message="tools: a knowledge island (one active author) at the head, a new area since main (1 file)" type="no-new-knowledge-islands">tools: a knowledge island (one active author) at the head, a new area since main (1 file)</failure>',
        "    </testcase>",
        '    <testcase classname="legible.check" name="no-newly-orphaned-areas"/>',
        '    <testcase classname="legible.check" name="max-orphaned-share"/>',
        '    <testcase classname="legible.check.no-drift" name="no-drift: services/payments" file=".github/CODEOWNERS">',
        `      <failure message="${DRIFT}" type="no-drift">.github/CODEOWNERS:2: ${DRIFT}</failure>`,
        "    </testcase>",
        '    <testcase classname="legible.check.decisions-state-tradeoff" name="decisions-state-tradeoff: docs/decisions/0001-use-postgres.md" file="docs/decisions/0001-use-postgres.md">',
        `      <failure message="${escaped}" type="decisions-state-tradeoff">docs/decisions/0001-use-postgres.md:1: ${escaped}</failure>`,
        "    </testcase>",
        "  </testsuite>",
        "</testsuites>",
        "",
      ].join("\n"),
    );
  });

  it("--format sarif: SARIF 2.1.0, one result per finding, located on its file and line", () => {
    const result = run(["check", "--base", "main", "--format", "sarif"]);
    expect(result.code).toBe(1);
    const sarif = JSON.parse(result.stdout);
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    const [run0] = sarif.runs;
    expect(run0.tool.driver.name).toBe("legible");
    expect(run0.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      "min-truck-factor",
      "no-new-knowledge-islands",
      "no-newly-orphaned-areas",
      "max-orphaned-share",
      "no-drift",
      "decisions-state-tradeoff",
    ]);
    const location = (uri: string, startLine: number) => [
      {
        physicalLocation: {
          artifactLocation: { uri, uriBaseId: "SRCROOT" },
          region: { startLine },
        },
      },
    ];
    expect(run0.results).toEqual([
      {
        ruleId: "min-truck-factor",
        ruleIndex: 0,
        level: "error",
        message: { text: "infra: truck factor 1, below the minimum of 2 (base: 1)" },
        properties: { subject: "infra", repository: "repo" },
      },
      {
        ruleId: "no-new-knowledge-islands",
        ruleIndex: 1,
        level: "error",
        message: {
          text: "payments-v2: a knowledge island (one active author) at the head, a new area since main (2 files)",
        },
        properties: { subject: "payments-v2", repository: "repo" },
      },
      {
        ruleId: "no-new-knowledge-islands",
        ruleIndex: 1,
        level: "error",
        message: {
          text: "tools: a knowledge island (one active author) at the head, a new area since main (1 file)",
        },
        properties: { subject: "tools", repository: "repo" },
      },
      {
        ruleId: "no-drift",
        ruleIndex: 4,
        level: "error",
        message: { text: DRIFT },
        locations: location(".github/CODEOWNERS", 2),
        properties: { subject: "services/payments", repository: "repo" },
      },
      {
        ruleId: "decisions-state-tradeoff",
        ruleIndex: 5,
        level: "error",
        message: { text: TRADEOFF },
        locations: location("docs/decisions/0001-use-postgres.md", 1),
        properties: { subject: "docs/decisions/0001-use-postgres.md", repository: "repo" },
      },
    ]);
  });

  it("in GitHub Actions: ::error annotations and a job summary in Markdown", () => {
    const summary = join(repo.root, "summary.md");
    writeFileSync(summary, "## earlier step\n");
    const result = run(["check", "--base", "main"], {
      GITHUB_ACTIONS: "true",
      GITHUB_STEP_SUMMARY: summary,
    });
    expect(result.code).toBe(1);
    const annotations = result.stdout.split("\n").filter((line) => line.startsWith("::"));
    expect(annotations).toEqual([
      "::error title=legible check%3A min-truck-factor::infra: truck factor 1, below the minimum of 2 (base: 1)",
      "::error title=legible check%3A no-new-knowledge-islands::payments-v2: a knowledge island (one active author) at the head, a new area since main (2 files)",
      "::error title=legible check%3A no-new-knowledge-islands::tools: a knowledge island (one active author) at the head, a new area since main (1 file)",
      `::error file=.github/CODEOWNERS,line=2,title=legible check%3A no-drift::${DRIFT}`,
      `::error file=docs/decisions/0001-use-postgres.md,line=1,title=legible check%3A decisions-state-tradeoff::${TRADEOFF}`,
    ]);
    expect(readFileSync(summary, "utf8")).toBe(
      [
        "## earlier step",
        "## legible check: failed, 5 finding(s)",
        "",
        "Head against base `main`, activity judged at 2024-12-31.",
        "",
        "| Rule | Outcome | Detail |",
        "|---|---|---|",
        "| min-truck-factor | failed | checked 1 named area(s): 1 finding(s) |",
        "| no-new-knowledge-islands | failed | checked 6 areas against main: 2 finding(s) |",
        "| no-newly-orphaned-areas | passed | checked 6 areas against main |",
        "| max-orphaned-share | passed | checked 1 repository(ies) |",
        "| no-drift | failed | checked 2 named area(s): 1 finding(s) |",
        "| decisions-state-tradeoff | failed | checked 1 record(s) added since main: 1 finding(s) |",
        "",
        "### Findings",
        "",
        "- **min-truck-factor**: infra: truck factor 1, below the minimum of 2 (base: 1)",
        "- **no-new-knowledge-islands**: payments-v2: a knowledge island (one active author) at the head, a new area since main (2 files)",
        "- **no-new-knowledge-islands**: tools: a knowledge island (one active author) at the head, a new area since main (1 file)",
        `- **no-drift**: .github/CODEOWNERS:2: ${DRIFT}`,
        `- **decisions-state-tradeoff**: docs/decisions/0001-use-postgres.md:1: ${TRADEOFF}`,
        "",
      ].join("\n"),
    );
  });

  it("without a base: the absolute thresholds only, the relative rules skipped", () => {
    const result = run(["check"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        "FAIL  min-truck-factor: checked 1 named area(s): 1 finding(s)",
        "SKIP  no-new-knowledge-islands: needs --base <ref>",
        "SKIP  no-newly-orphaned-areas: needs --base <ref>",
        "PASS  max-orphaned-share: checked 1 repository(ies)",
        "FAIL  no-drift: checked 2 named area(s): 1 finding(s)",
        "FAIL  decisions-state-tradeoff: checked 1 record(s): 1 finding(s)",
        "",
        "legible check: failed (3 finding(s) in 3 rule(s))",
        "",
      ].join("\n"),
    );
  });
});

describe("legible check: clean runs and bad input", () => {
  it("exits 0 when every rule passes, with nothing on stderr", () => {
    writeFileSync(
      join(repo.dir, "legible.yaml"),
      `${ROSTER}check:\n  minTruckFactor: { infra: 1 }\n  noDrift: [infra]\n  maxOrphanedShare: 0.5\n  noNewKnowledgeIslands: false\n`,
    );
    try {
      const result = run(["check", "--base", "main"]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(
        [
          "PASS  min-truck-factor: checked 1 named area(s)",
          "SKIP  no-new-knowledge-islands: turned off in legible.yaml",
          "PASS  no-newly-orphaned-areas: checked 6 areas against main",
          "PASS  max-orphaned-share: checked 1 repository(ies)",
          "PASS  no-drift: checked 1 named area(s)",
          "SKIP  decisions-state-tradeoff: check.decisionsStateTradeoff is false",
          "",
          "legible check: passed (4 rule(s) checked, 2 skipped)",
          "",
        ].join("\n"),
      );
      const junit = run(["check", "--base", "main", "--format", "junit"]);
      expect(junit.code).toBe(0);
      expect(junit.stdout).toContain(
        '    <testcase classname="legible.check" name="no-new-knowledge-islands">\n      <skipped message="turned off in legible.yaml"/>\n    </testcase>',
      );
      expect(junit.stdout).toContain('tests="6" failures="0" errors="0" skipped="2"');
    } finally {
      writeFileSync(join(repo.dir, "legible.yaml"), `${ROSTER}${RULES}`);
    }
  });

  it("exits 2 naming an area the config names that does not exist", () => {
    writeFileSync(
      join(repo.dir, "legible.yaml"),
      `${ROSTER}check:\n  noDrift: [services/billing]\n`,
    );
    try {
      const result = run(["check"]);
      expect(result.code).toBe(2);
      expect(result.stderr.split("\n")[0]).toBe(
        'legible: check.noDrift: no area "services/billing" at the head',
      );
    } finally {
      writeFileSync(join(repo.dir, "legible.yaml"), `${ROSTER}${RULES}`);
    }
  });

  it("exits 2 on a base ref that is not there, saying how to fetch it", () => {
    const result = run(["check", "--base", "origin/main"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^legible: --base origin\/main: .*unknown ref 'origin\/main'\n/);
    expect(result.stderr).toContain("fetch-depth: 0");
  });

  it("exits 2 on a shallow clone, saying how to fetch the whole history", () => {
    const shallow = repo.cloneShallow(2);
    writeFileSync(join(shallow, "legible.yaml"), `${ROSTER}${RULES}`);
    const result = runCli(["check", "--db", join(repo.root, "shallow.db")], {
      cwd: shallow,
      env: repo.env,
      now: NOW,
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      [
        "legible: shallow-1: a shallow clone (history cut off), so truck factors and authors would be wrong",
        "  hint: legible check reads the whole history: in GitHub Actions give actions/checkout `fetch-depth: 0`; in GitLab CI set the variable `GIT_DEPTH: 0`; locally run `git fetch --unshallow`",
        "",
      ].join("\n"),
    );
  });
});
