-- The service desk's cases (issue #5): one row per request, its timeline (events), its
-- conversation (messages) and files (attachments). Times are ISO-8601 UTC text, like
-- every other table, so they sort as strings on both engines.
CREATE TABLE case_counters (
  organization_id TEXT PRIMARY KEY REFERENCES organizations (id),
  last_number INTEGER NOT NULL
);

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  number INTEGER NOT NULL,
  patient_id TEXT REFERENCES patients (id),
  -- An unidentified caller's own words about who they are (JSON), until identified.
  caller TEXT,
  channel TEXT NOT NULL,
  category TEXT NOT NULL,
  priority TEXT NOT NULL,
  status TEXT NOT NULL,
  is_active INTEGER NOT NULL,
  subject TEXT NOT NULL,
  language TEXT NOT NULL,
  assignee_id TEXT,
  team_id TEXT,
  queue_id TEXT,
  tags TEXT NOT NULL,
  links TEXT NOT NULL,
  reply_token TEXT NOT NULL UNIQUE,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  status_changed_at TEXT NOT NULL,
  first_response_at TEXT,
  resolved_at TEXT,
  closed_at TEXT,
  verified_at TEXT,
  sla_policy_id TEXT,
  sla_first_response_due TEXT,
  sla_resolution_due TEXT,
  sla_state TEXT NOT NULL,
  -- The nearest due instant while the clock runs, else '9999' so keyset order needs no NULLs.
  sla_sort TEXT NOT NULL,
  sla_next_check_at TEXT,
  -- When the clock was paused, pending on the patient (JSON [{from, to}]), for the SLA.
  sla_pauses TEXT NOT NULL,
  version INTEGER NOT NULL,
  UNIQUE (organization_id, number)
);
CREATE INDEX cases_by_assignee ON cases (organization_id, assignee_id, is_active, sla_sort, id);
CREATE INDEX cases_by_queue ON cases (organization_id, queue_id, is_active, sla_sort, id);
CREATE INDEX cases_by_team ON cases (organization_id, team_id, is_active, sla_sort, id);
CREATE INDEX cases_active ON cases (organization_id, is_active, sla_sort, id);
CREATE INDEX cases_by_patient ON cases (patient_id, created_at);
CREATE INDEX cases_sla_checks ON cases (sla_next_check_at) WHERE sla_next_check_at IS NOT NULL;

CREATE TABLE case_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id TEXT NOT NULL REFERENCES cases (id),
  at TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT,
  actor_name TEXT,
  kind TEXT NOT NULL,
  data TEXT NOT NULL
);
CREATE INDEX case_events_by_case ON case_events (case_id, seq);

CREATE TABLE case_messages (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  -- Order within the case (1, 2, ...): two messages in the same millisecond keep their order.
  position INTEGER NOT NULL,
  at TEXT NOT NULL,
  author_kind TEXT NOT NULL,
  author_id TEXT,
  author_name TEXT,
  visibility TEXT NOT NULL,
  channel TEXT NOT NULL,
  body TEXT NOT NULL,
  safe_html TEXT,
  language TEXT,
  message_id TEXT,
  inbound_mail_id TEXT
);
CREATE UNIQUE INDEX case_messages_by_case ON case_messages (case_id, position);
CREATE INDEX case_messages_by_message_id ON case_messages (message_id) WHERE message_id IS NOT NULL;

CREATE TABLE case_attachments (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases (id),
  message_id TEXT NOT NULL REFERENCES case_messages (id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  content BLOB NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX case_attachments_by_message ON case_attachments (message_id);

-- Categories an administrator added to the built-in ones (labels per language, JSON).
CREATE TABLE case_categories (
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  code TEXT NOT NULL,
  labels TEXT NOT NULL,
  active INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (organization_id, code)
);
