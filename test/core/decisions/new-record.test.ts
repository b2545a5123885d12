import { describe, expect, it } from "vitest";
import { parseDecision, renderNewDecision } from "../../../src/core/decisions/index.js";

const TEMPLATE = `---
status: proposed
date: 2024-03-01
decision-makers: [Ada Lovelace, "O'Brien, Pat"]
consulted: []
informed: []
areas: []
---

# Use Postgres for billing

## Context and Problem Statement

<!-- What is happening and which question this decision answers, in two or three sentences. -->

## Considered Options

<!-- One bullet per option, including doing nothing. -->

## Decision Outcome

<!-- Chosen option: "…", because … (which need or constraint it meets best). -->

## Executive tradeoff

<!-- In business terms: complete each line, and leave a line empty rather than guess. -->

- Risk reduced:
- Option preserved:
- Cost accepted:
- Easier later:
- Business outcome protected:

## Reversibility

<!-- How hard and how costly undoing this would be, and what undoing it would take. -->

## Exit path: who else can explain this decision

<!-- People besides the decision-makers who can explain and defend this decision. -->

## Revisit by

<!-- A date (YYYY-MM-DD) to check this decision against its outcome. -->
`;

describe("renderNewDecision", () => {
  const input = {
    title: "Use Postgres for billing",
    date: "2024-03-01",
    decisionMakers: ["Ada Lovelace", "O'Brien, Pat"],
  };

  it("writes MADR 4 front matter and legible's sections, each with a prompt", () => {
    expect(renderNewDecision(input)).toBe(TEMPLATE);
  });

  it("parses back as a legible record with its title, status and date, stating no tradeoff yet", () => {
    const path = "docs/decisions/0001-use-postgres-for-billing.md";
    expect(parseDecision({ path, text: renderNewDecision(input) })).toEqual({
      id: "0001-use-postgres-for-billing",
      number: 1,
      title: "Use Postgres for billing",
      status: "proposed",
      rawStatus: "proposed",
      date: "2024-03-01",
      path,
      format: "legible",
      supersedes: [],
      supersededBy: [],
      decisionMakers: ["Ada Lovelace", "O'Brien, Pat"],
      decisionMakersSource: "record",
      consulted: [],
      informed: [],
      participantFields: ["decision-makers", "consulted", "informed"],
      recordsParticipants: true,
      declaredAreas: [],
      mentions: [],
      tradeoff: {},
      statesTradeoff: false,
      warnings: [],
    });
  });

  it("reads the tradeoff back once the labels are filled", () => {
    const filled = renderNewDecision(input)
      .replace("- Cost accepted:", "- Cost accepted: a migration weekend")
      .replace(
        "- Business outcome protected:",
        "- Business outcome protected: invoices go out on time",
      );
    expect(parseDecision({ path: "x.md", text: filled })).toMatchObject({
      tradeoff: {
        costAccepted: "a migration weekend",
        outcomeProtected: "invoices go out on time",
      },
      statesTradeoff: true,
    });
  });

  it("takes a status and the records it supersedes, linked under the title", () => {
    const text = renderNewDecision({
      title: "Use NATS",
      date: "2024-03-01",
      status: "accepted",
      supersedes: [
        { id: "0003-use-kafka", title: "Use Kafka", fileName: "0003-use-kafka.md" },
        {
          id: "20200101-use-rabbitmq",
          title: "Use RabbitMQ",
          fileName: "20200101-use-rabbitmq.md",
        },
      ],
    });
    expect(text.split("\n").slice(0, 16)).toEqual([
      "---",
      "status: accepted",
      "date: 2024-03-01",
      "decision-makers: []",
      "consulted: []",
      "informed: []",
      "areas: []",
      "---",
      "",
      "# Use NATS",
      "",
      "Supersedes [ADR-0003: Use Kafka](0003-use-kafka.md)",
      "",
      "Supersedes [Use RabbitMQ](20200101-use-rabbitmq.md)",
      "",
      "## Context and Problem Statement",
    ]);
    expect(parseDecision({ path: "docs/decisions/0004-use-nats.md", text })).toMatchObject({
      status: "accepted",
      supersedes: ["0003-use-kafka.md", "20200101-use-rabbitmq.md"],
      warnings: [],
    });
  });

  it("rejects a date that is not YYYY-MM-DD", () => {
    expect(() => renderNewDecision({ title: "X", date: "01/03/2024" })).toThrow(
      "date '01/03/2024' is not a YYYY-MM-DD date",
    );
  });
});
