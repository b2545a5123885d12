import { describe, expect, it } from "vitest";
import type { Decision } from "../../../src/core/decisions/index.js";
import { parseDecision } from "../../../src/core/decisions/index.js";
import {
  ADR_TOOLS_NEW,
  ADR_TOOLS_OLD,
  LEGIBLE,
  LOG4BRAINS,
  MADR2,
  MADR3,
  MADR4,
  NYGARD,
  NYGARD_GOOD_BAD,
} from "./samples.js";

/** A decision with nothing stated, for `{ ...nothing, ...what the sample states }`. */
const nothing: Omit<Decision, "id" | "number" | "title" | "path" | "format"> = {
  status: "unknown",
  rawStatus: null,
  date: null,
  supersedes: [],
  supersededBy: [],
  decisionMakers: [],
  decisionMakersSource: null,
  consulted: [],
  informed: [],
  participantFields: [],
  recordsParticipants: false,
  declaredAreas: [],
  mentions: [],
  tradeoff: {},
  statesTradeoff: false,
  warnings: [],
};

describe("parseDecision, one sample per format", () => {
  it("reads a Nygard record: numbered title, Status section, no date", () => {
    const path = "docs/adr/0002-use-postgresql-for-the-ledger.md";
    expect(parseDecision({ path, text: NYGARD })).toEqual({
      ...nothing,
      id: "0002-use-postgresql-for-the-ledger",
      number: 2,
      title: "Use PostgreSQL for the ledger",
      status: "accepted",
      rawStatus: "Accepted",
      path,
      format: "nygard",
      mentions: ["services/ledger", "libs/db/pool.ts"],
    });
  });

  it("reads Good/Bad bullets of a Nygard Consequences section as the tradeoff", () => {
    const path = "docs/adr/retire-the-nightly-csv-export.md";
    expect(parseDecision({ path, text: NYGARD_GOOD_BAD })).toEqual({
      ...nothing,
      id: "retire-the-nightly-csv-export",
      number: null,
      title: "Retire the nightly CSV export",
      status: "deprecated",
      rawStatus: "Deprecated",
      path,
      format: "nygard",
      mentions: ["jobs/export-csv.py"],
      tradeoff: {
        goodConsequences: ["one source of truth for finance."],
        badConsequences: ["finance must learn SQL."],
      },
      statesTradeoff: true,
    });
  });

  it("reads adr-tools records: Date line, 'Superceded by' and 'Supercedes' as raw references", () => {
    const oldPath = "doc/adr/0002-deploy-with-capistrano.md";
    const newPath = "doc/adr/0003-deploy-with-kubernetes.md";
    expect(parseDecision({ path: oldPath, text: ADR_TOOLS_OLD })).toEqual({
      ...nothing,
      id: "0002-deploy-with-capistrano",
      number: 2,
      title: "Deploy with Capistrano",
      status: "superseded",
      rawStatus: "Superceded by [3. Deploy with Kubernetes](0003-deploy-with-kubernetes.md)",
      date: "2019-03-04",
      path: oldPath,
      format: "adr-tools",
      supersededBy: ["0003-deploy-with-kubernetes.md"],
      mentions: ["deploy/"],
    });
    expect(parseDecision({ path: newPath, text: ADR_TOOLS_NEW })).toEqual({
      ...nothing,
      id: "0003-deploy-with-kubernetes",
      number: 3,
      title: "Deploy with Kubernetes",
      status: "accepted",
      rawStatus: "Accepted",
      date: "2021-06-30",
      path: newPath,
      format: "adr-tools",
      supersedes: ["0002-deploy-with-capistrano.md"],
      mentions: ["charts/"],
    });
  });

  it("reads MADR 2: bullet metadata, positive/negative consequences, the chosen option's pros and cons", () => {
    const path = "docs/adr/0004-use-kafka-for-order-events.md";
    expect(parseDecision({ path, text: MADR2 })).toEqual({
      ...nothing,
      id: "0004-use-kafka-for-order-events",
      number: 4,
      title: "Use Kafka for order events",
      status: "accepted",
      rawStatus: "accepted",
      date: "2020-05-04",
      path,
      format: "madr2",
      decisionMakers: ["Ada Lovelace", "Grace Hopper"],
      decisionMakersSource: "record",
      participantFields: ["decision-makers"],
      recordsParticipants: true,
      mentions: ["services/orders"],
      tradeoff: {
        goodConsequences: [
          "Checkout keeps working when billing is down.",
          "events can be replayed for a new consumer",
        ],
        badConsequences: ["A Kafka cluster to operate.", "the team has no Kafka experience"],
      },
      statesTradeoff: true,
    });
  });

  it("reads MADR 3: front matter with deciders, consulted (a string) and informed (a list)", () => {
    const path = "docs/decisions/0005-cache-sessions-in-redis.md";
    expect(parseDecision({ path, text: MADR3 })).toEqual({
      ...nothing,
      id: "0005-cache-sessions-in-redis",
      number: 5,
      title: "Cache sessions in Redis",
      status: "accepted",
      rawStatus: "accepted",
      date: "2023-02-14",
      path,
      format: "madr3",
      decisionMakers: ["Ada Lovelace", "Alan Turing"],
      decisionMakersSource: "record",
      participantFields: ["decision-makers", "consulted", "informed"],
      recordsParticipants: true,
      consulted: ["Grace Hopper"],
      informed: ["Platform team"],
      mentions: ["web/session.test.ts"],
      tradeoff: {
        goodConsequences: ["deploys no longer log users out"],
        badConsequences: ["Redis becomes a dependency of every request"],
      },
      statesTradeoff: true,
    });
  });

  it("reads MADR 4: decision-makers, a quoted status, and a Y-statement's accepting clause", () => {
    const path = "docs/decisions/0006-split-billing.md";
    expect(parseDecision({ path, text: MADR4 })).toEqual({
      ...nothing,
      id: "0006-split-billing",
      number: 6,
      title: "Split the monolith's billing module into a service",
      status: "proposed",
      rawStatus: "proposed",
      date: "2024-09-30",
      path,
      format: "madr4",
      decisionMakers: ["Ada Lovelace"],
      decisionMakersSource: "record",
      participantFields: ["decision-makers", "consulted", "informed"],
      recordsParticipants: true,
      tradeoff: {
        accepting: "network calls between checkout and billing",
        badConsequences: ["billing calls now cross the network"],
      },
      statesTradeoff: true,
    });
  });

  it("reads log4brains: '-' bullets, date-prefixed id without a number, Links section", () => {
    const path = "docs/adr/20201016-use-the-adr-slug-as-its-unique-id.md";
    expect(parseDecision({ path, text: LOG4BRAINS })).toEqual({
      ...nothing,
      id: "20201016-use-the-adr-slug-as-its-unique-id",
      number: null,
      title: "Use the ADR slug as its unique ID",
      status: "accepted",
      rawStatus: "accepted",
      date: "2020-10-16",
      path,
      format: "log4brains",
      supersedes: ["20200926-use-the-adr-number-as-its-unique-id.md"],
      decisionMakers: ["Thomas Vaillant"],
      decisionMakersSource: "record",
      participantFields: ["decision-makers"],
      recordsParticipants: true,
      mentions: ["YYYYMMDD-title"],
    });
  });

  it("reads legible's own format: executive tradeoff, areas, reversibility, exit path, revisit", () => {
    const path = "docs/decisions/0007-move-card-payments.md";
    expect(parseDecision({ path, text: LEGIBLE })).toEqual({
      ...nothing,
      id: "0007-move-card-payments",
      number: 7,
      title: "Move card payments to the new provider",
      status: "accepted",
      rawStatus: "accepted",
      date: "2025-01-20",
      path,
      format: "legible",
      decisionMakers: ["Ada Lovelace"],
      decisionMakersSource: "record",
      participantFields: ["decision-makers", "consulted", "informed"],
      recordsParticipants: true,
      consulted: ["Grace Hopper"],
      declaredAreas: ["services/payments", "libs/billing"],
      tradeoff: {
        riskReduced: "losing card payments when the contract ends",
        optionPreserved: "adding a second provider later",
        costAccepted: "two sprints of the payments team",
        outcomeProtected: "checkout conversion",
        reversibility: "Two-way door until the old contract ends.",
        exitPath: "Grace Hopper reviewed the migration plan.",
        revisit: "2025-07-01",
      },
      statesTradeoff: true,
    });
  });
});

