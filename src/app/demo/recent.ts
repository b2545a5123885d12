/**
 * The last two weeks, scripted to the hour, so both review periods (the last 7 days and the 7
 * before) say exactly what the story says:
 * - payments: six pull requests a week, five of them reviewed by Tomás a day or more after they
 *   were opened (work there waits for one person, and pickup is slow);
 * - web's src/checkout: last week Priya reviewed all of Leo's pull requests; this week four people
 *   review there (the friction was removed: knowledge spread);
 * - platform: reviews spread across the three of them; Kofi adds to tools/deploy, which only Jonas
 *   knew (it stops being a knowledge island this week);
 * - a decision record superseding another, a proposed one, a dependabot bump, two open pull requests.
 */
import {
  ANA,
  CHEN,
  DEPENDABOT,
  INES,
  JONAS,
  KOFI,
  LENA,
  LEO,
  MARA,
  PRIYA,
  SAM,
  TOMAS,
} from "./cast.js";
import { shopDecisions } from "./decisions.js";
import type { PlannedCommit, ReviewStep } from "./plan.js";
import { review } from "./plan.js";
import { add, change, commit, write } from "./stories.js";

const pay = (name: string) => `services/payments/${name}`;
const co = (name: string) => `src/checkout/${name}`;
const by = (...reviews: ReviewStep[]) => ({ reviews });

function shopApi(now: Date): PlannedCommit[] {
  const adr = shopDecisions(now);
  const payments = (
    daysAgo: number,
    author: typeof MARA,
    subject: string,
    paths: string[],
    reviewer: ReviewStep,
    labels: string[] = [],
  ) =>
    commit(
      "shop-api",
      daysAgo,
      author,
      subject,
      paths.map((path) => change(path, subject.replace(/^[a-z]+\([a-z]+\): /, ""))),
      { pull: { reviews: [reviewer], labels } },
    );
  return [
    // The week before last.
    payments(
      13.2,
      MARA,
      "fix(payments): round currency amounts half-even",
      [pay("ledger.ts")],
      review(TOMAS, 30),
    ),
    commit(
      "shop-api",
      12.9,
      TOMAS,
      "feat(orders): split orders into shipments",
      [change("services/orders/orders.ts", "split orders into shipments")],
      { pull: by(review(LENA, 3)) },
    ),
    payments(
      12.4,
      MARA,
      "feat(payments): hold payouts for new merchants for 7 days",
      [pay("payouts.ts")],
      review(TOMAS, 26),
    ),
    payments(
      11.3,
      LENA,
      "fix(payments): retry Stripe calls on 429 with backoff",
      [pay("stripe-client.ts")],
      review(TOMAS, 22),
      ["bug"],
    ),
    commit(
      "shop-api",
      10.8,
      LENA,
      "test(orders): cover cancelled orders",
      [change("tests/orders/orders.test.ts", "cover cancelled orders")],
      { pull: by(review(SAM, 2)) },
    ),
    payments(
      10.2,
      MARA,
      "refactor(payments): dispatch webhook events through one table",
      [pay("webhooks.ts")],
      review(TOMAS, 35),
    ),
    payments(
      9.1,
      MARA,
      "test(payments): property test ledger balances",
      ["tests/payments/ledger.test.ts", pay("ledger.ts")],
      review(LENA, 5),
    ),
    commit(
      "shop-api",
      8.6,
      SAM,
      "feat(api): return order totals with tax breakdown",
      [change("src/api/routes.ts", "return order totals with tax breakdown")],
      { pull: by(review(TOMAS, 4)) },
    ),
    payments(
      8.0,
      MARA,
      "fix(payments): expire idempotency keys after 24 hours",
      [pay("idempotency.ts")],
      review(TOMAS, 28),
      ["bug"],
    ),
    // The last seven days.
    payments(
      6.6,
      MARA,
      "fix(payments): post refunds as reversing entries",
      [pay("ledger.ts")],
      review(TOMAS, 31),
      ["bug"],
    ),
    commit(
      "shop-api",
      6.0,
      DEPENDABOT,
      "chore(deps): bump zod from 3.21.4 to 3.23.8",
      [{ op: "bump", dependency: "zod", from: "3.21.4", to: "3.23.8" }],
      {
        body: "Bumps [zod](https://github.com/colinhacks/zod) from 3.21.4 to 3.23.8.\n\nSigned-off-by: dependabot[bot] <support@github.com>",
        pull: { reviews: [review(SAM, 1)], labels: ["dependencies"] },
      },
    ),
    payments(
      5.7,
      MARA,
      "feat(payments): payout statements as CSV",
      [pay("payouts.ts")],
      review(TOMAS, 27),
    ),
    commit(
      "shop-api",
      5.0,
      TOMAS,
      "docs(decisions): publish order events through a transactional outbox",
      [
        write(adr.outbox.path, adr.outbox.content),
        write(adr.rabbitmqSuperseded.path, adr.rabbitmqSuperseded.content),
      ],
      { pull: by(review(LENA, 4), review(MARA, 6)) },
    ),
    payments(
      4.6,
      SAM,
      "fix(payments): return the first response for a replayed key",
      [pay("idempotency.ts")],
      review(TOMAS, 24),
      ["bug"],
    ),
    commit(
      "shop-api",
      4.1,
      LENA,
      "feat(orders): transactional outbox for order events",
      [add("services/orders/outbox.ts", "transactional outbox for order events")],
      { pull: by(review(TOMAS, 3), review(JONAS, 5)) },
    ),
    payments(
      3.8,
      MARA,
      "refactor(payments): verify event types before dispatch",
      [pay("webhooks.ts")],
      review(TOMAS, 38),
    ),
    payments(
      2.9,
      MARA,
      "test(payments): cover partial refunds",
      ["tests/payments/refunds.test.ts", pay("refunds.ts")],
      review(LENA, 4),
    ),
    commit(
      "shop-api",
      2.0,
      SAM,
      "docs(decisions): propose splitting refunds out of services/payments",
      [write(adr.proposed.path, adr.proposed.content)],
      { pull: by(review(MARA, 3)) },
    ),
    commit(
      "shop-api",
      1.8,
      TOMAS,
      "refactor(api): move validation into zod schemas",
      [change("src/api/middleware.ts", "move validation into zod schemas")],
      { pull: by(review(SAM, 2)) },
    ),
    payments(
      1.2,
      MARA,
      "fix(payments): stop retrying declined cards",
      [pay("stripe-client.ts")],
      review(TOMAS, 22),
      ["hotfix"],
    ),
    commit(
      "shop-api",
      0.5,
      SAM,
      "feat(api): rate limit per merchant",
      [add("src/api/rate-limit.ts", "rate limit per merchant")],
      {
        branchOnly: "sampatel/rate-limit",
        pull: { state: "open", reviews: [] },
      },
    ),
  ];
}

