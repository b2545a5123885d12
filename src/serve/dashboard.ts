/**
 * The dashboard's data: the CLI's run functions over one long-lived AnalysisSession, each result
 * cached until the store changes. The cache key is the store's state — SQLite's `data_version`,
 * which moves whenever another process (a scan, an import, a fetch from cron) commits — and the
 * day, so "this week" rolls over. When it changes the repositories are scanned again
 * (incrementally: one rev-parse each when nothing is new) and a fresh session opened.
 */

import {
  type AreaChange,
  type FilesReport,
  filesReport,
  whatifAreas,
} from "../app/dashboard-figures.js";
import { type DecisionReport, readDecisions } from "../app/decisions.js";
import type { FlowReport } from "../app/flow.js";
import { pseudonym } from "../app/knowledge.js";
import type { KnowledgeReport } from "../app/report-types.js";
import type { ReviewReport } from "../app/review.js";
import { type WeeksReport, weekEntry } from "../app/review-headlines.js";
import { runDora, runFlow } from "../app/run/delivery.js";
import { type LeaderViewReport, runImpact, runWhatLeadersSee } from "../app/run/impact.js";
import { runKnowledge, runTrend, runWhatif } from "../app/run/knowledge.js";
import type { RunPeriod } from "../app/run/period.js";
import { runReview } from "../app/run/review.js";
import type { AnalysisSession } from "../app/session.js";
import type { TrendReport } from "../app/trend.js";
import { resolveLeavers, type WhatifReport } from "../app/whatif.js";
import type { AsOf } from "../app/workspace.js";
import { isoDay } from "../core/dates.js";
import type { DeliveryMode, DoraReport } from "../core/delivery/index.js";
import type { ImpactPacket } from "../core/impact/index.js";
import { LegibleError } from "../errors.js";

const DAY = 86_400;
const WEEK = 7 * DAY;
/** The periods `legible flow` and `legible dora` cover by default, so the API answers as they do. */
export const FLOW_DAYS = 28;
export const DORA_DAYS = 90;

export interface DashboardOptions {
  /** Scans the repositories (incrementally) and opens a session over them. */
  open: () => Promise<AnalysisSession>;
  /** The store's state: anything that changes when the records do. */
  state: () => string;
  now: () => Date;
  /** How many weeks the trend charts cover (the current one included). */
  weeks: number;
  /** Months of truck factor history on the Areas page. */
  months: number;
  /** The person `--me` names (id, email or name), or null: no Me page. */
  me: string | null;
}

/** `GET /api/v1/whatif`, version 1: `legible whatif --json` plus every area's truck factor before and after. */
export interface WhatifPage {
  version: 1;
  whatif: WhatifReport;
  areas: AreaChange[];
}

/** `GET /api/v1/people`, version 1: the active authors What if offers, sorted by name (a directory, not a ranking). */
export interface PeopleList {
  version: 1;
  people: { id: string; name: string }[];
}

/** `GET /api/v1/me`, version 1: my impact packet and exactly what leader views say about me. */
export interface MeReport {
  version: 1;
  packet: ImpactPacket;
  leaderViews: LeaderViewReport;
}

/** `GET /api/v1/dora/weeks`, version 1: DORA figures week by week. */
export interface DoraWeeks {
  version: 1;
  weeks: (DoraReport & { notes: string[]; weekEnding: string })[];
}

interface Generation {
  key: string;
  until: number;
  session: Promise<AnalysisSession>;
  results: Map<string, Promise<unknown>>;
}

/** What the pages and the API ask for, each computed at most once per store state. */
type Figures = Omit<Snapshot, "warm" | "generation">;

/**
 * Serves the figures of the latest prepared store state. When the state changes, the next one is
 * prepared in the background (This week and every page's data) while the previous one keeps
 * answering, so no request waits for a recomputation once the first state is ready
 * (stale-while-revalidate); the switch happens when the new one is complete.
 *
 * The first state is prepared in two steps: {@link firstPage} (This week: the review and its
 * weekly trend), then {@link warm} (every other page's data); `legible serve` waits for both
 * before it prints the URL, so that no first request waits. A page opened before its data is ready
 * waits for that first computation, not for a newer state. The analyses run on the server's one
 * thread, mostly synchronously: a request made while any preparation runs waits for the stretch
 * of computation under way — one analysis step at most, as the event loop gets a turn between
 * steps ({@link turn}); the longest step after This week, the Areas page's six-month truck factor
 * history, holds it about 0.8 s on git/git. Moving the preparation off the request thread (a
 * worker with its own store connection) would remove that wait; This week's five older reviews
 * are not moved to the background for the same reason: each holds the thread for seconds on
 * git/git.
 */
export class Dashboard implements Figures {
  private served: Snapshot | null = null;
  private pending: { snapshot: Snapshot; ready: Promise<void> } | null = null;

