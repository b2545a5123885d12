import type { AreaRisk, ReviewReport } from "../../../src/app/review.js";
import type { FrictionSnapshot } from "../../../src/core/friction/index.js";

/** Text that would run as script if a renderer forgot to escape it. */
export const HOSTILE = `<script>window.__pwned = true</script>`;
export const HOSTILE_IMG = `<img src="https://evil.example/x.png" onerror="window.__pwned = true">`;

const universe: ReviewReport["repositories"][number]["universe"] = {
  commits: 1_240,
  merges: 61,
  botCommits: 17,
  skippedCommits: [],
  filesAtRef: 812,
  filesRemoved: {
    "not-in-files-from": 0,
    excluded: 4,
    vendored: 120,
    generated: 9,
    documentation: 33,
    binary: 6,
    empty: 2,
  },
  filesWithoutHistory: 0,
  filesScored: 638,
  people: 23,
  activePeople: 11,
  activityRepositories: 1,
};

function snapshot(overrides: Partial<FrictionSnapshot>): FrictionSnapshot {
  return {
    pullRequests: 10,
    pickupMedianHours: 4,
    reviewMedianHours: 20,
    reviews: 12,
    distinctReviewers: 3,
    topReviewerShare: 0.5,
    waitsForOnePerson: null,
    slow: { pickup: false, review: false },
    flagged: false,
    ...overrides,
  };
}

const ada = { id: "p1", name: "Ada Lovelace" };
const grace = { id: "p2", name: "Grace Hopper" };
const linus = { id: "p3", name: "Linus & <Co>" };

function risk(overrides: Partial<AreaRisk> & Pick<AreaRisk, "area" | "status">): AreaRisk {
  return {
    repository: "shop",
    files: 40,
    truckFactor: 1,
    holders: [{ ...ada, files: 38, active: true, lastActive: "2026-11-18T10:00:00.000Z" }],
    exampleFiles: ["services/payments/ledger.ts"],
    previousStatus: "knowledge-island",
    decisions: [],
    decisionLinks: [],
    ...overrides,
  };
}

const payments = risk({ area: "services/payments", status: "knowledge-island" });
const legacy = risk({
  area: "legacy/reports",
  status: "orphaned",
  files: 12,
  truckFactor: 0,
  holders: [{ ...linus, files: 12, active: false, lastActive: "2025-01-02T09:00:00.000Z" }],
  exampleFiles: ["legacy/reports/monthly.sql", HOSTILE_IMG],
  previousStatus: "orphaned",
});
const search = risk({
  area: `search/${HOSTILE}`,
  status: "knowledge-island",
  files: 22,
  holders: [
    { ...grace, files: 20, active: true, lastActive: "2026-11-20T10:00:00.000Z" },
    { ...linus, files: 2, active: false, lastActive: null },
  ],
  previousStatus: "shared",
  decisions: ["docs/adr/0007-search-engine.md"],
});

