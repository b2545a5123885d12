/**
 * The resume point of an interrupted fetch, stored as `FetchCheckpoint.cursor` (a JSON string).
 *
 * The pull request list is read newest-updated first, page by page. After each complete page the
 * fetcher saves the next page number with the page size (page numbers mean nothing with another
 * size), the newest `updated_at` seen so far (what the finished run will save as `updatedSince`) and
 * the sort key reached: the `updated_at` of the last pull request processed.
 */
export interface ResumeCursor {
  v: 1;
  /** The next page to read (1-based). */
  page: number;
  perPage: number;
  /** Newest `updated_at` processed in the interrupted run (ISO), or null when none was. */
  newest: string | null;
  /** `updated_at` of the last pull request processed: the list's sort key where the run stopped. */
  after: string | null;
}

/** The cursor as stored. */
export function encodeCursor(cursor: Omit<ResumeCursor, "v">): string {
  return JSON.stringify({ v: 1, ...cursor });
}

/**
 * The stored cursor, or null when there is none or it cannot be read (a cursor from another
 * version): the run then starts again from the first page, which loses nothing.
 */
export function parseCursor(text: string | null | undefined): ResumeCursor | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const c = value as Record<string, unknown>;
  const isTime = (x: unknown) =>
    x === null || (typeof x === "string" && !Number.isNaN(Date.parse(x)));
  if (
    c.v !== 1 ||
    !Number.isInteger(c.page) ||
    (c.page as number) < 1 ||
    !Number.isInteger(c.perPage) ||
    (c.perPage as number) < 1 ||
    !isTime(c.newest) ||
    !isTime(c.after)
  ) {
    return null;
  }
  return {
    v: 1,
    page: c.page as number,
    perPage: c.perPage as number,
    newest: c.newest as string | null,
    after: c.after as string | null,
  };
}
