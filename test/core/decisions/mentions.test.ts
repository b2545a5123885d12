import { describe, expect, it } from "vitest";
import { findMentionedNames, parseDecision } from "../../../src/core/decisions/index.js";

describe("mentions: code paths and identifiers a record names", () => {
  it("lists backticked tokens, relative links resolved from the record, paths and file names", () => {
    const text = `---
status: accepted
areas: [not/a/mention]
---
# Move \`PaymentGateway\` out of the monolith

The code in services/payments/ and \`libs/billing/invoice.ts\` calls \`charge()\`; see
[the runbook](../../runbooks/payments.md), config.yaml, and @acme/payments-sdk.

Not mentions: e.g. and/or 24/7, https://example.com/a/b.ts, ada@example.com, \`git push --force\`,
[ADR-0002](0002-keep-the-monolith.md).

\`\`\`sh
make -C services/ignored
\`\`\`
<!-- prompts/are/ignored.md -->
Supersedes [ADR-0001](0001-old/thing.md)
`;
    expect(parseDecision({ path: "docs/adr/0003-move.md", text }).mentions).toEqual([
      "PaymentGateway",
      "libs/billing/invoice.ts",
      "charge",
      "services/payments/",
      "runbooks/payments.md",
      "config.yaml",
      "@acme/payments-sdk",
    ]);
  });

  it("finds configured component names mentioned as whole words", () => {
    const text = "Payments will call the ledger-api, not the ledger database.";
    expect(
      findMentionedNames(text, ["payments", "ledger", "ledger-api", "billing", "pay"]),
    ).toEqual(["payments", "ledger", "ledger-api"]);
  });
});
