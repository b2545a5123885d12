import type { Config } from "../config/schema.js";
import type { AreaKnowledge, KnowledgeResult } from "../core/knowledge/index.js";
import { analyseRepository, caveats, personRef, universe } from "./knowledge.js";
import type { PersonRef, Universe } from "./report-types.js";
import { authorshipRecords, type PreparedRepository, type Workspace } from "./workspace.js";

export interface ReviewPeriod {
  /** Unix seconds, inclusive. */
  since: number;
  /** Unix seconds, inclusive. */
  until: number;
}

/** A risk held by an area: where judgment lives in at most one active person. */
export interface AreaRisk {
  repository: string;
  area: string;
  status: AreaKnowledge["status"];
  files: number;
  truckFactor: number;
  /** The area's authors with their last activity: the evidence of who holds the knowledge. */
  holders: (PersonRef & { files: number; active: boolean; lastActive: string | null })[];
  /** The area's most-changed files. */
  exampleFiles: string[];
  /** Status at the start of the period (null: the area had no scored files then). */
  previousStatus: AreaKnowledge["status"] | null;
}

/** A question the review cannot answer yet, and the input it needs. */
export interface MissingInput {
  needs: string;
  howToProvide: string;
}

/** `legible review --json`, version 1: the weekly operating review as data. */
export interface ReviewReport {
  version: 1;
  period: { since: string; until: string; days: number };
  repositories: {
    name: string;
    commit: string | null;
    commitsInPeriod: number;
    /** What the knowledge answers rest on, at the end of the period. */
    universe: Universe;
    caveats: string[];
  }[];
  heroics: MissingInput;
  friction: MissingInput;
  trappedKnowledge: {
    /** Knowledge islands and orphaned areas at the end of the period. */
    now: AreaRisk[];
    counts: {
      islands: number;
      orphaned: number;
      previousIslands: number;
      previousOrphaned: number;
    };
    /** Areas that became islands or orphaned during the period, and those that stopped being. */
    newlyTrapped: string[];
    released: string[];
    missing: MissingInput;
  };
  tradeoffs: MissingInput;
  capability: MissingInput;
  /** The top risks, with evidence. */
  dependsOn: AreaRisk[];
}

const TRAPPED: ReadonlySet<AreaKnowledge["status"]> = new Set(["orphaned", "knowledge-island"]);

/**
 * Builds the review from two analyses of the same history: at the end of the period (`workspace`)
 * and at its start (`previous`), so each answer carries its trend.
 */