function web(): PlannedCommit[] {
  const checkout = (
    daysAgo: number,
    author: typeof LEO,
    subject: string,
    path: string,
    ...reviews: ReviewStep[]
  ) =>
    commit(
      "web",
      daysAgo,
      author,
      subject,
      [change(path, subject.replace(/^[a-z]+\([a-z]+\): /, ""))],
      { pull: by(...reviews) },
    );
  return [
    // The week before last: Priya reviews everything in src/checkout.
    checkout(
      13.0,
      LEO,
      "fix(checkout): validate postcodes per country",
      co("address.ts"),
      review(PRIYA, 3),
    ),
    commit(
      "web",
      12.1,
      CHEN,
      "feat(catalog): infinite scroll on product lists",
      [change("src/catalog/ProductList.tsx", "infinite scroll on product lists")],
      { pull: by(review(ANA, 4)) },
    ),
    checkout(
      11.9,
      LEO,
      "feat(checkout): stack promo codes with sale prices",
      co("promo.ts"),
      review(PRIYA, 2, "CHANGES_REQUESTED"),
      review(PRIYA, 20),
    ),
    checkout(
      10.6,
      LEO,
      "feat(checkout): remember the last payment method",
      co("PaymentForm.tsx"),
      review(PRIYA, 4),
    ),
    commit(
      "web",
      9.8,
      ANA,
      "test(e2e): run on a mobile viewport",
      [change("tests/e2e/checkout.spec.ts", "run on a mobile viewport")],
      { pull: by(review(CHEN, 3)) },
    ),
    checkout(
      9.4,
      LEO,
      "perf(checkout): debounce quantity updates",
      co("Cart.tsx"),
      review(PRIYA, 2),
    ),
    checkout(
      8.3,
      LEO,
      "feat(checkout): show delivery estimates",
      co("Checkout.tsx"),
      review(PRIYA, 5),
    ),
    // The last seven days: four people review in src/checkout.
    checkout(
      6.2,
      LEO,
      "feat(checkout): fill the city from the postcode",
      co("address.ts"),
      review(CHEN, 3),
    ),
    checkout(
      5.1,
      PRIYA,
      "feat(checkout): merge guest and account carts",
      co("useCart.ts"),
      review(LEO, 2),
    ),
    commit(
      "web",
      4.4,
      ANA,
      "feat(components): button sizes",
      [change("src/components/Button.tsx", "button sizes")],
      { pull: by(review(CHEN, 2)) },
    ),
    checkout(
      3.9,
      LEO,
      "feat(checkout): support 3-D Secure challenges",
      co("PaymentForm.tsx"),
      review(ANA, 4),
      review(SAM, 6),
    ),
    commit(
      "web",
      2.6,
      LEO,
      "test(checkout): cover promo codes at checkout",
      [
        change("tests/e2e/checkout.spec.ts", "cover promo codes at checkout"),
        change(co("promo.ts"), "cover promo codes at checkout"),
      ],
      { coAuthors: [PRIYA], pull: by(review(PRIYA, 3)) },
    ),
    checkout(
      1.5,
      CHEN,
      "fix(checkout): show sale prices in the cart",
      co("Cart.tsx"),
      review(LEO, 2),
    ),
    commit(
      "web",
      0.9,
      CHEN,
      "perf(catalog): prefetch product images",
      [change("src/catalog/ProductList.tsx", "prefetch product images")],
      { pull: by(review(ANA, 2)) },
    ),
    commit(
      "web",
      0.3,
      ANA,
      "feat(components): dark mode toggle",
      [change("src/components/theme.ts", "dark mode toggle")],
      {
        branchOnly: "anasouza/dark-mode-toggle",
        pull: { state: "open", reviews: [review(CHEN, 5, "COMMENTED")] },
      },
    ),
  ];
}

