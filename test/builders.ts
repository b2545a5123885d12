import type { AuthorshipRecord, PersonId } from "../src/core/model.js";

/** Unix seconds used when a test does not care about time: 2024-01-01T00:00:00Z. */
export const SOME_TIME = 1_704_067_200;

/** Seconds in a day. */
export const DAY = 86_400;

/** An authorship record; defaults to "alice modified src/index.ts at SOME_TIME". */
export function anAuthorshipRecord(overrides: Partial<AuthorshipRecord> = {}): AuthorshipRecord {
  return {
    kind: "M",
    path: "src/index.ts",
    oldPath: null,
    people: ["alice"],
    time: SOME_TIME,
    ...overrides,
  };
}

/** `people` added `path` (author first, then co-authors). */
export function added(
  path: string,
  people: PersonId | PersonId[],
  time = SOME_TIME,
): AuthorshipRecord {
  return anAuthorshipRecord({ kind: "A", path, people: asList(people), time });
}

/** `people` modified `path`. */
export function modified(
  path: string,
  people: PersonId | PersonId[],
  time = SOME_TIME,
): AuthorshipRecord {
  return anAuthorshipRecord({ kind: "M", path, people: asList(people), time });
}

/** `people` renamed `oldPath` to `path`. */
export function renamed(
  oldPath: string,
  path: string,
  people: PersonId | PersonId[],
  time = SOME_TIME,
): AuthorshipRecord {
  return anAuthorshipRecord({ kind: "R", path, oldPath, people: asList(people), time });
}

function asList(people: PersonId | PersonId[]): PersonId[] {
  return typeof people === "string" ? [people] : people;
}
