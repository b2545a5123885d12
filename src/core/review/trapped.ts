import { type Decision, decidedAlone } from "../decisions/index.js";
import type { AreaKnowledge } from "../knowledge/index.js";

/** A decision with the code areas it is about (declared, or inferred from what it mentions). */
export interface DecisionWithAreas extends Decision {
  areas: string[];
}

export interface TrappedKnowledge {
  /** Knowledge islands and orphaned areas that no accepted decision record covers. */
  uncoveredAreas: { id: string; label: string; status: AreaKnowledge["status"]; files: number }[];
  /** Islands and orphaned areas that an accepted decision does cover (judgment written down). */
  coveredAreas: {
    id: string;
    label: string;
    status: AreaKnowledge["status"];
    decisions: string[];
  }[];
  /** Accepted decisions made by a single person with no one consulted or informed. */
  singleDecider: { id: string; title: string; path: string; decisionMaker: string }[];
}

const TRAPPED: ReadonlySet<AreaKnowledge["status"]> = new Set(["orphaned", "knowledge-island"]);

/**
 * Which judgment lives in one head: areas whose knowledge is concentrated (islands, orphaned) with
 * no accepted decision record about them, and accepted decisions that one person made alone.
 * Reported as risks of areas and decisions, never as labels on people.
 */
export function trappedKnowledge(
  areas: AreaKnowledge[],
  decisions: DecisionWithAreas[],
): TrappedKnowledge {
  const accepted = decisions.filter((d) => d.status === "accepted");
  const covering = (area: AreaKnowledge) =>
    accepted.filter((d) =>
      d.areas.some(
        (a) => a === area.id || area.id.startsWith(`${a}/`) || a.startsWith(`${area.id}/`),
      ),
    );
  const uncoveredAreas: TrappedKnowledge["uncoveredAreas"] = [];
  const coveredAreas: TrappedKnowledge["coveredAreas"] = [];
  for (const area of areas) {
    if (!TRAPPED.has(area.status)) continue;
    const by = covering(area);
    if (by.length === 0)
      uncoveredAreas.push({
        id: area.id,
        label: area.label,
        status: area.status,
        files: area.files,
      });
    else
      coveredAreas.push({
        id: area.id,
        label: area.label,
        status: area.status,
        decisions: by.map((d) => d.id),
      });
  }
  const singleDecider = accepted
    .filter(decidedAlone)
    .map((d) => ({ id: d.id, title: d.title, path: d.path, decisionMaker: d.decisionMakers[0]! }));
  return { uncoveredAreas, coveredAreas, singleDecider };
}

/** Which decisions of a period state their tradeoff in business terms, and which do not. */
export function tradeoffsStated(
  decisions: DecisionWithAreas[],
  period: { since: string; until: string },
) {
  const inPeriod = decisions.filter(
    (d) => d.date !== null && d.date >= period.since && d.date <= period.until,
  );
  return {
    inPeriod: inPeriod.length,
    stated: inPeriod
      .filter((d) => d.statesTradeoff)
      .map((d) => ({ id: d.id, title: d.title, path: d.path, tradeoff: d.tradeoff })),
    notStated: inPeriod
      .filter((d) => !d.statesTradeoff)
      .map((d) => ({ id: d.id, title: d.title, path: d.path })),
  };
}
