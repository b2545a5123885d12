import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { importFile } from "../../../src/app/import.js";
import type {
  DeploymentRow,
  IncidentRow,
  PullRequestRow,
} from "../../../src/core/delivery/model.js";
import { findImporter } from "../../../src/sources/imports/index.js";
import { Store } from "../../../src/store/store.js";
import { readAll, sample } from "./helpers.js";

const t = (iso: string) => Math.floor(Date.parse(iso) / 1000);

describe("Opsgenie: incidents and alerts told apart", () => {
  const opsgenie = findImporter("incidents", "opsgenie", "")!;

  it("auto-detects an Incident API export as opsgenie", () => {
    expect(findImporter("incidents", "auto", sample("opsgenie-incidents.json"))?.format).toBe(
      "opsgenie",
    );
  });

  it("reads a resolved incident's resolution time, impacted service and responders from the timeline", async () => {
    const { rows, rejected, warnings } = await readAll<IncidentRow>(
      opsgenie,
      sample("opsgenie-incidents.json"),
      { file: "f" },
    );
    expect(rejected).toEqual([]);
    expect(warnings).toEqual([]);
    expect(rows[0]).toEqual({
      key: "opsgenie:70413a06-38d6-4c85-92b8-5ebc900d42e2",
      source: "opsgenie",
      title: "Checkout unavailable in EU",
      createdAt: t("2024-05-03T10:00:00Z"),
      resolvedAt: t("2024-05-03T11:30:00Z"),
      service: "checkout",
      severity: "P1",
      // The integration that created it is not a person; the users acting are, earliest first.
      responders: [
        { login: "ada@example.com", email: "ada@example.com" },
        { login: "bo@example.com", email: "bo@example.com" },
      ],
      repository: null,
    });
    // Open: unresolved; an impacted service given by id; a named user responder.
    expect(rows[1]).toMatchObject({
      resolvedAt: null,
      service: "c4d7e0f3-6a9b-4c2d-8e1f-0a3b6c9d2e5f",
      responders: [{ login: "cy@example.com" }],
    });
    // Closed with no timeline: resolved when last updated.
    expect(rows[2]).toMatchObject({ resolvedAt: t("2024-05-05T09:00:00Z"), service: null });
  });

  it("reads a real Incident API answer (Cortex XSOAR's documented opsgenie-get-incidents output): resolved when the impact ended", async () => {
    const text = JSON.stringify({
      data: [
        {
          actions: [],
          createdAt: "2021-11-15T10:02:46.289Z",
          description: "",
          extraProperties: {},
          id: "b15c7555-d685-4a96-8798-46320618004e",
          impactEndDate: "2021-11-15T10:08:58.793Z",
          impactStartDate: "2021-11-15T10:02:46.289Z",
          impactedServices: [],
          message: "test",
          ownerTeam: "",
          priority: "P3",
          responders: [{ id: "fbbc3f9a-12f4-4794-9938-7e0a85a06f8b", type: "team" }],
          status: "resolved",
          tags: ["3", "4"],
          tinyId: "53",
          updatedAt: "2021-11-15T14:14:26.813Z",
        },
      ],
    });
    const { rows, warnings } = await readAll<IncidentRow>(opsgenie, text, { file: "f" });
    expect(warnings).toEqual([]);
    expect(rows[0]).toMatchObject({
      resolvedAt: t("2021-11-15T10:08:58Z"),
      service: null,
      severity: "P3",
      responders: [],
    });
  });

  it("still reads alerts as alerts", async () => {
    const { rows } = await readAll<IncidentRow>(opsgenie, sample("opsgenie.json"), { file: "f" });
    expect(rows[0]).toMatchObject({
      resolvedAt: t("2024-05-03T10:00:00Z") + 3600,
      service: "checkout",
    });
  });

  it("warns when a record's fields do not fit the kind it is read as", async () => {
    const mixed = JSON.stringify([
      {
        id: "a1",
        alias: "x",
        acknowledged: true,
        isSeen: true,
        message: "alert with an incident's field",
        status: "closed",
        createdAt: "2024-05-03T10:00:00Z",
        updatedAt: "2024-05-03T10:30:00Z",
        impactedServices: ["svc"],
      },
      {
        id: "i1",
        message: "incident with a word of its own",
        status: "acked",
        createdAt: "2024-05-03T10:00:00Z",
        impactedServices: ["svc"],
        ownerTeam: "t",
      },
    ]);
    const { rows, warnings } = await readAll<IncidentRow>(opsgenie, mixed, { file: "f" });
    expect(rows).toHaveLength(2);
    expect(warnings.map((w) => w.reason)).toEqual([
      "read as an Opsgenie alert (alias, acknowledged, isSeen), but it also has incident fields (impactedServices) that were not read",
      'status: "acked" is not an Opsgenie incident status (expected open or resolved or closed); read as unresolved',
    ]);
    expect(rows[1]?.resolvedAt).toBeNull();
  });
});

