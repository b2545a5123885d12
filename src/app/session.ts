import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Config } from "../config/schema.js";
import type { Ladder } from "../core/ladder/index.js";
import { type GitTag, listTags } from "../sources/git/tags.js";
import { loadLadder } from "../sources/ladders/index.js";
import type { Store, StoredCommit } from "../store/store.js";
import { type DecisionEntry, readDecisions } from "./decisions.js";
import { type DeliveryContext, deliveryContext } from "./delivery.js";
import type { RepositoryScan } from "./scan.js";
import { prepareSummaryWorkspace } from "./summary-workspace.js";
import {
  type AsOf,
  GitReads,
  prepareWorkspace,
  type Workspace,
  type WorkspaceOptions,
} from "./workspace.js";

/** How identities are resolved for a workspace (`--compat avelino2016` reads raw identities). */
export type IdentityOptions = Pick<WorkspaceOptions, "mailmap" | "identityRule">;

/** The decision records of one repository, as the analyses take them. */
export interface SessionDecisions {
  /** The repository's display name. */
  repository: string;
  /** The repository's work tree, or null for a bare repository (no file to link to). */
  workTree: string | null;
  decisions: DecisionEntry[];
}

export interface SessionOptions {
  store: Store;
  config: Config;
  /** The folder of legible.yaml: relative paths in config hang off it. */
  baseDir: string;
  /** The scanned repositories, in the order reports list them. */
  scans: RepositoryScan[];
  /** `--files-from`: only these files are scored. */
  filesFrom?: string[] | null;
  /** Reads a file (the ladder); defaults to the file system. */
  readFile?: (path: string) => string;
}

/**
 * One analysis session over scanned repositories: it loads the stored history once and keeps
 * every workspace (the history prepared at one date), the decision records, the delivery joins and
 * the ladder that the run functions ask for, so a review that looks at three dates and an impact
 * packet that looks at two never load or analyse the same thing twice. The CLI opens one per
 * command; a long-lived program (the dashboard) can keep one open.
 */
export class AnalysisSession {
  readonly store: Store;
  readonly config: Config;
  readonly baseDir: string;
  readonly scans: readonly RepositoryScan[];
  readonly filesFrom: string[] | null;
  private readonly readFile: (path: string) => string;
  private readonly loaded = new Map<string, readonly StoredCommit[]>();
  private readonly workspaces = new Map<string, Promise<Workspace>>();
  private readonly summaries = new Map<string, Promise<Workspace | null>>();
  /** Git reads shared by every workspace of the session: one a summary began, another takes. */
  private readonly reads: GitReads;
  private readonly deliveries = new WeakMap<Workspace, Promise<DeliveryContext>>();
  private decisionRecords: Promise<SessionDecisions[]> | null = null;
  private readonly tagLists = new Map<string, Promise<GitTag[]>>();
  private loadedLadder: Ladder | null = null;

  constructor(options: SessionOptions) {
    this.store = options.store;
    this.config = options.config;
    this.baseDir = options.baseDir;
    this.scans = options.scans;
    this.filesFrom = options.filesFrom ?? null;
    this.readFile = options.readFile ?? ((path) => readFileSync(path, "utf8"));
    this.reads = new GitReads(this.store, this.loaded);
  }

  /** The history of every repository prepared at one date (or revision); computed once per date. */
  workspace(asOf: AsOf, identities: IdentityOptions = {}): Promise<Workspace> {
    const key = dateKey(asOf, identities);
    let workspace = this.workspaces.get(key);
    if (!workspace) {
      workspace = prepareWorkspace([...this.scans], {
        ...this.workspaceOptions(asOf, identities),
        loaded: this.loaded,
      });
      this.workspaces.set(key, workspace);
    }
    return workspace;
  }

