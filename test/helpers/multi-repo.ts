/**
 * A small, realistic workspace of three git repositories that share area names, for tests of
 * everything that must keep repositories apart (issue 8): `shop-api`, `platform` and `billing` in
 * one temporary folder, with a `legible.yaml` (roster, aliases, services, `review.top: 3`), a
 * `gh pr list --json` export of pull requests in the first two and an incidents CSV.
 *
 * Run the CLI in `root` with `env` and `now: NOW` (see test/helpers/cli.ts); `legible import` with
 * no argument reads both exports. The period of `impact` (180 days) is 2025-01-01 … NOW; anyone
 * whose last commit is before 2025-01-01 is a former contributor (`activeDays: 180`).
 *
 * Repositories, in legible.yaml order, and their display names:
 * - `shop-api/`: origin `https://github.com/acme/shop-api.git` → `acme/shop-api`.
 *   `.mailmap` folds Mara's laptop email. Areas: `runbooks` (Mara only), `services/payments`
 *   (Kai only), `src/api` (Mara 2 files, Ines 1).
 *   The roster has no repository: team platform's `runbooks/**` also matches shop-api's runbooks,
 *   which only Mara (team commerce) writes, so `team:platform` shows in shop-api too.
 * - `platform/`: no remote → `platform` (the exports call it `acme/platform`). `.mailmap` folds
 *   Ines's gmail address and maps the GitHub login `treyes` (an entry with `<>`) to Tomas; no other
 *   repository knows `treyes`, and `identity.aliases` does not list it. Areas: `runbooks`
 *   (Tomas 2 files, Ines 2), `services/payments` (Tomas only), `ci` (Tomas only).
 * - `billing/`: origin `git@github.com:acme/billing.git` → `acme/billing`. Areas: `src/ledger`
 *   (Olu only, last commit 2024-03-15: orphaned), `src/invoices` (Sam only).
 *
 * The stories it makes testable, with the facts a correct legible reports:
 *
 * 1. **Ines writes `platform/runbooks`; Mara reviews only `shop-api/runbooks`.** In the impact
 *    period Mara's only review is of PR acme/shop-api#13 (Kai's, `runbooks/oncall.md`); she never
 *    reviews a platform PR nor anything of Ines's. Mara is the only active author of
 *    `shop-api/runbooks` at the period start and at its end (Kai's single edit of oncall.md, which
 *    Mara reworked twice after, on 2025-05-12 and 05-14, does not make him an author), so Mara's
 *    packet says knowledge of `acme/shop-api: runbooks` did NOT spread: no new author. Her own
 *    runbook work in the period: PR #14 (= `commits.squash14`) and the two oncall.md commits. Ines became an active author of `platform/runbooks` (she created
 *    `restore-db.md` and `rotate-keys.md` in PR acme/platform#7, 2025-02-10), where Tomas — not
 *    Mara — was the only active author at the start. Keyed by the bare area name `runbooks`, Mara
 *    would wrongly be credited with spreading it to Ines (and Tomas) on the strength of her own
 *    runbook work in shop-api (at the time of writing legible prints "Ines Duarte, Tomas Reyes
 *    became active authors of runbooks, supported by 8 of your reviews, pairings or docs").
 * 2. **`runbooks` is a knowledge island in one repository and shared in the other.** At NOW:
 *    `acme/shop-api: runbooks` is `knowledge-island` (4 files, active author Mara only);
 *    `platform: runbooks` is `shared` (4 files: Tomas authors scale-up.md and dr-drill.md, Ines
 *    restore-db.md and rotate-keys.md; truck factor 2). Statuses keyed by name let the last
 *    repository (platform) win and hide the island.
 * 3. **One person under a different email in each repository.** Ines commits as
 *    `Ines Duarte <ines@acme.example>` in shop-api and as `I. Duarte <ines.duarte@gmail.com>` in
 *    platform; only platform's `.mailmap` folds the second into the first. `legible people` lists
 *    ONE Ines Duarte (id `ines@acme.example`, emails ines@acme.example and ines.duarte@gmail.com,
 *    5 commits: 2 in shop-api, 3 in platform; last 2025-06-27; active), and six people in all. Likewise Mara (`mara@laptop.local`, shop-api's `.mailmap`) is one person.
 *    PR logins: `ines-d`, `maralind`, `kaib` resolve through `identity.aliases`; `treyes` only
 *    through platform's `.mailmap` (Tomas Reyes): once accounts resolve through every repository's
 *    `.mailmap`, Tomas's impact packet holds PR acme/platform#9 (= `commits.squash9`) and his
 *    reviews of #7 and #8, and INC-102's responders are Tomas and Ines; resolved through the first
 *    repository's `.mailmap` only (shop-api's), `treyes` is a stranger.
 * 4. **A squash-merged PR and its commit on main are one change.** PR acme/shop-api#12 (Kai,
 *    "Retry refunds on timeout", merged 2025-03-10) was squash-merged: its merge commit
 *    (`commits.squash12`, message "Retry refunds on timeout (#12)") is on shop-api's main and the
 *    branch commit it lists is not. Kai's authored changes in the impact period are 3 (PR #12 =
 *    its squash commit, PR #13 = its squash commit, and the direct commit of 2025-02-03), not 5. The same holds for
 *    every squash PR here (#12, #13, #14, #16, platform #8, #9); platform #7 is a true merge
 *    (`commits.merge7`) whose branch commit `commits.branch7` is in the history.
 * 5. **The third repository's orphaned area must not fall below the top-N cut.** With
 *    `review.top: 3`, the riskiest area of the workspace is `acme/billing: src/ledger` (orphaned:
 *    3 files, only author Olu Ade, last commit 2024-03-15). shop-api alone has three risks ahead
 *    of it in repository order (its whole repository at risk, `runbooks` and `team:platform`
 *    knowledge islands), so a list sorted by repository and then cut at 3 loses it (the review's
 *    "Who we depend on" does today); sorted by risk across the workspace it comes first.
 *
 * Incidents: INC-101 (service `payments-api` → acme/shop-api; responders `kaib`, `ines-d`) and
 * INC-102 (service `platform-db` → acme/platform; responders `treyes` and
 * `I. Duarte <ines.duarte@gmail.com>`, which only platform's .mailmap folds into Ines).
 */
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isolatedEnv, makeRepo, type TestRepo } from "./gitrepo.js";

