/**
 * Decision records written for the tests, following each format's documented template: Nygard's
 * 2011 article, adr-tools' `adr new` output, MADR 2.1.2, 3.0.0 and 4.0.0, log4brains' template,
 * and legible's own. Broken records come last.
 */

/** Nygard: Title, Status, Context, Decision, Consequences; no date, no deciders. */
export const NYGARD = `# 2. Use PostgreSQL for the ledger

## Status

Accepted

## Context

The ledger in \`services/ledger\` must move money between accounts atomically. Today it writes to
two MongoDB collections and reconciles at night; reconciliation failed twice last quarter.

## Decision

We will store the ledger in PostgreSQL 16, behind the pool in libs/db/pool.ts.

## Consequences

Operations runs PostgreSQL backups and upgrades. Reconciliation goes away.
`;

/** Nygard with good/bad consequence bullets. */
export const NYGARD_GOOD_BAD = `# Retire the nightly CSV export

## Status

Deprecated

## Context

Finance reads the export from \`jobs/export-csv.py\`.

## Decision

Stop the export once finance reads the warehouse directly.

## Consequences

- Good: one source of truth for finance.
- Bad: finance must learn SQL.
- Operations no longer babysits the job.
`;

/** adr-tools: `adr init` then `adr new -s 2 …`: the superseded record. */
export const ADR_TOOLS_OLD = `# 2. Deploy with Capistrano

Date: 2019-03-04

## Status

Superceded by [3. Deploy with Kubernetes](0003-deploy-with-kubernetes.md)

## Context

We deploy three Rails apps to six VMs.

## Decision

Use Capistrano, with the recipes in \`deploy/\`.

## Consequences

Deploys take 20 minutes.
`;

/** adr-tools: the superseding record, with adr-tools' misspelling. */
export const ADR_TOOLS_NEW = `# 3. Deploy with Kubernetes

Date: 2021-06-30

## Status

Accepted

Supercedes [2. Deploy with Capistrano](0002-deploy-with-capistrano.md)

## Context

The VMs are end-of-life and the apps need autoscaling.

## Decision

Deploy every app to the shared Kubernetes cluster with the charts in charts/.

## Consequences

Everyone needs to learn kubectl.
`;

/** MADR 2.1.2: metadata bullets, positive/negative consequences, pros and cons. */
export const MADR2 = `# Use Kafka for order events

* Status: accepted
* Deciders: Ada Lovelace, Grace Hopper
* Date: 2020-05-04

Technical Story: [ORD-142](https://tracker.example.com/ORD-142) <!-- optional -->

## Context and Problem Statement

The order service calls five services synchronously; an outage of any of them blocks checkout.
How should \`services/orders\` tell the others that an order was placed?

## Decision Drivers

* checkout must not depend on downstream availability
* events must be replayable

## Considered Options

* Kafka
* RabbitMQ
* Direct HTTP calls

## Decision Outcome

Chosen option: "Kafka", because it is the only option that keeps events replayable.

### Positive Consequences

* Checkout keeps working when billing is down.

### Negative Consequences

* A Kafka cluster to operate.

## Pros and Cons of the Options

### Kafka

* Good, because events can be replayed for a new consumer
* Bad, because the team has no Kafka experience

### RabbitMQ

* Good, because the team knows it
* Bad, because messages are gone once consumed

## Links

* Refined by [ADR-0009](0009-partition-order-events-by-customer.md)
`;

/** MADR 3.0.0: front matter with deciders, consulted, informed; "### Consequences". */
export const MADR3 = `---
status: accepted
date: 2023-02-14
deciders: [Ada Lovelace, Alan Turing]
consulted: Grace Hopper
informed: [Platform team]
---
# Cache sessions in Redis

## Context and Problem Statement

Sessions live in the web servers' memory, so a deploy logs everyone out.

## Considered Options

* Redis
* Sticky sessions

## Decision Outcome

Chosen option: "Redis", because deploys stop logging users out.

### Consequences

* Good, because deploys no longer log users out
* Bad, because Redis becomes a dependency of every request
* Neutral, because session size stays the same

## Validation

A test in \`web/session.test.ts\` restarts the server and keeps the session.
`;

