import { describe, expect, it } from "vitest";
import { parseDecision } from "../../../src/core/decisions/index.js";

const parse = (text: string) => parseDecision({ path: "docs/adr/0001-x.md", text });

describe("the tradeoff a record states", () => {
  it("takes the accepting clause of a Y-statement written anywhere, with emphasis removed", () => {
    const text = `# 1. Use a CDN

## Status

Accepted

## Decision

*In the context of* the storefront, *facing* slow pages abroad, we decided for a CDN and
neglected regional servers, to achieve fast pages everywhere, *accepting* a second vendor to
manage. Later sentences are not part of it.
`;
    expect(parse(text)).toMatchObject({
      tradeoff: { accepting: "a second vendor to manage" },
      statesTradeoff: true,
    });
  });

  it("ignores a paragraph that mentions accepting without being a Y-statement", () => {
    const text = "# X\n\n## Status\n\nAccepted\n\nWe are accepting pull requests.\n";
    expect(parse(text)).toMatchObject({ tradeoff: {}, statesTradeoff: false });
  });

  it("counts good consequences alone, or bad consequences alone, as a stated tradeoff", () => {
    const good =
      "# X\n\n## Status\n\nAccepted\n\n## Consequences\n\n* Good, because it is faster\n";
    const bad = "# X\n\n## Status\n\nAccepted\n\n## Consequences\n\n* Bad, because it costs more\n";
    expect(parse(good)).toMatchObject({
      tradeoff: { goodConsequences: ["it is faster"] },
      statesTradeoff: true,
    });
    expect(parse(bad)).toMatchObject({
      tradeoff: { badConsequences: ["it costs more"] },
      statesTradeoff: true,
    });
  });

  it("does not count prose consequences, neutral bullets, placeholders or other options' pros and cons", () => {
    const text = `# X

* Status: accepted

## Decision Outcome

Chosen option: "Postgres", because it is boring.

### Consequences

* Neutral, because nothing changes for users
* Good, because {positive consequence}

## Pros and Cons of the Options

### MongoDB

* Good, because the team knows it
* Bad, because no transactions across documents
`;
    expect(parse(text)).toMatchObject({ tradeoff: {}, statesTradeoff: false });
  });

  it("reads the executive tradeoff labels with or without bullets and bold, skipping empty ones", () => {
    const text = `# X

## Status

Accepted

## Executive tradeoff

**Risk reduced:** a second outage of checkout
- Options preserved: switching provider
- Cost accepted:
- What becomes easier later: adding a region
- Outcome protected: TBD
`;
    expect(parse(text)).toMatchObject({
      format: "legible",
      tradeoff: {
        riskReduced: "a second outage of checkout",
        optionPreserved: "switching provider",
        easierLater: "adding a region",
      },
      statesTradeoff: true,
    });
  });

  it("does not count reversibility, exit path or revisit date as a stated tradeoff", () => {
    const text =
      "---\nstatus: accepted\n---\n# X\n\n## Reversibility\n\nEasy.\n\n## Exit path\n\nBob.\n\n## Revisit by\n\n2026-01-01\n";
    expect(parse(text)).toMatchObject({
      tradeoff: { reversibility: "Easy.", exitPath: "Bob.", revisit: "2026-01-01" },
      statesTradeoff: false,
    });
  });
});
