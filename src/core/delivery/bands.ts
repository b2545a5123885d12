/**
 * DORA performance bands as data, per report year. Only the 2024 report is shipped: its clusters are
 * the table of the DORA 2024 report (docs/ARCHITECTURE.md, "Delivery records and metrics"). Earlier years are left out until their figures are checked
 * against the reports themselves.
 */

/** A DORA performance level, best first. */
export type BandLevel = "elite" | "high" | "medium" | "low";

/** The levels, best first: bands are tried in this order. */
export const BAND_LEVELS: readonly BandLevel[] = ["elite", "high", "medium", "low"];

/**
 * One level's criteria. The report states each cluster in words (`wording`); the numbers are how
 * legible tests a figure against it. A figure gets the best level whose criterion it meets, and
 * `low` when it meets none (low has no criterion: it is everything below medium).
 */
export interface BandCriteria {
  wording: {
    deploymentFrequency: string;
    leadTime: string;
    changeFailureRate: string;
    recoveryTime: string;
  };
  /** Deployment frequency: median deployment days per week at least this … */
  minDeploymentDaysPerWeek?: number;
  /** … or, when that fails, median deployment days per month at least this. */
  minDeploymentDaysPerMonth?: number;
  /** Lead time for changes below this many minutes. */
  maxLeadTimeMinutes?: number;
  /** Change failure rate at most this ratio. */
  maxChangeFailureRate?: number;
  /** Failed deployment recovery time below this many minutes. */
  maxRecoveryMinutes?: number;
}

/** The bands of one report year. */
export interface ReportBands {
  year: number;
  source: string;
  /** How the report's words became numbers, and what follows from them. */
  notes: string[];
  levels: Record<BandLevel, BandCriteria>;
}

const HOUR = 60;
const DAY = 24 * HOUR;

/** Bands per report year. */
export const DORA_BANDS: Readonly<Record<number, ReportBands>> = Object.freeze({
  2024: {
    year: 2024,
    source: "DORA Accelerate State of DevOps Report 2024, software delivery performance clusters",
    notes: [
      "Deployment frequency is tested in deployment days, as DevLake does: elite (on demand) = a " +
        "deployment every day of the median week; high (daily to weekly) = at least one deployment " +
        "day in the median week; medium (weekly to monthly) = at least one in the median month.",
      "A month is 30 days; a week 7 days.",
      "The report's clusters are typical values, not thresholds, and two are not ordered: medium's " +
        "change failure rate (10 %) is below high's (20 %) and medium's recovery time (< 1 day) " +
        "equals high's. Tried best first, such a medium criterion is never the first one met, so " +
        "those two figures are elite, high or low.",
      "The 2024 report gives no bands for rework rate.",
    ],
    levels: {
      elite: {
        wording: {
          deploymentFrequency: "on demand (multiple deploys per day)",
          leadTime: "less than one day",
          changeFailureRate: "5 %",
          recoveryTime: "less than one hour",
        },
        minDeploymentDaysPerWeek: 7,
        maxLeadTimeMinutes: DAY,
        maxChangeFailureRate: 0.05,
        maxRecoveryMinutes: HOUR,
      },
      high: {
        wording: {
          deploymentFrequency: "between once per day and once per week",
          leadTime: "between one day and one week",
          changeFailureRate: "20 %",
          recoveryTime: "less than one day",
        },
        minDeploymentDaysPerWeek: 1,
        maxLeadTimeMinutes: 7 * DAY,
        maxChangeFailureRate: 0.2,
        maxRecoveryMinutes: DAY,
      },
      medium: {
        wording: {
          deploymentFrequency: "between once per week and once per month",
          leadTime: "between one week and one month",
          changeFailureRate: "10 %",
          recoveryTime: "less than one day",
        },
        minDeploymentDaysPerMonth: 1,
        maxLeadTimeMinutes: 30 * DAY,
        maxChangeFailureRate: 0.1,
        maxRecoveryMinutes: DAY,
      },
      low: {
        wording: {
          deploymentFrequency: "between once per month and once every six months",
          leadTime: "between one month and six months",
          changeFailureRate: "40 %",
          recoveryTime: "between one week and one month",
        },
      },
    },
  },
});

/** The report year used when none is given. */
export const DEFAULT_REPORT_YEAR = 2024;

/** The figures a band can be given for. */
export type BandedMetric =
  | "deploymentFrequency"
  | "leadTime"
  | "changeFailureRate"
  | "recoveryTime";

/** A figure to band: deployment frequency needs its two medians, the others one number. */
export type BandInput =
  | {
      metric: "deploymentFrequency";
      medianDeploymentDaysPerWeek: number | null;
      medianDeploymentDaysPerMonth: number | null;
    }
  | { metric: "leadTime" | "recoveryTime"; minutes: number | null }
  | { metric: "changeFailureRate"; ratio: number | null };

/**
 * The band of a figure for a report year: the best level whose criterion the figure meets, `low`
 * when none is met, null when the figure is null or the year has no bands.
 */
export function bandOf(input: BandInput, year: number = DEFAULT_REPORT_YEAR): BandLevel | null {
  const bands = DORA_BANDS[year];
  if (bands === undefined) return null;
  if (input.metric === "deploymentFrequency") {
    const { medianDeploymentDaysPerWeek: perWeek, medianDeploymentDaysPerMonth: perMonth } = input;
    if (perWeek === null && perMonth === null) return null;
    return firstMet(bands, (level) => {
      const byWeek = level.minDeploymentDaysPerWeek;
      const byMonth = level.minDeploymentDaysPerMonth;
      if (byWeek !== undefined) return perWeek !== null && perWeek >= byWeek;
      return byMonth !== undefined && perMonth !== null && perMonth >= byMonth;
    });
  }
  if (input.metric === "changeFailureRate") {
    const { ratio } = input;
    if (ratio === null) return null;
    return firstMet(bands, (level) => met(level.maxChangeFailureRate, (max) => ratio <= max));
  }
  const { minutes } = input;
  if (minutes === null) return null;
  const bound = (level: BandCriteria) =>
    input.metric === "leadTime" ? level.maxLeadTimeMinutes : level.maxRecoveryMinutes;
  return firstMet(bands, (level) => met(bound(level), (max) => minutes < max));
}

function met(bound: number | undefined, test: (bound: number) => boolean): boolean {
  return bound !== undefined && test(bound);
}

function firstMet(bands: ReportBands, meets: (level: BandCriteria) => boolean): BandLevel {
  for (const level of BAND_LEVELS) if (meets(bands.levels[level])) return level;
  return "low";
}
