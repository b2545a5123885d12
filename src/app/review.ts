import { join } from "node:path";
import type { Config } from "../config/schema.js";
import { isoDay, isoTime } from "../core/dates.js";
import type { Decision } from "../core/decisions/index.js";
import { decidedAlone as recordSaysDecidedAlone } from "../core/decisions/index.js";
import type { IncidentResult } from "../core/friction/index.js";
import type { AreaKnowledge, KnowledgeResult } from "../core/knowledge/index.js";
import type { ClassifiedContribution } from "../core/leverage/index.js";
import type { PersonId } from "../core/model.js";
import { tradeoffsStated, trappedKnowledge } from "../core/review/trapped.js";
import { decisionMakerId } from "./decision-makers.js";
import type { DecisionEntry } from "./decisions.js";
import type { ExitPath } from "./exit-paths.js";
import type { FlowReport } from "./flow.js";
import type { GitHistoryAnswers } from "./git-history.js";
import { analyseRepository, caveats, personRef, universe } from "./knowledge.js";
import { type PersonFact, publishFacts } from "./leader-facts.js";
import type { PersonRef, Universe } from "./report-types.js";
import type { ReviewCoordination } from "./review-coordination.js";
import { roster } from "./roster.js";
import type { SessionDecisions } from "./session.js";
import { eachAuthorshipRecord, type PreparedRepository, type Workspace } from "./workspace.js";

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
  /** Accepted decision records about this area (paths): its judgment is at least partly written down. */
  decisions: string[];
  /** The same records as links (title, and the file to link to in a work tree). */
  decisionLinks: DecisionLink[];
}

/** Question 1's evidence. */
export interface HeroicsAnswer {
  incidents: {
    now: number;
    before: number;
    restoreMedianHours: number | null;
    restoreMedianHoursBefore: number | null;
  };
  /** Services, teams or the whole organisation where one responder handled most incidents. */
  responderRisks: { group: string; holder: PersonRef; share: number; incidents: number }[];
  /** Areas where one reviewer did most reviews: work waits for one person. */
  reviewRisks: {
    area: string;
    holder: PersonRef;
    share: number;
    reviews: number;
    explanation: string | null;
  }[];
  holders: PersonRef[];
}

/** Question 5, per team: is the team more capable (knowledge spreading in the areas it owns)? */
export interface TeamCapability {
  team: string;
  /**
   * Active people on the roster (former members do not count); a team below privacy.minGroupSize
   * is folded into "smaller teams combined".
   */
  people: number;
  /** Areas the team owns that are concentrated (islands, orphaned) now or were a quarter ago. */
  concentratedAreas: number;
  /** Of them, those whose active authors or truck factor rose over the last quarter. */
  exitPathsWorking: number;
  /** Areas (by name) where knowledge spread over the quarter. */
  spreading: string[];
  /** Capability contributions by the team's members in the period (docs, runbooks, tests, tooling, pairing, reviews). */
  capabilityContributions: number;
  /** A few of them, by title (no names). */
  capabilityExamples: string[];
  /** Set when the group is still below the minimum size after folding. */
  withheld: string | null;
}

/** A decision as the review links to it. */
export interface DecisionLink {
  repository: string;
  id: string;
  title: string;
  /** Path of the record inside its repository. */
  path: string;
  /**
   * Absolute path of the record in the repository's work tree, for links relative to where a report
   * is written; null for a bare repository (renderers then name `repository: path` without a link).
   */
  file: string | null;
}

/**
 * One thing a leader view says about a person. Every leader view (review, knowledge, flow) renders
 * people only through these facts; `legible impact --what-leaders-see` is a filter of them.
 */