/** MADR 4.0.0: decision-makers, quoted status, "### Confirmation", a Y-statement. */
export const MADR4 = `---
status: "proposed"
date: 2024-09-30
decision-makers: Ada Lovelace
consulted: []
informed: []
---

# Split the monolith's billing module into a service

## Context and Problem Statement

Billing changes wait for the monolith's weekly release.

## Decision Outcome

Chosen option: "Extract billing", because billing can then ship daily.

### Consequences

* Bad, because billing calls now cross the network

### Confirmation

The billing service deploys on its own pipeline.

## More Information

In the context of the billing module, facing weekly releases that delay pricing changes, we
decided for extracting a billing service and neglected a modular monolith, to achieve daily
releases of billing, accepting network calls between checkout and billing, because pricing
changes are the company's main lever this year.
`;

/** log4brains: "-" bullets with Tags, a date-prefixed file name, a Links section. */
export const LOG4BRAINS = `# Use the ADR slug as its unique ID

- Status: accepted
- Deciders: Thomas Vaillant
- Date: 2020-10-16
- Tags: adr, log4brains

## Context and Problem Statement

ADR numbers clash when two branches add a record at the same time.

## Decision Outcome

Use the file name without extension (\`YYYYMMDD-title\`) as the id.

## Links

- Supersedes [20200926-use-the-adr-number-as-its-unique-id](20200926-use-the-adr-number-as-its-unique-id.md)
`;

/** legible's own format, filled in. */
export const LEGIBLE = `---
status: accepted
date: 2025-01-20
decision-makers: [Ada Lovelace]
consulted: [Grace Hopper]
informed: []
areas: [services/payments, libs/billing]
---

# Move card payments to the new provider

## Context and Problem Statement

<!-- What is happening and which question this decision answers, in two or three sentences. -->

The current provider ends its contract in June.

## Considered Options

- Renew
- Move to the new provider

## Decision Outcome

Chosen option: "Move to the new provider", because it is cheaper per transaction.

## Executive tradeoff

- Risk reduced: losing card payments when the contract ends
- Option preserved: adding a second provider later
- Cost accepted: **two sprints** of the payments team
- Easier later:
- Business outcome protected: checkout conversion

## Reversibility

Two-way door until the old contract ends.

## Exit path: who else can explain this decision

Grace Hopper reviewed the migration plan.

## Revisit by

2025-07-01
`;

/** Not a decision record at all. */
export const NOTES = `Some notes from the meeting

We picked Kafka. See services/orders/README.md.
`;

/** MADR 3 with YAML that does not parse. */
export const BROKEN_YAML = `---
status: accepted
deciders: [Ada, Grace
date: 2023-01-01
---
# Use gRPC between services
`;

/** An unknown status, a date in the wrong form, an empty Status section elsewhere. */
export const ODD_STATUS = `# 7. Adopt feature flags

Date: sometime in May

## Status

On hold

## Context

Releases are risky.
`;

/** The log4brains template copied and left unfilled. */
export const UNFILLED_LOG4BRAINS = `# [short title of solved problem and solution]

- Status: [draft | proposed | rejected | accepted | deprecated | … | superseded by [xxx](yyyymmdd-xxx.md)] <!-- optional -->
- Deciders: [list everyone involved in the decision] <!-- optional -->
- Date: [YYYY-MM-DD when the decision was last updated] <!-- optional. To customize the ordering without relying on Git creation dates and filenames -->

## Context and Problem Statement

[Describe the context and problem statement, e.g., in free form using two to three sentences.]

## Decision Outcome

Chosen option: "[option 1]", because [justification].

### Positive Consequences <!-- optional -->

- [e.g., improvement of quality attribute satisfaction, follow-up decisions required, …]
- …
`;

/** A Status section that only links, and a front matter fence that never closes. */
export const STATUS_WITHOUT_STATUS = `# 4. Use one repository

## Status

Supersedes [3. Use many repositories](0003-use-many-repositories.md)

## Context

Cross-repository changes take a week.
`;

export const UNCLOSED_FRONT_MATTER = `---
status: accepted
date: 2023-01-01

# Title that is swallowed

Body.
`;
