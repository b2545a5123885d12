/**
 * The incremental, resumable page loop every live source shares. A list is read page by page from
 * a start URL built from the checkpoint (`since`); after each complete page the next page's URL is
 * saved as the resume cursor, with what the run learnt so far, so an interrupted run (abort, crash,
 * error) continues from the first incomplete page. Only a complete run moves the checkpoint: to the
 * earliest time of a record still open (an unresolved incident is read again until it is resolved),
 * else to the newest time processed. Records may be delivered more than once (the store upserts);
 * none is lost.
 */
import { LegibleError } from "../../errors.js";
import type { FetchState } from "../github/fetch.js";
import { LiveAborted, type LiveAnswer, type LiveClient, type Step } from "./client.js";

/** The resume point of an interrupted run of one list. */
interface Cursor {
  v: 1;
  /** The list this cursor belongs to (a source may read several lists in one run). */
  list: string;
  /** The next page to read (a URL or a path at the API's origin). */
  next: string;
  /** The checkpoint the interrupted run started from. */
  since: string | null;
  newest: string | null;
  earliestOpen: string | null;
  page: number;
}

function parseCursor(text: string | null | undefined, list: string): Cursor | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Cursor>;
    const time = (x: unknown) =>
      x === null || (typeof x === "string" && !Number.isNaN(Date.parse(x)));
    if (
      value.v === 1 &&
      value.list === list &&
      typeof value.next === "string" &&
      time(value.since) &&
      time(value.newest) &&
      time(value.earliestOpen) &&
      Number.isInteger(value.page)
    )
      return value as Cursor;
  } catch {
    // a cursor from another version: start again, which loses nothing
  }
  return null;
}

/** What the loop does with one record. */
export interface Handled {
  /** The record's time the checkpoint follows (ISO): `updated_at`, or `created_at` for incidents. */
  time: string;
  /** Still open (an unresolved incident): the next run starts no later than its time. */
  open?: boolean;
  /** Older than the checkpoint, on a list sorted newest first: the rest of the list is older still. */
  stop?: boolean;
  /** Older than the checkpoint on a list read whole: passed over, not counted. */
  skip?: boolean;
}

export interface ListRun {
  /** Names the list in cursors and messages: "merge requests". */
  list: string;
  /** The first page's path and query, given the checkpoint. */
  start: (since: string | null) => string;
  /** The records of a page and the next page's URL or path (null: last page); throws on a malformed page. */
  page: (answer: LiveAnswer, step: Step) => { items: unknown[]; next: string | null };
  /** Handles one record (fetches what it embeds, stores the row). */
  handle: (item: unknown, since: string | null) => Promise<Handled>;
  /** What a page holds, for messages: "a JSON object with incidents". */
  expected: string;
}

export interface ListResult {
  fetched: number;
  pages: number;
  incremental: boolean;
  resumed: boolean;
  /** The checkpoint saved at the end. */
  updatedSince: string | null;
}

/**
 * Reads one list to its end (or its checkpoint), saving the cursor after each page and the new
 * checkpoint at the end, under `state` (one state per list).
 */
export async function runList(
  client: LiveClient,
  state: FetchState,
  run: ListRun,
  onProgress?: (fetched: number, page: number) => void,
): Promise<ListResult> {
  const checkpoint = await state.load();
  const cursor = parseCursor(checkpoint?.cursor, run.list);
  const since = cursor ? cursor.since : validTime(checkpoint?.updatedSince);
  let next: string | null = cursor?.next ?? run.start(since);
  let newest = cursor?.newest ?? null;
  let earliestOpen = cursor?.earliestOpen ?? null;
  let page = cursor?.page ?? 1;
  let fetched = 0;
  let pages = 0;
  while (next !== null) {
    const step: Step = { what: `page ${page} of the ${run.list}`, expected: run.expected };
    const answer = await client.get(next, step);
    const { items, next: following } = run.page(answer, step);
    pages += 1;
    let stopped = false;
    for (const item of items) {
      const handled = await run.handle(item, since);
      if (handled.stop) {
        stopped = true;
        break;
      }
      if (handled.skip) continue;
      fetched += 1;
      if (newest === null || Date.parse(handled.time) > Date.parse(newest)) newest = handled.time;
      if (
        handled.open &&
        (earliestOpen === null || Date.parse(handled.time) < Date.parse(earliestOpen))
      )
        earliestOpen = handled.time;
      onProgress?.(fetched, page);
    }
    next = stopped ? null : following;
    if (next !== null) {
      page += 1;
      await state.save({
        updatedSince: since,
        cursor: JSON.stringify({
          v: 1,
          list: run.list,
          next,
          since,
          newest,
          earliestOpen,
          page,
        } satisfies Cursor),
      });
    }
  }
  const updatedSince = earliestOpen ?? latest(newest, since);
  await state.save({ updatedSince, cursor: null });
  return { fetched, pages, incremental: since !== null, resumed: cursor !== null, updatedSince };
}

/** Turns the client's abort into the INTERRUPTED error every fetch gives. */
export function interrupted(error: unknown, what: string, command: string): unknown {
  if (error instanceof LiveAborted) {
    return new LegibleError(
      "INTERRUPTED",
      `fetch of ${what} interrupted`,
      `what was fetched is kept; the next \`${command}\` resumes from the last complete page`,
    );
  }
  return error;
}

function validTime(value: string | null | undefined): string | null {
  return value && !Number.isNaN(Date.parse(value)) ? value : null;
}

function latest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/** The items of a page: `data[key]` (or `data` itself when `key` is null) must be a list of objects. */
export function itemsOf(
  client: LiveClient,
  answer: LiveAnswer,
  key: string | null,
  step: Step,
): unknown[] {
  const data = answer.data as Record<string, unknown>;
  const items = key === null ? data : data[key];
  if (
    !Array.isArray(items) ||
    items.some((item) => typeof item !== "object" || item === null || Array.isArray(item))
  ) {
    throw client.malformed(
      answer.url,
      Array.isArray(items)
        ? "a list with an item that is not an object"
        : key === null
          ? "a JSON object"
          : `an object without a list "${key}"`,
      step,
    );
  }
  return items;
}

/** Every item of a paged sub-list (log entries, notes, commits), following `next` until null. */
export async function readAll(
  client: LiveClient,
  first: string,
  step: Step,
  page: (answer: LiveAnswer) => { items: unknown[]; next: string | null },
  maxPages = 100,
): Promise<unknown[]> {
  const all: unknown[] = [];
  let next: string | null = first;
  for (let n = 0; next !== null && n < maxPages; n += 1) {
    const answer = await client.get(next, step);
    const { items, next: following } = page(answer);
    all.push(...items);
    next = following;
  }
  return all;
}

/** The `rel="next"` URL of a `Link` header, or null. */
export function linkNext(headers: Headers): string | null {
  const link = headers.get("link");
  const match = link === null ? null : /<([^>]*)>\s*;\s*rel="next"/.exec(link);
  return match?.[1] ?? null;
}
