-- Identity: accounts (staff, patients, caregivers), sessions, MFA, API tokens, one-time
-- tokens (password reset, invitation), login lockout and rate limits, teams.
-- Every secret is stored only as a hash, except TOTP seeds, which are AES-256-GCM
-- sealed by the server (identity/secret-box.ts).

CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  -- staff | patient | caregiver
  kind TEXT NOT NULL,
  -- Lower-cased, so uniqueness is case-insensitive.
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  preferred_language TEXT NOT NULL,
  -- JSON array of core Role names.
  roles TEXT NOT NULL,
  -- organization | care-team (staff only)
  reach TEXT NOT NULL DEFAULT 'organization',
  practitioner_id TEXT REFERENCES practitioners(id),
  patient_id TEXT REFERENCES patients(id),
  -- invited | active | disabled
  status TEXT NOT NULL,
  -- argon2id PHC string; null until an invitation is accepted.
  password_hash TEXT,
  password_changed_at TEXT,
  mfa_enabled INTEGER NOT NULL DEFAULT 0,
  mfa_secret TEXT,
  mfa_pending_secret TEXT,
  -- The last TOTP time step accepted: a code for it or an earlier step is a replay.
  mfa_last_step INTEGER,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX accounts_org ON accounts (organization_id, id);
CREATE INDEX accounts_patient ON accounts (patient_id);

-- A caregiver account speaks for one or more RelatedPerson records.
CREATE TABLE caregiver_links (
  account_id TEXT NOT NULL REFERENCES accounts(id),
  related_person_id TEXT NOT NULL REFERENCES related_persons(id),
  patient_id TEXT NOT NULL REFERENCES patients(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (account_id, related_person_id)
);

CREATE TABLE recovery_codes (
  account_id TEXT NOT NULL REFERENCES accounts(id),
  code_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  used_at TEXT,
  PRIMARY KEY (account_id, code_hash)
);

-- The cookie holds a random 32-byte id; only its SHA-256 is stored.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  -- active | mfa-pending | mfa-enrolment
  state TEXT NOT NULL,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  source_address TEXT,
  user_agent TEXT
);
CREATE INDEX sessions_account ON sessions (account_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  -- JSON array of core Permission names.
  scopes TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES accounts(id),
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT,
  revoked_by TEXT,
  last_used_at TEXT
);
CREATE INDEX api_tokens_org ON api_tokens (organization_id, created_at);

-- Password-reset and invitation tokens: single use, expiring; only SHA-256 stored.
CREATE TABLE one_time_tokens (
  token_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL,
  account_id TEXT NOT NULL REFERENCES accounts(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX one_time_tokens_account ON one_time_tokens (account_id, purpose);

-- Consecutive failed logins per e-mail address (hashed), known or not, so a lockout
-- answer never tells whether an account exists.
CREATE TABLE login_lockouts (
  subject_hash TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until TEXT,
  updated_at TEXT NOT NULL
);

-- Fixed-window request counters (per client address and minute), shared by every
-- server process through the database.
CREATE TABLE rate_limits (
  bucket TEXT NOT NULL,
  window_start TEXT NOT NULL,
  hits INTEGER NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limits_window ON rate_limits (window_start);

CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (organization_id, name)
);

CREATE TABLE team_members (
  team_id TEXT NOT NULL REFERENCES teams(id),
  account_id TEXT NOT NULL REFERENCES accounts(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (team_id, account_id)
);
CREATE INDEX team_members_account ON team_members (account_id);
