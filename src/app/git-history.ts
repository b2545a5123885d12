/**
 * The review's answers from git history alone (issue 14): review and help trailers, pull requests
 * and topic branches recovered from merge and squash subjects, reverts and hotfixes, release tags.
 * Every figure says which signals and how many records it rests on; imported pull requests and
 * incidents take precedence, and a recovered pull request that was also imported is counted once,
 * as the imported one.
 */
import type { Config } from "../config/schema.js";
import { isoDay } from "../core/dates.js";
import { DEFAULT_HEROICS_THRESHOLDS, DEFAULT_REVIEW_THRESHOLDS } from "../core/friction/index.js";
import { median, topOf } from "../core/friction/stats.js";
import type { PersonId, TrailerKind } from "../core/model.js";
import {
  findRepairs,
  isReleaseVersion,
  type RecoveredChange,
  type Repair,
  recoverChanges,
  releaseShipments,
} from "../core/signals/history.js";
import { reworkOfSubject } from "../core/signals/subjects.js";
import { type GitTag, listTags, tagDeployments } from "../sources/git/tags.js";
import type { StoredCommit } from "../store/store.js";
import type { DeliveryContext } from "./delivery.js";
import { analyseRepository, namedRef } from "./knowledge.js";
import type { PersonFact } from "./leader-facts.js";
import type { PersonRef } from "./report-types.js";
import { areaOfPath, roster } from "./roster.js";
import { HELP_TRAILERS, REVIEW_TRAILERS, trailerCredits } from "./trailer-reviews.js";
import {
  type HistoryGraph,
  historyGraph,
  type PreparedRepository,
  type Workspace,
} from "./workspace.js";

const DAY = 86_400;
const HOUR = 3_600;

/** Counts of one period (the review's, or the one before it). */
export interface RepairPeriod {
  /** Reverts and hotfixes whose commit date falls in the period. */
  repairs: number;
  reverts: number;
  hotfixes: number;
  /** `fixup!`/`squash!`/`amend!` commits left in the history. */
  fixups: number;
  /** Reverts whose reverted commit is in the history (so the time to revert is known). */
  revertsTimed: number;
  /** Median hours from the reverted commit reaching the history to its revert. */
  revertMedianHours: number | null;
  /** Repairs made by someone other than the author of what they repair (reverts with a known target). */
  byOtherThanAuthor: number;
}

/** Question 1 from git: repairs this period and before, and per area who repairs. */
export interface GitHeroics {
  now: RepairPeriod;
  before: RepairPeriod;
  /** Areas with a repair this period: how many, by how many people, and whether one person did most. */
  areas: {
    area: string;
    repairs: number;
    repairers: number;
    /** One person made at least half of at least 4 repairs here (the incident heroics rule). */
    concentrated: { holder: PersonRef; share: number; repairs: number } | null;
    examples: string[];
  }[];
  /** Repairs of the last year, for context when the period has few. */
  lastYear: {
    repairs: number;
    reverts: number;
    hotfixes: number;
    revertMedianHours: number | null;
  };
}

/** Coding time of one area in one period. */
export interface CodingTime {
  /** Recovered changes merged in the period that touched the area. */
  changes: number;
  /** Of them, those with a first commit (merges, not squashes): the median rests on these. */
  timed: number;
  codingMedianHours: number | null;
}

/** Question 2 from git: coding time of recovered pull requests and branches, and review concentration. */
export interface GitFriction {
  recovered: {
    now: number;
    before: number;
    mergePullRequests: number;
    squashPullRequests: number;
    mergedBranches: number;
    /** Recovered changes that are imported pull requests (same number or merge commit): counted as the imported one. */
    alsoImported: number;
  };
  overall: { now: CodingTime; before: CodingTime };
  /** Per area (a change counts in every area it touched), areas with a change in either period. */
  areas: {
    area: string;
    now: CodingTime;
    before: CodingTime;
    /** "slower" / "faster": the median moved by the slow factor (1.5×) with 3+ timed changes in both periods. */
    change: "slower" | "faster" | "steady" | "too-few";
  }[];
  /** Reviews from trailers (Reviewed-by, Acked-by, Tested-by) of the period's commits. */
  reviews: { now: number; before: number; reviewersNow: number };
  /** Areas where one reviewer gave at least 70 % of at least 5 trailer reviews this period. */
  reviewConcentration: {
    area: string;
    holder: PersonRef;
    share: number;
    reviews: number;
    reviewers: number;
  }[];
}

