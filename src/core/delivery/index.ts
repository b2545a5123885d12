/**
 * Delivery metrics, pure: deployments and their commit ranges, pull-request stages (DevLake), the
 * DORA four keys and the 2024 rework rate in `default`, `devlake` and `fourkeys` modes, and the
 * DORA bands of each report year as data.
 */
export {
  BAND_LEVELS,
  type BandCriteria,
  type BandedMetric,
  type BandInput,
  type BandLevel,
  bandOf,
  DEFAULT_REPORT_YEAR,
  DORA_BANDS,
  type ReportBands,
} from "./bands.js";
export {
  byFinish,
  DEPLOYMENT_EXCLUSIONS,
  type Deployment,
  type DeploymentExclusion,
  type DeploymentOptions,
  type NormalisedDeployments,
  normaliseDeployments,
  seriesOf,
} from "./deployments.js";
export { type DoraOptions, type DoraReport, doraFigures, doraReport } from "./dora.js";
export {
  type ChangeFailureFigure,
  describeSeconds,
  type Figure,
  type FrequencyFigure,
  type ReworkFigure,
} from "./figure.js";
export {
  type DeploymentFrequency,
  deploymentFrequency,
  type FourKeysFrequency,
} from "./frequency.js";
export {
  DEFAULT_INCIDENT_WINDOW,
  type IncidentLink,
  type IncidentLinkOptions,
  type IncidentUnlinked,
  linkIncidents,
} from "./incidents.js";
export type * from "./model.js";
export {
  type PrStageExclusion,
  type PrStageOptions,
  type PrStageResult,
  type PrStages,
  prStages,
  type ShippingDeployment,
  sameAccount,
  shippingDeployments,
} from "./pr-stages.js";
export {
  type DeliveryData,
  type DeliveryInput,
  type DeliverySettings,
  prepareDelivery,
} from "./prepare.js";
export {
  type CommitRanges,
  commitRanges,
  type RangedDeployment,
  type RangeOptions,
  type RangeStatus,
} from "./ranges.js";
export {
  DEFAULT_FIX_LABELS,
  type ReworkDeployment,
  type ReworkOptions,
  type ReworkReason,
  reworkDeployments,
} from "./rework.js";
export {
  interpolatedMedian,
  lowerMedian,
  spanHoursTruncated,
  spanMinutesCeil,
  spanMinutesTruncated,
} from "./stats.js";
export type {
  Ancestry,
  DeliveryExclusion,
  DeliveryMode,
  DeliveryPeriod,
  DeliveryUniverse,
  FigureUniverse,
} from "./types.js";
