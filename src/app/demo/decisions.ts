/**
 * The demo's decision records: MADR 4 records in shop-api's `docs/decisions/` (one stating the
 * executive tradeoff, one made by a single person, one superseded by another, one proposed this
 * week) and adr-tools records in platform's `doc/adr/`. Supersession is written both ways by
 * legible's own writers, as `legible decide supersede` would.
 */
import { addSupersedes, markSuperseded, renderNewDecision } from "../../core/decisions/index.js";
import { dateAgo } from "./clock.js";

/** One record: where it lives, when it was written, and its text. */
export interface DecisionFile {
  path: string;
  daysAgo: number;
  content: string;
}

export const SHOP_DECISIONS = "docs/decisions";
export const PLATFORM_DECISIONS = "doc/adr";

const RABBITMQ = {
  id: "0001-publish-order-events-with-rabbitmq",
  title: "Publish order events with RabbitMQ",
};
const OUTBOX = {
  id: "0004-publish-order-events-through-a-transactional-outbox",
  title: "Publish order events through a transactional outbox",
};

/** The file name of a record id. */
function fileOf(id: string): string {
  return `${id}.md`;
}

function ref(record: { id: string; title: string }) {
  return {
    id: record.id,
    title: record.title,
    fileName: fileOf(record.id),
    number: Number.parseInt(record.id, 10),
  };
}

/** The shop-api records, days before now as written; see the module comment. */
export function shopDecisions(now: Date): {
  rabbitmq: DecisionFile;
  singleDecider: DecisionFile;
  tradeoff: DecisionFile;
  outbox: DecisionFile;
  /** ADR 0001 once ADR 0004 supersedes it. */
  rabbitmqSuperseded: DecisionFile;
  proposed: DecisionFile;
} {
  const path = (id: string) => `${SHOP_DECISIONS}/${fileOf(id)}`;
  const rabbitmq = rabbitmqRecord(dateAgo(now, 396));
  const outbox = addSupersedes(outboxRecord(dateAgo(now, 5)), ref(RABBITMQ));
  return {
    rabbitmq: { path: path(RABBITMQ.id), daysAgo: 396, content: rabbitmq },
    singleDecider: {
      path: path("0002-reserve-stock-when-checkout-starts"),
      daysAgo: 300,
      content: singleDeciderRecord(dateAgo(now, 300)),
    },
    tradeoff: {
      path: path("0003-require-an-idempotency-key-on-every-payment-request"),
      daysAgo: 151,
      content: tradeoffRecord(dateAgo(now, 151), dateAgo(now, -30)),
    },
    outbox: { path: path(OUTBOX.id), daysAgo: 5, content: outbox },
    rabbitmqSuperseded: {
      path: path(RABBITMQ.id),
      daysAgo: 5,
      content: markSuperseded({ text: rabbitmq, format: "madr4" }, ref(OUTBOX)),
    },
    proposed: {
      path: path("0005-split-refunds-out-of-services-payments"),
      daysAgo: 2,
      content: proposedRecord(dateAgo(now, 2)),
    },
  };
}

function rabbitmqRecord(date: string): string {
  return `---
status: accepted
date: ${date}
decision-makers: [Tomás Rivera, Greta Holm]
consulted: [Jonas Berg]
informed: [Storefront team]
areas: [services/orders]
---

# ${RABBITMQ.title}

## Context and Problem Statement

\`services/orders\` must tell inventory, payments and the storefront when an order changes. Today
every consumer polls the orders table once a minute, and the polling queries are a third of the
database's load.

## Considered Options

* RabbitMQ topic exchange
* Keep polling the orders table
* Kafka

## Decision Outcome

Chosen option: "RabbitMQ topic exchange", because the platform team already runs RabbitMQ and each
consumer can subscribe to the events it needs.

### Consequences

* Good, because consumers stop polling the orders table.
* Bad, because an order can be saved without its event when publishing fails after the commit.
`;
}

function singleDeciderRecord(date: string): string {
  return `---
status: accepted
date: ${date}
decision-makers: [Greta Holm]
consulted: []
informed: []
---

# Reserve stock when checkout starts

## Context and Problem Statement

Customers pay for items that sold out while they were typing their card number; support refunds
about thirty orders a week.

## Considered Options

* Reserve stock in \`services/inventory\` when checkout starts, for 15 minutes
* Reserve stock when payment succeeds

## Decision Outcome

Chosen option: "Reserve stock in \`services/inventory\` when checkout starts, for 15 minutes".
`;
}