export function reviewReport(
  workspace: Workspace,
  previous: Workspace,
  options: { config: Config; period: ReviewPeriod },
): ReviewReport {
  const { config, period } = options;
  const analyses = workspace.repositories.map((repository, index) => {
    const now = analyseRepository(workspace, repository, { config, mode: "default" });
    const before = analyseRepository(previous, previous.repositories[index]!, {
      config,
      mode: "default",
    });
    return { repository, now, before };
  });
  const risks: AreaRisk[] = analyses.flatMap(({ repository, now, before }) =>
    areaRisks(workspace, repository, now, before),
  );
  const trapped = risks.filter((risk) => TRAPPED.has(risk.status));
  const count = (when: "now" | "before", status: AreaKnowledge["status"]) =>
    analyses.reduce(
      (sum, analysis) =>
        sum + withRepository(analysis[when]).filter((a) => a.status === status).length,
      0,
    );
  const label = (risk: AreaRisk) =>
    workspace.repositories.length > 1 ? `${risk.repository}:${risk.area}` : risk.area;
  const released = analyses.flatMap(({ repository, now, before }) => {
    const nowById = new Map(withRepository(now).map((a) => [a.id, a]));
    return withRepository(before)
      .filter(
        (a) =>
          TRAPPED.has(a.status) &&
          !TRAPPED.has(nowById.get(a.id)?.status ?? "shared") &&
          nowById.has(a.id),
      )
      .map((a) =>
        workspace.repositories.length > 1 ? `${repository.scan.name}:${a.label}` : a.label,
      );
  });
  return {
    version: 1,
    period: {
      since: new Date(period.since * 1000).toISOString(),
      until: new Date(period.until * 1000).toISOString(),
      days: Math.round((period.until - period.since) / 86_400),
    },
    repositories: analyses.map(({ repository, now }) => ({
      name: repository.scan.name,
      commit: repository.commit,
      commitsInPeriod: repository.commits.filter(
        (c) => c.authorTime >= period.since && c.authorTime <= period.until,
      ).length,
      universe: universe(workspace, repository, now),
      caveats: caveats(repository),
    })),
    heroics: {
      needs: "incident records (who responded, to what, how fast) and pull-request reviews",
      howToProvide:
        "not read by this version of legible yet: incident and pull-request imports are planned (`legible import`, `legible fetch github`)",
    },
    friction: {
      needs:
        "pull requests with their reviews (pickup and review waits per area), to compare this period with the previous one",
      howToProvide:
        "not read by this version of legible yet: pull-request imports are planned (`legible import prs`, `legible fetch github`)",
    },
    trappedKnowledge: {
      now: trapped,
      counts: {
        islands: count("now", "knowledge-island"),
        orphaned: count("now", "orphaned"),
        previousIslands: count("before", "knowledge-island"),
        previousOrphaned: count("before", "orphaned"),
      },
      newlyTrapped: trapped
        .filter((risk) => risk.previousStatus !== null && !TRAPPED.has(risk.previousStatus))
        .map(label),
      released,
      missing: {
        needs:
          "decision records, to tell areas whose judgment is written down from those where it lives only in a head",
        howToProvide:
          "not read by this version of legible yet: decision-record discovery (`legible decide list`) is planned",
      },
    },
    tradeoffs: {
      needs:
        "decision records that state their tradeoffs (risk reduced, option preserved, cost accepted, outcome protected)",
      howToProvide:
        "not read by this version of legible yet: decision records (`legible decide`) are planned",
    },
    capability: {
      needs:
        "a team roster with owned areas (legible.yaml `teams:`), reviews and decision records, to see which team gained authors and exit paths because of senior involvement",
      howToProvide:
        "the roster goes in legible.yaml (`legible init` writes an example); reviews and decision records are not read by this version of legible yet",
    },
    dependsOn: risks.slice(0, config.review.top),
  };
}

function areaRisks(
  workspace: Workspace,
  repository: PreparedRepository,
  now: KnowledgeResult,
  before: KnowledgeResult,
): AreaRisk[] {
  const beforeById = new Map(withRepository(before).map((area) => [area.id, area]));
  const changes = changeCounts(workspace, repository);
  return withRepository(now)
    .filter((area) => area.status !== "shared")
    .map((area) => ({
      repository: repository.scan.name,
      area: area.label,
      status: area.status,
      files: area.files,
      truckFactor: area.truckFactor,
      holders: area.authors.slice(0, 4).map((author) => ({
        ...personRef(workspace, author.person),
        files: author.files,
        active: author.active,
        lastActive:
          author.lastActive === null ? null : new Date(author.lastActive * 1000).toISOString(),
      })),
      exampleFiles: exampleFiles(area, repository, changes),
      previousStatus: beforeById.get(area.id)?.status ?? null,
    }));
}

/** The whole repository first (it is an island too when one person holds all of it), then its areas. */
function withRepository(result: KnowledgeResult): AreaKnowledge[] {
  const repository = { ...result.repository, label: "(whole repository)" };
  return repository.files > 0 ? [repository, ...result.areas] : result.areas;
}

function changeCounts(workspace: Workspace, repository: PreparedRepository): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of authorshipRecords(workspace, repository))
    counts.set(record.path, (counts.get(record.path) ?? 0) + 1);
  return counts;
}

function exampleFiles(
  area: AreaKnowledge,
  repository: PreparedRepository,
  changes: Map<string, number>,
): string[] {
  const inArea =
    area.kind === "repository"
      ? repository.files.kept.slice()
      : area.kind === "directory"
        ? repository.files.kept.filter((path) => path.startsWith(`${area.id}/`))
        : [];
  return inArea
    .sort((a, b) => (changes.get(b) ?? 0) - (changes.get(a) ?? 0) || a.localeCompare(b))
    .slice(0, 3);
}
