import type { DeliveryMode, DoraReport } from "../../core/delivery/index.js";
import { deliveryReport, type FlowReport, flowReport } from "../flow.js";
import type { AnalysisSession } from "../session.js";
import { periodPoints, type RunPeriod } from "./period.js";

/** `legible flow`: where work waits in a period, against the previous one. */
export async function runFlow(
  session: AnalysisSession,
  options: { period: RunPeriod },
): Promise<FlowReport> {
  const now = await session.workspace(periodPoints(options.period).end);
  return flowReport(await session.delivery(now), {
    period: { since: options.period.since, until: options.period.until },
    config: session.config,
  });
}

/** `legible dora`: the DORA figures of a period, in legible's default mode or a compatible one. */
export async function runDora(
  session: AnalysisSession,
  options: { period: RunPeriod; mode: DeliveryMode },
): Promise<DoraReport & { notes: string[] }> {
  const now = await session.workspace(periodPoints(options.period).end);
  return deliveryReport(await session.delivery(now), {
    period: { since: options.period.since, until: options.period.until },
    config: session.config,
    mode: options.mode,
  });
}
