/**
 * The scripted history older than two weeks: the repositories' first commits, the people who
 * leave, Mara's payments service, Priya and Leo's pairing on the storefront checkout, the decision
 * records, dependabot, a rename, a deletion and two merge-commit pull requests.
 */
import {
  ANA,
  CHEN,
  DEPENDABOT,
  GRETA,
  INES,
  JONAS,
  KOFI,
  LENA,
  LEO,
  MARA,
  OWEN,
  type Person,
  PRIYA,
  type RepoName,
  SAM,
  SAM_LAPTOP,
  TOMAS,
} from "./cast.js";
import { platformDecisions, shopDecisions } from "./decisions.js";
import { LAYOUT } from "./layout.js";
import { INITIAL_DEPENDENCIES, packageJson, packageLock } from "./packages.js";
import { defaultPull, type FileOp, type PlannedCommit, type PullSpec, review } from "./plan.js";

/** A commit; a pull request by default when it is recent enough. */
export function commit(
  repo: RepoName,
  daysAgo: number,
  author: Person,
  subject: string,
  ops: FileOp[],
  extra: Partial<PlannedCommit> = {},
): PlannedCommit {
  return { repo, daysAgo, author, subject, ops, pull: defaultPull(daysAgo), ...extra };
}

export const add = (path: string, what: string): FileOp => ({ op: "add", path, what });
export const change = (path: string, what: string): FileOp => ({ op: "change", path, what });
export const write = (path: string, content: string): FileOp => ({ op: "write", path, content });

/** Adds every initial file of the repository's areas, plus the root files given. */
function initialFiles(repo: RepoName, root: FileOp[]): FileOp[] {
  const ops = [...root];
  for (const area of LAYOUT[repo])
    for (const name of area.initial) ops.push(add(`${area.dir}/${name}`, `${area.scope} ${name}`));
  return ops;
}

function nodeRoot(repo: "shop-api" | "web", readme: string): FileOp[] {
  const dependencies = INITIAL_DEPENDENCIES[repo];
  return [
    write("package.json", packageJson(repo, dependencies)),
    write("package-lock.json", packageLock(repo, dependencies)),
    write(
      "tsconfig.json",
      `${JSON.stringify({ compilerOptions: { strict: true, module: "NodeNext", target: "ES2022" } }, null, 2)}\n`,
    ),
    write(".gitignore", "node_modules/\ndist/\n.env\n"),
    write("README.md", readme),
  ];
}

function bump(
  repo: RepoName,
  daysAgo: number,
  dependency: string,
  from: string,
  to: string,
  file?: string,
  pull?: PullSpec | null,
): PlannedCommit {
  const link = file ? `https://github.com/${dependency}` : `https://github.com/npm/${dependency}`;
  return commit(
    repo,
    daysAgo,
    DEPENDABOT,
    `chore(deps): bump ${dependency} from ${from} to ${to}`,
    [file ? { op: "bump", dependency, from, to, file } : { op: "bump", dependency, from, to }],
    {
      body: `Bumps [${dependency}](${link}) from ${from} to ${to}.\n\n---\nupdated-dependencies:\n- dependency-name: ${dependency}\n  dependency-type: direct:production\n...\n\nSigned-off-by: dependabot[bot] <support@github.com>`,
      pull: pull === undefined ? defaultPull(daysAgo) : pull,
    },
  );
}