describe("parseDecision, format detection", () => {
  const detect = (text: string, path = "docs/adr/0001-x.md") =>
    parseDecision({ path, text }).format;

  it("tells MADR 2 from log4brains by the file name's date prefix or a Tags bullet", () => {
    const bullets = "# T\n\n- Status: accepted\n- Date: 2020-01-01\n";
    expect(detect(bullets)).toBe("madr2");
    expect(detect(bullets, "docs/adr/20200101-t.md")).toBe("log4brains");
    expect(detect(bullets, "docs/adr/2020-01-01-t.md")).toBe("log4brains");
    expect(detect(`${bullets}- Tags: api\n`)).toBe("log4brains");
  });

  it("tells MADR 3 from MADR 4 by deciders/decision-makers, then Validation/Confirmation", () => {
    expect(detect("---\nstatus: accepted\ndeciders: [a]\n---\n# T\n")).toBe("madr3");
    expect(detect("---\nstatus: accepted\ndecision-makers: [a]\n---\n# T\n")).toBe("madr4");
    expect(detect("---\nstatus: accepted\n---\n# T\n\n## Validation\n\nA test.\n")).toBe("madr3");
    expect(detect("---\nstatus: accepted\n---\n# T\n\n### Confirmation\n\nA test.\n")).toBe(
      "madr4",
    );
    expect(detect("---\nstatus: accepted\n---\n# T\n")).toBe("madr4");
  });

  it("tells adr-tools from Nygard by a plain Date line or the 'Supercede' spelling", () => {
    expect(detect("# 1. T\n\n## Status\n\nAccepted\n")).toBe("nygard");
    expect(detect("# 1. T\n\nDate: 2020-01-01\n\n## Status\n\nAccepted\n")).toBe("adr-tools");
    expect(detect("# 1. T\n\n## Status\n\nSuperceded by [2. U](0002-u.md)\n")).toBe("adr-tools");
    expect(detect("# T\n\n## Context\n\nC.\n\n## Decision\n\nD.\n")).toBe("nygard");
  });

  it("reads MADR sections without metadata as MADR 2, and legible sections as legible", () => {
    expect(detect("# T\n\n## Context and Problem Statement\n\nC.\n")).toBe("madr2");
    expect(detect("# T\n\n## Exit path\n\nBob.\n")).toBe("legible");
    expect(detect("# T\n\nJust prose.\n")).toBe("unknown");
  });
});