export interface LeaderFact {
  /** The person as the view shows them (a pseudonym under privacy.people: pseudonymous). */
  person: PersonRef;
  view: "review" | "knowledge" | "flow";
  kind:
    | "island-holder"
    | "former-author"
    | "truck-factor-developer"
    | "review-bottleneck"
    | "incident-heroics"
    | "decided-alone"
    | "successor"
    /** From git history alone (app/git-history.ts): one person made most repairs, or gave most trailer reviews, of an area. */
    | "repair-heroics"
    | "review-concentration";
  /** The area, service or group the fact is about ("shop-api: runbooks", "service payments"). */
  subject: string;
  /** The fact as one sentence about the area or group, with its figures. */
  text: string;
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
    /** Author date of the newest commit at the analysed commit (ISO), null without one. */
    lastCommit: string | null;
    /**
     * True when that newest commit is older than `activeDays` before the end of the period: the
     * history itself stopped, so "every author has left" says more about the clone than the people.
     */
    historyStopped: boolean;
    /** What the knowledge answers rest on, at the end of the period. */
    universe: Universe;
    caveats: string[];
  }[];
  heroics: {
    /** Incidents and reviews of the period, with the risks flagged ("heroics", "waits for one person"). */
    answer: HeroicsAnswer | null;
    missing: MissingInput | null;
  };
  friction: {
    /** Per area: review friction this period against the previous one, classified. */
    answer: {
      areas: FlowReport["trend"]["areas"];
      holders: PersonRef[];
      /** What "slow" was judged against: each period's overall medians and the factor. */
      baseline: {
        slowFactor: number;
        now: FlowReport["trend"]["overall"]["now"];
        before: FlowReport["trend"]["overall"]["before"];
      };
    } | null;
    missing: MissingInput | null;
  };
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
    /**
     * Accepted decisions one person made with no one consulted or informed, among records whose
     * format records participants and whose decision-maker the record itself names.
     */
    singleDecider: (DecisionLink & { decisionMaker: PersonRef })[];
    /**
     * Accepted records whose format (Nygard, adr-tools) does not record who decided or who was
     * consulted: "decided alone" cannot be judged for them.
     */
    participantsUnrecorded: number;
    /** What this answer could not use, when decision records are missing. */
    missing: MissingInput | null;
  };
  tradeoffs: {
    /** Decision records dated in the period, and which of them state their tradeoff. */
    inPeriod: number;
    stated: (DecisionLink & { tradeoff: Decision["tradeoff"] })[];
    notStated: DecisionLink[];
    /** Across all records: how many state a tradeoff. */
    allRecords: { total: number; stated: number };
    missing: MissingInput | null;
  };
  capability: {
    /** Per team (roster): knowledge islands a quarter ago and now, and exit paths that are working. */
    teams: TeamCapability[];
    /** Exit paths of every knowledge island and orphaned area. */
    exitPaths: ExitPath[];
    missing: MissingInput | null;
  };
  /** The top risks across the workspace, riskiest first (`review.top` of them), with evidence. */
  dependsOn: AreaRisk[];
  /** How many risks there are in all (`dependsOn` holds the first `review.top`). */
  dependsOnTotal: number;
  /** Everything this review says about people, one fact per line. */
  leaderFacts: LeaderFact[];
  /**
   * Coordination cost (questions 2 and 5): teams per change against the previous period, and
   * roster teams whose changes need fewer other teams than a quarter ago (app/review-coordination.ts).
   */
  coordination?: ReviewCoordination | null;
  /**
   * What git history alone answers (trailers, recovered pull requests, reverts, release tags): set
   * by `runReview`; absent from a report built by `reviewReport` alone.
   */
  gitHistory?: GitHistoryAnswers;
}

const TRAPPED: ReadonlySet<AreaKnowledge["status"]> = new Set(["orphaned", "knowledge-island"]);

/**
 * Builds the review from two analyses of the same history: at the end of the period (`workspace`)
 * and at its start (`previous`), so each answer carries its trend.
 */
