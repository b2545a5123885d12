import { describe, expect, it } from "vitest";
import {
  findImporter,
  formatsOf,
  importers,
  sampleFormats,
  sampleFormatsMarkdown,
} from "../../../src/sources/imports/index.js";
import { sample } from "./helpers.js";

describe("importer registry", () => {
  it("holds one importer per kind and format", () => {
    expect(importers.map((i) => `${i.kind}/${i.format}`)).toEqual([
      "prs/gitlab",
      "prs/github",
      "prs/gh-cli",
      "deployments/gitlab-deployments",
      "deployments/github-deployments",
      "deployments/github-releases",
      "deployments/csv",
      "incidents/pagerduty",
      "incidents/opsgenie",
      "incidents/csv",
    ]);
    expect(formatsOf("incidents")).toEqual(["pagerduty", "opsgenie", "csv"]);
  });

  it("finds nothing for an unknown format or an unrecognised file", () => {
    expect(findImporter("prs", "bitbucket", "[]")).toBeNull();
    expect(findImporter("prs", "auto", "hello")).toBeNull();
    expect(findImporter("deployments", "auto", "")).toBeNull();
    expect(findImporter("incidents", "auto", '[{"id": 1}]')).toBeNull();
  });

  it("does not take one kind's JSON export for another kind", () => {
    const files: [string, "prs" | "deployments" | "incidents"][] = [
      ["github-pulls.json", "prs"],
      ["gh-pr-list.json", "prs"],
      ["gitlab-mrs.json", "prs"],
      ["github-deployments.json", "deployments"],
      ["github-releases.json", "deployments"],
      ["gitlab-deployments.json", "deployments"],
      ["opsgenie-incidents.json", "incidents"],
      ["github-pull-single.json", "prs"],
      ["github-pull-webhook.json", "prs"],
      ["pagerduty.json", "incidents"],
      ["opsgenie.json", "incidents"],
    ];
    for (const [file, kind] of files) {
      for (const other of ["prs", "deployments", "incidents"] as const) {
        if (other !== kind)
          expect(findImporter(other, "auto", sample(file)), `${file} as ${other}`).toBeNull();
      }
    }
  });

  it("recognises gh output whose first keys are long comment lists, and compact GitHub pages", () => {
    const gh = `[{"additions":1,"author":{"id":"U_1","is_bot":false,"login":"ada","name":""},"comments":[${'{"body":"x"},'.repeat(20)}{"body":"y"}]`;
    expect(findImporter("prs", "auto", gh)?.format).toBe("gh-cli");
    const rest =
      '[{"url":"https://api.github.com/repos/o/r/pulls/1","id":1,"node_id":"PR_1","number":1}]';
    expect(findImporter("prs", "auto", rest)?.format).toBe("github");
    expect(findImporter("incidents", "auto", '{"incidents":[],"more":false}')?.format).toBe(
      "pagerduty",
    );
    expect(findImporter("incidents", "auto", '{"data":[{"id":"a","tinyId":"1"}]}')?.format).toBe(
      "opsgenie",
    );
    expect(findImporter("deployments", "auto", "id\tcommit_sha\tfinished_at\n")?.format).toBe(
      "csv",
    );
  });

  it("documents every format, listing the fields it reads", () => {
    expect(Object.keys(sampleFormats).sort()).toEqual(
      importers.map((i) => `${i.kind}/${i.format}`).sort(),
    );
    expect(sampleFormats["incidents/opsgenie"]).toContain("report.closeTime");
    expect(sampleFormats["prs/gh-cli"]).toContain("`mergeCommit.oid`");
    const markdown = sampleFormatsMarkdown();
    expect(markdown).toContain("### Pull requests (`legible import prs`)");
    for (const text of Object.values(sampleFormats)) expect(markdown).toContain(text);
  });
});
