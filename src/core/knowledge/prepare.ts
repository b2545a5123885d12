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
  const historyIs = input.history ? input.historyIs : undefined;
  const authorsByPath = new Map<string, PersonId[]>();
  let filesWithoutHistory = 0;
  let memo = input.memo?.get(input.mode);
  if (input.memo && !memo) {
    memo = new Map();
    input.memo.set(input.mode, memo);
  }
  // Deliveries added up by person number; the map lists people in the order they first appear.
  const numbering = numberingFor(memo);
  numbering.call += 1;
  const order: number[] = [];
  let sums = new Float64Array(Math.max(16, numbering.people.length));
  for (const path of new Set(input.files)) {
    let tally: AuthorshipTally | null;
    if (given) tally = given(path, settings.coAuthors);
    else if (memo) {
      const kept = memo.get(path);
      if (kept && historyIs?.(path, kept.history)) tally = kept.tally;
      else {
        const history = historyOf(path);
        if (kept && !historyIs && sameRecords(kept.history, history)) tally = kept.tally;
        else {
          tally = tallyAuthorship(history, settings.coAuthors);
          memo.set(path, { history, tally });
        }
      }
    } else tally = tallyAuthorship(historyOf(path), settings.coAuthors);
    if (!tally) {
      filesWithoutHistory++;
      continue;
    }
    authorsByPath.set(path, tally.authors);
    const numbers = personNumbers(tally, numbering);
    if (numbering.people.length > sums.length) {
      const grown = new Float64Array(Math.max(numbering.people.length, sums.length * 2));
      grown.set(sums);
      sums = grown;
    }
    const { seen, call } = numbering;
    for (let i = 0; i < numbers.length; i++) {
      const n = numbers[i]!;
      if (seen[n] !== call) {
        seen[n] = call;
        order.push(n);
      }
      sums[n]! += tally.deliveries[i]!;
    }
  }
  const deliveries = new Map<PersonId, number>();
  for (const n of order) deliveries.set(numbering.people[n]!, sums[n]!);
  const areas = areasOf([...authorsByPath.keys()], {
    depth: Math.max(input.depth, requestedDirectoryDepth(input.area)),
    components: input.components,
  });
  return { settings, authorsByPath, deliveries, filesWithoutHistory, areas };
}

/**
 * People numbered for adding up deliveries: kept with a memo, so that a tally reused for many
 * dates is numbered once. `seen[n] === call` when person n already counted in the current call.
 */
interface Numbering {
  number: Map<PersonId, number>;
  people: PersonId[];
  seen: Int32Array;
  call: number;
}

const numberings = new WeakMap<object, Numbering>();

function numberingFor(memo: object | undefined): Numbering {
  const kept = memo ? numberings.get(memo) : undefined;
  if (kept) return kept;
  const numbering: Numbering = { number: new Map(), people: [], seen: new Int32Array(16), call: 0 };
  if (memo) numberings.set(memo, numbering);
  return numbering;
}

/** A tally's people as numbers of `numbering` (new people numbered in order of appearance). */
const numbered = new WeakMap<AuthorshipTally, { by: Numbering; numbers: Int32Array }>();

function personNumbers(tally: AuthorshipTally, numbering: Numbering): Int32Array {
  const kept = numbered.get(tally);
  if (kept && kept.by === numbering) return kept.numbers;
  const numbers = new Int32Array(tally.people.length);
  tally.people.forEach((person, i) => {
    let n = numbering.number.get(person);
    if (n === undefined) {
      n = numbering.people.length;
      numbering.people.push(person);
      numbering.number.set(person, n);
      if (n >= numbering.seen.length) {
        const grown = new Int32Array(numbering.seen.length * 2);
        grown.set(numbering.seen);
        numbering.seen = grown;
      }
    }
    numbers[i] = n;
  });
  numbered.set(tally, { by: numbering, numbers });
  return numbers;
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
