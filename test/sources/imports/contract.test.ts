import { importers } from "../../../src/sources/imports/index.js";
import { type ContractCase, importerContract } from "./contract.js";

const cases: ContractCase[] = [
  {
    kind: "prs",
    format: "github",
    sample: "github-pulls.json",
    rows: 3,
    rejects: [
      { line: 114, reason: "number: expected a positive integer, but it is missing" },
      { line: 120, reason: "created_at: expected an ISO 8601 date-time" },
    ],
  },
  {
    kind: "prs",
    format: "gh-cli",
    sample: "gh-pr-list.json",
    rows: 3,
    rejects: [
      { line: 80, reason: "mergedAt: expected the merge time of a merged pull request" },
      {
        line: 108,
        reason:
          'createdAt: expected an ISO 8601 date-time (e.g. 2024-05-01T12:00:00Z) or YYYY-MM-DD HH:MM:SS (UTC), got "2024-02-30T10:00:00Z"',
      },
    ],
  },
  {
    kind: "prs",
    format: "gitlab",
    sample: "gitlab-mrs.json",
    rows: 3,
    rejects: [
      { line: 79, reason: "created_at: expected an ISO 8601 date-time" },
      { line: 101, reason: 'state: expected opened, closed, merged or locked, got "reopened"' },
    ],
  },
  {
    kind: "deployments",
    format: "csv",
    sample: "deployments.csv",
    context: { repository: "acme/legacy" },
    rows: 4,
    rejects: [
      { line: 6, reason: "commit_sha: expected a commit SHA (hex digits), but it is missing" },
      {
        line: 7,
        reason:
          'finished_at: expected an ISO 8601 date-time (e.g. 2024-05-01T12:00:00Z) or YYYY-MM-DD HH:MM:SS (UTC), got "soon"',
      },
      {
        line: 9,
        reason:
          'result: expected success, failure, error, cancelled, in_progress or unknown, got "exploded"',
      },
      { line: 10, reason: "has 9 fields where the header has 8" },
      { line: 12, reason: "started_at is after finished_at" },
    ],
  },
  {
    kind: "deployments",
    format: "github-deployments",
    sample: "github-deployments.json",
    rows: 3,
    rejects: [
      { line: 34, reason: "statuses: no deployment status" },
      { line: 43, reason: 'sha: expected a commit SHA (hex digits), got "main"' },
    ],
  },
  {
    kind: "deployments",
    format: "github-releases",
    sample: "github-releases.json",
    context: { tagCommits: new Map([["v1.5.0", "1111111111111111111111111111111111111111"]]) },
    rows: 3,
    rejects: [{ line: 28, reason: "draft: a draft release was never published" }],
  },
  {
    kind: "deployments",
    format: "gitlab-deployments",
    sample: "gitlab-deployments.json",
    rows: 2,
    rejects: [
      {
        line: 73,
        reason:
          'status: expected success, failed, canceled, skipped, created, running or blocked, got "exploded"',
      },
      { line: 83, reason: "sha: expected a commit SHA (hex digits), but it is missing" },
    ],
  },
  {
    kind: "incidents",
    format: "opsgenie",
    sample: "opsgenie-incidents.json",
    rows: 3,
    rejects: [],
  },
  {
    kind: "incidents",
    format: "csv",
    sample: "incidents.csv",
    rows: 3,
    rejects: [
      { line: 4, reason: "created_at: expected an ISO 8601 date-time" },
      { line: 5, reason: "resolved_at is before created_at" },
      { line: 6, reason: "id: expected a non-empty string, but it is missing" },
    ],
  },
  {
    kind: "incidents",
    format: "pagerduty",
    sample: "pagerduty.json",
    rows: 2,
    rejects: [
      { line: 89, reason: "last_status_change_at: expected an ISO 8601 date-time" },
      { line: 98, reason: "created_at: expected an ISO 8601 date-time" },
    ],
  },
  {
    kind: "incidents",
    format: "opsgenie",
    sample: "opsgenie.json",
    rows: 3,
    rejects: [
      {
        line: 58,
        reason:
          'createdAt: expected an ISO 8601 date-time (e.g. 2024-05-01T12:00:00Z) or YYYY-MM-DD HH:MM:SS (UTC), got "05/06/2024 08:00"',
      },
    ],
  },
];

for (const c of cases) importerContract(c);

// Every registered importer is held to the contract.
const covered = new Set(cases.map((c) => `${c.kind}/${c.format}`));
const missing = importers.map((i) => `${i.kind}/${i.format}`).filter((key) => !covered.has(key));
if (missing.length > 0) throw new Error(`importers without a contract case: ${missing.join(", ")}`);