export function reviewReport(
  workspace: Workspace,
  previous: Workspace,
  options: {
    config: Config;
    period: ReviewPeriod;
    /** Decision records per repository (by repository name); empty lists when none were found. */
    decisions: SessionDecisions[];
    /** Flow of the period and incidents of the previous period (as leader views show them), when any delivery record exists. */
    flow: { now: FlowReport; previousIncidents: IncidentResult } | null;
    /** Exit paths of every concentrated area (successors, last quarter's trend), as leader views show them. */
    exitPaths: ExitPath[];
    /** The period's contributions, classified by leverage type. */
    contributions: ClassifiedContribution[];
    /** Everything the review says about people ({@link leaderFacts}), before privacy is applied. */
    facts: PersonFact[];
    /** Extra activity (reviews, incident responses) per person, counted when judging who is active. */
    activity?: ReadonlyMap<PersonId, number>;
  },
): ReviewReport {
  const { config, period } = options;
  const allDecisions = options.decisions.flatMap((r) =>
    r.decisions.map((d) => ({ ...d, repository: r.repository, workTree: r.workTree })),
  );
  const link = (d: (typeof allDecisions)[number]): DecisionLink => ({
    repository: d.repository,
    id: d.id,
    title: d.title,
    path: d.path,
    file: d.workTree === null ? null : join(d.workTree, d.path),
  });
  const analyses = workspace.repositories.map((repository, index) => {
    const now = analyseRepository(workspace, repository, { config, mode: "default" });
    const before = analyseRepository(previous, previous.repositories[index]!, {
      config,
      mode: "default",
    });
    return { repository, now, before };
  });
  // Riskiest first across the whole workspace (not repository by repository), so an orphaned area
  // of the last repository is never cut below another repository's islands.
  const risks: AreaRisk[] = analyses
    .flatMap(({ repository, now, before }) => {
      const decisions =
        options.decisions.find((d) => d.repository === repository.scan.name)?.decisions ?? [];
      const covered = trappedKnowledge(withRepository(now), decisions).coveredAreas;
      const records = allDecisions.filter((d) => d.repository === repository.scan.name);
      return areaRisks(workspace, repository, now, before).map((risk) => {
        const ids = covered.filter((c) => c.label === risk.area).flatMap((c) => c.decisions);
        return {
          ...risk,
          decisions: ids.map((id) => decisions.find((d) => d.id === id)?.path ?? id),
          decisionLinks: ids.flatMap((id) => {
            const record = records.find((d) => d.id === id);
            return record ? [link(record)] : [];
          }),
        };
      });
    })
    .sort(compareRisks);
  const toDate = (time: number) => isoDay(time);
  const stated = tradeoffsStated(allDecisions, {
    since: toDate(period.since),
    until: toDate(period.until),
  });
  const noDecisions: MissingInput | null =
    allDecisions.length === 0
      ? {
          needs:
            "decision records (none were found in the common folders such as docs/adr and docs/decisions, in the folders .adr-dir, .log4brains.yml and legible.yaml name, or in any folder of numbered or dated files with a status and a decision section; `legible decide list` says where it looked)",
          howToProvide:
            'write one with `legible decide new "<title>"`, or list your folder under `decisions.folders` in legible.yaml',
        }
      : null;
  const trapped = risks.filter((risk) => TRAPPED.has(risk.status));
  const count = (when: "now" | "before", status: AreaKnowledge["status"]) =>
    analyses.reduce(
      (sum, analysis) =>
        sum + withRepository(analysis[when]).filter((a) => a.status === status).length,
      0,
    );
  const label = (risk: AreaRisk) =>
    workspace.repositories.length > 1 ? `${risk.repository}: ${risk.area}` : risk.area;
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
        workspace.repositories.length > 1 ? `${repository.scan.name}: ${a.label}` : a.label,
      );
  });
  return {
    version: 1,
    period: {
      since: isoTime(period.since),
      until: isoTime(period.until),
      days: Math.round((period.until - period.since) / 86_400),
    },
    repositories: analyses.map(({ repository, now }) => {
      const last = repository.commits.reduce((max, c) => Math.max(max, c.authorTime), -Infinity);
      return {
        name: repository.scan.name,
        commit: repository.commit,
        commitsInPeriod: repository.commits.filter(
          (c) => c.authorTime >= period.since && c.authorTime <= period.until,
        ).length,
        lastCommit: Number.isFinite(last) ? isoTime(last) : null,
        historyStopped: Number.isFinite(last) && last < period.until - config.activeDays * 86_400,
        universe: universe(workspace, repository, now),
        caveats: caveats(repository),
      };
    }),
    heroics: heroicsAnswer(options.flow),
    friction: options.flow
      ? options.flow.now.friction.universe.pullRequests.considered === 0
        ? { answer: null, missing: NO_PULL_REQUESTS }
        : {
            answer: {
              areas: options.flow.now.trend.areas.filter((a) => a.change !== "none"),
              holders: options.flow.now.holders,
              baseline: {
                slowFactor: options.flow.now.trend.thresholds.slowFactor,
                ...options.flow.now.trend.overall,
              },
            },
            missing: null,
          }
      : { answer: null, missing: NO_PULL_REQUESTS },
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
      singleDecider: allDecisions
        .filter(
          (d) =>
            d.status === "accepted" &&
            d.decisionMakers.length === 1 &&
            d.consulted.length === 0 &&
            d.informed.length === 0,
        )
        .map((d) => ({
          ...link(d),
          decisionMaker: { id: d.decisionMakers[0]!, name: d.decisionMakers[0]! },
        })),
      participantsUnrecorded: 0,
      missing: noDecisions,
    },
    tradeoffs: {
      inPeriod: stated.inPeriod,
      stated: allDecisions
        .filter((d) => stated.stated.some((s) => s.path === d.path && s.id === d.id))
        .map((d) => ({ ...link(d), tradeoff: d.tradeoff })),
      notStated: allDecisions
        .filter((d) => stated.notStated.some((s) => s.path === d.path && s.id === d.id))
        .map(link),
      allRecords: {
        total: allDecisions.length,
        stated: allDecisions.filter((d) => d.statesTradeoff).length,
      },
      missing: noDecisions,
    },
    capability: capabilityAnswer(workspace, options),
    dependsOn: risks.slice(0, config.review.top),
    dependsOnTotal: risks.length,
    leaderFacts: publishFacts(workspace, options.facts),
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
        lastActive: author.lastActive === null ? null : isoTime(author.lastActive),
      })),
      exampleFiles: exampleFiles(area, repository, changes),
      previousStatus: beforeById.get(area.id)?.status ?? null,
      decisions: [],
      decisionLinks: [],
    }));
}