  constructor(readonly options: DashboardOptions) {}

  /** The state key now: the store's state and the day ("this week" rolls over at midnight UTC). */
  key(): string {
    return `${this.options.state()}@${isoDay(Math.floor(this.options.now().getTime() / 1000))}`;
  }

  /** The key of the state being served (older than {@link key} while the next is prepared). */
  servedKey(): string {
    return this.snapshot().generation.key;
  }

  private create(key: string): Snapshot {
    const session = this.options.open();
    const snapshot = new Snapshot(this.options, {
      key,
      until: Math.floor(this.options.now().getTime() / 1000),
      session,
      results: new Map(),
    });
    // A failed open is not kept: the next request tries again.
    session.catch(() => {
      if (this.served === snapshot) this.served = null;
      if (this.pending?.snapshot === snapshot) this.pending = null;
    });
    return snapshot;
  }

  private snapshot(): Snapshot {
    const key = this.key();
    if (this.served === null) this.served = this.create(key);
    else if (this.served.generation.key !== key && this.pending?.snapshot.generation.key !== key) {
      const snapshot = this.create(key);
      const ready = snapshot.warm().then(
        () => {
          if (this.pending?.snapshot === snapshot) {
            this.served = snapshot;
            this.pending = null;
          }
        },
        () => {
          if (this.pending?.snapshot === snapshot) this.pending = null;
        },
      );
      this.pending = { snapshot, ready };
    }
    return this.served;
  }

  /** Prepares This week's data (the review and its weekly trend) for the state served now. */
  firstPage(): Promise<void> {
    return this.snapshot().firstPage();
  }

  /** Prepares every page's data for the state served now. */
  warm(): Promise<void> {
    return this.snapshot().warm();
  }

  /** Resolves once a newer state being prepared is served (at once when there is none). */
  async settled(): Promise<void> {
    this.snapshot();
    await this.pending?.ready;
  }

  config() {
    return this.snapshot().config();
  }
  review() {
    return this.snapshot().review();
  }
  weeks() {
    return this.snapshot().weeks();
  }
  knowledge() {
    return this.snapshot().knowledge();
  }
  trend() {
    return this.snapshot().trend();
  }
  files() {
    return this.snapshot().files();
  }
  people() {
    return this.snapshot().people();
  }
  whatif(leave: string[]) {
    return this.snapshot().whatif(leave);
  }
  flow(days?: number | "week") {
    return this.snapshot().flow(days);
  }
  dora(mode?: DeliveryMode, days?: number) {
    return this.snapshot().dora(mode, days);
  }
  doraWeeks() {
    return this.snapshot().doraWeeks();
  }
  decisions() {
    return this.snapshot().decisions();
  }
  me() {
    return this.snapshot().me();
  }
}

/**
 * Lets the server answer the requests that came in meanwhile: between two steps of a preparation
 * (the analyses are mostly synchronous, so awaiting one does not reach the event loop's I/O).
 */
function turn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The figures of one store state. */
class Snapshot {
  constructor(
    readonly options: DashboardOptions,
    readonly generation: Generation,
  ) {}

  /**
   * Every page's data: This week first (its failure is the dashboard's), then the others (a page
   * whose data fails, say Me for a person the history lacks, shows the reason when opened).
   */
  async warm(): Promise<void> {
    await this.firstPage();
    for (const next of [
      () => this.knowledge(),
      () => this.files(),
      () => this.people(),
      () => this.flow(),
      () => this.flow("week"),
      () => this.dora(),
      () => this.doraWeeks(),
      () => this.decisions(),
      () => this.trend(),
      () => this.me(),
    ]) {
      await turn();
      await next()?.catch(() => undefined);
    }
  }

  /** This week's data: the review and the headline figures of the last weeks. */
  async firstPage(): Promise<void> {
    await this.review();
    await this.weeks();
  }

  /** A result computed once per store state. */
  private cached<T>(
    name: string,
    compute: (session: AnalysisSession, until: number) => Promise<T>,
  ): Promise<T> {
    const generation = this.generation;
    let result = generation.results.get(name) as Promise<T> | undefined;
    if (!result) {
      result = generation.session.then((session) => compute(session, generation.until));
      generation.results.set(name, result);
      result.catch(() => {
        if (generation.results.get(name) === result) generation.results.delete(name);
      });
    }
    return result;
  }

  private period(
    session: AnalysisSession,
    until: number,
    weeksBack = 0,
    days = session.config.review.days,
  ): RunPeriod {
    const end = until - weeksBack * WEEK;
    return {
      since: end - days * DAY,
      until: end,
      untilLabel: weeksBack === 0 ? "now" : isoDay(end),
    };
  }

  private asOf(until: number): AsOf {
    return { time: until, label: "now", rev: null };
  }

  async config() {
    return (await this.generation.session).config;
  }