/** The clock the CLI runs with (`runCli(…, { now: NOW })`). */
export const NOW = "2025-06-30T00:00:00Z";

/** The people, with the identities each repository's history uses and their GitHub logins. */
export const PEOPLE = {
  ines: {
    name: "Ines Duarte",
    email: "ines@acme.example",
    /** How platform's commits name her; only platform's .mailmap folds it. */
    platformIdentity: "I. Duarte <ines.duarte@gmail.com>",
    login: "ines-d",
  },
  mara: {
    name: "Mara Lind",
    email: "mara@acme.example",
    /** An old identity in shop-api, folded by shop-api's .mailmap. */
    laptopIdentity: "mara <mara@laptop.local>",
    login: "maralind",
  },
  kai: { name: "Kai Berg", email: "kai@acme.example", login: "kaib" },
  /** `treyes` is known only to platform's .mailmap. */
  tomas: { name: "Tomas Reyes", email: "tomas@acme.example", login: "treyes" },
  sam: { name: "Sam Okafor", email: "sam@acme.example", login: "sokafor" },
  /** Left: last commit 2024-03-15. */
  olu: { name: "Olu Ade", email: "olu@acme.example", login: "oluade" },
} as const;

const who = (p: { name: string; email: string }) => `${p.name} <${p.email}>`;
const INES = who(PEOPLE.ines);
const MARA = who(PEOPLE.mara);
const KAI = who(PEOPLE.kai);
const TOMAS = who(PEOPLE.tomas);
const SAM = who(PEOPLE.sam);
const OLU = who(PEOPLE.olu);

/** The repositories: folder (relative to `root`), display name, and the name the exports use. */
export const REPOSITORIES = {
  shopApi: { folder: "shop-api", name: "acme/shop-api", exportName: "acme/shop-api" },
  platform: { folder: "platform", name: "platform", exportName: "acme/platform" },
  billing: { folder: "billing", name: "acme/billing", exportName: "acme/billing" },
} as const;