describe("GitHub: a single pull request and a webhook event", () => {
  const github = findImporter("prs", "github", "")!;

  it("reads GET /pulls/{n}, where commits and comments are counts", async () => {
    const head = sample("github-pull-single.json");
    expect(findImporter("prs", "auto", head)?.format).toBe("github");
    const { rows, rejected } = await readAll<PullRequestRow>(github, head, { file: "f" });
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({
        key: "github:octocat/Hello-World#1347",
        state: "merged",
        mergeCommitSha: "e5bd3914e2e596debea16f433f57875b5b90bcd6",
        labels: ["bug"],
        commits: [],
        comments: [],
        reviews: [],
      }),
    ]);
  });

  it("reads a webhook pull_request payload", async () => {
    const head = sample("github-pull-webhook.json");
    expect(findImporter("prs", "auto", head)?.format).toBe("github");
    const { rows, rejected } = await readAll<PullRequestRow>(github, head, { file: "f" });
    expect(rejected).toEqual([]);
    expect(rows[0]).toMatchObject({
      key: "github:Codertocat/Hello-World#2",
      repository: "Codertocat/Hello-World",
      state: "open",
      author: { login: "Codertocat", email: null },
      baseRef: "master",
      headRef: "changes",
    });
  });

  it("still rejects a commits field that is neither a list nor a count", async () => {
    const bad = JSON.stringify({ ...JSON.parse(sample("github-pull-single.json")), commits: "3" });
    const { rejected } = await readAll(github, bad, { file: "f" });
    expect(rejected[0]?.reason).toMatch(/^commits: expected an array/);
  });
});

describe("GitLab deployments", () => {
  it("reads GET /projects/:id/deployments, found by auto", async () => {
    const text = sample("gitlab-deployments.json");
    const importer = findImporter("deployments", "auto", text)!;
    expect(importer.format).toBe("gitlab-deployments");
    const { rows, rejected } = await readAll<DeploymentRow>(importer, text, { file: "f" });
    expect(rejected.map((r) => [r.line, r.reason])).toEqual([
      [
        73,
        'status: expected success, failed, canceled, skipped, created, running or blocked, got "exploded"',
      ],
      [83, "sha: expected a commit SHA (hex digits), but it is missing"],
    ]);
    expect(rows).toEqual([
      {
        key: "gitlab-deployments:root/project:41",
        source: "gitlab-deployments",
        repository: "root/project",
        environment: "production",
        result: "success",
        commitSha: "99d03678b90d914dbb1b109132516d71a4a03ea8",
        startedAt: t("2016-08-11T07:36:27Z"),
        finishedAt: t("2016-08-11T07:36:39Z"),
        name: "main",
      },
      {
        key: "gitlab-deployments:root/project:42",
        source: "gitlab-deployments",
        repository: "root/project",
        environment: "staging",
        result: "failure",
        commitSha: "a91957a858320c0e17f3a0eca7cfacbff50ea29a",
        startedAt: t("2016-08-11T11:32:25Z"),
        finishedAt: t("2016-08-11T11:32:35Z"),
        name: "main",
      },
    ]);
  });
});

describe("GitHub releases: a branch target resolved through the scanned repository's tags", () => {
  const releases = findImporter("deployments", "github-releases", "")!;
  const release = (tag: string) =>
    JSON.stringify([
      {
        url: "https://api.github.com/repos/acme/shop/releases/1",
        id: 1,
        tag_name: tag,
        target_commitish: "main",
        draft: false,
        published_at: "2024-05-03T10:00:00Z",
      },
    ]);

  it("takes the tag's commit from the repository of that name", async () => {
    const { rows, rejected } = await readAll<DeploymentRow>(releases, release("v1.0.0"), {
      file: "f",
      repositoryTags: new Map([
        ["acme/shop", { path: "/repos/shop", tags: new Map([["v1.0.0", "c".repeat(40)]]) }],
      ]),
    });
    expect(rejected).toEqual([]);
    expect(rows[0]?.commitSha).toBe("c".repeat(40));
  });

  it("says where it looked when the tag is not there, and what to do when no repository is known", async () => {
    const missing = await readAll(releases, release("v2.0.0"), {
      file: "f",
      repositoryTags: new Map([["acme/shop", { path: "/repos/shop", tags: new Map() }]]),
    });
    expect(missing.rejected[0]?.reason).toContain("which is not in /repos/shop");
    const none = await readAll(releases, release("v2.0.0"), { file: "f" });
    expect(none.rejected[0]?.reason).toContain(
      "no scanned repository named acme/shop is known to read it from",
    );
  });
});

describe("the same record twice in one file", () => {
  let dir = "";
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("counts once, keeps the later copy, and is unchanged on re-import", async () => {
    dir = mkdtempSync(join(tmpdir(), "legible-dup-"));
    const pull = JSON.parse(sample("github-pull-single.json"));
    const file = join(dir, "pulls.json");
    writeFileSync(
      file,
      JSON.stringify([
        { ...pull, title: "first copy" },
        { ...pull, title: "second copy" },
      ]),
    );
    const store = await Store.open(join(dir, "legible.db"));
    try {
      const options = { kind: "prs" as const, file, format: "auto", context: {} };
      const first = await importFile(store, options);
      expect(first.stored).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
      expect(first.duplicates).toBe(1);
      expect(first.warnings.map((w) => [w.line, w.reason])).toEqual([
        [
          1,
          "the same pull request (github:octocat/Hello-World#1347) as line 1, with different fields: the later one is kept",
        ],
      ]);
      expect((await store.delivery.pullRequests()).map((row) => row.title)).toEqual([
        "second copy",
      ]);
      const again = await importFile(store, options);
      expect(again.stored).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
      expect(again.duplicates).toBe(1);
      expect((await store.delivery.pullRequests()).map((row) => row.title)).toEqual([
        "second copy",
      ]);
      // A real change to the later copy is an update, once.
      writeFileSync(
        file,
        JSON.stringify([
          { ...pull, title: "first copy" },
          { ...pull, title: "third copy" },
        ]),
      );
      const changed = await importFile(store, options);
      expect(changed.stored).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    } finally {
      await store.close();
    }
  });
});