/** A review with every section filled in, and hostile text in titles, areas and names. */
export const FULL_REPORT: ReviewReport = {
  version: 1,
  period: { since: "2026-11-14T00:00:00.000Z", until: "2026-11-21T00:00:00.000Z", days: 7 },
  repositories: [
    {
      name: "shop",
      commit: "0123456789abcdef0123456789abcdef01234567",
      commitsInPeriod: 42,
      lastCommit: "2026-11-20T10:00:00.000Z",
      historyStopped: false,
      universe,
      caveats: ["shallow clone: history before 2026-01-01 is missing"],
    },
  ],
  heroics: {
    answer: {
      incidents: { now: 5, before: 2, restoreMedianHours: 3.25, restoreMedianHoursBefore: 1.5 },
      responderRisks: [{ group: "service checkout", holder: grace, share: 0.8, incidents: 5 }],
      reviewRisks: [
        {
          area: "services/payments",
          holder: ada,
          share: 0.9,
          reviews: 10,
          explanation:
            "services/payments is a knowledge island: knowledge concentration explains it",
        },
      ],
      holders: [ada, grace],
    },
    missing: null,
  },
  friction: {
    answer: {
      areas: [
        {
          area: "services/payments",
          before: snapshot({
            pickupMedianHours: 30,
            reviewMedianHours: 50,
            waitsForOnePerson: {
              risk: "work here waits for one person",
              holder: "p1",
              share: 0.9,
              reviews: 10,
            },
            flagged: true,
          }),
          now: snapshot({ pickupMedianHours: 12, reviewMedianHours: 40, topReviewerShare: 0.9 }),
          change: "routed-around",
          reason:
            "pickup median 30 h → 12 h improved, but the reviewer work waited for still did 90 % of the reviews (12): the wait shrank, the dependency did not",
          holder: "p1",
        },
        {
          area: "web/checkout",
          before: snapshot({ slow: { pickup: true, review: false }, flagged: true }),
          now: snapshot({ distinctReviewers: 5, pickupMedianHours: 2 }),
          change: "removed",
          reason:
            "flagged before (slow pickup), not now; distinct reviewers 3 → 5: the knowledge spread",
          holder: null,
        },
        {
          area: "infra",
          before: snapshot({ pickupMedianHours: null, reviewMedianHours: null, pullRequests: 0 }),
          now: snapshot({ slow: { pickup: false, review: true }, flagged: true }),
          change: "new",
          reason: "not flagged before; now: slow review",
          holder: null,
        },
      ],
      holders: [ada],
      baseline: {
        slowFactor: 2,
        now: { pullRequests: 40, pickupMedianHours: 3.5, reviewMedianHours: 1.2 },
        before: { pullRequests: 37, pickupMedianHours: 4, reviewMedianHours: 1.5 },
      },
    },
    missing: null,
  },
  trappedKnowledge: {
    now: [payments, legacy, search],
    counts: { islands: 2, orphaned: 1, previousIslands: 1, previousOrphaned: 1 },
    newlyTrapped: [`search/${HOSTILE}`],
    released: ["web/cart"],
    singleDecider: [
      {
        repository: "shop",
        id: "0009",
        title: `Adopt ${HOSTILE} for templating`,
        path: "docs/adr/0009-templating.md",
        file: null,
        decisionMaker: { id: "grace@example.com", name: "Grace Hopper" },
      },
    ],
    participantsUnrecorded: 0,
    missing: null,
  },
  tradeoffs: {
    inPeriod: 2,
    stated: [
      {
        repository: "shop",
        id: "0010",
        title: "Move the ledger to Postgres",
        path: "docs/adr/0010-ledger.md",
        file: null,
        tradeoff: {
          riskReduced: "lost payments during failover",
          costAccepted: "two weeks of migration",
        },
      },
    ],
    notStated: [
      {
        repository: "shop",
        id: "0011",
        title: "Split the search index",
        path: "docs/adr/0011-search.md",
        file: null,
      },
    ],
    allRecords: { total: 11, stated: 6 },
    missing: null,
  },
  capability: {
    teams: [
      {
        team: "payments",
        people: 6,
        concentratedAreas: 2,
        exitPathsWorking: 1,
        spreading: ["services/payments"],
        capabilityContributions: 4,
        capabilityExamples: ["docs: payments runbook"],
        withheld: null,
      },
      {
        team: "smaller teams combined",
        people: 3,
        concentratedAreas: 0,
        exitPathsWorking: 0,
        spreading: [],
        capabilityContributions: 0,
        capabilityExamples: [],
        withheld: "group smaller than 5 people",
      },
    ],
    exitPaths: [
      {
        repository: "shop",
        area: "services/payments",
        status: "knowledge-island",
        holders: [ada],
        successors: [{ ...grace, changes: 14, reviews: 6 }],
        lastQuarter: {
          activeAuthorsBefore: 1,
          activeAuthorsNow: 2,
          truckFactorBefore: 1,
          truckFactorNow: 1,
          working: true,
        },
      },
      {
        repository: "shop",
        area: "legacy/reports",
        status: "orphaned",
        holders: [linus],
        successors: [],
        lastQuarter: {
          activeAuthorsBefore: 0,
          activeAuthorsNow: 0,
          truckFactorBefore: 0,
          truckFactorNow: 0,
          working: false,
        },
      },
    ],
    missing: null,
  },
  dependsOn: [payments, search, legacy],
  dependsOnTotal: 3,
  leaderFacts: [],
};

const NEEDS = {
  needs: "incident records (who responded, to what, how fast) and pull-request reviews",
  howToProvide: "import them with `legible import incidents <file>`",
};

/** A review of a repository with only git history: every delivery question states what it needs. */
export const GIT_ONLY_REPORT: ReviewReport = {
  ...FULL_REPORT,
  heroics: { answer: null, missing: NEEDS },
  friction: {
    answer: null,
    missing: {
      needs: "pull requests with their reviews",
      howToProvide: "import them with `legible import prs <file>`",
    },
  },
  trappedKnowledge: {
    ...FULL_REPORT.trappedKnowledge,
    singleDecider: [],
    missing: {
      needs: "decision records",
      howToProvide: 'write one with `legible decide new "<title>"`',
    },
  },
  tradeoffs: {
    inPeriod: 0,
    stated: [],
    notStated: [],
    allRecords: { total: 0, stated: 0 },
    missing: {
      needs: "decision records",
      howToProvide: 'write one with `legible decide new "<title>"`',
    },
  },
  capability: {
    teams: [],
    exitPaths: [],
    missing: {
      needs: "a team roster with owned areas (legible.yaml `teams:`)",
      howToProvide: "add `teams:` to legible.yaml",
    },
  },
  dependsOn: [],
  dependsOnTotal: 0,
};

/** The full review of a repository checked out under /a/b/shop: its decision records have files. */
export const WORK_TREE_REPORT: ReviewReport = {
  ...FULL_REPORT,
  trappedKnowledge: {
    ...FULL_REPORT.trappedKnowledge,
    singleDecider: FULL_REPORT.trappedKnowledge.singleDecider.map((d) => ({
      ...d,
      file: `/a/b/shop/${d.path}`,
    })),
  },
  tradeoffs: {
    ...FULL_REPORT.tradeoffs,
    stated: FULL_REPORT.tradeoffs.stated.map((d) => ({ ...d, file: `/a/b/shop/${d.path}` })),
    notStated: FULL_REPORT.tradeoffs.notStated.map((d) => ({
      ...d,
      path: "docs/adr (old)/0011 search.md",
      file: "/a/b/shop/docs/adr (old)/0011 search.md",
    })),
  },
};