export interface MultiRepoWorkspace {
  /** The workspace folder: legible.yaml, exports/ and the three repositories. */
  root: string;
  /** The isolated git environment to run the CLI with. */
  env: NodeJS.ProcessEnv;
  /** Absolute paths of the repositories' work trees. */
  dirs: Record<keyof typeof REPOSITORIES, string>;
  /** Commit ids the stories refer to. */
  commits: {
    /** shop-api: squash commit of PR #12 "Retry refunds on timeout (#12)", by Kai. */
    squash12: string;
    /** shop-api: squash commit of PR #13 (Kai, runbooks/oncall.md; reviewed by Mara). */
    squash13: string;
    /** shop-api: squash commit of PR #14 (Mara, runbooks/failover.md). */
    squash14: string;
    /** shop-api: squash commit of PR #16 (Ines, src/api/search.ts). */
    squash16: string;
    /** platform: the branch commit of PR #7 (Ines creates two runbooks) and its merge commit. */
    branch7: string;
    merge7: string;
    /** platform: squash commits of PR #8 (Ines) and PR #9 (Tomas). */
    squash8: string;
    squash9: string;
  };
  cleanup(): void;
}

/** Builds the workspace in a new temporary folder. */
export function buildMultiRepoWorkspace(): MultiRepoWorkspace {
  const root = mkdtempSync(join(tmpdir(), "legible-multi-"));
  const home = join(root, ".home");
  mkdirSync(home);
  const env = isolatedEnv(home);
  const built: TestRepo[] = [];
  const place = (repo: TestRepo, folder: string): string => {
    const dir = join(root, folder);
    renameSync(repo.dir, dir);
    built.push(repo);
    return dir;
  };

  // shop-api ---------------------------------------------------------------------------------
  const shop = makeRepo({
    mailmap: `${MARA} <mara@laptop.local>\n`,
  });
  shop.commit({
    author: MARA,
    date: "2024-09-02T09:00:00Z",
    message: "Orders and cart API, first runbooks",
    files: {
      "src/api/orders.ts": "export const orders = [];\n",
      "src/api/cart.ts": "export const cart = [];\n",
      "runbooks/deploy.md": "# Deploy\n\n1. Tag a release.\n",
      "runbooks/rollback.md": "# Roll back\n\n1. Redeploy the previous tag.\n",
      "runbooks/oncall.md": "# On call\n\nPage the commerce rota.\n",
    },
  });
  shop.commit({
    author: KAI,
    date: "2024-09-10T09:00:00Z",
    message: "Payments service: charge and refund",
    files: {
      "services/payments/charge.ts": "export function charge() {}\n",
      "services/payments/refund.ts": "export function refund() {}\n",
    },
  });
  shop.commit({
    author: INES,
    date: "2024-10-01T09:00:00Z",
    message: "Search endpoint",
    files: { "src/api/search.ts": "export function search() {}\n" },
  });
  shop.commit({
    author: PEOPLE.mara.laptopIdentity,
    date: "2024-11-05T09:00:00Z",
    message: "Deploy runbook: smoke test",
    files: { "runbooks/deploy.md": "# Deploy\n\n1. Tag a release.\n2. Smoke test.\n" },
  });
  shop.commit({
    author: KAI,
    date: "2025-02-03T09:00:00Z",
    message: "Charge: idempotency key",
    files: { "services/payments/charge.ts": "export function charge(key: string) {}\n" },
  });
  const squash12 = shop.commit({
    author: KAI,
    date: "2025-03-10T15:00:00Z",
    message: "Retry refunds on timeout (#12)",
    files: { "services/payments/refund.ts": "export function refund() { /* retry */ }\n" },
  });
  const squash13 = shop.commit({
    author: KAI,
    date: "2025-03-21T10:00:00Z",
    message: "Runbook: on-call escalation (#13)",
    files: { "runbooks/oncall.md": "# On call\n\nPage the commerce rota, then escalate.\n" },
  });
  const squash14 = shop.commit({
    author: MARA,
    date: "2025-04-02T10:00:00Z",
    message: "Runbook: failover steps (#14)",
    files: { "runbooks/failover.md": "# Failover\n\n1. Switch the database.\n" },
  });
  // Mara reworks the on-call runbook after Kai's change, so his single edit does not make him an
  // author of it: shop-api/runbooks keeps one author.
  shop.commit({
    author: MARA,
    date: "2025-05-12T10:00:00Z",
    message: "On call: new rota",
    files: { "runbooks/oncall.md": "# On call\n\nPage the new commerce rota, then escalate.\n" },
  });
  shop.commit({
    author: MARA,
    date: "2025-05-14T10:00:00Z",
    message: "On call: escalation contacts",
    files: {
      "runbooks/oncall.md": "# On call\n\nPage the new commerce rota, then escalate to the lead.\n",
    },
  });
  const squash16 = shop.commit({
    author: INES,
    date: "2025-06-25T10:00:00Z",
    message: "Search: paginate results (#16)",
    files: { "src/api/search.ts": "export function search(page = 1) {}\n" },
  });
  shop.git("remote", "add", "origin", "https://github.com/acme/shop-api.git");
  const shopDir = place(shop, REPOSITORIES.shopApi.folder);

  // platform ---------------------------------------------------------------------------------
  const platform = makeRepo({
    mailmap: [`${INES} <ines.duarte@gmail.com>`, `${TOMAS} ${PEOPLE.tomas.login} <>`, ""].join(
      "\n",
    ),
  });
  platform.commit({
    author: TOMAS,
    date: "2024-08-01T09:00:00Z",
    message: "CI and payments infrastructure",
    files: {
      "ci/build.yml": "steps: [build]\n",
      "services/payments/main.tf": 'resource "db" "payments" {}\n',
      "services/payments/variables.tf": 'variable "size" {}\n',
    },
  });
  platform.commit({
    author: TOMAS,
    date: "2024-11-20T09:00:00Z",
    message: "Runbooks: scaling and DR drill",
    files: {
      "runbooks/scale-up.md": "# Scale up\n\nRaise the instance size.\n",
      "runbooks/dr-drill.md": "# DR drill\n\nEvery quarter.\n",
    },
  });
  platform.commit({
    author: TOMAS,
    date: "2024-12-01T09:00:00Z",
    message: "Deploy pipeline",
    files: { "ci/deploy.yml": "steps: [deploy]\n" },
  });
  platform.branch("ines/runbooks");
  const branch7 = platform.commit({
    author: PEOPLE.ines.platformIdentity,
    date: "2025-02-10T09:00:00Z",
    message: "Runbooks: restore and key rotation",
    files: {
      "runbooks/restore-db.md": "# Restore the database\n\n1. Pick a backup.\n",
      "runbooks/rotate-keys.md": "# Rotate keys\n\n1. Issue new keys.\n",
    },
  });
  platform.checkout("main");
  const merge7 = platform.merge("ines/runbooks", {
    author: TOMAS,
    date: "2025-02-11T12:00:00Z",
    message: "Merge pull request #7 from acme/ines/runbooks",
  });
  const squash8 = platform.commit({
    author: PEOPLE.ines.platformIdentity,
    date: "2025-04-15T10:00:00Z",
    message: "Runbooks: restore from snapshot (#8)",
    files: {
      "runbooks/restore-db.md": "# Restore the database\n\n1. Pick a backup or a snapshot.\n",
    },
  });
  const squash9 = platform.commit({
    author: TOMAS,
    date: "2025-06-26T10:00:00Z",
    message: "Payments: raise instance size (#9)",
    files: { "services/payments/main.tf": 'resource "db" "payments" { size = "l" }\n' },
  });
  platform.commit({
    author: PEOPLE.ines.platformIdentity,
    date: "2025-06-27T10:00:00Z",
    message: "Rotate keys: verify",
    files: { "runbooks/rotate-keys.md": "# Rotate keys\n\n1. Issue new keys.\n2. Verify.\n" },
  });
  const platformDir = place(platform, REPOSITORIES.platform.folder);

  // billing ----------------------------------------------------------------------------------
  const billing = makeRepo();
  billing.commit({
    author: OLU,
    date: "2024-01-10T09:00:00Z",
    message: "Ledger",
    files: {
      "src/ledger/entries.ts": "export const entries = [];\n",
      "src/ledger/balance.ts": "export function balance() {}\n",
      "src/ledger/close.ts": "export function close() {}\n",
    },
  });
  billing.commit({
    author: OLU,
    date: "2024-03-15T09:00:00Z",
    message: "Ledger: balance by currency",
    files: { "src/ledger/balance.ts": "export function balance(currency: string) {}\n" },
  });
  billing.commit({
    author: SAM,
    date: "2024-10-01T09:00:00Z",
    message: "Invoices",
    files: {
      "src/invoices/pdf.ts": "export function pdf() {}\n",
      "src/invoices/email.ts": "export function email() {}\n",
    },
  });
  billing.commit({
    author: SAM,
    date: "2025-05-02T09:00:00Z",
    message: "Invoices: VAT line",
    files: { "src/invoices/pdf.ts": "export function pdf(vat = true) {}\n" },
  });
  billing.git("remote", "add", "origin", "git@github.com:acme/billing.git");
  const billingDir = place(billing, REPOSITORIES.billing.folder);

  const commits = { squash12, squash13, squash14, squash16, branch7, merge7, squash8, squash9 };
  mkdirSync(join(root, "exports"));
  writeFileSync(
    join(root, "exports", "prs.json"),
    `${JSON.stringify(pullRequests(commits), null, 2)}\n`,
  );
  writeFileSync(join(root, "exports", "incidents.csv"), INCIDENTS_CSV);
  writeFileSync(join(root, "legible.yaml"), CONFIG_YAML);

  return {
    root,
    env,
    dirs: { shopApi: shopDir, platform: platformDir, billing: billingDir },
    commits,
    cleanup() {
      rmSync(root, { recursive: true, force: true });
      for (const repo of built) repo.cleanup();
    },
  };
}