function platform(): PlannedCommit[] {
  const infra = (
    daysAgo: number,
    author: typeof INES,
    subject: string,
    path: string,
    ...reviews: ReviewStep[]
  ) =>
    commit(
      "platform",
      daysAgo,
      author,
      subject,
      [change(path, subject.replace(/^[a-z]+\([a-z]+\): /, ""))],
      { pull: by(...reviews) },
    );
  return [
    infra(
      12.5,
      JONAS,
      "fix(deploy): wait for the rollout before reporting success",
      "tools/deploy/rollout.ts",
      review(INES, 3),
    ),
    infra(
      11.0,
      INES,
      "fix(k8s): raise memory limits for shop-api",
      "infra/k8s/deployment.yaml",
      review(KOFI, 2),
    ),
    infra(
      9.5,
      KOFI,
      "fix(terraform): pin the provider version",
      "infra/terraform/main.tf",
      review(JONAS, 4),
      review(INES, 5),
    ),
    commit(
      "platform",
      8.8,
      DEPENDABOT,
      "chore(deps): bump actions/setup-node from v3 to v4",
      [
        {
          op: "bump",
          dependency: "actions/setup-node",
          from: "v3",
          to: "v4",
          file: ".github/workflows/ci.yml",
        },
      ],
      {
        body: "Bumps [actions/setup-node](https://github.com/actions/setup-node) from v3 to v4.\n\nSigned-off-by: dependabot[bot] <support@github.com>",
        pull: { reviews: [review(INES, 2)], labels: ["dependencies"] },
      },
    ),
    infra(
      5.5,
      INES,
      "feat(k8s): redirect HTTP to HTTPS",
      "infra/k8s/ingress.yaml",
      review(KOFI, 3),
    ),
    commit(
      "platform",
      3.2,
      KOFI,
      "feat(deploy): canary releases with automatic rollback",
      [add("tools/deploy/canary.ts", "canary releases with automatic rollback")],
      { pull: by(review(JONAS, 2), review(INES, 4)) },
    ),
    infra(2.2, JONAS, "ci: run tflint", ".github/workflows/ci.yml", review(INES, 2)),
    infra(
      0.6,
      INES,
      "feat(terraform): private subnets for databases",
      "infra/terraform/network.tf",
      review(JONAS, 3),
      review(KOFI, 3.5),
    ),
  ];
}

/** Every scripted commit of the last two weeks. */
export function recentCommits(now: Date): PlannedCommit[] {
  return [...shopApi(now), ...web(), ...platform()];
}