function shopApi(now: Date): PlannedCommit[] {
  const adr = shopDecisions(now);
  const pay = (name: string) => `services/payments/${name}`;
  return [
    commit(
      "shop-api",
      418,
      TOMAS,
      "chore: initial import of shop-api",
      initialFiles(
        "shop-api",
        nodeRoot("shop-api", "# shop-api\n\nOrders, inventory and payments for the Acme shop.\n"),
      ),
    ),
    commit("shop-api", 410.3, MARA, "feat(payments): double-entry ledger", [
      add(pay("ledger.ts"), "post balanced ledger entries"),
      add(pay("index.ts"), "payments service entry point"),
      add("tests/payments/ledger.test.ts", "ledger entries balance"),
    ]),
    commit("shop-api", 402.4, MARA, "feat(payments): Stripe client with retries", [
      add(pay("stripe-client.ts"), "call Stripe with retries"),
    ]),
    commit(
      "shop-api",
      396.5,
      TOMAS,
      "docs(decisions): publish order events with RabbitMQ",
      [write(adr.rabbitmq.path, adr.rabbitmq.content)],
      { coAuthors: [GRETA] },
    ),
    commit("shop-api", 390.2, GRETA, "feat(inventory): stock levels and reservations", [
      add("services/inventory/stock.ts", "stock levels per warehouse"),
      add("services/inventory/reservations.ts", "reserve stock for a checkout"),
    ]),
    commit("shop-api", 381.6, MARA, "feat(payments): handle Stripe webhooks", [
      add(pay("webhooks.ts"), "handle Stripe webhook events"),
      add("tests/payments/webhooks.test.ts", "webhook events"),
    ]),
    commit("shop-api", 370.4, GRETA, "feat(api): v1 compatibility routes", [
      add("src/api/v1-compat.ts", "serve v1 routes for old mobile apps"),
    ]),
    commit(
      "shop-api",
      345.3,
      SAM,
      "fix(api): handle empty cart in order totals",
      [change("src/api/routes.ts", "handle empty cart in order totals")],
      { identity: SAM_LAPTOP },
    ),
    bump("shop-api", 330.2, "express", "4.18.2", "4.19.2"),
    commit(
      "shop-api",
      318.5,
      SAM,
      "refactor(lib): read config from the environment once",
      [change("src/lib/config.ts", "read config from the environment once")],
      { identity: SAM_LAPTOP },
    ),
    commit("shop-api", 306.2, MARA, "feat(payments): refunds", [
      add(pay("refunds.ts"), "refund a captured payment"),
      add("tests/payments/refunds.test.ts", "refunds"),
    ]),
    commit("shop-api", 300.4, GRETA, "docs(decisions): reserve stock when checkout starts", [
      write(adr.singleDecider.path, adr.singleDecider.content),
    ]),
    commit("shop-api", 297.6, SAM, "chore: add .mailmap", [
      write(".mailmap", "Sam Patel <sam@acme.example> <sam.patel@gmail.com>\n"),
    ]),
    commit("shop-api", 262, GRETA, "fix(inventory): release reservations when payment fails", [
      change("services/inventory/reservations.ts", "release reservations when payment fails"),
    ]),
    commit("shop-api", 251.4, MARA, "docs(runbooks): payments incident runbook", [
      add("runbooks/payments-incident.md", "what to do when payments fail"),
    ]),
    bump("shop-api", 190.3, "stripe", "12.9.0", "14.5.0"),
    commit("shop-api", 170.5, TOMAS, "refactor(api): remove v1 compatibility routes", [
      { op: "delete", path: "src/api/v1-compat.ts" },
    ]),
    commit(
      "shop-api",
      151.3,
      MARA,
      "docs(decisions): require an idempotency key on every payment request",
      [write(adr.tradeoff.path, adr.tradeoff.content)],
      { coAuthors: [TOMAS], pull: { reviews: [review(TOMAS, 20), review(LENA, 22)] } },
    ),
    commit("shop-api", 140.2, MARA, "feat(payments): idempotency keys on payment requests", [
      add(pay("idempotency.ts"), "store idempotency keys for 24 hours"),
      change(pay("stripe-client.ts"), "pass the idempotency key to Stripe"),
    ]),
    commit(
      "shop-api",
      96.4,
      TOMAS,
      "refactor(orders): extract order state machine",
      [change("services/orders/orders.ts", "extract order state machine")],
      { coAuthors: [LENA], pull: { reviews: [review(SAM, 3)] } },
    ),
    bump("shop-api", 75.4, "pg", "8.11.0", "8.12.0"),
    commit("shop-api", 58.3, MARA, "feat(payments): scheduled payouts to merchants", [
      add(pay("payouts.ts"), "pay merchants out on a schedule"),
    ]),
    commit(
      "shop-api",
      40.6,
      SAM,
      "fix(payments): verify webhook signatures with the raw body",
      [change(pay("webhooks.ts"), "verify webhook signatures with the raw body")],
      { pull: { reviews: [review(TOMAS, 29)], labels: ["bug"] } },
    ),
    commit(
      "shop-api",
      22.5,
      LENA,
      "fix(payments): reject refunds above the captured amount",
      [change(pay("refunds.ts"), "reject refunds above the captured amount")],
      { pull: { reviews: [review(MARA, 5)], labels: ["bug"] } },
    ),
  ];
}

