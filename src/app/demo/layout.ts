/**
 * What each demo repository holds: its areas (directories), the files its first commit creates,
 * the files later commits add, and the kinds of change people make there, as conventional-commit
 * types and descriptions.
 */
import type { RepoName } from "./cast.js";

export type CommitType = "feat" | "fix" | "docs" | "test" | "ci" | "refactor" | "perf" | "chore";

/** One directory of a repository. */
export interface AreaSpec {
  dir: string;
  scope: string;
  /** The commit type of adding a file here. */
  addType: CommitType;
  /** File names the first commit creates. */
  initial: string[];
  /** Files random activity may add later: name and what it is. */
  later: [name: string, what: string][];
  /** Changes random activity makes to existing files. */
  changes: [CommitType, string][];
}

const SHOP_API: AreaSpec[] = [
  {
    dir: "src/api",
    scope: "api",
    addType: "feat",
    initial: ["server.ts", "routes.ts", "middleware.ts"],
    later: [
      ["errors.ts", "problem+json error responses"],
      ["auth.ts", "merchant API key authentication"],
      ["pagination.ts", "cursor pagination"],
      ["health.ts", "readiness and liveness endpoints"],
    ],
    changes: [
      ["feat", "return order totals with tax breakdown"],
      ["fix", "handle empty cart in order totals"],
      ["fix", "reject malformed JSON bodies with 400"],
      ["refactor", "split routes by resource"],
      ["perf", "stream large order exports"],
      ["feat", "add request ids to every response"],
      ["fix", "keep CORS headers on error responses"],
      ["refactor", "move validation into zod schemas"],
    ],
  },
  {
    dir: "src/lib",
    scope: "lib",
    addType: "feat",
    initial: ["logger.ts", "config.ts", "db.ts"],
    later: [
      ["metrics.ts", "Prometheus metrics"],
      ["retry.ts", "retry with jittered backoff"],
    ],
    changes: [
      ["fix", "redact card numbers in logs"],
      ["refactor", "read config from the environment once"],
      ["perf", "reuse database connections across requests"],
      ["feat", "structured JSON logging"],
      ["fix", "close the pool on shutdown"],
    ],
  },
  {
    dir: "services/orders",
    scope: "orders",
    addType: "feat",
    initial: ["orders.ts", "index.ts"],
    later: [
      ["fulfilment.ts", "order fulfilment states"],
      ["cancellations.ts", "order cancellation within 30 minutes"],
      ["shipping.ts", "shipping quotes per carrier"],
    ],
    changes: [
      ["feat", "split orders into shipments"],
      ["fix", "do not double count discounts"],
      ["fix", "keep order history when a customer is deleted"],
      ["refactor", "extract order state machine"],
      ["feat", "publish order.shipped events"],
      ["perf", "index orders by customer and date"],
      ["fix", "round shipping costs per line"],
    ],
  },
  {
    dir: "services/inventory",
    scope: "inventory",
    addType: "feat",
    initial: [],
    later: [
      ["warehouse.ts", "warehouse sync"],
      ["forecast.ts", "demand forecast per product"],
    ],
    changes: [
      ["fix", "release reservations when payment fails"],
      ["feat", "low stock alerts"],
      ["refactor", "read stock through one query"],
      ["fix", "never reserve negative stock"],
      ["perf", "batch warehouse sync"],
    ],
  },
  {
    dir: "services/payments",
    scope: "payments",
    addType: "feat",
    initial: [],
    later: [],
    changes: [
      ["fix", "round currency amounts half-even"],
      ["feat", "support partial captures"],
      ["fix", "retry Stripe calls on 429 with backoff"],
      ["refactor", "post ledger entries in one transaction"],
      ["fix", "verify webhook signatures with the raw body"],
      ["feat", "reconcile the ledger with Stripe balance nightly"],
      ["perf", "cache exchange rates for a minute"],
      ["fix", "reject refunds above the captured amount"],
    ],
  },
  {
    dir: "tests/orders",
    scope: "orders",
    addType: "test",
    initial: ["orders.test.ts"],
    later: [
      ["fulfilment.test.ts", "fulfilment transitions"],
      ["events.test.ts", "order events"],
    ],
    changes: [
      ["test", "cover cancelled orders"],
      ["test", "cover discounts on split shipments"],
      ["test", "use fixtures for customers"],
    ],
  },
  {
    dir: "tests/inventory",
    scope: "inventory",
    addType: "test",
    initial: [],
    later: [["stock.test.ts", "stock levels"]],
    changes: [["test", "cover reservation expiry"]],
  },
  {
    dir: "tests/payments",
    scope: "payments",
    addType: "test",
    initial: [],
    later: [],
    changes: [
      ["test", "cover partial refunds"],
      ["test", "cover webhook replays"],
      ["test", "property test ledger balances"],
    ],
  },
  {
    dir: "runbooks",
    scope: "runbooks",
    addType: "docs",
    initial: [],
    later: [
      ["orders-backlog.md", "runbook for a growing order backlog"],
      ["database-maintenance.md", "runbook for database maintenance"],
    ],
    changes: [
      ["docs", "add dashboards to the runbook"],
      ["docs", "update escalation contacts"],
    ],
  },
  {
    dir: ".github/workflows",
    scope: "ci",
    addType: "ci",
    initial: ["ci.yml"],
    later: [["deploy.yml", "deploy workflow"]],
    changes: [
      ["ci", "cache npm dependencies"],
      ["ci", "run tests against PostgreSQL 16"],
      ["ci", "upload coverage"],
    ],
  },
];

