-- PostgreSQL twin of sqlite/0012_inbound_mail.sql.
-- Inbound e-mail (issue #5 point 4): every message the SMTP listener accepts is stored raw,
-- in the same transaction as the job that processes it, before the sender hears 250. The
-- row is kept whatever happens next (threaded, new case, quarantined, released, discarded):
-- no message is ever silently dropped.
CREATE TABLE inbound_mail (
  id TEXT COLLATE "C" PRIMARY KEY,
  organization_id TEXT NOT NULL,
  received_at TEXT COLLATE "C" NOT NULL,
  -- NULL for the null reverse-path <> of bounces (RFC 5321 §4.5.5).
  envelope_from TEXT,
  -- JSON array of RCPT TO addresses.
  envelope_to TEXT NOT NULL,
  remote_address TEXT,
  -- The Message-ID header as received, when there was one.
  message_id TEXT,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  raw BYTEA NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  reason TEXT,
  case_id TEXT,
  -- Filled when processed, for the quarantine list (parsing the raw message per row is slow).
  from_address TEXT,
  subject TEXT,
  processed_at TEXT,
  decided_by TEXT,
  decided_at TEXT
);
-- A sender that retries after we committed but before it read our 250 sends the same bytes:
-- the second copy is recognised and answered 250 again, not stored twice.
CREATE UNIQUE INDEX inbound_mail_digest ON inbound_mail (organization_id, sha256);
-- The quarantine list: newest first within a status (keyset pagination on received_at, id).
CREATE INDEX inbound_mail_status ON inbound_mail (organization_id, status, received_at, id);