  /**
   * The workspace at "now" prepared from the history summaries kept at scan time, for the
   * knowledge analyses alone (app/summary-workspace.ts); null when a history cannot be read that
   * way, and the caller takes {@link workspace}. Computed once per date.
   */
  summaryWorkspace(asOf: AsOf, identities: IdentityOptions = {}): Promise<Workspace | null> {
    const key = dateKey(asOf, identities);
    let workspace = this.summaries.get(key);
    if (!workspace) {
      workspace = prepareSummaryWorkspace([...this.scans], this.workspaceOptions(asOf, identities));
      this.summaries.set(key, workspace);
    }
    return workspace;
  }

  /**
   * Starts git's reads for workspaces about to be prepared at these dates (the commit of each date
   * and its files) and the decision records, so that git works while node loads the histories
   * instead of node waiting on git afterwards. What is started is taken when the workspaces are
   * prepared; a read that fails fails there.
   */
  prefetch(points: readonly AsOf[]): void {
    for (const point of points) {
      if (point.rev !== null) continue;
      if (point.label === "now")
        for (const scan of this.scans) this.reads.startTree(scan, scan.head);
      else this.reads.prefetch(this.scans, [point.time]);
    }
    this.decisions().catch(() => undefined); // held until awaited
    for (const scan of this.scans) this.tags(scan.path).catch(() => undefined); // likewise
  }

  /**
   * A repository's tags (release and deploy-tag figures, the review's cache key), listed once per
   * session, like the decision records: a long-lived session (the dashboard's) is replaced when
   * the store changes.
   */
  tags(path: string): Promise<GitTag[]> {
    let tags = this.tagLists.get(path);
    if (!tags) {
      tags = listTags(path);
      this.tagLists.set(path, tags);
    }
    return tags;
  }

  /** What preparing a workspace of this session at a date reads. */
  private workspaceOptions(asOf: AsOf, identities: IdentityOptions): WorkspaceOptions {
    return {
      store: this.store,
      config: this.config,
      asOf,
      filesFrom: this.filesFrom,
      reads: this.reads,
      ...identities,
    };
  }

  /** The decision records of every repository at its scanned head; read once. */
  decisions(): Promise<SessionDecisions[]> {
    this.decisionRecords ??= (async () => {
      const out: SessionDecisions[] = [];
      for (const scan of this.scans) {
        const found = await readDecisions(scan.path, {
          ref: scan.head,
          config: this.config,
          name: scan.name,
          opened: {
            path: scan.path,
            name: scan.name,
            ref: scan.head,
            head: scan.head,
            partial: scan.partial,
          },
        });
        out.push({
          repository: scan.name,
          workTree: existsSync(join(scan.path, ".git")) ? scan.path : null,
          decisions: found.decisions,
        });
      }
      return out;
    })();
    return this.decisionRecords;
  }

  /** Imported delivery records joined with a workspace; computed once per workspace. */
  delivery(workspace: Workspace): Promise<DeliveryContext> {
    let delivery = this.deliveries.get(workspace);
    if (!delivery) {
      delivery = deliveryContext(workspace, this.store, this.config, (path) => this.tags(path));
      this.deliveries.set(workspace, delivery);
    }
    return delivery;
  }

  /** The configured ladder (legible's default when none is configured); loaded once. */
  ladder(): Ladder {
    this.loadedLadder ??= loadLadder(this.config.ladder.file, this.readFile, this.baseDir);
    return this.loadedLadder;
  }
}

/** What tells two workspaces of a session apart: the date or revision and the identity options. */
function dateKey(asOf: AsOf, identities: IdentityOptions): string {
  return [
    asOf.time,
    asOf.label,
    asOf.rev ?? "",
    identities.mailmap ?? true,
    identities.identityRule ?? "",
  ].join("\0");
}

/** True when a delivery context holds any pull request or incident to analyse. */
export function hasDeliveryRecords(delivery: DeliveryContext): boolean {
  return delivery.pullRequests.length + delivery.incidents.length > 0;
}