const CONFIG_YAML = `# The multi-repository test workspace (test/helpers/multi-repo.ts).
repositories:
  - ${REPOSITORIES.shopApi.folder}
  - ${REPOSITORIES.platform.folder}
  - ${REPOSITORIES.billing.folder}
identity:
  aliases:
    - name: ${PEOPLE.ines.name}
      emails: [${PEOPLE.ines.email}]
      names: [${PEOPLE.ines.login}]
    - name: ${PEOPLE.mara.name}
      emails: [${PEOPLE.mara.email}]
      names: [${PEOPLE.mara.login}]
    - name: ${PEOPLE.kai.name}
      emails: [${PEOPLE.kai.email}]
      names: [${PEOPLE.kai.login}]
teams:
  commerce:
    members: [${PEOPLE.mara.email}, ${PEOPLE.kai.email}]
    areas: ["src/api/**", "services/payments/*.ts"]
  platform:
    members: [${PEOPLE.ines.email}, ${PEOPLE.tomas.email}]
    areas: ["runbooks/**", "ci/**", "services/payments/*.tf"]
  billing:
    members: [${PEOPLE.sam.email}, ${PEOPLE.olu.email}]
    areas: ["src/ledger/**", "src/invoices/**"]
sources:
  - kind: prs
    file: exports/prs.json
  - kind: incidents
    file: exports/incidents.csv
delivery:
  services:
    payments-api: ${REPOSITORIES.shopApi.exportName}
    platform-db: ${REPOSITORIES.platform.exportName}
review:
  top: 3
`;

