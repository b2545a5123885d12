/**
 * The schema, as ordered migrations. `PRAGMA user_version` records how many have run; opening a
 * database applies the rest in one transaction. Never edit a released migration: add one.
 */
export const MIGRATIONS: string[] = [
  `
  CREATE TABLE repositories (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    bare INTEGER NOT NULL DEFAULT 0,
    shallow INTEGER NOT NULL DEFAULT 0,
    partial INTEGER NOT NULL DEFAULT 0
  );

  -- One row per (repository, ref) scanned. A complete scan stored every commit reachable from tip.
  -- An interrupted one stored a prefix (parents before children) ending at checkpoint.
  CREATE TABLE scans (
    repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
    ref TEXT NOT NULL,
    tip TEXT,
    target TEXT,
    checkpoint TEXT,
    renames INTEGER NOT NULL DEFAULT 1,
    mailmap TEXT,
    finished_at INTEGER,
    PRIMARY KEY (repository_id, ref)
  );

  CREATE TABLE commits (
    id INTEGER PRIMARY KEY,
    repository_id INTEGER NOT NULL REFERENCES repositories(id) ON DELETE CASCADE,
    sha TEXT NOT NULL,
    parents TEXT NOT NULL,
    author_name TEXT NOT NULL,
    author_email TEXT NOT NULL,
    author_time INTEGER NOT NULL,
    commit_time INTEGER NOT NULL,
    subject TEXT NOT NULL,
    is_merge INTEGER NOT NULL,
    -- git's message when it could not read this commit's trees or blobs (it then has no file changes).
    skipped TEXT,
    UNIQUE (repository_id, sha)
  );

  -- Child rows of commits. No foreign key and no index on purpose: they are written in bulk and read
  -- in bulk per repository; an index would cost a third of the scan's insert time, and a foreign key
  -- without one would make deletes quadratic. SqliteStore.resetHistory deletes them explicitly.
  CREATE TABLE co_authors (
    commit_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL
  );

  CREATE TABLE file_changes (
    commit_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    path TEXT NOT NULL,
    old_path TEXT
  );

  -- Content facts per blob, shared by every snapshot and repository (blobs are content-addressed).
  CREATE TABLE blobs (
    sha TEXT PRIMARY KEY,
    binary INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  `
  -- Delivery records. Nested lists (reviews, commits, comments, responders, labels) are JSON: they are
  -- always read with their parent. Keys are the importers' stable keys, so a re-import upserts and
  -- changes nothing.
  CREATE TABLE pull_requests (
    key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    repository TEXT NOT NULL,
    number INTEGER NOT NULL,
    title TEXT NOT NULL,
    author TEXT,
    state TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    merged_at INTEGER,
    closed_at INTEGER,
    merge_commit_sha TEXT,
    base_ref TEXT,
    head_ref TEXT,
    labels TEXT NOT NULL,
    commits TEXT NOT NULL,
    reviews TEXT NOT NULL,
    comments TEXT NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE deployments (
    key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    repository TEXT NOT NULL,
    environment TEXT NOT NULL,
    result TEXT NOT NULL,
    commit_sha TEXT NOT NULL,
    started_at INTEGER,
    finished_at INTEGER NOT NULL,
    name TEXT
  ) WITHOUT ROWID;

  CREATE TABLE incidents (
    key TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    title TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    resolved_at INTEGER,
    service TEXT,
    severity TEXT,
    responders TEXT NOT NULL,
    repository TEXT
  ) WITHOUT ROWID;

  -- Where an incremental, resumable fetch from an API stands.
  CREATE TABLE fetch_state (
    source TEXT NOT NULL,
    scope TEXT NOT NULL,
    updated_since TEXT,
    cursor TEXT,
    PRIMARY KEY (source, scope)
  ) WITHOUT ROWID;
  `,
  `
  -- One row per run of an import of a file, written when it starts; finished_at is set when it ends.
  -- A run left unfinished by a process that is gone was interrupted (killed, crashed): its batches
  -- are committed, the rest of the file is missing. The next import of the file completes it (rows
  -- are idempotent upserts), says so, and removes the row. host and pid tell a run still under way
  -- in another process from an interrupted one.
  CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    file TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL
  );
  CREATE INDEX imports_by_file ON imports (file, kind);
  `,
  `
  -- Commit-message signals (store/signals.ts): review and help trailers with the person they name,
  -- and the commits a revert names (target). Child rows of commits like co_authors: no index, no
  -- foreign key; SqliteStore.resetHistory deletes them. Histories stored before this table existed
  -- were read without their signals, so they are dropped: the next scan reads them again in full.
  CREATE TABLE commit_signals (
    commit_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    target TEXT
  );
  DELETE FROM file_changes;
  DELETE FROM co_authors;
  DELETE FROM commits;
  DELETE FROM scans;
  `,
  `
  -- How many commits are stored for the repository, kept by every write and delete of commits, so
  -- that a re-scan with nothing new does not count 80,000 rows. NULL: not counted yet (a database
  -- from before this column); the first read counts and fills it.
  ALTER TABLE repositories ADD COLUMN commit_count INTEGER;
  `,
  `
  -- Analysis results kept by what they were computed from (app/result-cache.ts): the key names the
  -- repositories' stored tips, the configuration and the question, so a changed input is a new key.
  -- Old rows are pruned when new ones are written.
  CREATE TABLE analysis_cache (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
];
