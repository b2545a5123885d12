import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DecisionReport } from "../../src/app/decisions.js";
import { runCli, runJson } from "../helpers/cli.js";
import { makeRepo, person, type TestRepo } from "../helpers/gitrepo.js";

const ADA = person("Ada");
const GRETA = person("Greta Holm");
const repos: TestRepo[] = [];
afterAll(() => {
  for (const repo of repos) repo.cleanup();
});
function repoWith(files: Record<string, string>): TestRepo {
  const repo = makeRepo({ commits: [{ author: ADA, date: "2024-03-01T10:00:00Z", files }] });
  repo.git("config", "user.name", "Ada");
  repos.push(repo);
  return repo;
}
const list = (repo: TestRepo, dir = repo.dir) =>
  runJson<DecisionReport>(["decide", "list", dir], { cwd: repo.root, env: repo.env })
    .repositories[0]!;

const MADR4 = `---
status: accepted
date: 2024-02-01
decision-makers: [Ada]
consulted: []
informed: []
---
# Use PostgreSQL for payments

## Context and Problem Statement

\`services/payments\` needs a transactional store.

## Decision Outcome

Chosen option: "PostgreSQL", because it is what we run.

### Consequences

* Good, because we keep one database engine to operate.
* Bad, because we accept a migration off the key-value store.
`;

