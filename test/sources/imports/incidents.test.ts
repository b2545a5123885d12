import { describe, expect, it } from "vitest";
import type { IncidentRow } from "../../../src/core/delivery/model.js";
import { findImporter } from "../../../src/sources/imports/index.js";
import { readAll, sample } from "./helpers.js";

const csv = findImporter("incidents", "csv", "")!;
const pagerduty = findImporter("incidents", "pagerduty", "")!;
const opsgenie = findImporter("incidents", "opsgenie", "")!;
const t = (iso: string) => Date.parse(iso) / 1000;

describe("incidents CSV", () => {
  it("reads responders separated by semicolons, once each, with emails", async () => {
    const { rows } = await readAll<IncidentRow>(csv, sample("incidents.csv"), { file: "f" });
    expect(rows[0]).toEqual({
      key: "csv:INC-1",
      source: "csv",
      title: "Checkout down",
      createdAt: t("2024-05-03T10:00:00Z"),
      resolvedAt: t("2024-05-03T11:30:00Z"),
      service: "checkout",
      severity: "SEV1",
      responders: [
        { login: "ada", email: null },
        { login: "Bo Jones", email: "bo@example.com" },
      ],
      repository: null,
    });
    expect(rows[1]).toMatchObject({
      title: "Search slow, then down",
      resolvedAt: null,
      responders: [{ login: "cy@example.com", email: "cy@example.com" }],
    });
    expect(rows[2]).toMatchObject({
      key: "csv:INC-6",
      createdAt: t("2024-05-07T08:00:00Z"),
      service: null,
      responders: [],
    });
  });

  it("reads a file with its own headers through the column map", async () => {
    const { rows, rejected } = await readAll<IncidentRow>(csv, sample("incidents-mapped.csv"), {
      file: "f",
      repository: "acme/db",
      columns: {
        id: "Incident ID",
        title: "Summary",
        created_at: "Opened",
        resolved_at: "Closed",
        service: "Component",
        severity: "Priority",
        responders: "People",
      },
    });
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      {
        key: "csv:42",
        source: "csv",
        title: "Disk full",
        createdAt: t("2024-05-03T10:00:00Z"),
        resolvedAt: t("2024-05-03T10:45:00Z"),
        service: "db",
        severity: "P2",
        responders: [{ login: "ops@example.com", email: "ops@example.com" }],
        repository: "acme/db",
      },
      {
        key: "csv:43",
        source: "csv",
        title: "Cert; expired",
        createdAt: t("2024-05-04T10:00:00Z"),
        resolvedAt: null,
        service: "web",
        severity: "P1",
        responders: [
          { login: "ada", email: null },
          { login: "bo", email: null },
        ],
        repository: "acme/db",
      },
    ]);
  });
});

describe("PagerDuty incidents", () => {
  it("finds a resolved incident's responders in its resolver and log entries, earliest first", async () => {
    const { rows } = await readAll<IncidentRow>(pagerduty, sample("pagerduty.json"), { file: "f" });
    expect(rows[0]).toEqual({
      key: "pagerduty:PT4KHLK",
      source: "pagerduty",
      title: "The server is on fire.",
      createdAt: t("2024-05-03T10:00:00Z"),
      resolvedAt: t("2024-05-03T11:30:00Z"),
      service: "Checkout API",
      severity: "P1",
      responders: [
        { login: "Bo Jones", email: "bo@example.com" },
        { login: "Earline Greenholt", email: null },
      ],
      repository: null,
    });
  });

  it("reads an open incident's assignees and acknowledgers (people only), urgency as severity", async () => {
    const { rows } = await readAll<IncidentRow>(pagerduty, sample("pagerduty.json"), {
      file: "f",
      repository: "acme/workers",
    });
    expect(rows[1]).toEqual({
      key: "pagerduty:PT4KHLL",
      source: "pagerduty",
      title: "Queue backlog",
      createdAt: t("2024-05-04T08:00:00Z"),
      resolvedAt: null,
      service: "Workers",
      severity: "low",
      responders: [
        { login: "Ada Lovelace", email: "ada@example.com" },
        { login: "Cy Young", email: null },
      ],
      repository: "acme/workers",
    });
  });

  it("reads a bare array and NDJSON pages of the API's responses", async () => {
    const incidents = (JSON.parse(sample("pagerduty.json")) as { incidents: unknown[] }).incidents;
    const bare = await readAll<IncidentRow>(pagerduty, JSON.stringify(incidents), { file: "f" });
    expect(bare.rows.map((row) => row.key)).toEqual(["pagerduty:PT4KHLK", "pagerduty:PT4KHLL"]);
    const pages = [incidents.slice(0, 2), incidents.slice(2)]
      .map((page) => JSON.stringify({ incidents: page, more: true }))
      .join("\n");
    const ndjson = await readAll<IncidentRow>(pagerduty, pages, { file: "f" });
    expect(ndjson.rows.map((row) => row.key)).toEqual(["pagerduty:PT4KHLK", "pagerduty:PT4KHLL"]);
    expect(ndjson.rejected.map((r) => [r.line, r.path])).toEqual([
      [2, "$.incidents[0]"],
      [2, "$.incidents[1]"],
    ]);
  });
});

describe("Opsgenie alerts", () => {
  it("resolves a closed alert at createdAt + report.closeTime (milliseconds), responders from report, owner and users", async () => {
    const { rows } = await readAll<IncidentRow>(opsgenie, sample("opsgenie.json"), { file: "f" });
    expect(rows[0]).toEqual({
      key: "opsgenie:70413a06-38d6-4c85-92b8-5ebc900d42e2",
      source: "opsgenie",
      title: "Checkout error rate above 5%",
      createdAt: t("2024-05-03T10:00:00Z"),
      resolvedAt: t("2024-05-03T11:00:00Z"),
      service: "checkout",
      severity: "P1",
      responders: [
        { login: "bo@example.com", email: "bo@example.com" },
        { login: "ada@example.com", email: "ada@example.com" },
        { login: "cy@example.com", email: "cy@example.com" },
      ],
      repository: null,
    });
  });

  it("falls back to entity for the service, tinyId for the id, updatedAt for the close; System is no responder", async () => {
    const { rows } = await readAll<IncidentRow>(opsgenie, sample("opsgenie.json"), { file: "f" });
    expect(rows[1]).toMatchObject({ service: "db-1", resolvedAt: null, responders: [] });
    expect(rows[2]).toMatchObject({
      key: "opsgenie:1793",
      service: "search",
      resolvedAt: t("2024-05-05T08:30:00Z"),
      responders: [],
    });
  });
});
