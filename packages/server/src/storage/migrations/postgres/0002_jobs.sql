-- PostgreSQL twin of sqlite/0002_jobs.sql. Workers claim rows with
-- FOR UPDATE SKIP LOCKED, so several server processes share one queue.
CREATE TABLE jobs (
  id BIGSERIAL PRIMARY KEY,
  queue TEXT COLLATE "C" NOT NULL,
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  dedupe_key TEXT UNIQUE,
  status TEXT COLLATE "C" NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  run_at TEXT COLLATE "C" NOT NULL,
  locked_by TEXT,
  locked_until TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX jobs_due ON jobs (queue, status, run_at);
