import type { FrontMatter } from "./front-matter.js";
import type { MetadataLine } from "./metadata.js";
import type { Decision, ParticipantField } from "./model.js";

const FIELDS: [field: ParticipantField, frontMatterKeys: string[], metadataLabel: string][] = [
  ["decision-makers", ["decision-makers", "deciders"], "deciders"],
  ["consulted", ["consulted"], "consulted"],
  ["informed", ["informed"], "informed"],
];

/** The participant fields a record has, as front matter keys or metadata lines, even empty. */
export function readParticipantFields(
  frontMatter: FrontMatter,
  metadata: Map<string, MetadataLine>,
): ParticipantField[] {
  return FIELDS.filter(
    ([, keys, label]) => keys.some((key) => frontMatter.has(key)) || metadata.has(label),
  ).map(([field]) => field);
}

/**
 * True when the record itself says that one person decided and that nobody was consulted or
 * informed: it names exactly one decision-maker, and it has a `consulted` or `informed` field with
 * no one in it. A decision-maker taken from git, or a record whose format has no such fields
 * (Nygard, adr-tools), never counts: there, "nobody consulted" is only "not recorded".
 */
export function decidedAlone(
  decision: Pick<
    Decision,
    "decisionMakers" | "decisionMakersSource" | "consulted" | "informed" | "participantFields"
  >,
): boolean {
  return (
    decision.decisionMakersSource === "record" &&
    decision.decisionMakers.length === 1 &&
    (decision.participantFields.includes("consulted") ||
      decision.participantFields.includes("informed")) &&
    decision.consulted.length === 0 &&
    decision.informed.length === 0
  );
}