/** Question 3 from git: who else reviews the changes of each area whose knowledge is trapped. */
export interface GitReviewCoverage {
  /** Trailer reviews in the last year, and their reviewers. */
  reviews: number;
  reviewers: number;
  /** Per trapped area: reviews of its files' changes in the last year by people other than its holders. */
  areas: { area: string; reviews: number; reviewers: number }[];
}

/** Question 5 from git: mentoring and help recorded in trailers, per period and per team. */
export interface GitHelp {
  now: HelpCounts;
  before: HelpCounts;
  /** Per roster team of the person named (teams below privacy.minGroupSize withheld). */
  teams: {
    team: string;
    people: number;
    mentoring: number;
    help: number;
    withheld: string | null;
  }[];
}

export interface HelpCounts {
  /** Commits naming someone in Mentored-by, Helped-by or Suggested-by. */
  commits: number;
  mentoredBy: number;
  helpedBy: number;
  suggestedBy: number;
  /** Distinct people named, and distinct authors helped. */
  helpers: number;
  helped: number;
  /** Areas where an author who was helped changed files for the first time. */
  newAreas: number;
}

/** Release-based delivery figures from tags, when no deployment was imported. */
export interface GitReleases {
  /** Which tags count as releases. */
  rule: string;
  releasesNow: number;
  releasesBefore: number;
  /** The window of the figures below: the period, or the last 90 days when the period is shorter. */
  window: { since: string; until: string; days: number };
  lastQuarter: {
    releases: number;
    perWeek: number;
    /** Non-merge commits the quarter's releases shipped (the first release of a history is left out: no range). */
    commits: number;
    /** Median days from a commit's author date to the first release containing it. */
    leadTimeMedianDays: number | null;
    /** Commits shipped that were reverts or hotfixes, and releases that shipped one. */
    reworkCommits: number;
    reworkRate: number | null;
    releasesWithRework: number;
  };
  /** The newest release, and the repository whose tag it is. */
  latest: { name: string; date: string; repository: string } | null;
  /** How many repositories have release tags in their history: the figures add them up. */
  repositories: number;
  misses: string[];
}

/** `gitHistory` of the review: what the history alone answers. */
export interface GitHistoryAnswers {
  /** The signals read, over the analysed histories (all time). */
  signals: {
    commits: number;
    trailers: Record<TrailerKind, number>;
    reverts: number;
    hotfixes: number;
    fixups: number;
    mergePullRequests: number;
    squashPullRequests: number;
    mergedBranches: number;
    releaseTags: number;
  };
  heroics: GitHeroics;
  friction: GitFriction;
  reviews: GitReviewCoverage;
  capability: GitHelp;
  releases: GitReleases | null;
  /** What an import would add, per answer. */
  importWouldAdd: { heroics: string; friction: string; capability: string; releases: string };
}

/** Everything the answers say about a person, by real id (leader facts). */
export interface GitHistoryFacts {
  repairHeroics: { person: PersonId; area: string; share: number; repairs: number }[];
  reviewConcentration: { person: PersonId; area: string; share: number; reviews: number }[];
}

interface Options {
  config: Config;
  period: { since: number; until: number };
  delivery: DeliveryContext | null;
  /** Whether any deployment was imported (release figures are then not given). */
  importedDeployments: number;
  /** A repository's tags (by its path); listed from git when not given. */
  tags?: (path: string) => Promise<GitTag[]>;
}

/** One repository's signals joined with people and areas. */
interface Joined {
  repository: PreparedRepository;
  history: HistoryGraph;
  recovered: RecoveredChange[];
  repairs: Repair[];
  fixups: StoredCommit[];
}