const WEB: AreaSpec[] = [
  {
    dir: "src",
    scope: "app",
    addType: "feat",
    initial: ["main.tsx", "App.tsx"],
    later: [["routes.tsx", "route table"]],
    changes: [
      ["refactor", "lazy-load routes"],
      ["fix", "restore scroll position on back"],
    ],
  },
  {
    dir: "src/checkout",
    scope: "checkout",
    addType: "feat",
    initial: ["Cart.tsx", "Checkout.tsx", "useCart.ts"],
    later: [
      ["Summary.tsx", "order summary"],
      ["shipping.ts", "shipping options"],
    ],
    changes: [
      ["fix", "keep the cart after login"],
      ["feat", "show delivery estimates"],
      ["fix", "disable pay button while submitting"],
      ["refactor", "move cart state into a reducer"],
      ["feat", "remember the last payment method"],
      ["fix", "show card errors next to the field"],
      ["perf", "debounce quantity updates"],
    ],
  },
  {
    dir: "src/catalog",
    scope: "catalog",
    addType: "feat",
    initial: ["ProductList.tsx"],
    later: [
      ["ProductPage.tsx", "product page"],
      ["pricing.ts", "price formatting per locale"],
      ["useProducts.ts", "product query hook"],
    ],
    changes: [
      ["feat", "infinite scroll on product lists"],
      ["fix", "show sale prices with strikethrough"],
      ["perf", "prefetch product images"],
      ["refactor", "share product card between list and search"],
      ["fix", "keep filters in the URL"],
    ],
  },
  {
    dir: "src/components",
    scope: "components",
    addType: "feat",
    initial: ["Button.tsx", "Layout.tsx"],
    later: [
      ["Modal.tsx", "accessible modal"],
      ["Spinner.tsx", "loading spinner"],
      ["Toast.tsx", "toast notifications"],
    ],
    changes: [
      ["fix", "focus trap in modal"],
      ["feat", "button sizes"],
      ["refactor", "use CSS variables for spacing"],
      ["fix", "respect prefers-reduced-motion"],
    ],
  },
  {
    dir: "src/search",
    scope: "search",
    addType: "feat",
    initial: [],
    later: [],
    changes: [
      ["feat", "typo tolerance in search"],
      ["fix", "cancel stale search requests"],
      ["perf", "cache popular queries"],
      ["refactor", "score results in one pass"],
    ],
  },
  {
    dir: "tests/e2e",
    scope: "e2e",
    addType: "test",
    initial: ["checkout.spec.ts"],
    later: [
      ["catalog.spec.ts", "catalog browsing"],
      ["a11y.spec.ts", "accessibility checks"],
    ],
    changes: [
      ["test", "cover guest checkout"],
      ["test", "stabilise flaky payment step"],
      ["test", "run on mobile viewport"],
    ],
  },
  {
    dir: ".github/workflows",
    scope: "ci",
    addType: "ci",
    initial: ["ci.yml"],
    later: [["preview.yml", "preview deployments for pull requests"]],
    changes: [
      ["ci", "run Playwright in parallel"],
      ["ci", "cache the Playwright browsers"],
    ],
  },
];

const PLATFORM: AreaSpec[] = [
  {
    dir: "infra/terraform",
    scope: "terraform",
    addType: "feat",
    initial: ["main.tf", "network.tf"],
    later: [
      ["database.tf", "managed PostgreSQL"],
      ["dns.tf", "DNS zones"],
      ["iam.tf", "least-privilege service accounts"],
    ],
    changes: [
      ["feat", "enable point-in-time recovery"],
      ["fix", "pin the provider version"],
      ["refactor", "one state file per environment"],
      ["feat", "private subnets for databases"],
      ["fix", "tag every resource with its team"],
    ],
  },
  {
    dir: "infra/k8s",
    scope: "k8s",
    addType: "feat",
    initial: [],
    later: [
      ["hpa.yaml", "horizontal pod autoscaling"],
      ["namespaces.yaml", "namespaces per team"],
    ],
    changes: [
      ["fix", "raise memory limits for shop-api"],
      ["feat", "pod disruption budgets"],
      ["fix", "readiness probe on /health"],
      ["perf", "spread pods across zones"],
    ],
  },
  {
    dir: "tools/deploy",
    scope: "deploy",
    addType: "feat",
    initial: ["deploy.sh", "rollout.ts"],
    later: [
      ["rollback.ts", "one-command rollback"],
      ["config.ts", "deploy configuration per service"],
    ],
    changes: [
      ["fix", "wait for rollout before reporting success"],
      ["feat", "post deploys to the team channel"],
      ["refactor", "read targets from one config"],
      ["fix", "abort on failed health checks"],
    ],
  },
  {
    dir: "runbooks",
    scope: "runbooks",
    addType: "docs",
    initial: [],
    later: [
      ["database-failover.md", "database failover runbook"],
      ["on-call.md", "on-call handbook"],
    ],
    changes: [
      ["docs", "add the failover checklist"],
      ["docs", "update paging policy"],
    ],
  },
  {
    dir: ".github/workflows",
    scope: "ci",
    addType: "ci",
    initial: ["ci.yml"],
    later: [["terraform.yml", "terraform plan on pull requests"]],
    changes: [
      ["ci", "run tflint"],
      ["ci", "cache terraform providers"],
    ],
  },
];

/** The areas of each repository. */
export const LAYOUT: Record<RepoName, AreaSpec[]> = {
  "shop-api": SHOP_API,
  web: WEB,
  platform: PLATFORM,
};

/** The area spec of `dir` in `repo`. */
export function areaSpec(repo: RepoName, dir: string): AreaSpec {
  const spec = LAYOUT[repo].find((a) => a.dir === dir);
  if (!spec) throw new RangeError(`no area ${dir} in ${repo}`);
  return spec;
}