function tradeoffRecord(date: string, revisit: string): string {
  return `---
status: accepted
date: ${date}
decision-makers: [Mara Okafor, Tomás Rivera]
consulted: [Lena Fischer, Priya Nair]
informed: [Commerce team, Storefront team]
areas: [services/payments]
---

# Require an idempotency key on every payment request

## Context and Problem Statement

Retries between the storefront, \`services/payments\` and Stripe charged 14 customers twice last
quarter. Each case cost a refund, a support ticket and, twice, a chargeback.

## Decision Drivers

* No customer may be charged twice, whatever times out.
* Stripe already deduplicates requests that carry an idempotency key.

## Considered Options

* Idempotency keys created by the storefront and stored in \`services/payments\`
* Deduplicate charges afterwards in the nightly reconciliation
* No retries between services

## Decision Outcome

Chosen option: "Idempotency keys created by the storefront and stored in \`services/payments\`",
because it stops double charges where they start and Stripe honours the same key.

### Consequences

* Good, because a retried request returns the first result instead of charging again.
* Bad, because every client must send a key, and keys are kept for 24 hours.

### Confirmation

A test in \`tests/payments\` replays every payment request twice and expects one charge.

## Executive tradeoff

- Risk reduced: customers charged twice when a request is retried (14 last quarter).
- Option preserved: we can still move to another payment provider; the keys are ours, not Stripe's.
- Cost accepted: two weeks of work in payments and the storefront, and a table of keys kept for 24 hours.
- Easier later: safe retries everywhere, so timeouts can be shortened without risk.
- Business outcome protected: checkout conversion, and the chargeback rate the card schemes hold us to.

## Reversibility

Cheap to undo: stop requiring the header and drop the table. Nothing outside payments stores the keys.

## Exit path: who else can explain this decision

Tomás Rivera reviewed the design; Lena Fischer knows the storefront side.

## Revisit by

${revisit}
`;
}

function outboxRecord(date: string): string {
  return `---
status: accepted
date: ${date}
decision-makers: [Tomás Rivera, Lena Fischer]
consulted: [Mara Okafor, Jonas Berg]
informed: [Storefront team]
areas: [services/orders]
---

# ${OUTBOX.title}

## Context and Problem Statement

We publish order events to RabbitMQ after the order commits. Twice this quarter an order was saved
without its event, and inventory kept stock reserved for orders that had shipped.

## Considered Options

* A transactional outbox table in \`services/orders\`, relayed to RabbitMQ
* Publish before the commit
* Keep publishing after the commit and reconcile nightly

## Decision Outcome

Chosen option: "A transactional outbox table in \`services/orders\`, relayed to RabbitMQ", because
an order and its event are then written in one transaction.

### Consequences

* Good, because no order is saved without its event.
* Bad, because events arrive up to a second later, and the outbox table needs cleaning.
`;
}

function proposedRecord(date: string): string {
  const text = renderNewDecision({
    title: "Split refunds out of services/payments",
    date,
    status: "proposed",
    decisionMakers: ["Sam Patel"],
  });
  return text.replace(
    /(## Context and Problem Statement\n\n)<!--[^\n]*-->/,
    "$1Refunds are a third of the changes to `services/payments`, and only one person reviews them.\n" +
      "Should refunds become their own service, owned by more people?",
  );
}

/** The platform repository's adr-tools records and its `.adr-dir`. */
export function platformDecisions(now: Date): { adrDir: string; records: DecisionFile[] } {
  // adr-tools writes Date only; the team adds who decided and who was consulted under it.
  const record = (
    n: number,
    slug: string,
    title: string,
    daysAgo: number,
    people: { deciders: string; consulted: string },
    body: string,
  ): DecisionFile => ({
    path: `${PLATFORM_DECISIONS}/${String(n).padStart(4, "0")}-${slug}.md`,
    daysAgo,
    content: `# ${n}. ${title}\n\nDate: ${dateAgo(now, daysAgo)}\nDeciders: ${people.deciders}\nConsulted: ${people.consulted}\n\n## Status\n\nAccepted\n\n${body}`,
  });
  const team = {
    deciders: "Jonas Berg, Ines Duarte, Kofi Mensah",
    consulted: "Tomás Rivera, Priya Nair",
  };
  return {
    adrDir: `${PLATFORM_DECISIONS}\n`,
    records: [
      record(
        1,
        "record-architecture-decisions",
        "Record architecture decisions",
        410,
        team,
        `## Context

We need to record the architectural decisions made on this project.

## Decision

We will use Architecture Decision Records, as [described by Michael Nygard](http://thinkrelevance.com/blog/2011/11/15/documenting-architecture-decisions).

## Consequences

See Michael Nygard's article, linked above. For a lightweight ADR toolset, see Nat Pryce's [adr-tools](https://github.com/npryce/adr-tools).
`,
      ),
      record(
        2,
        "manage-infrastructure-with-terraform",
        "Manage infrastructure with Terraform",
        404,
        { deciders: "Jonas Berg, Ines Duarte", consulted: "Kofi Mensah, Tomás Rivera" },
        `## Context

Our cloud resources were created by hand in the console; nobody can say which settings production
depends on.

## Decision

Every resource is declared in \`infra/terraform\`, planned on each pull request and applied from CI.

## Consequences

Changes to infrastructure are reviewed like code. Emergency console changes must be imported back.
`,
      ),
      record(
        3,
        "run-services-on-kubernetes",
        "Run services on Kubernetes",
        379,
        { deciders: "Ines Duarte, Jonas Berg", consulted: "Kofi Mensah, Mara Okafor, Priya Nair" },
        `## Context

shop-api and web run on two VMs each, deployed by \`tools/deploy/deploy.sh\` over SSH.

## Decision

Run both on the managed Kubernetes cluster, with manifests in \`infra/k8s\` and rollouts driven by
\`tools/deploy\`.

## Consequences

Autoscaling and rolling deploys come for free; the platform team operates the cluster.
`,
      ),
    ],
  };
}