describe("legible decide", () => {
  it("finds records through .log4brains.yml (per package too) and reads dates from git when absent", () => {
    const repo = repoWith({
      ".log4brains.yml":
        "project:\n  name: shop\n  adrFolder: ./docs/adr\n  packages:\n    - name: api\n      path: ./packages/api\n      adrFolder: ./packages/api/adr\n",
      "docs/adr/20240101-use-log4brains.md":
        "# Use Log4brains to manage the ADRs\n\n- Status: accepted\n- Deciders: Ada, Grace\n\n## Context and Problem Statement\n\nWe want a knowledge base.\n",
      "docs/adr/README.md": "# ADRs\n",
      "docs/adr/template.md": "# [short title]\n",
      "packages/api/adr/20240201-rest-over-grpc.md":
        "# REST over gRPC\n\n- Status: proposed\n\nIn the context of public clients, facing browser support, we decided for REST and neglected gRPC, to achieve reach, accepting slower internal calls.\n",
      "docs/decisions/0001-ignored.md": "# Not read: .log4brains.yml names the folders\n",
    });
    const found = list(repo);
    expect(found.folders).toEqual([
      { folder: "docs/adr", reason: ".log4brains.yml" },
      { folder: "packages/api/adr", reason: ".log4brains.yml" },
    ]);
    expect(found.decisions.map((d) => [d.id, d.format, d.status, d.date, d.dateSource])).toEqual([
      ["20240101-use-log4brains", "log4brains", "accepted", "2024-03-01", "git"],
      ["20240201-rest-over-grpc", "log4brains", "proposed", "2024-03-01", "git"],
    ]);
    expect(found.decisions[1]!.tradeoff.accepting).toBe("slower internal calls");
    expect(found.decisions[1]!.statesTradeoff).toBe(true);
  });

  it("reads MADR 4 with its tradeoff and areas, and keeps going past a broken record", () => {
    const repo = repoWith({
      "services/payments/ledger.ts": "export {};\n",
      "docs/decisions/0001-use-postgresql-for-payments.md": MADR4,
      "docs/decisions/0002-broken.md": "---\nstatus: [unclosed\n---\nno title here\n",
    });
    const found = list(repo);
    const [madr, broken] = found.decisions;
    expect(madr).toMatchObject({
      format: "madr4",
      status: "accepted",
      date: "2024-02-01",
      decisionMakers: ["Ada"],
      statesTradeoff: true,
      areas: ["services/payments"],
    });
    expect(madr!.tradeoff.goodConsequences).toEqual(["we keep one database engine to operate."]);
    expect(broken!.warnings.length).toBeGreaterThan(0);
    expect(broken!.warnings[0]!.line).toBeGreaterThan(0);
    const text = runCli(["decide", "list"], { cwd: repo.dir, env: repo.env });
    expect(text.code).toBe(0);
    expect(text.stderr).toMatch(
      new RegExp(`^warning: ${repo.dir}/docs/decisions/0002-broken.md:\\d+: `, "m"),
    );
  });

  it("writes a new record into docs/decisions/ and supersedes it both ways, read back by decide list", () => {
    const repo = repoWith({ "src/app.ts": "export {};\n" });
    const created = runCli(["decide", "new", "Adopt trunk-based development"], {
      cwd: repo.dir,
      env: repo.env,
      now: "2024-05-02T09:00:00Z",
    });
    expect(created).toMatchObject({
      code: 0,
      stdout: "wrote docs/decisions/0001-adopt-trunk-based-development.md\n",
    });
    const superseded = runCli(["decide", "supersede", "1", "Adopt short-lived branches"], {
      cwd: repo.dir,
      env: repo.env,
      now: "2024-06-01T09:00:00Z",
    });
    expect(superseded.stdout).toBe(
      "wrote docs/decisions/0002-adopt-short-lived-branches.md\nupdated docs/decisions/0001-adopt-trunk-based-development.md\n",
    );
    repo.git("add", "-A");
    repo.git("commit", "-q", "-m", "decisions");
    const found = list(repo);
    expect(
      found.decisions.map((d) => [d.id, d.status, d.date, d.supersedes, d.supersededBy]),
    ).toEqual([
      [
        "0001-adopt-trunk-based-development",
        "superseded",
        "2024-05-02",
        [],
        ["0002-adopt-short-lived-branches"],
      ],
      [
        "0002-adopt-short-lived-branches",
        "proposed",
        "2024-06-01",
        ["0001-adopt-trunk-based-development"],
        [],
      ],
    ]);
    const fresh = readFileSync(
      join(repo.dir, "docs/decisions/0002-adopt-short-lived-branches.md"),
      "utf8",
    );
    expect(fresh).toContain("## Executive tradeoff");
    expect(found.decisions[1]!.format).toBe("legible");
  });

  it("numbers after an adr-tools folder's records and marks them in their own spelling", () => {
    const repo = repoWith({
      ".adr-dir": "doc/architecture\n",
      "doc/architecture/0001-record-architecture-decisions.md":
        "# 1. Record architecture decisions\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\nSupercedes [0. Nothing](0000-nothing.md)\n\n## Context\n\nx\n\n## Decision\n\ny\n\n## Consequences\n\nz\n",
    });
    const result = runCli(
      ["decide", "supersede", "0001-record-architecture-decisions", "Use MADR"],
      { cwd: repo.dir, env: repo.env, now: "2024-07-01T00:00:00Z" },
    );
    expect(result.code).toBe(0);
    const old = readFileSync(
      join(repo.dir, "doc/architecture/0001-record-architecture-decisions.md"),
      "utf8",
    );
    expect(old).toContain("Superceded by [2. Use MADR](0002-use-madr.md)");
  });

  it("writes a decision log with an index and Mermaid diagrams", () => {
    const repo = repoWith({ "docs/decisions/0001-use-postgresql-for-payments.md": MADR4 });
    const md = runCli(["decide", "log"], { cwd: repo.dir, env: repo.env });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("0001-use-postgresql-for-payments");
    expect(md.stdout).toMatch(/```mermaid\n/);
    const json = JSON.parse(
      runCli(["decide", "log", "--format", "json"], { cwd: repo.dir, env: repo.env }).stdout,
    ) as { version: number; decisions: unknown[] };
    expect(json.version).toBe(1);
    expect(json.decisions).toHaveLength(1);
    const html = runCli(["decide", "log", "--format", "html"], {
      cwd: repo.dir,
      env: repo.env,
    }).stdout;
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script[^>]+src=/i);
  });

  it("takes a missing date and decision-maker from the commit that created the record, before a folder move", () => {
    const nygard =
      "# 1. Keep a ledger\n\n## Status\n\nAccepted\n\n## Context\n\nSee [the runbook](../runbook.md).\n\n## Decision\n\nKeep one.\n\n## Consequences\n\nOne more table.\n";
    const adrTools =
      "# 2. Deploy with Kubernetes\n\nDate: 2023-05-30\n\n## Status\n\nAccepted\n\n## Context\n\nVMs age.\n\n## Decision\n\nUse the cluster.\n\n## Consequences\n\nLearn kubectl.\n";
    const madr3 =
      "---\nstatus: accepted\ndate: 2024-01-20\ndeciders: [Hana Sato]\nconsulted: []\ninformed: []\n---\n# Cache sessions in Redis\n\n## Context and Problem Statement\n\nSessions are slow.\n";
    const repo = makeRepo({
      commits: [
        {
          author: ADA,
          date: "2023-05-10T09:00:00Z",
          files: { "doc/adr/0001-keep-a-ledger.md": nygard },
        },
        {
          author: ADA,
          date: "2023-06-01T09:00:00Z",
          files: { "doc/adr/0002-deploy-with-kubernetes.md": adrTools },
        },
        {
          author: GRETA,
          date: "2024-02-01T09:00:00Z",
          message: "Move the decision records to docs/decisions",
          renames: {
            "doc/adr/0001-keep-a-ledger.md": "docs/decisions/0001-keep-a-ledger.md",
            "doc/adr/0002-deploy-with-kubernetes.md":
              "docs/decisions/0002-deploy-with-kubernetes.md",
          },
          files: {
            // The move fixes a link, so git pairs the two files by similarity, not identity.
            "docs/decisions/0001-keep-a-ledger.md": nygard.replace(
              "../runbook.md",
              "../../runbook.md",
            ),
            "docs/decisions/0003-cache-sessions-in-redis.md": madr3,
          },
        },
      ],
    });
    repos.push(repo);
    const found = list(repo);
    const summary = (d: DecisionReport["repositories"][number]["decisions"][number]) => [
      d.id,
      d.format,
      d.date,
      d.dateSource,
      d.decisionMakers,
      d.decisionMakersSource,
      d.recordsParticipants,
      d.addedBy,
    ];
    expect(found.decisions.map(summary)).toEqual([
      ["0001-keep-a-ledger", "nygard", "2023-05-10", "git", ["Ada"], "git", false, "Ada"],
      [
        "0002-deploy-with-kubernetes",
        "adr-tools",
        "2023-05-30",
        "record",
        ["Ada"],
        "git",
        false,
        "Ada",
      ],
      [
        "0003-cache-sessions-in-redis",
        "madr3",
        "2024-01-20",
        "record",
        ["Hana Sato"],
        "record",
        true,
        "Greta Holm",
      ],
    ]);
    const text = runCli(["decide", "list"], { cwd: repo.dir, env: repo.env });
    expect(text).toEqual({
      code: 0,
      stdout: [
        `${found.name} @ ${found.commit.slice(0, 12)}: 3 decision records in docs/decisions (common folder)`,
        "ID\tSTATUS\tDATE\tTITLE\tDECISION MAKERS\tTRADEOFF\tAREAS",
        "0001-keep-a-ledger\taccepted\t2023-05-10\tKeep a ledger\tAda (from git: wrote the record)\tno\t",
        "0002-deploy-with-kubernetes\taccepted\t2023-05-30\tDeploy with Kubernetes\tAda (from git: wrote the record)\tno\t",
        "0003-cache-sessions-in-redis\taccepted\t2024-01-20\tCache sessions in Redis\tHana Sato\tno\t",
        "",
      ].join("\n"),
      stderr: "",
    });
    const log = runCli(["decide", "log"], { cwd: repo.dir, env: repo.env }).stdout;
    expect(log.split("\n").filter((line) => line.startsWith("| 000"))).toEqual([
      "| 0001-keep-a-ledger | Keep a ledger | accepted | 2023-05-10 | Ada (from git: wrote the record) | no |",
      "| 0002-deploy-with-kubernetes | Deploy with Kubernetes | accepted | 2023-05-30 | Ada (from git: wrote the record) | no |",
      "| 0003-cache-sessions-in-redis | Cache sessions in Redis | accepted | 2024-01-20 | Hana Sato | no |",
    ]);
    // A partial clone may lack the old contents: only the exact move is followed there.
    const partial = list(repo, repo.clonePartial({ offline: true }));
    expect(partial.decisions.map((d) => [d.id, d.date, d.addedBy])).toEqual([
      ["0001-keep-a-ledger", "2024-02-01", "Greta Holm"],
      ["0002-deploy-with-kubernetes", "2023-05-30", "Ada"],
      ["0003-cache-sessions-in-redis", "2024-01-20", "Greta Holm"],
    ]);
  });

  it("says where it looked when a repository has no decision records", () => {
    const repo = repoWith({ "src/app.ts": "export {};\n" });
    const found = list(repo);
    expect(found.lookedIn).toEqual([
      "doc/adr",
      "docs/adr",
      "docs/decisions",
      "docs/architecture/decisions",
      "architecture/decisions",
      "adr",
      "decisions",
      "rfcs",
    ]);
    expect(runCli(["decide", "list"], { cwd: repo.dir, env: repo.env })).toEqual({
      code: 0,
      stdout: `${found.name} @ ${found.commit.slice(0, 12)}: no decision records found (looked at the common folders (doc/adr, docs/adr, docs/decisions, docs/architecture/decisions, architecture/decisions, adr, decisions, rfcs): none exists; the whole tree for folders of two or more Markdown files with numbered or dated names (0001-x.md, adr-01.md, 2024-01-10-x.md): none; name the folder with decisions.folders in legible.yaml ('.' for the repository root))\n`,
      stderr: "",
    });
  });

  it("says why numbered files it found are not records", () => {
    const repo = repoWith({
      "docs/steps/01-install.md": "# Install\n\nRun it.\n",
      "docs/steps/02-configure.md": "# Configure\n\nEdit it.\n",
    });
    const found = list(repo);
    expect(found.decisions).toEqual([]);
    expect(found.looked[1]).toBe(
      "1 folder with Markdown files with numbered or dated names; 1 not taken, their files lacking a status and a decision section (docs/steps)",
    );
  });

  it("recognises a collection outside the common folders by what its records look like", () => {
    const record = (n: number, status: string) =>
      `# Policy ${n}\n\n* Status: ${status}\n\n## Context and Problem Statement\n\nWhy ${n}.\n\n## Decision Outcome\n\nChosen.\n`;
    const repo = repoWith({
      "docs/madr/decisions/000-template.md": "# {title}\n\n* Status: {proposed | accepted}\n",
      "docs/madr/decisions/001-adopt-madr.md": record(1, "accepted"),
      "docs/madr/decisions/002-psat.md": record(2, "proposed"),
      "docs/madr/decisions/003-logging.md": record(3, "accepted"),
      "docs/madr/decisions/notes.md": "# Notes on the process\n",
      // Numbered documentation without a status or a decision is not a collection.
      "docs/guide/01-install.md": "# Install\n\nRun it.\n",
      "docs/guide/02-configure.md": "# Configure\n\nEdit it.\n",
    });
    const found = list(repo);
    expect(found.folders).toEqual([
      {
        folder: "docs/madr/decisions",
        reason: "recognised: 3 of 3 numbered or dated files read as records",
      },
    ]);
    expect(found.decisions.map((d) => [d.id, d.status])).toEqual([
      ["001-adopt-madr", "accepted"],
      ["002-psat", "proposed"],
      ["003-logging", "accepted"],
    ]);
  });

  it("reads records at the repository root when legible.yaml names '.' or ''", () => {
    const record = (n: number) =>
      `# Architecture Decision Record: Choice ${n}\n\n## Status\n\nProposed\n\n## Context\n\nX.\n\n## Decision\n\nY.\n`;
    for (const folder of ['"."', '""', '"./"']) {
      const repo = repoWith({
        "legible.yaml": `decisions:\n  folders: [${folder}]\n`,
        "adr-001-use-adrs.md": record(1),
        "README.md": "# The project\n",
      });
      const found = runJson<DecisionReport>(["decide", "list"], { cwd: repo.dir, env: repo.env })
        .repositories[0]!;
      expect(found.folders).toEqual([{ folder: "", reason: "legible.yaml" }]);
      expect(found.decisions.map((d) => [d.id, d.title, d.number])).toEqual([
        ["adr-001-use-adrs", "Choice 1", 1],
      ]);
    }
  });

  it("finds a numbered collection at the root by itself, and says so", () => {
    const record = (n: number) =>
      `# ${n}. Choice ${n}\n\nDate: 2024-01-0${n}\n\n## Status\n\nAccepted\n\n## Context\n\nX.\n\n## Decision\n\nY.\n`;
    const repo = repoWith({
      "adr-001-one.md": record(1),
      "adr-002-two.md": record(2),
      "CONTRIBUTING.md": "# Contributing\n",
      "SECURITY.md": "# Security\n",
    });
    const found = list(repo);
    expect(found.decisions.map((d) => d.path)).toEqual(["adr-001-one.md", "adr-002-two.md"]);
    expect(runCli(["decide", "list"], { cwd: repo.dir, env: repo.env }).stdout.split("\n")[0]).toBe(
      `${found.name} @ ${found.commit.slice(0, 12)}: 2 decision records in (repository root) (recognised: 2 of 2 numbered or dated files read as records)`,
    );
  });

  it("counts one record in the singular", () => {
    const repo = repoWith({ "docs/decisions/0001-use-postgresql-for-payments.md": MADR4 });
    const found = list(repo);
    expect(runCli(["decide", "list"], { cwd: repo.dir, env: repo.env }).stdout.split("\n")[0]).toBe(
      `${found.name} @ ${found.commit.slice(0, 12)}: 1 decision record in docs/decisions (common folder)`,
    );
  });

  it("refuses to write into a bare repository", () => {
    const repo = repoWith({ "a.ts": "1\n" });
    const bare = repo.cloneBare();
    const result = runCli(["decide", "new", "X", bare], { cwd: repo.root, env: repo.env });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(
      `legible: ${bare}: a bare repository has no work tree to write a decision record into`,
    );
    expect(list(repo, bare).decisions).toEqual([]);
  });
});
