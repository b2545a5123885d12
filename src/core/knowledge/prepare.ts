import type { IdentityRule } from "../identity/types.js";
import type { AuthorshipRecord, PersonId } from "../model.js";
import { type AreaSpec, areasOf, COMPONENT_AREA_PREFIX, REPOSITORY_AREA_ID } from "./areas.js";
import { type AuthorshipTally, tallyAuthorship } from "./doa.js";
import { buildHistories } from "./history.js";
import type { KnowledgeInput, KnowledgeMode } from "./knowledge-types.js";

/** What distinguishes the modes (documented in analyse.ts). */
export interface ModeSettings {
  coAuthors: boolean;
  prune: boolean;
  /** Former contributors (inactive for `activeDays`) count as gone. */
  recency: boolean;
  /**
   * Identities go through each repository's `.mailmap`. Applied when the workspace is prepared
   * (the analysis itself receives people already resolved).
   */
  mailmap: boolean;
  /** The identity rule this mode imposes; null: the configured one (`identity.rule`, `--identity`). */
  identityRule: IdentityRule | null;
}

export const MODE_SETTINGS: Record<KnowledgeMode, ModeSettings> = {
  default: { coAuthors: true, prune: true, recency: true, mailmap: true, identityRule: null },
  avelino2016: {
    coAuthors: false,
    prune: false,
    recency: false,
    mailmap: false,
    identityRule: "avelino2016",
  },
};

/** The expensive, departure-independent part of the analysis, computed once. */
export interface PreparedKnowledge {
  settings: ModeSettings;
  /** Authors of every scored file with history, keyed by path (possibly none). */
  authorsByPath: Map<string, PersonId[]>;
  /** Records credited to each person over all scored files' histories (greedy tie-break). */
  deliveries: Map<PersonId, number>;
  filesWithoutHistory: number;
  areas: Map<string, { spec: AreaSpec; files: string[] }>;
}

export function prepareKnowledge(input: KnowledgeInput): PreparedKnowledge {
  const settings = MODE_SETTINGS[input.mode];
  const given = input.tallies;
  const historyOf = given ? () => [] : (input.history ?? buildHistories(input.records));
  const authorsByPath = new Map<string, PersonId[]>();
  const deliveries = new Map<PersonId, number>();
  let filesWithoutHistory = 0;
  const memo = input.memo;
  for (const path of new Set(input.files)) {
    let tally: AuthorshipTally | null;
    if (given) tally = given(path, settings.coAuthors);
    else if (memo) {
      const history = historyOf(path);
      const key = `${input.mode}\0${path}`;
      const kept = memo.get(key);
      if (kept && sameRecords(kept.history, history)) tally = kept.tally;
      else {
        tally = tallyAuthorship(history, settings.coAuthors);
        memo.set(key, { history, tally });
      }
    } else tally = tallyAuthorship(historyOf(path), settings.coAuthors);
    if (!tally) {
      filesWithoutHistory++;
      continue;
    }
    authorsByPath.set(path, tally.authors);
    for (let i = 0; i < tally.people.length; i++) {
      const person = tally.people[i]!;
      deliveries.set(person, (deliveries.get(person) ?? 0) + tally.deliveries[i]!);
    }
  }
  const areas = areasOf([...authorsByPath.keys()], {
    depth: Math.max(input.depth, requestedDirectoryDepth(input.area)),
    components: input.components,
  });
  return { settings, authorsByPath, deliveries, filesWithoutHistory, areas };
}

function sameRecords(a: AuthorshipRecord[], b: AuthorshipRecord[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether an area id falls inside the requested scope (itself or a sub-directory of it). */
export function isInScope(id: string, requested: string | undefined): boolean {
  const scope = normaliseScope(requested);
  if (scope === undefined) return true;
  return id === scope || (!isComponent(scope) && id.startsWith(`${scope}/`));
}

/** Who still counts, for the current state and for the all-time view. */
export interface Presence {
  remaining: (person: PersonId) => boolean;
  notLeaving: (person: PersonId) => boolean;
}

export function presenceOf(
  input: KnowledgeInput,
  settings: ModeSettings,
  leave: readonly PersonId[],
): Presence {
  const leaving = new Set(leave);
  const cutoff = input.asOf - input.activeDays * 86_400;
  const notLeaving = (person: PersonId) => !leaving.has(person);
  if (!settings.recency) return { remaining: notLeaving, notLeaving };
  const remaining = (person: PersonId) => {
    const last = input.lastActive.get(person);
    return last !== undefined && last >= cutoff && !leaving.has(person);
  };
  return { remaining, notLeaving };
}

/** A directory asked for beyond `depth` still gets its own area. */
function requestedDirectoryDepth(requested: string | undefined): number {
  const scope = normaliseScope(requested);
  if (scope === undefined || isComponent(scope)) return 0;
  return scope.split("/").length;
}

/** "web/" → "web"; ".", "" and absent → undefined (everything). */
function normaliseScope(scope: string | undefined): string | undefined {
  const trimmed = scope?.replace(/^\.\/|\/+$/g, "");
  return trimmed === undefined || trimmed === "" || trimmed === REPOSITORY_AREA_ID
    ? undefined
    : trimmed;
}

function isComponent(id: string): boolean {
  return id.startsWith(COMPONENT_AREA_PREFIX);
}
