import { describe, expect, it } from "vitest";
import { decidedAlone, parseDecision } from "../../../src/core/decisions/index.js";
import { ADR_TOOLS_NEW, MADR2, MADR3, MADR4, NYGARD } from "./samples.js";

const participants = (path: string, text: string) => {
  const d = parseDecision({ path, text });
  return {
    format: d.format,
    decisionMakers: d.decisionMakers,
    decisionMakersSource: d.decisionMakersSource,
    participantFields: d.participantFields,
    recordsParticipants: d.recordsParticipants,
    decidedAlone: decidedAlone(d),
  };
};

describe("who took part, as far as the record says", () => {
  it("a Nygard record has no participant fields: nobody named, nothing recorded", () => {
    expect(participants("docs/adr/0002-use-postgresql.md", NYGARD)).toEqual({
      format: "nygard",
      decisionMakers: [],
      decisionMakersSource: null,
      participantFields: [],
      recordsParticipants: false,
      decidedAlone: false,
    });
  });

  it("an adr-tools record has only its Date line: nothing recorded", () => {
    expect(participants("doc/adr/0003-deploy-with-kubernetes.md", ADR_TOOLS_NEW)).toEqual({
      format: "adr-tools",
      decisionMakers: [],
      decisionMakersSource: null,
      participantFields: [],
      recordsParticipants: false,
      decidedAlone: false,
    });
  });

  it("an adr-tools record with Deciders and Consulted lines under its Date records them", () => {
    const text = ADR_TOOLS_NEW.replace(
      "Date: 2021-06-30\n",
      "Date: 2021-06-30\nDeciders: Jonas Berg\nConsulted: Priya Nair\n",
    );
    expect(participants("doc/adr/0003-deploy-with-kubernetes.md", text)).toEqual({
      format: "adr-tools",
      decisionMakers: ["Jonas Berg"],
      decisionMakersSource: "record",
      participantFields: ["decision-makers", "consulted"],
      recordsParticipants: true,
      decidedAlone: false,
    });
  });

  it("MADR 3 with deciders, consulted and informed records participants", () => {
    expect(participants("docs/decisions/0004-cache-sessions-in-redis.md", MADR3)).toEqual({
      format: "madr3",
      decisionMakers: ["Ada Lovelace", "Alan Turing"],
      decisionMakersSource: "record",
      participantFields: ["decision-makers", "consulted", "informed"],
      recordsParticipants: true,
      decidedAlone: false,
    });
  });

  it("MADR 3 with an empty deciders field records participants but names no decision-maker", () => {
    const text = MADR3.replace("deciders: [Ada Lovelace, Alan Turing]", "deciders:");
    expect(participants("docs/decisions/0004-cache-sessions-in-redis.md", text)).toEqual({
      format: "madr3",
      decisionMakers: [],
      decisionMakersSource: null,
      participantFields: ["decision-makers", "consulted", "informed"],
      recordsParticipants: true,
      decidedAlone: false,
    });
  });

  it("MADR 4 naming one decision-maker and empty consulted and informed lists: decided alone", () => {
    expect(participants("docs/decisions/0005-split-billing.md", MADR4)).toEqual({
      format: "madr4",
      decisionMakers: ["Ada Lovelace"],
      decisionMakersSource: "record",
      participantFields: ["decision-makers", "consulted", "informed"],
      recordsParticipants: true,
      decidedAlone: true,
    });
  });

  it("MADR 2 names deciders but has no consulted field: one decider is not 'decided alone'", () => {
    const text = MADR2.replace("Ada Lovelace, Grace Hopper", "Ada Lovelace");
    expect(participants("docs/adr/0001-use-kafka.md", text)).toEqual({
      format: "madr2",
      decisionMakers: ["Ada Lovelace"],
      decisionMakersSource: "record",
      participantFields: ["decision-makers"],
      recordsParticipants: true,
      decidedAlone: false,
    });
  });

  it("a decision-maker taken from git never makes a record 'decided alone'", () => {
    expect(
      decidedAlone({
        decisionMakers: ["Greta Holm"],
        decisionMakersSource: "git",
        consulted: [],
        informed: [],
        participantFields: ["consulted", "informed"],
      }),
    ).toBe(false);
  });
});
