/**
 * Known answers: every expected row of Apache DevLake's own e2e fixtures, reproduced by legible's
 * delivery code (see ../shared/fixtures/devlake-dora/SOURCE.md and ./devlake-fixtures.ts).
 */
import { describe, expect, it } from "vitest";
import {
  commitRanges,
  linkIncidents,
  normaliseDeployments,
  prStages,
  type RangedDeployment,
  shippingDeployments,
} from "../../../src/core/delivery/index.js";
import {
  type CsvRow,
  deploymentRow,
  devlakeIso,
  FIXTURES,
  fixturesPresent,
  incidentRow,
  projectRows,
  pullRequestRows,
  readCsv,
} from "./devlake-fixtures.js";

if (!fixturesPresent) {
  console.warn(`DevLake known-answer tests skipped: fixture folder missing: ${FIXTURES}`);
}

const PROJECT = "project1";

describe.skipIf(!fixturesPresent)("DevLake known answers", () => {
  describe("dora/e2e/change_lead_time → project_pr_metrics.csv", () => {
    const dir = "dora/e2e/change_lead_time";
    // Loaded in the tests: a skipped suite's body still runs.
    const load = () => {
      const mapping = readCsv(`${dir}/project_mapping.csv`);
      const scopes = projectRows(mapping, PROJECT, "cicd_scopes");
      const repos = projectRows(mapping, PROJECT, "repos");
      const deploymentCsv = readCsv(`${dir}/cicd_deployment_commits.csv`);
      const rows = deploymentCsv
        .filter((r) => scopes.has(r.cicd_scope_id!))
        .map((r) => deploymentRow(r));
      const diffs = readCsv(`${dir}/commits_diffs.csv`);
      const prs = pullRequestRows(
        readCsv(`${dir}/pull_requests.csv`).filter((pr) => repos.has(pr.base_repo_id!)),
        readCsv(`${dir}/pull_request_commits.csv`),
        readCsv(`${dir}/pull_request_comments.csv`),
      );
      const expected = readCsv(`${dir}/project_pr_metrics.csv`);
      return { deploymentCsv, rows, diffs, prs, expected };
    };

    /** Ranges as DevLake's refdiff left them in commits_diffs (keyed by new and old commit). */
    function withFixtureRanges(): RangedDeployment[] {
      const { rows, diffs } = load();
      const range = new Map<string, string[]>();
      for (const diff of diffs) {
        const key = `${diff.new_commit_sha}|${diff.old_commit_sha}`;
        range.set(key, [...(range.get(key) ?? []), diff.commit_sha!]);
      }
      return normaliseDeployments(rows).deployments.map((d) => ({
        ...d,
        commits: range.get(`${d.commitSha}|${d.previous?.commitSha ?? ""}`) ?? [],
        rangeStatus: d.previous === null ? "first of series: all history" : "range",
      }));
    }

    it("computes the previous deployment the fixture was given", () => {
      const { rows, deploymentCsv } = load();
      const previous = new Map(
        normaliseDeployments(rows).deployments.map((d) => [d.key, d.previous?.key ?? ""]),
      );
      for (const row of deploymentCsv.filter((r) => previous.has(r.id!))) {
        expect(previous.get(row.id!), `deployment ${row.id}`).toBe(
          row.prev_success_deployment_commit_id,
        );
      }
    });

    for (const mode of ["devlake", "default"] as const) {
      it(`reproduces every expected row (${mode} mode)`, () => {
        const { prs, expected } = load();
        const shipped = shippingDeployments(withFixtureRanges(), mode);
        const result = prStages(prs, shipped);
        expect(result.excluded).toEqual([{ key: "pr6", reason: "not merged" }]);
        const actual = result.rows.map((row) => asProjectPrMetric(row));
        expect(actual).toHaveLength(expected.length);
        for (const want of expected) {
          expect(
            actual.find((row) => row.id === want.id),
            want.id,
          ).toEqual(want);
        }
      });
    }
  });

  describe("connect_incident_to_deployment → project_incident_deployment_relationships.csv", () => {
    const dir = "dora/e2e/connect_incident_to_deployment";
    const load = () => {
      const mapping = readCsv(`${dir}/raw_tables/project_mapping.csv`);
      const scopes = projectRows(mapping, PROJECT, "cicd_scopes");
      const deploymentCsv = readCsv(
        `${dir}/prev_success_deployment_commit/cicd_deployment_commits_after.csv`,
      );
      const pipelineOf = new Map(deploymentCsv.map((r) => [r.id!, r.cicd_deployment_id!]));
      const deployments = normaliseDeployments(
        deploymentCsv.filter((r) => scopes.has(r.cicd_scope_id!)).map((r) => deploymentRow(r)),
      ).deployments;
      // An incident belongs to the project its scope (a repo or a board) is mapped to.
      const incidents = readCsv(`${dir}/raw_tables/incidents.csv`)
        .filter((row) => projectRows(mapping, PROJECT, row.table!).has(row.scope_id!))
        .map(incidentRow);
      const expected = readCsv(
        `${dir}/snapshot_tables/project_incident_deployment_relationships.csv`,
      );
      return { pipelineOf, deployments, incidents, expected };
    };

    it("reproduces every expected row (devlake mode)", () => {
      const { pipelineOf, deployments, incidents, expected } = load();
      const links = linkIncidents(incidents, deployments, { mode: "devlake" });
      const actual: CsvRow[] = links
        .filter((link) => link.deployment !== null)
        .map((link) => ({
          id: link.incidentKey,
          project_name: PROJECT,
          deployment_id: pipelineOf.get(link.deployment!.key)!,
        }));
      expect(actual).toEqual(expected);
    });

    it("links only within 7 days in default mode", () => {
      const { pipelineOf, deployments, incidents } = load();
      const links = linkIncidents(incidents, deployments, { mode: "default" });
      const linked = links.filter((link) => link.deployment !== null);
      expect(linked.map((l) => [l.incidentKey, pipelineOf.get(l.deployment!.key)])).toEqual([
        ["github:GithubIssue:1:1373792478", "pipeline2"],
      ]);
      expect(links.filter((l) => l.unlinked === "no deployment within the window")).toHaveLength(5);
    });
  });

  describe("prev_success_deployment_commit → cicd_deployment_commits_after.csv", () => {
    const dir = "dora/e2e/prev_success_deployment_commit";

    it("reproduces the previous successful deployment of every row", () => {
      const scopes = projectRows(readCsv(`${dir}/project_mapping.csv`), PROJECT, "cicd_scopes");
      const before = readCsv(`${dir}/cicd_deployment_commits_before.csv`);
      const expected = readCsv(`${dir}/cicd_deployment_commits_after.csv`);
      // DevLake's enricher links every environment (STAGING too); rows it does not select keep "".
      const { deployments } = normaliseDeployments(
        before.filter((r) => scopes.has(r.cicd_scope_id!)).map((r) => deploymentRow(r)),
        { environment: null },
      );
      const previous = new Map(deployments.map((d) => [d.key, d.previous?.key ?? ""]));
      expect(expected).toHaveLength(before.length);
      for (const row of expected) {
        expect(previous.get(row.id!) ?? "", `deployment ${row.id}`).toBe(
          row.prev_success_deployment_commit_id,
        );
      }
    });
  });

  describe("refdiff deployment_commit_diff → commits_diffs.csv", () => {
    const dir = "refdiff/e2e/deployment_commit_diff";
    const load = () => {
      const mapping = readCsv(`${dir}/project_mapping.csv`);
      const scopes = projectRows(mapping, PROJECT, "cicd_scopes");
      const repos = projectRows(mapping, PROJECT, "repos");
      const deploymentCsv = readCsv(`${dir}/cicd_deployment_commits.csv`).filter((r) =>
        scopes.has(r.cicd_scope_id!),
      );
      // DevLake loads the parents of the project's repositories' commits only.
      const projectCommits = new Set(
        readCsv(`${dir}/repo_commits.csv`)
          .filter((r) => repos.has(r.repo_id!))
          .map((r) => r.commit_sha!),
      );
      const parents = new Map<string, string[]>();
      for (const edge of readCsv(`${dir}/commit_parents.csv`)) {
        if (!projectCommits.has(edge.commit_sha!)) continue;
        parents.set(edge.commit_sha!, [
          ...(parents.get(edge.commit_sha!) ?? []),
          edge.parent_commit_sha!,
        ]);
      }
      const ancestry = { parents: (sha: string) => parents.get(sha) };
      const { deployments } = normaliseDeployments(deploymentCsv.map((r) => deploymentRow(r)));
      return { deploymentCsv, ancestry, deployments };
    };

    it("orders the series as the fixture's previous deployments say", () => {
      const { deploymentCsv, deployments } = load();
      for (const row of deploymentCsv) {
        const deployment = deployments.find((d) => d.key === row.id);
        expect(deployment?.previous?.key ?? "", `deployment ${row.id}`).toBe(
          row.prev_success_deployment_commit_id,
        );
      }
    });

    it("reproduces every commits_diffs row and finished pair (devlake mode)", () => {
      const { deployments, ancestry } = load();
      const ranged = commitRanges(deployments, ancestry, { mode: "devlake" }).deployments;
      const actual: CsvRow[] = ranged.flatMap((d) =>
        (d.commits ?? []).map((sha, i) => ({
          new_commit_sha: d.commitSha,
          old_commit_sha: d.previous?.commitSha ?? "",
          commit_sha: sha,
          sorting_index: String(i + 1),
        })),
      );
      expect(actual).toEqual(readCsv(`${dir}/commits_diffs.csv`));
      const pairs = ranged.map((d) => ({
        new_commit_sha: d.commitSha,
        old_commit_sha: d.previous?.commitSha ?? "",
      }));
      expect(pairs).toEqual(readCsv(`${dir}/_tool_refdiff_finished_commits_diffs.csv`));
    });

    it("gives the first deployment no range in default mode", () => {
      const { deployments, ancestry } = load();
      const ranged = commitRanges(deployments, ancestry, { mode: "default" }).deployments;
      expect(ranged.map((d) => [d.commitSha, d.rangeStatus, d.commits])).toEqual([
        ["commit_sha1", "first of series: no range", null],
        ["commit_sha2", "range", ["commit_sha2"]],
        ["commit_sha4", "range", ["commit_sha4", "commit_sha7"]],
      ]);
    });
  });
});

/** A stage row in the columns of DevLake's project_pr_metrics.csv. */
function asProjectPrMetric(row: ReturnType<typeof prStages>["rows"][number]): CsvRow {
  const text = (n: number | null) => (n === null ? "" : String(n));
  return {
    id: row.key,
    project_name: PROJECT,
    first_commit_sha: row.firstCommit?.sha ?? "",
    pr_coding_time: text(row.codingMinutes),
    first_review_id: row.firstReview?.id ?? "",
    pr_pickup_time: text(row.pickupMinutes),
    pr_review_time: text(row.reviewMinutes),
    deployment_commit_id: row.deployment?.key ?? "",
    pr_deploy_time: text(row.deployMinutes),
    pr_cycle_time: String(row.cycleMinutes),
    first_commit_authored_date: devlakeIso(row.firstCommit?.authoredAt ?? null),
    first_comment_date: devlakeIso(row.firstReview?.at ?? null),
    pr_created_date: devlakeIso(row.createdAt),
    pr_merged_date: devlakeIso(row.mergedAt),
    pr_deployed_date: devlakeIso(row.deployment?.finishedAt ?? null),
  };
}