function web(): PlannedCommit[] {
  const co = (name: string) => `src/checkout/${name}`;
  const byPriya = (hours: number, state?: "CHANGES_REQUESTED") =>
    state ? [review(PRIYA, hours, state), review(PRIYA, hours + 20)] : [review(PRIYA, hours)];
  return [
    commit(
      "web",
      415.2,
      PRIYA,
      "chore: scaffold the storefront",
      initialFiles("web", nodeRoot("web", "# web\n\nThe Acme storefront.\n")),
    ),
    commit("web", 408.5, OWEN, "feat(search): search box with suggestions", [
      add("src/search/SearchBox.tsx", "search box with suggestions"),
      add("src/search/client.ts", "search API client"),
      add("src/search/index.ts", "search module exports"),
    ]),
    commit("web", 377.3, OWEN, "feat(search): rank results by popularity", [
      add("src/search/ranking.ts", "rank results by popularity"),
    ]),
    commit("web", 331.6, CHEN, "feat(catalog): filter products by brand and price", [
      add("src/catalog/filters.ts", "filter products by brand and price"),
    ]),
    commit("web", 300.5, OWEN, "feat(search): highlight matches", [
      add("src/search/highlight.ts", "highlight matched words"),
    ]),
    bump("web", 280.4, "vite", "4.3.9", "4.5.3"),
    commit("web", 232, OWEN, "fix(search): cancel stale search requests", [
      change("src/search/client.ts", "cancel stale search requests"),
    ]),
    commit("web", 201.7, CHEN, "refactor(catalog): rename filters to facets", [
      { op: "rename", from: "src/catalog/filters.ts", to: "src/catalog/facets.ts" },
    ]),
    commit(
      "web",
      128.3,
      LEO,
      "docs: fix the setup steps in the README",
      [
        write(
          "README.md",
          "# web\n\nThe Acme storefront.\n\n## Setup\n\n    npm ci\n    npm run dev\n",
        ),
      ],
      { pull: { reviews: byPriya(3) } },
    ),
    commit(
      "web",
      121.5,
      LEO,
      "test(e2e): cover guest checkout",
      [change("tests/e2e/checkout.spec.ts", "cover guest checkout")],
      { pull: { reviews: byPriya(4) } },
    ),
    commit(
      "web",
      118.4,
      PRIYA,
      "fix(checkout): keep the cart after login",
      [change(co("useCart.ts"), "keep the cart after login")],
      { coAuthors: [LEO], pull: { reviews: [review(CHEN, 5)] } },
    ),
    bump("web", 110.2, "react-router-dom", "6.11.2", "6.22.3"),
    commit(
      "web",
      104.6,
      PRIYA,
      "refactor(checkout): move cart state into a reducer",
      [change(co("Cart.tsx"), "move cart state into a reducer")],
      { coAuthors: [LEO], pull: { reviews: [review(ANA, 4)] } },
    ),
    commit("web", 100.3, ANA, "feat(components): design tokens and themes", [], {
      branch: {
        name: "feature/design-tokens",
        commits: [
          commit("web", 102.5, ANA, "feat(components): design tokens", [
            add("src/components/tokens.ts", "design tokens for colour and spacing"),
          ]),
          commit("web", 101.4, ANA, "feat(components): light and dark themes", [
            add("src/components/theme.ts", "light and dark themes"),
          ]),
        ],
      },
      pull: { reviews: [review(CHEN, 5), review(PRIYA, 7)] },
    }),
    commit(
      "web",
      95.2,
      LEO,
      "fix(checkout): disable the pay button while submitting",
      [change(co("Checkout.tsx"), "disable the pay button while submitting")],
      { coAuthors: [PRIYA], pull: { reviews: byPriya(2) } },
    ),
    commit(
      "web",
      74.5,
      LEO,
      "feat(checkout): card payment form",
      [add(co("PaymentForm.tsx"), "card payment form")],
      { coAuthors: [PRIYA], pull: { reviews: byPriya(3) } },
    ),
    commit(
      "web",
      61.2,
      LEO,
      "feat(checkout): address autocomplete",
      [add(co("address.ts"), "address autocomplete")],
      { pull: { reviews: byPriya(4, "CHANGES_REQUESTED") } },
    ),
    commit(
      "web",
      44.8,
      LEO,
      "feat(checkout): promo codes",
      [add(co("promo.ts"), "apply promo codes")],
      { pull: { reviews: byPriya(3) } },
    ),
    bump("web", 33.5, "vite", "4.5.3", "5.4.8"),
    commit(
      "web",
      30.1,
      LEO,
      "fix(checkout): show card errors next to the field",
      [change(co("PaymentForm.tsx"), "show card errors next to the field")],
      { pull: { reviews: byPriya(2) } },
    ),
  ];
}

