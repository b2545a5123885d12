/**
 * Knowledge diffusion as capability: in the areas where a person was the only active author at the
 * start of a period, who else became an active author by its end, and whether the person reviewed,
 * paired on or documented those changes.
 */
import type { PersonId } from "../model.js";
import type { ClassifiedContribution } from "./model.js";

/** Active authors per area at both ends of a period, and the contributions made in it. */
export interface DiffusionInput {
  person: PersonId;
  /** Per area, the active authors at the period start. */
  start: { area: string; activeAuthors: PersonId[] }[];
  /** Per area, the active authors at the period end. */
  end: { area: string; activeAuthors: PersonId[] }[];
  /** Classified contributions made in the period (everyone's, not only the person's). */
  contributions: ClassifiedContribution[];
}

/** How the person supported one new author of an area. */
export interface DiffusionSupport {
  newAuthor: PersonId;
  /** Ids of the person's reviews of the new author's PRs in the area (`reviewOf.author`). */
  reviewed: string[];
  /** Ids of commits in the area made by one of the two with the other as co-author. */
  paired: string[];
  /**
   * Ids of the person's capability contributions in the area (docs, runbooks, tests, tooling…)
   * other than reviews and co-authored work, which `reviewed` and `paired` report. The same for
   * every new author of the area.
   */
  documented: string[];
}

/** One area where the person was the only active author at the start. */
export interface DiffusionResult {
  area: string;
  /** Active authors at the end who are not the person, in the order of `end`; may be empty. */
  newAuthors: PersonId[];
  support: DiffusionSupport[];
}

/**
 * The areas (in `start` order) whose only active author at the start was `person`, each with the
 * new active authors at the end and the person's support for each. An area with no new author is
 * listed with empty `newAuthors`: knowledge there did not spread. Areas with other or no authors at
 * the start are left out.
 */
export function knowledgeDiffusion(input: DiffusionInput): DiffusionResult[] {
  const { person } = input;
  const endAuthors = new Map<string, PersonId[]>();
  for (const { area, activeAuthors } of input.end) {
    endAuthors.set(area, [...(endAuthors.get(area) ?? []), ...activeAuthors]);
  }
  const results: DiffusionResult[] = [];
  const seen = new Set<string>();
  for (const { area, activeAuthors } of input.start) {
    if (seen.has(area)) continue;
    seen.add(area);
    const authors = new Set(activeAuthors);
    if (authors.size !== 1 || !authors.has(person)) continue;
    const newAuthors = [...new Set(endAuthors.get(area) ?? [])].filter((p) => p !== person);
    const inArea = input.contributions.filter((c) => c.areas.includes(area));
    results.push({
      area,
      newAuthors,
      support: newAuthors.map((newAuthor) => support(person, newAuthor, inArea)),
    });
  }
  return results;
}

function support(
  person: PersonId,
  newAuthor: PersonId,
  inArea: ClassifiedContribution[],
): DiffusionSupport {
  const reviewed = inArea
    .filter((c) => c.kind === "review" && c.person === person)
    .filter((c) => c.reviewOf?.author === newAuthor)
    .map((c) => c.id);
  const paired = inArea
    .filter((c) => c.kind === "commit" && pairedOn(c, person, newAuthor))
    .map((c) => c.id);
  const documented = inArea
    .filter((c) => c.person === person && c.kind !== "review" && c.coAuthors.length === 0)
    .filter((c) => c.leverage.some((classification) => classification.type === "capability"))
    .map((c) => c.id);
  return { newAuthor, reviewed, paired, documented };
}

function pairedOn(commit: ClassifiedContribution, a: PersonId, b: PersonId): boolean {
  return (
    (commit.person === a && commit.coAuthors.includes(b)) ||
    (commit.person === b && commit.coAuthors.includes(a))
  );
}