  review(): Promise<ReviewReport> {
    return this.cached("review", (session, until) =>
      runReview(session, { period: this.period(session, until) }),
    );
  }

  /** The review of each of the last weeks, newest last; only its headline figures are kept. */
  weeks(): Promise<WeeksReport> {
    return this.cached("weeks", async (session, until) => {
      const weeks: WeeksReport["weeks"] = [];
      for (let back = this.options.weeks - 1; back >= 0; back--) {
        await turn();
        const report =
          back === 0
            ? await this.review()
            : await runReview(session, { period: this.period(session, until, back) });
        weeks.push(weekEntry(report));
      }
      return { version: 1, weeks };
    });
  }

  knowledge(): Promise<KnowledgeReport> {
    return this.cached("knowledge", (session, until) =>
      runKnowledge(session, { asOf: this.asOf(until), mode: "default" }),
    );
  }

  trend(): Promise<TrendReport> {
    return this.cached("trend", (session, until) =>
      runTrend(session, { until: this.asOf(until), mode: "default", months: this.options.months }),
    );
  }

  files(): Promise<FilesReport> {
    return this.cached("files", async (session, until) =>
      filesReport(session, await session.workspace(this.asOf(until))),
    );
  }

  people(): Promise<PeopleList> {
    return this.cached("people", async () => {
      const knowledge = await this.knowledge();
      const people = new Map<string, string>();
      for (const repository of knowledge.repositories)
        for (const author of repository.whole.authors)
          if (author.active) people.set(author.id, author.name);
      return {
        version: 1,
        people: [...people]
          .map(([id, name]) => ({ id, name }))
          .sort((a, b) => a.name.localeCompare(b.name, "en") || (a.id < b.id ? -1 : 1)),
      };
    });
  }

  /** What if these people left (ids as the pages show them: pseudonyms under privacy.people). */
  whatif(leave: string[]): Promise<WhatifPage> {
    const wanted = [...new Set(leave)].sort();
    return this.cached(`whatif\0${wanted.join("\0")}`, async (session, until) => {
      const asOf = this.asOf(until);
      const workspace = await session.workspace(asOf);
      // Under pseudonyms the page names people by pseudonym: map them back, here only.
      const byAlias = workspace.pseudonymous
        ? new Map([...workspace.people.keys()].map((id) => [pseudonym(id), id]))
        : null;
      const ids = wanted.map((query) => byAlias?.get(query) ?? query);
      if (byAlias && ids.some((id, i) => id === wanted[i]))
        throw new LegibleError(
          "UNKNOWN_PERSON",
          "under privacy.people: pseudonymous, name people by pseudonym",
        );
      const personIds = resolveLeavers(workspace, ids);
      const whatif = await runWhatif(session, { asOf, leave: ids });
      return {
        version: 1,
        whatif,
        areas: personIds.length === 0 ? [] : whatifAreas(session, workspace, personIds),
      };
    });
  }

  /** `legible flow` over the last `days` (the CLI's default: 28; "week": the review's period). */
  flow(days: number | "week" = FLOW_DAYS): Promise<FlowReport> {
    return this.cached(`flow\0${days}`, (session, until) =>
      runFlow(session, {
        period: this.period(session, until, 0, days === "week" ? undefined : days),
      }),
    );
  }

  /** `legible dora` over the last `days` (the CLI's default: 90). */
  dora(
    mode: DeliveryMode = "default",
    days = DORA_DAYS,
  ): Promise<DoraReport & { notes: string[] }> {
    return this.cached(`dora\0${mode}\0${days}`, (session, until) =>
      runDora(session, { period: this.period(session, until, 0, days), mode }),
    );
  }

  doraWeeks(): Promise<DoraWeeks> {
    return this.cached("dora-weeks", async (session, until) => {
      const weeks: DoraWeeks["weeks"] = [];
      for (let back = this.options.weeks - 1; back >= 0; back--) {
        await turn();
        const period = this.period(session, until, back);
        const report = await runDora(session, { period, mode: "default" });
        weeks.push({ ...report, weekEnding: isoDay(period.until) });
      }
      return { version: 1, weeks };
    });
  }

  decisions(): Promise<DecisionReport> {
    return this.cached("decisions", async (session) => {
      const repositories = [];
      for (const scan of session.scans)
        repositories.push(
          await readDecisions(scan.path, {
            ref: scan.ref,
            config: session.config,
            name: scan.name,
          }),
        );
      return { version: 1, repositories };
    });
  }

  me(): Promise<MeReport> | null {
    const me = this.options.me;
    if (me === null) return null;
    return this.cached("me", async (session, until) => {
      const period: RunPeriod = { since: until - 180 * DAY, until, untilLabel: "now" };
      return {
        version: 1,
        packet: await runImpact(session, { period, person: me }),
        leaderViews: await runWhatLeadersSee(session, { period, person: me }),
      };
    });
  }
}