function capabilityAnswer(
  workspace: Workspace,
  options: {
    exitPaths: ExitPath[];
    config: Config;
    contributions: ClassifiedContribution[];
    period: ReviewPeriod;
    activity?: ReadonlyMap<PersonId, number>;
  },
): ReviewReport["capability"] {
  const { config, exitPaths: paths } = options;
  const capability = options.contributions;
  const teams = Object.entries(config.teams);
  if (teams.length === 0) {
    return {
      teams: [],
      exitPaths: paths,
      missing: {
        needs:
          "a team roster with owned areas (legible.yaml `teams:`), to say which team became more capable",
        howToProvide:
          "add `teams:` to legible.yaml (`legible init` writes an example); exit paths are shown for the whole organisation meanwhile",
      },
    };
  }
  const min = config.privacy.minGroupSize;
  // A team's size is its active members: people who left do not make a team big enough to show.
  const owners = teams.map(([team, spec]) => ({
    team,
    people: activeMembers(workspace, spec.members, options),
  }));
  const { teamOfArea } = roster(config, workspace.people, workspace.areas);
  const ownerOf = (path: ExitPath) =>
    teamOfArea(
      workspace.areas.key(path.repository, path.area === "(whole repository)" ? "." : path.area),
    );
  const rows = new Map<string, TeamCapability>();
  const unit = (team: string) => {
    const owner = owners.find((o) => o.team === team)!;
    return owner.people >= min ? team : "smaller teams combined";
  };
  for (const owner of owners) {
    const name = unit(owner.team);
    const row = rows.get(name) ?? {
      team: name,
      people: 0,
      concentratedAreas: 0,
      exitPathsWorking: 0,
      spreading: [],
      capabilityContributions: 0,
      capabilityExamples: [],
      withheld: null,
    };
    row.people += owner.people;
    rows.set(name, row);
  }
  for (const path of paths) {
    const team = ownerOf(path);
    if (!team) continue;
    const row = rows.get(unit(team))!;
    row.concentratedAreas += 1;
    if (path.lastQuarter.working) {
      row.exitPathsWorking += 1;
      row.spreading.push(
        workspace.repositories.length > 1 ? `${path.repository}: ${path.area}` : path.area,
      );
    }
  }
  for (const contribution of capability) {
    if (!contribution.ownTeam || !owners.some((o) => o.team === contribution.ownTeam)) continue;
    const row = rows.get(unit(contribution.ownTeam))!;
    if (!contribution.leverage.some((l) => l.type === "capability")) continue;
    row.capabilityContributions += 1;
    if (
      row.capabilityExamples.length < 3 &&
      contribution.kind !== "review" &&
      !row.capabilityExamples.includes(contribution.title)
    ) {
      row.capabilityExamples.push(contribution.title);
    }
  }
  const result = [...rows.values()].map((row) =>
    row.people >= min
      ? row
      : {
          ...row,
          concentratedAreas: 0,
          exitPathsWorking: 0,
          spreading: [],
          capabilityContributions: 0,
          capabilityExamples: [],
          withheld: `group smaller than ${min} people`,
        },
  );
  return {
    teams: result.sort((a, b) => a.team.localeCompare(b.team)),
    exitPaths: paths,
    missing: null,
  };
}

/** Members of a roster team active within `activeDays` of the period's end (commits, reviews, incidents). */
function activeMembers(
  workspace: Workspace,
  members: string[],
  options: { config: Config; period: ReviewPeriod; activity?: ReadonlyMap<PersonId, number> },
): number {
  const since = options.period.until - options.config.activeDays * 86_400;
  const people = new Set<PersonId>();
  for (const member of members) {
    for (const person of workspace.identities.find(member)) {
      const last = Math.max(
        workspace.lastActive.get(person.id) ?? -Infinity,
        options.activity?.get(person.id) ?? -Infinity,
      );
      if (!person.isBot && last >= since) people.add(person.id);
    }
  }
  return people.size;
}

