import type { ReviewReport } from "./review.js";

/** One question's headline figure in one review: read off the review report, never recomputed. */
export interface Headline {
  /** The question: 1–5, as the review numbers them. */
  question: number;
  /** The section of the review it answers (its anchor on the This week page). */
  section: string;
  /** What the figure counts. */
  label: string;
  /** null: the input is missing (`missing` says which). */
  value: number | null;
  /** What the figure rests on, in one line. */
  restsOn: string;
  missing: string | null;
  /** Where the records behind it are listed (a dashboard page). */
  evidence: string;
}

/** The headline figure of each of the five questions, from one review report. */
export function reviewHeadlines(report: ReviewReport): Headline[] {
  const heroics = report.heroics.answer;
  const friction = report.friction.answer;
  const trapped = report.trappedKnowledge;
  const tradeoffs = report.tradeoffs;
  const teams = report.capability.teams.filter((t) => t.withheld === null);
  return [
    {
      question: 1,
      section: "heroics",
      label: "incidents in the period",
      value: heroics ? heroics.incidents.now : null,
      restsOn: heroics
        ? `imported incidents; ${heroics.responderRisks.length} where one responder handled most, ${count(heroics.reviewRisks.length, "area")} where reviews wait for one person`
        : "",
      missing: report.heroics.missing?.needs ?? null,
      evidence: "flow?period=week#incidents",
    },
    {
      question: 2,
      section: "friction",
      label: "areas whose review friction was removed",
      value: friction ? friction.areas.filter((a) => a.change === "removed").length : null,
      restsOn: friction
        ? `merged pull requests of ${count(friction.areas.length, "area")} with friction now or in the previous period; ${friction.areas.filter((a) => a.change === "routed-around").length} routed around`
        : "",
      missing: report.friction.missing?.needs ?? null,
      evidence: "flow?period=week#friction",
    },
    {
      question: 3,
      section: "trapped",
      label: "knowledge islands and orphaned areas",
      value: trapped.counts.islands + trapped.counts.orphaned,
      restsOn: `${count(trapped.counts.islands, "island")}, ${trapped.counts.orphaned} orphaned; ${count(trapped.singleDecider.length, "decision")} made alone`,
      missing: null,
      evidence: "areas?status=trapped",
    },
    {
      question: 4,
      section: "tradeoffs",
      label: "decisions of the period that state their tradeoff",
      value: tradeoffs.missing ? null : tradeoffs.stated.length,
      restsOn: `${count(tradeoffs.inPeriod, "decision record")} dated in the period; ${tradeoffs.allRecords.stated} of ${count(tradeoffs.allRecords.total, "record")} overall ${tradeoffs.allRecords.stated === 1 ? "states" : "state"} one`,
      missing: tradeoffs.missing?.needs ?? null,
      evidence: "decisions",
    },
    {
      question: 5,
      section: "capability",
      label: "exit paths working (knowledge spreading over the quarter)",
      value: report.capability.missing
        ? null
        : teams.reduce((sum, t) => sum + t.exitPathsWorking, 0),
      restsOn: `${count(
        teams.reduce((sum, t) => sum + t.concentratedAreas, 0),
        "area",
      )} concentrated now or a quarter ago, across ${count(teams.length, "team group")} shown`,
      missing: report.capability.missing?.needs ?? null,
      evidence: "teams",
    },
  ];
}

/** "1 area", "2 areas": a count with its noun (plain English plurals only). */
function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

/** The headline figures of the review of each of the last weeks (oldest first), and per team group its capability figures. */
export interface WeeksReport {
  version: 1;
  weeks: {
    since: string;
    until: string;
    headlines: Headline[];
    /** Question 5 per team group shown (groups below privacy.minGroupSize are folded or withheld). */
    teams: { team: string; concentratedAreas: number; exitPathsWorking: number }[];
  }[];
}

/** One week's entry of {@link WeeksReport}. */
export function weekEntry(report: ReviewReport): WeeksReport["weeks"][number] {
  return {
    since: report.period.since,
    until: report.period.until,
    headlines: reviewHeadlines(report),
    teams: report.capability.teams
      .filter((t) => t.withheld === null)
      .map((t) => ({
        team: t.team,
        concentratedAreas: t.concentratedAreas,
        exitPathsWorking: t.exitPathsWorking,
      })),
  };
}
