import { CHECK_RULES, type CheckFinding, type CheckReport, type CheckRule } from "../app/check.js";
import { mdCell } from "./format.js";
import { markdownCode } from "./markdown.js";

/** One line per finding, for stderr (every format, every CI system). */
export function findingLines(report: CheckReport): string {
  return report.findings
    .map((f) => `legible check: ${f.rule}: ${location(f)}${oneLine(f.message)}\n`)
    .join("");
}

function location(f: CheckFinding): string {
  return f.file ? `${f.file}${f.line ? `:${f.line}` : ""}: ` : "";
}

/** The default stdout: each rule's outcome, then the verdict. */
export function checkText(report: CheckReport): string {
  const mark = { passed: "PASS", failed: "FAIL", skipped: "SKIP" } as const;
  const lines = report.rules.map((r) => `${mark[r.outcome]}  ${r.rule}: ${r.detail}`);
  const failed = report.rules.filter((r) => r.outcome === "failed").length;
  lines.push(
    "",
    failed === 0
      ? `legible check: passed (${report.rules.filter((r) => r.outcome === "passed").length} rule(s) checked, ${report.rules.filter((r) => r.outcome === "skipped").length} skipped)`
      : `legible check: failed (${report.findings.length} finding(s) in ${failed} rule(s))`,
  );
  return `${lines.join("\n")}\n`;
}

/**
 * GitHub Actions workflow commands: one `::error` annotation per finding (on the file and line
 * when the finding has one). Values are escaped as the runner reads them.
 */
export function githubAnnotations(report: CheckReport): string {
  return report.findings
    .map((f) => {
      const properties = [
        ...(f.file ? [`file=${escapeProperty(f.file)}`] : []),
        ...(f.line ? [`line=${f.line}`] : []),
        `title=${escapeProperty(`legible check: ${f.rule}`)}`,
      ];
      return `::error ${properties.join(",")}::${escapeData(f.message)}\n`;
    })
    .join("");
}

function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** The job summary (GITHUB_STEP_SUMMARY): the rules as a table and the findings as a list. */
export function checkSummaryMarkdown(report: CheckReport): string {
  const failed = report.findings.length > 0;
  const lines = [
    `## legible check: ${failed ? `failed, ${report.findings.length} finding(s)` : "passed"}`,
    "",
    report.base
      ? `Head against base ${markdownCode(report.base.ref)}, activity judged at ${report.asOf.slice(0, 10)}.`
      : `Head against the thresholds of legible.yaml, activity judged at ${report.asOf.slice(0, 10)}.`,
    "",
    "| Rule | Outcome | Detail |",
    "|---|---|---|",
    ...report.rules.map((r) => `| ${mdCell(r.rule)} | ${r.outcome} | ${mdCell(r.detail)} |`),
  ];
  if (failed) {
    lines.push("", "### Findings", "");
    for (const f of report.findings)
      lines.push(`- **${mdCell(f.rule)}**: ${mdCell(`${location(f)}${f.message}`)}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * JUnit XML: one test case per rule that passed or was skipped, and one failing test case per
 * finding (named `<rule>: <subject>`), in one test suite.
 */
export function checkJunit(report: CheckReport): string {
  const cases: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const rule of report.rules) {
    const found = report.findings.filter((f) => f.rule === rule.rule);
    if (found.length === 0) {
      tests += 1;
      if (rule.outcome === "skipped") {
        skipped += 1;
        cases.push(
          `    <testcase classname="legible.check" name="${xml(rule.rule)}">\n      <skipped message="${xml(rule.detail)}"/>\n    </testcase>`,
        );
      } else cases.push(`    <testcase classname="legible.check" name="${xml(rule.rule)}"/>`);
      continue;
    }
    for (const f of found) {
      tests += 1;
      failures += 1;
      cases.push(
        `    <testcase classname="legible.check.${xml(rule.rule)}" name="${xml(`${rule.rule}: ${f.subject}`)}"${f.file ? ` file="${xml(f.file)}"` : ""}>\n      <failure message="${xml(f.message)}" type="${xml(rule.rule)}">${xml(`${location(f)}${f.message}`)}</failure>\n    </testcase>`,
      );
    }
  }
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="legible check" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
    `  <testsuite name="legible check" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
    ...cases,
    "  </testsuite>",
    "</testsuites>",
    "",
  ].join("\n");
}

function xml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      // Characters XML 1.0 cannot hold at all are written as visible escapes.
      .split("")
      .map((c) => {
        const code = c.charCodeAt(0);
        return code < 0x20 && c !== "\t" && c !== "\n" && c !== "\r"
          ? `\\u${code.toString(16).padStart(4, "0")}`
          : c;
      })
      .join("")
      .replace(/\n/g, "&#10;")
  );
}

/**
 * SARIF 2.1.0: one rule per check rule, one error result per finding, located on its file and
 * line when it has one (a CODEOWNERS line, a decision record). Paths are relative to the
 * repository (`uriBaseId` SRCROOT); in a workspace the result's `properties.repository` says which.
 */
export function checkSarif(report: CheckReport, version: string): string {
  const ids = Object.keys(CHECK_RULES) as CheckRule[];
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "legible",
            version,
            rules: ids.map((id) => ({
              id,
              name: id,
              shortDescription: { text: CHECK_RULES[id] },
              defaultConfiguration: { level: "error" },
            })),
          },
        },
        results: report.findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ids.indexOf(f.rule),
          level: "error",
          message: { text: f.message },
          ...(f.file
            ? {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: f.file, uriBaseId: "SRCROOT" },
                      ...(f.line ? { region: { startLine: f.line } } : {}),
                    },
                  },
                ],
              }
            : {}),
          properties: { subject: f.subject, repository: f.repository },
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}
