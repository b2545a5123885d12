/**
 * The DORA four keys and the 2024 rework rate over a period, in three modes (`default`, `devlake`,
 * `fourkeys`), each figure with its band and the universe it rests on.
 */
import { DEFAULT_REPORT_YEAR } from "./bands.js";
import {
  type ChangeFailureFigure,
  type Context,
  describeSeconds,
  effectivePeriod,
  type Figure,
  type FrequencyFigure,
  inPeriod,
  type ReworkFigure,
} from "./figure.js";
import { DEFAULT_INCIDENT_WINDOW } from "./incidents.js";
import {
  type DeliveryData,
  type DeliveryInput,
  type DeliverySettings,
  prepareDelivery,
} from "./prepare.js";
import { DEFAULT_FIX_LABELS } from "./rework.js";
import {
  changeFailureRate,
  fourKeysChangeFailureRate,
  fourKeysRecoveryTime,
  recoveryTime,
  reworkRate,
} from "./stability.js";
import { fourKeysLeadTime, frequencyFigure, leadTime } from "./throughput.js";
import type { DeliveryMode, DeliveryPeriod } from "./types.js";

/** Options of {@link doraReport} and {@link doraFigures}. */
export interface DoraOptions extends DeliverySettings {
  /** The period `[since, until)`. `fourkeys` mode uses the 3 months before `until` instead. */
  period: DeliveryPeriod;
  /** DORA report year whose bands are shown (default 2024). */
  reportYear?: number;
  /** Labels marking a fix for the rework rate (default hotfix, fix, bugfix, incident). */
  fixLabels?: readonly string[];
}

/** The DORA report of one period. */
export interface DoraReport {
  version: 1;
  mode: DeliveryMode;
  /** The window the figures cover (`fourkeys`: the 3 months before `until`). */
  period: DeliveryPeriod;
  reportYear: number;
  settings: {
    environment: string;
    /** Incident → deployment window (null: none, as in DevLake). */
    incidentWindowSeconds: number | null;
    matchRepository: boolean;
    reworkWindowSeconds: number;
    fixLabels: string[];
  };
  deploymentFrequency: FrequencyFigure;
  leadTime: Figure;
  changeFailureRate: ChangeFailureFigure;
  recoveryTime: Figure;
  reworkRate: ReworkFigure;
}

/** Joins the records and computes every figure. */
export function doraReport(input: DeliveryInput, options: DoraOptions): DoraReport {
  return doraFigures(prepareDelivery(input, options), options);
}

/** Computes every figure from already joined records (the same settings as the join). */
export function doraFigures(data: DeliveryData, options: DoraOptions): DoraReport {
  const mode = data.mode;
  const period = effectivePeriod(mode, options.period);
  const year = options.reportYear ?? DEFAULT_REPORT_YEAR;
  const window = options.incidentWindowSeconds ?? DEFAULT_INCIDENT_WINDOW;
  const context: Context = {
    data,
    mode,
    period,
    year,
    windowReason: `no deployment within ${describeSeconds(window)}`,
    windowText: describeSeconds(window),
    counted: data.deployments.filter((d) => inPeriod(d.finishedAt, period)),
  };
  return {
    version: 1,
    mode,
    period,
    reportYear: year,
    settings: {
      environment: options.environment ?? "production",
      incidentWindowSeconds: mode === "default" ? window : null,
      matchRepository: mode === "default" && (options.matchRepository ?? true),
      reworkWindowSeconds: window,
      fixLabels: [...(options.fixLabels ?? DEFAULT_FIX_LABELS)],
    },
    deploymentFrequency: frequencyFigure(context),
    leadTime: mode === "fourkeys" ? fourKeysLeadTime(context) : leadTime(context),
    changeFailureRate:
      mode === "fourkeys" ? fourKeysChangeFailureRate(context) : changeFailureRate(context),
    recoveryTime: mode === "fourkeys" ? fourKeysRecoveryTime(context) : recoveryTime(context),
    reworkRate: reworkRate(context, window, options.fixLabels),
  };
}