const INCIDENTS_CSV = `id,title,created_at,resolved_at,service,severity,responders
INC-101,Refunds failing,2025-03-09T08:00:00Z,2025-03-09T10:00:00Z,payments-api,SEV2,${PEOPLE.kai.login};${PEOPLE.ines.login}
INC-102,Database restore took three hours,2025-04-14T06:00:00Z,2025-04-14T09:00:00Z,platform-db,SEV1,${PEOPLE.tomas.login};${PEOPLE.ines.platformIdentity}
`;

interface PullSpec {
  repository: string;
  number: number;
  title: string;
  author: string;
  branch: string;
  createdAt: string;
  mergedAt: string;
  /** The commit on main: the squash commit, or the merge commit of a true merge. */
  mergeCommit: string;
  /** The PR's own commits: [sha, authoredDate, login, email]. */
  commits: [string, string, string, string][];
  reviews: [string, string][];
  labels?: string[];
}

/** A made-up id for a branch commit that a squash merge left out of the history. */
const branchSha = (n: number) => `${n}`.padStart(4, "0").padEnd(40, "b");

function pullRequests(c: MultiRepoWorkspace["commits"]): unknown[] {
  const shop = REPOSITORIES.shopApi.exportName;
  const platform = REPOSITORIES.platform.exportName;
  const { ines, mara, kai, tomas } = PEOPLE;
  const specs: PullSpec[] = [
    {
      repository: shop,
      number: 12,
      title: "Retry refunds on timeout",
      author: kai.login,
      branch: "kai/refund-retry",
      createdAt: "2025-03-08T09:00:00Z",
      mergedAt: "2025-03-10T15:00:00Z",
      mergeCommit: c.squash12,
      commits: [[branchSha(12), "2025-03-08T08:30:00Z", kai.login, kai.email]],
      reviews: [[ines.login, "2025-03-09T11:00:00Z"]],
      labels: ["bug"],
    },
    {
      repository: shop,
      number: 13,
      title: "Runbook: on-call escalation",
      author: kai.login,
      branch: "kai/oncall",
      createdAt: "2025-03-20T09:00:00Z",
      mergedAt: "2025-03-21T10:00:00Z",
      mergeCommit: c.squash13,
      commits: [[branchSha(13), "2025-03-20T08:30:00Z", kai.login, kai.email]],
      reviews: [[mara.login, "2025-03-20T16:00:00Z"]],
    },
    {
      repository: shop,
      number: 14,
      title: "Runbook: failover steps",
      author: mara.login,
      branch: "mara/failover",
      createdAt: "2025-04-01T09:00:00Z",
      mergedAt: "2025-04-02T10:00:00Z",
      mergeCommit: c.squash14,
      commits: [[branchSha(14), "2025-04-01T08:30:00Z", mara.login, mara.email]],
      reviews: [[kai.login, "2025-04-01T15:00:00Z"]],
    },
    {
      repository: shop,
      number: 16,
      title: "Search: paginate results",
      author: ines.login,
      branch: "ines/paginate",
      createdAt: "2025-06-24T09:00:00Z",
      mergedAt: "2025-06-25T10:00:00Z",
      mergeCommit: c.squash16,
      commits: [[branchSha(16), "2025-06-24T08:30:00Z", ines.login, ines.email]],
      reviews: [[kai.login, "2025-06-24T17:00:00Z"]],
    },
    {
      repository: platform,
      number: 7,
      title: "Runbooks: restore and key rotation",
      author: ines.login,
      branch: "ines/runbooks",
      createdAt: "2025-02-10T09:30:00Z",
      mergedAt: "2025-02-11T12:00:00Z",
      mergeCommit: c.merge7,
      commits: [[c.branch7, "2025-02-10T09:00:00Z", ines.login, "ines.duarte@gmail.com"]],
      reviews: [[tomas.login, "2025-02-11T10:00:00Z"]],
    },
    {
      repository: platform,
      number: 8,
      title: "Runbooks: restore from snapshot",
      author: ines.login,
      branch: "ines/snapshot",
      createdAt: "2025-04-14T12:00:00Z",
      mergedAt: "2025-04-15T10:00:00Z",
      mergeCommit: c.squash8,
      commits: [[branchSha(8), "2025-04-14T11:30:00Z", ines.login, "ines.duarte@gmail.com"]],
      reviews: [[tomas.login, "2025-04-15T09:00:00Z"]],
      labels: ["incident-follow-up"],
    },
    {
      repository: platform,
      number: 9,
      title: "Payments: raise instance size",
      author: tomas.login,
      branch: "tomas/size",
      createdAt: "2025-06-25T09:00:00Z",
      mergedAt: "2025-06-26T10:00:00Z",
      mergeCommit: c.squash9,
      commits: [[branchSha(9), "2025-06-25T08:30:00Z", tomas.login, tomas.email]],
      reviews: [[ines.login, "2025-06-25T15:00:00Z"]],
    },
  ];
  return specs.map((pr) => ({
    number: pr.number,
    title: pr.title,
    url: `https://github.com/${pr.repository}/pull/${pr.number}`,
    author: { login: pr.author, is_bot: false },
    state: "MERGED",
    createdAt: pr.createdAt,
    mergedAt: pr.mergedAt,
    closedAt: pr.mergedAt,
    baseRefName: "main",
    headRefName: pr.branch,
    mergeCommit: { oid: pr.mergeCommit },
    labels: (pr.labels ?? []).map((name) => ({ name })),
    commits: pr.commits.map(([oid, authoredDate, login, email]) => ({
      oid,
      authoredDate,
      committedDate: authoredDate,
      messageHeadline: pr.title,
      authors: [{ login, email, name: login }],
    })),
    reviews: pr.reviews.map(([login, submittedAt], i) => ({
      id: `PRR_${pr.repository.split("/")[1]}_${pr.number}_${i + 1}`,
      author: { login },
      state: "APPROVED",
      submittedAt,
      body: "",
    })),
    comments: [],
  }));
}