/** The review's answers from git history alone, and the leader facts behind them. */
export async function gitHistoryAnswers(
  workspace: Workspace,
  options: Options,
): Promise<{ answers: GitHistoryAnswers; facts: GitHistoryFacts }> {
  const { config, period } = options;
  const depth = config.areas.depth;
  const before = { since: 2 * period.since - period.until, until: period.since };
  const inRange = (t: number, p: { since: number; until: number }) => t >= p.since && t <= p.until;
  const yearAgo = period.until - 365 * DAY;
  const joined: Joined[] = workspace.repositories.map((repository) => {
    const history = historyGraph(repository);
    const { graph, reaches } = history;
    const found = findRepairs(repository.commits, {
      get: (sha) => (reaches(sha) ? graph.commits[graph.position.get(sha)!] : undefined),
      keys: () => repository.commits.map((c) => c.sha),
    });
    return {
      repository,
      history,
      // Walks from the analysed commit reach only what it reaches.
      recovered: repository.commit ? recoverChanges(graph, repository.commit) : [],
      repairs: found.repairs,
      fixups: found.fixups.map((sha) => graph.commits[graph.position.get(sha)!]!),
    };
  });
  const personOf = (repository: PreparedRepository, raw: { name: string; email: string }) =>
    workspace.identities.personOf(repository.scan.path, raw);
  // Each path's area, once per repository: the help counts read every commit's paths.
  const areaKeys = new Map<PreparedRepository, Map<string, string>>();
  const keysOf = (repository: PreparedRepository) => {
    let keys = areaKeys.get(repository);
    if (!keys) {
      keys = new Map();
      areaKeys.set(repository, keys);
    }
    return keys;
  };
  /** Adds the areas of `changes`' paths to `areas`. */
  const addAreas = (
    repository: PreparedRepository,
    changes: readonly { path: string }[],
    areas: Set<string>,
  ) => {
    const keys = keysOf(repository);
    for (const { path } of changes) {
      let key = keys.get(path);
      if (key === undefined) {
        key = workspace.areas.key(repository.scan.name, areaOfPath(path, depth));
        keys.set(path, key);
      }
      areas.add(key);
    }
  };
  const areasOf = (repository: PreparedRepository, paths: readonly string[]) => {
    const areas = new Set<string>();
    addAreas(
      repository,
      paths.map((path) => ({ path })),
      areas,
    );
    return [...areas];
  };
  const ref = (id: PersonId) => namedRef(workspace, id);

  // Signals read, all time.
  const trailers = Object.fromEntries(
    [
      "reviewed-by",
      "acked-by",
      "tested-by",
      "helped-by",
      "mentored-by",
      "suggested-by",
      "reported-by",
    ].map((k) => [k, 0]),
  ) as Record<TrailerKind, number>;
  let commits = 0;
  for (const { repository } of joined)
    for (const commit of repository.commits) {
      commits += 1;
      for (const s of commit.signals ?? []) if (s.kind !== "reverts") trailers[s.kind] += 1;
    }
  const everyRepair = joined.flatMap((j) => j.repairs);
  const everyChange = joined.flatMap((j) => j.recovered);

  // Question 1: repairs.
  const repairPeriod = (p: { since: number; until: number }): RepairPeriod => {
    const hours: number[] = [];
    let reverts = 0;
    let hotfixes = 0;
    let other = 0;
    let fixups = 0;
    for (const j of joined) {
      fixups += j.fixups.filter((c) => inRange(c.commitTime, p)).length;
      for (const repair of j.repairs) {
        if (!inRange(repair.time, p)) continue;
        if (repair.kind === "revert") reverts += 1;
        else hotfixes += 1;
        const target = repair.reverted[0];
        if (!target) continue;
        hours.push(Math.max(0, repair.time - target.time) / HOUR);
        if (personOf(j.repository, target.author) !== personOf(j.repository, repair.author))
          other += 1;
      }
    }
    return {
      repairs: reverts + hotfixes,
      reverts,
      hotfixes,
      fixups,
      revertsTimed: hours.length,
      revertMedianHours: median(hours),
      byOtherThanAuthor: other,
    };
  };
  const repairAreas = new Map<string, { people: Map<PersonId, number>; examples: string[] }>();
  for (const j of joined) {
    for (const repair of j.repairs) {
      if (!inRange(repair.time, period)) continue;
      const person = personOf(j.repository, repair.author);
      if (workspace.bots.has(person)) continue;
      for (const area of areasOf(j.repository, repair.paths)) {
        const entry = repairAreas.get(area) ?? {
          people: new Map<PersonId, number>(),
          examples: [] as string[],
        };
        entry.people.set(person, (entry.people.get(person) ?? 0) + 1);
        if (entry.examples.length < 3) entry.examples.push(repair.subject);
        repairAreas.set(area, entry);
      }
    }
  }
  const facts: GitHistoryFacts = { repairHeroics: [], reviewConcentration: [] };
  const heroicsAreas: GitHeroics["areas"] = [...repairAreas.entries()]
    .map(([area, entry]) => {
      const repairs = [...entry.people.values()].reduce((a, b) => a + b, 0);
      const top = topOf(entry.people);
      const share = top ? top.count / repairs : 0;
      const concentrated =
        top &&
        repairs >= DEFAULT_HEROICS_THRESHOLDS.heroicsMinIncidents &&
        share >= DEFAULT_HEROICS_THRESHOLDS.heroicsShare
          ? { holder: ref(top.person), share, repairs }
          : null;
      if (concentrated && top)
        facts.repairHeroics.push({ person: top.person, area, share, repairs });
      return {
        area,
        repairs,
        repairers: entry.people.size,
        concentrated,
        examples: entry.examples,
      };
    })
    .sort((a, b) => b.repairs - a.repairs || a.area.localeCompare(b.area));
  const year = repairPeriod({ since: yearAgo, until: period.until });

  // Question 2: recovered changes, minus those imported.
  const imported = importedKeys(options.delivery);
  let alsoImported = 0;
  const recovered: { change: RecoveredChange; areas: string[] }[] = [];
  for (const j of joined) {
    for (const change of j.recovered) {
      if (
        imported.shas.has(change.sha) ||
        (change.number !== null &&
          imported.numbers.has(`${j.repository.scan.name}#${change.number}`))
      ) {
        alsoImported += 1;
        continue;
      }
      recovered.push({ change, areas: areasOf(j.repository, change.paths) });
    }
  }
  const codingTime = (changes: RecoveredChange[]): CodingTime => {
    const times = changes.flatMap((c) =>
      c.firstCommitAt === null ? [] : [Math.max(0, c.mergedAt - c.firstCommitAt) / HOUR],
    );
    return { changes: changes.length, timed: times.length, codingMedianHours: median(times) };
  };
  const nowChanges = recovered.filter((r) => inRange(r.change.mergedAt, period));
  const beforeChanges = recovered.filter(
    (r) => inRange(r.change.mergedAt, before) && r.change.mergedAt < period.since,
  );
  const areaNames = [...new Set([...nowChanges, ...beforeChanges].flatMap((r) => r.areas))].sort();
  const slow = DEFAULT_REVIEW_THRESHOLDS.slowFactor;
  const frictionAreas: GitFriction["areas"] = areaNames.map((area) => {
    const now = codingTime(nowChanges.filter((r) => r.areas.includes(area)).map((r) => r.change));
    const was = codingTime(
      beforeChanges.filter((r) => r.areas.includes(area)).map((r) => r.change),
    );
    let change: GitFriction["areas"][number]["change"] = "too-few";
    if (
      now.timed >= 3 &&
      was.timed >= 3 &&
      now.codingMedianHours !== null &&
      was.codingMedianHours !== null
    ) {
      change =
        now.codingMedianHours > was.codingMedianHours * slow
          ? "slower"
          : now.codingMedianHours * slow < was.codingMedianHours
            ? "faster"
            : "steady";
    }
    return { area, now, before: was, change };
  });

  // Trailer reviews.
  // Trailer reviews (never counted twice with an imported review of the same commit: trailer-reviews.ts).
  const reviewsIn = (p: { since: number; until: number }) =>
    joined.flatMap((j) =>
      trailerCredits(workspace, j.repository, {
        kinds: REVIEW_TRAILERS,
        delivery: options.delivery,
        since: p.since,
        until: p.until,
      }).map((credit) => ({
        person: credit.person,
        areas: areasOf(j.repository, credit.paths),
        paths: credit.paths,
        repository: j.repository.scan.name,
      })),
    );
  const reviewsNow = reviewsIn(period);
  const reviewsBefore = reviewsIn({ since: before.since, until: before.until - 1 });
  const byArea = new Map<string, Map<PersonId, number>>();
  for (const review of reviewsNow)
    for (const area of review.areas) {
      const counts = byArea.get(area) ?? new Map<PersonId, number>();
      counts.set(review.person, (counts.get(review.person) ?? 0) + 1);
      byArea.set(area, counts);
    }
  const reviewConcentration: GitFriction["reviewConcentration"] = [];
  for (const [area, counts] of [...byArea.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const top = topOf(counts);
    if (!top) continue;
    const share = top.count / total;
    if (total < DEFAULT_REVIEW_THRESHOLDS.oneReviewerMinReviews) continue;
    if (share < DEFAULT_REVIEW_THRESHOLDS.oneReviewerShare) continue;
    reviewConcentration.push({
      area,
      holder: ref(top.person),
      share,
      reviews: total,
      reviewers: counts.size,
    });
    facts.reviewConcentration.push({ person: top.person, area, share, reviews: total });
  }

  // Question 3: reviewers of trapped areas over the last year, other than the area's holders.
  const yearReviews = reviewsIn({ since: yearAgo, until: period.until });
  const coverage: GitReviewCoverage["areas"] = trappedAreas(workspace, config).map((trapped) => {
    const rows = yearReviews.filter(
      (r) =>
        r.repository === trapped.repository &&
        !trapped.holders.includes(r.person) &&
        (trapped.dir === "." || r.paths.some((p) => p.startsWith(`${trapped.dir}/`))),
    );
    return {
      area: trapped.label,
      reviews: rows.length,
      reviewers: new Set(rows.map((r) => r.person)).size,
    };
  });

  // Question 5: mentoring and help.
  const { teamOf } = roster(config, workspace.people, workspace.areas);
  // Both periods' help counts walk every commit: their authors, resolved once.
  const authorsByRepository = new Map<Joined, PersonId[]>();
  const authorsOf = (j: Joined) => {
    let authors = authorsByRepository.get(j);
    if (!authors) {
      authors = j.repository.commits.map((commit) => personOf(j.repository, commit.author));
      authorsByRepository.set(j, authors);
    }
    return authors;
  };
  // Both periods' help counts in one walk of every commit: which areas each author had touched
  // before a commit is the same for both.
  const helpIn = (periods: readonly { since: number; until: number }[]) => {
    const tallies = periods.map(() => ({
      counts: {
        commits: 0,
        mentoredBy: 0,
        helpedBy: 0,
        suggestedBy: 0,
        helpers: 0,
        helped: 0,
        newAreas: 0,
      } as HelpCounts,
      helpers: new Set<PersonId>(),
      helped: new Set<PersonId>(),
      perHelper: [] as { person: PersonId; kind: TrailerKind }[],
      newAreas: new Set<string>(),
    }));
    const areas = new Set<string>();
    for (const j of joined) {
      const touched = new Map<PersonId, Set<string>>();
      const authors = authorsOf(j);
      const all = j.repository.commits;
      for (let i = 0; i < all.length; i++) {
        const commit = all[i]!;
        const author = authors[i]!;
        let known = touched.get(author);
        if (!known) {
          known = new Set<string>();
          touched.set(author, known);
        }
        const signals = commit.signals;
        const help =
          signals && signals.length > 0
            ? signals.filter((s) => s.kind !== "reverts" && HELP_TRAILERS.has(s.kind))
            : [];
        // A merge changes no area of its own. Outside the periods (or without help) a commit only
        // adds to the areas its author has touched.
        if (help.length === 0 || !periods.some((p) => inRange(commit.commitTime, p))) {
          if (!commit.isMerge) addAreas(j.repository, commit.changes, known);
          continue;
        }
        areas.clear();
        if (!commit.isMerge) addAreas(j.repository, commit.changes, areas);
        periods.forEach((p, k) => {
          if (!inRange(commit.commitTime, p)) return;
          const tally = tallies[k]!;
          tally.counts.commits += 1;
          tally.helped.add(author);
          for (const s of help) {
            if (s.kind === "reverts") continue;
            const person = personOf(j.repository, s.person);
            if (person === author || workspace.bots.has(person)) continue;
            tally.helpers.add(person);
            tally.perHelper.push({ person, kind: s.kind });
            if (s.kind === "mentored-by") tally.counts.mentoredBy += 1;
            else if (s.kind === "helped-by") tally.counts.helpedBy += 1;
            else tally.counts.suggestedBy += 1;
          }
          for (const area of areas) if (!known.has(area)) tally.newAreas.add(`${author}\0${area}`);
        });
        for (const area of areas) known.add(area);
      }
    }
    return tallies.map((tally) => {
      tally.counts.helpers = tally.helpers.size;
      tally.counts.helped = tally.helped.size;
      tally.counts.newAreas = tally.newAreas.size;
      return { counts: tally.counts, perHelper: tally.perHelper };
    });
  };
  const [helpNow, helpBefore] = helpIn([
    period,
    { since: before.since, until: before.until - 1 },
  ]) as [ReturnType<typeof helpIn>[number], ReturnType<typeof helpIn>[number]];
  const min = config.privacy.minGroupSize;
  const teams: GitHelp["teams"] = Object.keys(config.teams)
    .sort()
    .map((team) => {
      const people = new Set(
        [...workspace.people.keys()].filter(
          (id) =>
            teamOf(id) === team &&
            !workspace.bots.has(id) &&
            (workspace.lastActive.get(id) ?? -Infinity) >= period.until - config.activeDays * DAY,
        ),
      ).size;
      const mine = helpNow.perHelper.filter((h) => teamOf(h.person) === team);
      return people >= min
        ? {
            team,
            people,
            mentoring: mine.filter((h) => h.kind === "mentored-by").length,
            help: mine.filter((h) => h.kind !== "mentored-by").length,
            withheld: null,
          }
        : { team, people, mentoring: 0, help: 0, withheld: `group smaller than ${min} people` };
    });

  // Releases from tags.
  const releases =
    options.importedDeployments > 0
      ? null
      : await releaseAnswer(joined, config, period, options.tags ?? listTags);

  return {
    answers: {
      signals: {
        commits,
        trailers,
        reverts: everyRepair.filter((r) => r.kind === "revert").length,
        hotfixes: everyRepair.filter((r) => r.kind === "hotfix").length,
        fixups: joined.reduce((n, j) => n + j.fixups.length, 0),
        mergePullRequests: everyChange.filter((c) => c.kind === "merge-pr").length,
        squashPullRequests: everyChange.filter((c) => c.kind === "squash-pr").length,
        mergedBranches: everyChange.filter((c) => c.kind === "merged-branch").length,
        releaseTags: releases?.tags ?? 0,
      },
      heroics: {
        now: repairPeriod(period),
        before: repairPeriod({ since: before.since, until: before.until - 1 }),
        areas: heroicsAreas,
        lastYear: {
          repairs: year.repairs,
          reverts: year.reverts,
          hotfixes: year.hotfixes,
          revertMedianHours: year.revertMedianHours,
        },
      },
      friction: {
        recovered: {
          now: nowChanges.length,
          before: beforeChanges.length,
          mergePullRequests: nowChanges.filter((r) => r.change.kind === "merge-pr").length,
          squashPullRequests: nowChanges.filter((r) => r.change.kind === "squash-pr").length,
          mergedBranches: nowChanges.filter((r) => r.change.kind === "merged-branch").length,
          alsoImported,
        },
        overall: {
          now: codingTime(nowChanges.map((r) => r.change)),
          before: codingTime(beforeChanges.map((r) => r.change)),
        },
        areas: frictionAreas,
        reviews: {
          now: reviewsNow.length,
          before: reviewsBefore.length,
          reviewersNow: new Set(reviewsNow.map((r) => r.person)).size,
        },
        reviewConcentration,
      },
      reviews: {
        reviews: yearReviews.length,
        reviewers: new Set(yearReviews.map((r) => r.person)).size,
        areas: coverage,
      },
      capability: { now: helpNow.counts, before: helpBefore.counts, teams },
      releases: releases?.answer ?? null,
      importWouldAdd: {
        heroics:
          "incidents (`legible import incidents <file>`): what broke in production, who responded and the time to restore; reverts and hotfixes show only the repairs that went through git",
        friction:
          "pull requests with their reviews (`legible import prs <file>` or `legible fetch github`): pickup and review waits, who work waits for, and pull requests merged without a merge or squash subject",
        capability:
          "a team roster (legible.yaml `teams:`, `legible init` writes an example): which team became more capable, with mentoring and help per team",
        releases:
          "deployments (`legible import deployments <file>`) and incidents: the DORA figures of `legible dora` (what reached production, change failure rate, recovery time)",
      },
    },
    facts,
  };
}

/** Imported pull requests by merge commit and by `repository#number`, to count each pull request once. */
function importedKeys(delivery: DeliveryContext | null): {
  shas: Set<string>;
  numbers: Set<string>;
} {
  const shas = new Set<string>();
  const numbers = new Set<string>();
  for (const pr of delivery?.pullRequests ?? []) {
    if (pr.mergeCommitSha) shas.add(pr.mergeCommitSha);
    numbers.add(`${delivery?.repositoryOf(pr) ?? pr.repository}#${pr.number}`);
  }
  return { shas, numbers };
}

async function releaseAnswer(
  joined: Joined[],
  config: Config,
  period: { since: number; until: number },
  tagsOf: (path: string) => Promise<GitTag[]>,
): Promise<{ answer: GitReleases | null; tags: number }> {
  const pattern = config.delivery.deployTags;
  const rule = pattern
    ? `tags matching ${pattern} (delivery.deployTags)`
    : "version tags (v1.2, 1.2.3; pre-releases such as -rc1 left out)";
  const quarter = {
    since: Math.min(period.since, period.until - 90 * DAY),
    until: period.until,
  };
  const before = { since: 2 * period.since - period.until, until: period.since - 1 };
  const inRange = (t: number, p: { since: number; until: number }) => t >= p.since && t <= p.until;
  let tags = 0;
  let releasesNow = 0;
  let releasesBefore = 0;
  const lead: number[] = [];
  let quarterReleases = 0;
  let shippedCommits = 0;
  let rework = 0;
  let releasesWithRework = 0;
  let latest: { name: string; time: number; repository: string } | null = null;
  let releasing = 0;
  for (const j of joined) {
    const found = tagDeployments(await tagsOf(j.repository.scan.path), {
      pattern: pattern ?? "*",
      repository: j.repository.scan.name,
      environment: "release",
    });
    const releases = found
      .filter((t) => pattern !== null || isReleaseVersion(t.name ?? ""))
      .filter((t) => j.history.reaches(t.commitSha) && t.finishedAt <= period.until)
      .map((t) => ({ name: t.name ?? t.key, sha: t.commitSha, time: t.finishedAt }));
    tags += releases.length;
    if (releases.length > 0) releasing += 1;
    const shipments = releaseShipments(releases, j.history.graph);
    shipments.forEach(({ release, shipped }, index) => {
      if (inRange(release.time, period)) releasesNow += 1;
      if (inRange(release.time, before)) releasesBefore += 1;
      if (!latest || release.time > latest.time)
        latest = { name: release.name, time: release.time, repository: j.repository.scan.name };
      if (!inRange(release.time, quarter)) return;
      quarterReleases += 1;
      if (index === 0) return; // the first release of a history has no range
      shippedCommits += shipped.length;
      let reworked = 0;
      for (const commit of shipped) {
        lead.push(Math.max(0, release.time - commit.authorTime) / DAY);
        const repair =
          (commit.signals ?? []).some((s) => s.kind === "reverts") ||
          (() => {
            const kind = reworkOfSubject(commit.subject);
            return kind === "revert" || kind === "hotfix";
          })();
        if (repair) reworked += 1;
      }
      rework += reworked;
      if (reworked > 0) releasesWithRework += 1;
    });
  }
  if (tags === 0) return { answer: null, tags };
  const last = latest as { name: string; time: number; repository: string } | null;
  return {
    tags,
    answer: {
      rule,
      window: {
        since: isoDay(quarter.since),
        until: isoDay(quarter.until),
        days: Math.round((quarter.until - quarter.since) / DAY),
      },
      releasesNow,
      releasesBefore,
      lastQuarter: {
        releases: quarterReleases,
        perWeek: quarterReleases / ((quarter.until - quarter.since) / (7 * DAY)),
        commits: shippedCommits,
        leadTimeMedianDays: median(lead),
        reworkCommits: rework,
        reworkRate: shippedCommits > 0 ? rework / shippedCommits : null,
        releasesWithRework,
      },
      latest: last
        ? {
            name: last.name,
            date: new Date(last.time * 1000).toISOString().slice(0, 10),
            repository: last.repository,
          }
        : null,
      repositories: releasing,
      misses: [
        "a tag is not a deployment: when (and whether) each release reached production is unknown",
        "without incidents there is no change failure rate or time to restore",
        "rework counts only reverts and hotfix-named commits, not fixes that do not say so",
      ],
    },
  };
}

/** Knowledge islands and orphaned directories (and whole repositories) with their holders. */
function trappedAreas(
  workspace: Workspace,
  config: Config,
): { repository: string; dir: string; label: string; holders: PersonId[] }[] {
  return workspace.repositories.flatMap((repository) => {
    const result = analyseRepository(workspace, repository, { config, mode: "default" });
    const areas = result.repository.files > 0 ? [result.repository, ...result.areas] : result.areas;
    return areas
      .filter(
        (a) =>
          (a.status === "knowledge-island" || a.status === "orphaned") &&
          (a.kind === "repository" || a.kind === "directory"),
      )
      .map((a) => {
        const dir = a.kind === "repository" ? "." : a.id;
        const label = a.kind === "repository" ? "(whole repository)" : a.label;
        return {
          repository: repository.scan.name,
          dir,
          label: workspace.repositories.length > 1 ? `${repository.scan.name}: ${label}` : label,
          holders: a.authors
            .filter((x) => x.active || a.status === "orphaned")
            .map((x) => x.person),
        };
      });
  });
}

/** The answers' statements about people as leader facts (people only as holders of an area's risk). */
export function gitHistoryFacts(facts: GitHistoryFacts): PersonFact[] {
  const pct = (share: number) => `${Math.round(share * 100)} %`;
  return [
    ...facts.repairHeroics.map((f) => ({
      person: f.person,
      view: "review" as const,
      kind: "repair-heroics" as const,
      subject: f.area,
      text: `repairs in ${f.area} depend on one person, who made ${pct(f.share)} of its ${f.repairs} reverts and hotfixes this period (from git history).`,
    })),
    ...facts.reviewConcentration.map((f) => ({
      person: f.person,
      view: "review" as const,
      kind: "review-concentration" as const,
      subject: f.area,
      text: `reviews of ${f.area} concentrate on one person, who gave ${pct(f.share)} of its ${f.reviews} trailer reviews (Reviewed-by, Acked-by, Tested-by) this period.`,
    })),
  ];
}
