/** Small in-memory builders for the friction and heroics tests. Times are hours after T0. */
import type {
  Account,
  IncidentRow,
  PullRequestComment,
  PullRequestReview,
  PullRequestRow,
} from "../../../src/core/delivery/model.js";
import type { Period } from "../../../src/core/friction/index.js";

/** 2026-01-05T00:00:00Z, a Monday. */
export const T0 = Date.UTC(2026, 0, 5) / 1000;
export const HOUR = 3600;
export const DAY = 24 * HOUR;

/** Unix time `hours` after T0. */
export function at(hours: number): number {
  return T0 + hours * HOUR;
}

/** The period of `days` days starting `fromDay` days after T0. */
export function days(fromDay: number, count: number): Period {
  return { since: T0 + fromDay * DAY, until: T0 + (fromDay + count) * DAY };
}

/** An account whose login is the person id; `*[bot]` logins are bots. */
export function account(login: string): Account {
  return { login, email: `${login}@example.com` };
}

/** Identity injection used throughout: the login, lower-cased, is the person. */
export const personOf = (who: Account): string => who.login.toLowerCase();

/** Bot test used throughout. */
export const isBot = (who: Account): boolean => who.login.endsWith("[bot]");

/** A review by `login` (null: deleted account) `hour` hours after T0. */
export function review(login: string | null, hour: number, state = "APPROVED"): PullRequestReview {
  return {
    id: `r${++sequence}`,
    author: login === null ? null : account(login),
    state,
    submittedAt: at(hour),
  };
}

/** A comment by `login` `hour` hours after T0. */
export function comment(login: string | null, hour: number): PullRequestComment {
  return {
    id: `c${++sequence}`,
    author: login === null ? null : account(login),
    createdAt: at(hour),
  };
}

let sequence = 0;

export interface PullRequestSpec {
  number?: number;
  author?: string | null;
  state?: PullRequestRow["state"];
  created?: number;
  /** Hours after T0; null: not merged. */
  merged?: number | null;
  /** Area ids (kept in `labels`, which `areasOf` reads). */
  areas?: string[];
  reviews?: PullRequestReview[];
  comments?: PullRequestComment[];
}

/** A merged pull request by "ada" in area "api", created at T0 and merged 10 hours later. */
export function aPullRequest(spec: PullRequestSpec = {}): PullRequestRow {
  const number = spec.number ?? ++sequence;
  const merged = spec.merged === undefined ? (spec.created ?? 0) + 10 : spec.merged;
  const author = spec.author === undefined ? "ada" : spec.author;
  return {
    key: `github:acme/app#${number}`,
    source: "github",
    repository: "acme/app",
    number,
    title: `change ${number}`,
    author: author === null ? null : account(author),
    state: spec.state ?? (merged === null ? "open" : "merged"),
    createdAt: at(spec.created ?? 0),
    mergedAt: merged === null ? null : at(merged),
    closedAt: merged === null ? null : at(merged),
    mergeCommitSha: merged === null ? null : `sha${number}`,
    baseRef: "main",
    headRef: `topic-${number}`,
    labels: spec.areas ?? ["api"],
    commits: [],
    reviews: spec.reviews ?? [],
    comments: spec.comments ?? [],
  };
}

/** Areas injection used throughout: the pull request's labels. */
export const areasOf = (pr: PullRequestRow): string[] => pr.labels;

export interface IncidentSpec {
  service?: string | null;
  created?: number;
  /** Hours after T0; null: unresolved. */
  resolved?: number | null;
  responders?: string[];
}

/** An incident on "billing" created at T0, resolved 2 hours later, handled by "ada". */
export function anIncident(spec: IncidentSpec = {}): IncidentRow {
  const id = ++sequence;
  const resolved = spec.resolved === undefined ? (spec.created ?? 0) + 2 : spec.resolved;
  return {
    key: `pagerduty:P${id}`,
    source: "pagerduty",
    title: `incident ${id}`,
    createdAt: at(spec.created ?? 0),
    resolvedAt: resolved === null ? null : at(resolved),
    service: spec.service === undefined ? "billing" : spec.service,
    severity: "SEV2",
    responders: (spec.responders ?? ["ada"]).map(account),
    repository: null,
  };
}
