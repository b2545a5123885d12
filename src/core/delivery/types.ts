/**
 * Shared shapes of the delivery metrics: the compatibility mode, the period, and the universe every
 * figure rests on. Plain data; times are Unix seconds (UTC).
 */

/**
 * Which rules the delivery metrics follow: legible's own (`default`), Apache DevLake's
 * (`devlake`) or Google Four Keys' (`fourkeys`). docs/ARCHITECTURE.md lists every difference.
 */
export type DeliveryMode = "default" | "devlake" | "fourkeys";

/** A half-open time window `[since, until)`, Unix seconds (UTC). */
export interface DeliveryPeriod {
  since: number;
  until: number;
}

/** How many records one reason kept out of a figure. */
export interface DeliveryExclusion {
  reason: string;
  count: number;
}

/**
 * What a figure rests on, for one kind of record: `considered = counted + Σ excluded[].count`.
 * `linked`/`unlinked` split the considered records by whether they were joined to the other side
 * (a PR to the deployment that shipped it, an incident to the deployment it is blamed on).
 */
export interface DeliveryUniverse {
  considered: number;
  counted: number;
  linked?: number;
  unlinked?: number;
  /** Non-zero exclusions, in a fixed order per kind of record. */
  excluded: DeliveryExclusion[];
}

/** The universes of one figure, by kind of record. */
export interface FigureUniverse {
  deployments?: DeliveryUniverse;
  pullRequests?: DeliveryUniverse;
  incidents?: DeliveryUniverse;
  /** Deployment × commit pairs (Four Keys lead time). */
  commits?: DeliveryUniverse;
}

/** The parent map of the stored git history: `undefined` for a commit the history does not hold. */
export interface Ancestry {
  parents(sha: string): readonly string[] | undefined;
  /** Commit time of a commit (Four Keys lead time), `undefined` when unknown. */
  committedAt?(sha: string): number | undefined;
}

/** Seconds in a day. */
export const DAY = 86_400;