function platform(now: Date): PlannedCommit[] {
  const adr = platformDecisions(now);
  const [first, terraform, kubernetes] = adr.records;
  if (!first || !terraform || !kubernetes) throw new Error("platform decision records missing");
  return [
    commit(
      "platform",
      410.1,
      JONAS,
      "chore: bootstrap the platform repository",
      initialFiles("platform", [
        write("README.md", "# platform\n\nInfrastructure, deploy tooling and runbooks.\n"),
        write(".adr-dir", adr.adrDir),
        write(first.path, first.content),
      ]),
    ),
    commit("platform", 404.3, JONAS, "docs(adr): manage infrastructure with Terraform", [
      write(terraform.path, terraform.content),
    ]),
    commit("platform", 380.6, INES, "feat(k8s): deployment and ingress manifests", [
      add("infra/k8s/deployment.yaml", "deployments for shop-api and web"),
      add("infra/k8s/ingress.yaml", "ingress with TLS"),
    ]),
    commit("platform", 379.4, INES, "docs(adr): run services on Kubernetes", [
      write(kubernetes.path, kubernetes.content),
    ]),
    bump("platform", 200.1, "actions/checkout", "v3", "v4", ".github/workflows/ci.yml"),
    commit("platform", 90.2, INES, "refactor(terraform): modules for network and database", [], {
      branch: {
        name: "feature/terraform-modules",
        commits: [
          commit("platform", 92.5, INES, "refactor(terraform): extract the network module", [
            add("infra/terraform/modules/network.tf", "network module"),
          ]),
          commit("platform", 91.3, INES, "refactor(terraform): extract the database module", [
            add("infra/terraform/modules/database.tf", "database module"),
          ]),
        ],
      },
      pull: { reviews: [review(JONAS, 3), review(KOFI, 5)] },
    }),
    commit(
      "platform",
      60.4,
      KOFI,
      "feat(terraform): alerting policies",
      [add("infra/terraform/monitoring.tf", "alerting policies")],
      { coAuthors: [JONAS], pull: { reviews: [review(INES, 2)] } },
    ),
    commit(
      "platform",
      20,
      KOFI,
      "chore: try Bazel for the deploy tools",
      [add("tools/deploy/BUILD.bazel", "bazel build for the deploy tools")],
      {
        branchOnly: "kofim/bazel-experiment",
        pull: { state: "closed", reviews: [review(JONAS, 6, "COMMENTED")] },
      },
    ),
  ];
}

/** Every scripted commit older than two weeks. */
export function storyCommits(now: Date): PlannedCommit[] {
  return [...shopApi(now), ...web(), ...platform(now)];
}
