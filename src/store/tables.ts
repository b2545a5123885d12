import type { Generated } from "kysely";

/**
 * The store's tables as Kysely sees them (migrations.ts creates them). Booleans are 0/1 integers
 * and times Unix seconds on both engines, so rows read the same from SQLite and PostgreSQL.
 */
export interface Tables {
  repositories: {
    id: Generated<number>;
    path: string;
    name: string;
    bare: number;
    shallow: number;
    partial: number;
    commit_count: number | null;
  };
  scans: {
    repository_id: number;
    ref: string;
    tip: string | null;
    target: string | null;
    checkpoint: string | null;
    renames: number;
    mailmap: string | null;
    finished_at: number | null;
  };
  commits: {
    id: Generated<number>;
    repository_id: number;
    sha: string;
    parents: string;
  };
  history_packs: {
    repository_id: number;
    last_id: number;
    first_id: number;
    commits: number;
    body: string;
  };
  history_summaries: {
    repository_id: number;
    last_id: number;
    commits: number;
    body: string;
  };
  blobs: { sha: string; binary: number };
  pull_requests: {
    key: string;
    source: string;
    repository: string;
    number: number;
    title: string;
    author: string | null;
    state: string;
    created_at: number;
    merged_at: number | null;
    closed_at: number | null;
    merge_commit_sha: string | null;
    base_ref: string | null;
    head_ref: string | null;
    labels: string;
    commits: string;
    reviews: string;
    comments: string;
  };
  deployments: {
    key: string;
    source: string;
    repository: string;
    environment: string;
    result: string;
    commit_sha: string;
    started_at: number | null;
    finished_at: number;
    name: string | null;
  };
  incidents: {
    key: string;
    source: string;
    title: string;
    created_at: number;
    resolved_at: number | null;
    service: string | null;
    severity: string | null;
    responders: string;
    repository: string | null;
  };
  fetch_state: {
    source: string;
    scope: string;
    updated_since: string | null;
    cursor: string | null;
  };
  imports: {
    id: Generated<number>;
    kind: string;
    file: string;
    started_at: number;
    finished_at: number | null;
    host: string;
    pid: number;
  };
  analysis_cache: { key: string; value: string; created_at: number };
  store_state: { id: number; version: number };
  legible_schema: { version: number };
}
