/**
 * A repository where declared ownership and real knowledge part ways, in GitHub's or GitLab's
 * CODEOWNERS form, with a roster (`legible.yaml`). Run the CLI in `repo.dir` with `now: NOW`.
 *
 * People: Pat (team payments), Sam and Tess (team platform), Quinn (no team). `activeDays` is the
 * default 180, so at NOW anyone whose last commit is before 2024-07-04 is former.
 *
 * The story:
 * - CODEOWNERS gives `services/payments/` to @acme/payments and `infra/` to @acme/platform; the
 *   roster maps them (by their team part) to the roster teams payments and platform.
 * - Pat wrote the payments service and left (last commit 2024-03-10). From August 2024 Sam (team
 *   platform) changes it: at NOW its only active author is Sam, so `services/payments` drifts
 *   (aligned at the end of July and August, drifting from September), and @acme/payments is an
 *   owner who left. `infra` is Sam's and Tess's: aligned. `tools` (Quinn) has no declared owner.
 * - Changes (commits; no pull requests): Aug 5 payments only (1 team), Aug 20 payments + infra
 *   (2), Sep 1 infra (1), Oct 10 and Nov 5 payments + infra (2 each), Nov 20 tools (no team),
 *   Dec 1 infra (1). Coupling of `infra` and `services/payments`, last 91 days (from 2024-10-01):
 *   shared 2, revisions 3 and 2 → degree trunc(2 ÷ 2.5 × 100) = 80; the 91 days before: shared 1,
 *   revisions 2 and 2 → 50: it rose.
 *
 * With `branch: true` the history up to Nov 5 is on `main`, and the rest is on a `feature` branch
 * (checked out) that also adds `payments-v2/` (Sam alone) and a decision record with no tradeoff.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeRepo, type TestRepo } from "./gitrepo.js";

export const NOW = "2024-12-31T12:00:00Z";

export const PAT = "Pat Payne <pat@example.com>";
export const SAM = "Sam Ortiz <sam@example.com>";
export const TESS = "Tess Lund <tess@example.com>";
export const QUINN = "Quinn Ray <quinn@example.com>";

export const GITHUB_CODEOWNERS = `# Payments team owns the payments service
/services/payments/ @acme/payments
/infra/ @acme/platform   # the platform team
*.md docs@acme.example
`;

export const GITLAB_CODEOWNERS = `# Sections, default owners, approvals
[Payments] @acme/payments
services/payments/

[Platform][2] @acme/platform
infra/
`;

export const ROSTER = `teams:
  payments:
    members: [pat@example.com]
  platform:
    members: [sam@example.com, tess@example.com]
privacy:
  minGroupSize: 1
`;

export interface OwnershipRepoOptions {
  form: "github" | "gitlab";
  /** Split the history into `main` and a checked-out `feature` branch (for `legible check`). */
  branch?: boolean;
  /** Extra legible.yaml text appended to the roster. */
  config?: string;
}

export function buildOwnershipRepo(options: OwnershipRepoOptions): TestRepo {
  const repo = makeRepo();
  const codeowners: Record<string, string> =
    options.form === "github"
      ? { ".github/CODEOWNERS": GITHUB_CODEOWNERS }
      : { ".gitlab/CODEOWNERS": GITLAB_CODEOWNERS };
  repo.commit({
    author: PAT,
    date: "2024-01-10T10:00:00Z",
    message: "Payments service",
    files: {
      ...codeowners,
      "services/payments/charge.ts": "export const charge = 1;\n",
      "services/payments/refund.ts": "export const refund = 1;\n",
      "services/payments/ledger.ts": "export const ledger = 1;\n",
    },
  });
  repo.commit({
    author: SAM,
    date: "2024-02-01T10:00:00Z",
    message: "Deploy scripts",
    files: { "infra/deploy.sh": "deploy 1\n", "infra/network.sh": "network 1\n" },
  });
  repo.commit({
    author: PAT,
    date: "2024-03-10T10:00:00Z",
    message: "Charge retries",
    files: { "services/payments/charge.ts": "export const charge = 2;\n" },
  });
  repo.commit({
    author: SAM,
    date: "2024-08-05T10:00:00Z",
    message: "Payments: logging",
    files: {
      "services/payments/charge.ts": "export const charge = 3;\n",
      "services/payments/refund.ts": "export const refund = 3;\n",
      "services/payments/ledger.ts": "export const ledger = 3;\n",
    },
  });
  repo.commit({
    author: SAM,
    date: "2024-08-20T10:00:00Z",
    message: "Payments: new deploy target",
    files: {
      "services/payments/charge.ts": "export const charge = 4;\n",
      "services/payments/refund.ts": "export const refund = 4;\n",
      "services/payments/ledger.ts": "export const ledger = 4;\n",
      "infra/deploy.sh": "deploy 2\n",
    },
  });
  repo.commit({
    author: TESS,
    date: "2024-09-01T10:00:00Z",
    message: "Monitoring",
    files: { "infra/monitor.sh": "monitor 1\n" },
  });
  repo.commit({
    author: SAM,
    date: "2024-10-10T10:00:00Z",
    message: "Charge: deploy together",
    files: {
      "services/payments/charge.ts": "export const charge = 5;\n",
      "infra/deploy.sh": "deploy 3\n",
    },
  });
  repo.commit({
    author: SAM,
    date: "2024-11-05T10:00:00Z",
    message: "Refunds over the new network",
    files: {
      "services/payments/refund.ts": "export const refund = 5;\n",
      "services/payments/ledger.ts": "export const ledger = 5;\n",
      "infra/network.sh": "network 2\n",
    },
  });
  if (options.branch) repo.branch("feature");
  repo.commit({
    author: QUINN,
    date: "2024-11-20T10:00:00Z",
    message: "Lint tool",
    files: { "tools/lint.ts": "export const lint = 1;\n" },
  });
  repo.commit({
    author: TESS,
    date: "2024-12-01T10:00:00Z",
    message: "Deploy and monitor",
    files: { "infra/deploy.sh": "deploy 4\n", "infra/monitor.sh": "monitor 2\n" },
  });
  if (options.branch) {
    repo.commit({
      author: SAM,
      date: "2024-12-10T10:00:00Z",
      message: "Payments v2",
      files: {
        "payments-v2/api.ts": "export const api = 1;\n",
        "payments-v2/client.ts": "export const client = 1;\n",
      },
    });
    repo.commit({
      author: SAM,
      date: "2024-12-11T10:00:00Z",
      message: "Decision: Postgres for payments v2",
      files: {
        "docs/decisions/0001-use-postgres.md":
          "# 1. Use Postgres for payments v2\n\nDate: 2024-12-11\n\n## Status\n\nAccepted\n\n## Context\n\nPayments v2 needs a store.\n\n## Decision\n\nWe use Postgres.\n\n## Consequences\n\nWe run Postgres.\n",
      },
    });
  }
  writeFileSync(join(repo.dir, "legible.yaml"), `${ROSTER}${options.config ?? ""}`);
  // legible.yaml and the database stay out of the history: git ignores them locally.
  writeFileSync(join(repo.dir, ".git", "info", "exclude"), "legible.yaml\n.legible/\n");
  return repo;
}
