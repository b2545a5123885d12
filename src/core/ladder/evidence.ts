import {
  CI_GLOBS,
  DESIGN_GLOBS,
  DOCS_GLOBS,
  MANIFEST_GLOBS,
  MIGRATION_GLOBS,
  NON_EXECUTION_GLOBS,
  RUNBOOK_GLOBS,
  TEST_GLOBS,
  TOOLING_GLOBS,
} from "../leverage/default-globs.js";
import type { ContributionKind, RuleCondition } from "../leverage/model.js";
import { DEFAULT_EVIDENCE } from "./default-evidence.js";
import type { Ladder, LadderCriterion } from "./model.js";

/**
 * Which records demonstrate a ladder criterion: evidence is matched by criterion, never by leverage
 * type. A criterion either names evidence rules (a record demonstrates it when it matches one of
 * them) or needs the person's words (it is about behaviour the records cannot show: updates,
 * asking for help, mentoring, hiring).
 *
 * Evidence rules are data, in the condition language of the leverage rules (`RuleCondition`), so
 * each matched record says which rule matched and why ("changes src/cart.test.ts (path
 * **\/*.test.*)"). legible's default ladder names its rules per criterion (`default-evidence.ts`);
 * every criterion it does not list needs the person's words. An imported ladder's criteria get
 * rules from the keywords of their text and examples (`EVIDENCE_KEYWORDS`), conservatively: a
 * criterion whose words name no kind of record needs the person's words rather than citing
 * unrelated records.
 */

/** One evidence rule: a kind of record that demonstrates a criterion. */
export interface EvidenceRule {
  /** Stable id, e.g. `tests`. */
  id: string;
  description: string;
  when: RuleCondition;
}

const CHANGES: ContributionKind[] = ["commit", "pull-request"];

/** The evidence rules, by id. */
export const EVIDENCE_RULES: Readonly<Record<string, EvidenceRule>> = Object.fromEntries(
  (
    [
      ["merged-change", "A pull request they authored.", { kinds: ["pull-request"] }],
      [
        "code-change",
        "A commit or pull request that changes more than docs, tests, CI, tooling or design documents.",
        { kinds: CHANGES, unless: { paths: [...NON_EXECUTION_GLOBS], allPaths: true } },
      ],
      ["tests", "A change to tests.", { kinds: CHANGES, paths: [...TEST_GLOBS] }],
      [
        "test-commit",
        "A change typed `test` (conventional commits).",
        { kinds: CHANGES, conventionalTypes: ["test"] },
      ],
      ["docs", "A change to documentation.", { kinds: CHANGES, paths: [...DOCS_GLOBS] }],
      [
        "docs-commit",
        "A change typed `docs` (conventional commits).",
        { kinds: CHANGES, conventionalTypes: ["docs"] },
      ],
      [
        "runbooks",
        "A change to runbooks or playbooks.",
        { kinds: CHANGES, paths: [...RUNBOOK_GLOBS] },
      ],
      ["ci", "A change to continuous integration.", { kinds: CHANGES, paths: [...CI_GLOBS] }],
      [
        "tooling",
        "A change to developer tooling or scripts.",
        { kinds: CHANGES, paths: [...TOOLING_GLOBS] },
      ],
      ["decision-record", "A decision record they made.", { kinds: ["decision"] }],
      [
        "design-doc",
        "A change to design documents, RFCs or decision records.",
        { kinds: CHANGES, paths: [...DESIGN_GLOBS] },
      ],
      [
        "decision-tradeoff",
        "A decision record that states its trade-off in business terms.",
        { kinds: ["decision"], statesTradeoff: true },
      ],
      ["review", "A review of someone else's change.", { kinds: ["review"] }],
      [
        "cross-team-review",
        "A review of a change by another team.",
        { kinds: ["review"], crossTeam: true },
      ],
      [
        "cross-team-change",
        "A change that reaches another team's areas.",
        { kinds: CHANGES, crossTeam: true },
      ],
      [
        "dependency-upgrade",
        "A change to dependency manifests that reaches other teams' areas.",
        { kinds: CHANGES, paths: [...MANIFEST_GLOBS], crossTeam: true },
      ],
      ["pairing", "A change with co-authors.", { kinds: CHANGES, coAuthored: true }],
      [
        "migration",
        "A change to migrations (a file or folder named *migrat*).",
        { kinds: CHANGES, paths: [...MIGRATION_GLOBS] },
      ],
      [
        "migration-title",
        "A change whose title speaks of a migration.",
        { kinds: CHANGES, titleMatches: "\\bmigrat" },
      ],
      [
        "cross-team-migration",
        "A change to migrations that reaches another team's areas.",
        { kinds: CHANGES, paths: [...MIGRATION_GLOBS], crossTeam: true },
      ],
      ["incident-response", "Responding to an incident.", { kinds: ["incident-response"] }],
    ] as const
  ).map(([id, description, when]) => [id, { id, description, when: when as RuleCondition }]),
);