/** "Decided alone": an accepted record that itself says one person decided and nobody was consulted. */
function decidedAlone(decision: DecisionEntry): boolean {
  return decision.status === "accepted" && recordSaysDecidedAlone(decision);
}

/** The decided-alone records as leader facts take them: with the person each names. */
export function decidedAloneFacts(
  workspace: Workspace,
  decisions: SessionDecisions[],
): { person: PersonId; repository: string; title: string; id: string }[] {
  return decisions.flatMap((r) =>
    r.decisions.filter(decidedAlone).map((d) => ({
      person: decisionMakerId(workspace, r.repository, d.decisionMakers[0]!),
      repository: r.repository,
      title: d.title,
      id: d.id,
    })),
  );
}

/** Riskiest first: orphaned, then islands, then truck factor 1; lower truck factor, more files. */
function compareRisks(a: AreaRisk, b: AreaRisk): number {
  const rank = { orphaned: 0, "knowledge-island": 1, "at-risk": 2, shared: 3 } as const;
  return (
    rank[a.status] - rank[b.status] ||
    a.truckFactor - b.truckFactor ||
    b.files - a.files ||
    a.repository.localeCompare(b.repository) ||
    a.area.localeCompare(b.area)
  );
}

const NO_PULL_REQUESTS: MissingInput = {
  needs:
    "pull requests with their reviews (pickup and review waits per area), to compare this period with the previous one",
  howToProvide:
    "import them with `legible import prs <file>` (GitHub REST, `gh pr list --json`, GitLab) or `legible fetch github --repo <owner/name>`",
};

const NO_INCIDENTS: MissingInput = {
  needs: "incident records (who responded, to what, how fast)",
  howToProvide:
    "import them with `legible import incidents <file>` (CSV, PagerDuty or Opsgenie JSON)",
};

function heroicsAnswer(
  flow: { now: FlowReport; previousIncidents: IncidentResult } | null,
): ReviewReport["heroics"] {
  if (!flow)
    return {
      answer: null,
      missing: { ...NO_INCIDENTS, needs: `${NO_INCIDENTS.needs} and pull-request reviews` },
    };
  const { now, previousIncidents } = flow;
  const names = new Map(now.holders.map((p) => [p.id, p]));
  const ref = (id: string): PersonRef => names.get(id) ?? { id, name: id };
  const inc = now.incidents;
  const responderRisks: HeroicsAnswer["responderRisks"] = [];
  if (inc.overall.heroics)
    responderRisks.push({
      group: "all incidents",
      holder: ref(inc.overall.heroics.holder),
      share: inc.overall.heroics.share,
      incidents: inc.overall.heroics.incidents,
    });
  for (const s of inc.services)
    if (s.heroics)
      responderRisks.push({
        group: `service ${s.service}`,
        holder: ref(s.heroics.holder),
        share: s.heroics.share,
        incidents: s.heroics.incidents,
      });
  for (const t of inc.teams)
    if (t.withheld === null && t.heroics)
      responderRisks.push({
        group: `team ${t.team}`,
        holder: ref(t.heroics.holder),
        share: t.heroics.share,
        incidents: t.heroics.incidents,
      });
  const reviewRisks = now.friction.areas
    .filter((a) => a.waitsForOnePerson)
    .map((a) => ({
      area: a.area,
      holder: ref(a.waitsForOnePerson!.holder),
      share: a.waitsForOnePerson!.share,
      reviews: a.waitsForOnePerson!.reviews,
      explanation: a.explanation,
    }));
  const noIncidents = inc.universe.incidents.considered === 0;
  return {
    answer: {
      incidents: {
        now: inc.overall.incidents,
        before: previousIncidents.overall.incidents,
        restoreMedianHours: inc.overall.restoreMedianHours,
        restoreMedianHoursBefore: previousIncidents.overall.restoreMedianHours,
      },
      responderRisks,
      reviewRisks,
      holders: now.holders,
    },
    missing: noIncidents ? NO_INCIDENTS : null,
  };
}

/** The whole repository first (it is an island too when one person holds all of it), then its areas. */
function withRepository(result: KnowledgeResult): AreaKnowledge[] {
  const repository = { ...result.repository, label: "(whole repository)" };
  return repository.files > 0 ? [repository, ...result.areas] : result.areas;
}

function changeCounts(workspace: Workspace, repository: PreparedRepository): Map<string, number> {
  const counts = new Map<string, number>();
  eachAuthorshipRecord(workspace, repository, (record) =>
    counts.set(record.path, (counts.get(record.path) ?? 0) + 1),
  );
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