/** How a criterion is evidenced, and where that came from. */
export interface CriterionEvidence {
  /** Ids of {@link EVIDENCE_RULES}; a record matching any of them demonstrates the criterion. */
  rules: string[];
  /** When `rules` is empty: why the records cannot show it, so the person must write it. */
  needsWords: string | null;
  /** Where the rules came from: the default ladder's table, or the keywords found in the text. */
  basis: string;
}

/** Stems (matched at the start of a word, any ending) → the evidence rules they suggest. */
export const EVIDENCE_KEYWORDS: readonly { stems: readonly string[]; rules: readonly string[] }[] =
  [
    { stems: ["test"], rules: ["tests", "test-commit"] },
    { stems: ["document"], rules: ["docs", "docs-commit"] },
    { stems: ["runbook", "playbook"], rules: ["runbooks"] },
    {
      stems: ["decision record", "ADR", "design doc", "RFC", "architecture decision"],
      rules: ["decision-record", "design-doc"],
    },
    // Reviews of code only: "reviews team decisions" is not a code review.
    {
      stems: [
        "code review",
        "reviews code",
        "reviewing code",
        "reviewing their code",
        "pull request review",
        "PR review",
      ],
      rules: ["review"],
    },
    { stems: ["pair"], rules: ["pairing"] },
    { stems: ["migrat"], rules: ["migration", "migration-title"] },
    { stems: ["incident", "on-call", "on call"], rules: ["incident-response"] },
    { stems: ["continuous integration", "CI pipeline", "build pipeline"], rules: ["ci"] },
  ];

const NO_RECORD =
  "the records legible reads (commits, pull requests, reviews, decision records, incidents) cannot show this: describe it in your own words";

// A stem in capitals (ADR, RFC) is an acronym: matched as a whole word, case-sensitively.
const COMPILED_KEYWORDS = EVIDENCE_KEYWORDS.flatMap((entry) =>
  entry.stems.map((stem) => {
    const acronym = stem === stem.toUpperCase();
    const end = acronym ? "(?![\\p{L}\\p{N}])" : "";
    return {
      rules: entry.rules,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(stem)}${end}`, acronym ? "u" : "iu"),
    };
  }),
);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The evidence of a criterion: legible's default ladder says it per criterion id (absent: the
 * person's words); any other ladder's criteria are read by their keywords.
 */
export function criterionEvidence(ladder: Ladder, criterion: LadderCriterion): CriterionEvidence {
  if (ladder.source === "legible") {
    const rules = DEFAULT_EVIDENCE[criterion.id];
    if (rules === undefined || rules.length === 0) {
      return { rules: [], needsWords: NO_RECORD, basis: "legible's default ladder" };
    }
    return { rules: [...rules], needsWords: null, basis: "legible's default ladder" };
  }
  return inferEvidence([criterion.text, ...criterion.examples].join(" "));
}

/** Evidence rules from the keywords of an imported criterion's words (see the module comment). */
export function inferEvidence(text: string): CriterionEvidence {
  const rules: string[] = [];
  const words: string[] = [];
  for (const keyword of COMPILED_KEYWORDS) {
    const found = keyword.pattern.exec(text);
    if (!found) continue;
    words.push(`"${found[0].trim()}"`);
    for (const rule of keyword.rules) if (!rules.includes(rule)) rules.push(rule);
  }
  if (rules.length === 0) {
    return {
      rules: [],
      needsWords: NO_RECORD,
      basis: "no keyword of a kind of record in its text",
    };
  }
  return { rules, needsWords: null, basis: `keywords in its text: ${words.join(", ")}` };
}
