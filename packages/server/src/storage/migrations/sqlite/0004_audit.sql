-- The audit trail (architecture rule 2; ONC 170.315(d)(2),(d)(3),(d)(10)): one row per
-- access or change of patient data and per security event, append-only and hash-chained.
-- seq is assigned by the writer as the previous seq + 1 inside the writing transaction;
-- hash = HMAC-SHA256(key, canonical(entry, seq, prev_hash)) (core/src/audit/hash-chain.ts).
CREATE TABLE audit_entries (
  seq INTEGER PRIMARY KEY,
  organization_id TEXT,
  occurred_at TEXT NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT,
  actor_name TEXT,
  actor_roles TEXT NOT NULL,
  on_behalf_of TEXT,
  patient_id TEXT,
  action TEXT NOT NULL,
  resource_type TEXT,
  resource_id TEXT,
  outcome TEXT NOT NULL,
  purpose_of_use TEXT,
  source_address TEXT,
  user_agent TEXT,
  break_glass INTEGER NOT NULL,
  detail TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_entries_patient ON audit_entries (patient_id, seq);
CREATE INDEX audit_entries_actor ON audit_entries (actor_id, seq);
CREATE INDEX audit_entries_occurred ON audit_entries (occurred_at);
CREATE INDEX audit_entries_action ON audit_entries (action, seq);
CREATE INDEX audit_entries_break_glass ON audit_entries (break_glass, seq);

-- Append-only: no code path updates or deletes an entry, and the database refuses it too.
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN
  SELECT RAISE(ABORT, 'audit_entries is append-only: UPDATE refused');
END;
CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN
  SELECT RAISE(ABORT, 'audit_entries is append-only: DELETE refused');
END;

-- The sealed head of the chain: newest seq and hash, MAC'd, moved forward in the same
-- transaction as every append. Cutting entries off the end shows as a chain shorter than
-- this checkpoint. mac '' marks the unsealed head of a fresh install.
CREATE TABLE audit_chain_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq INTEGER NOT NULL,
  hash TEXT NOT NULL,
  mac TEXT NOT NULL,
  key_id TEXT NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash, mac, key_id)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', '', '');
CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE ON audit_chain_head
WHEN NEW.seq < OLD.seq OR NEW.id <> OLD.id
BEGIN
  SELECT RAISE(ABORT, 'audit_chain_head only moves forward');
END;
CREATE TRIGGER audit_chain_head_no_delete BEFORE DELETE ON audit_chain_head
BEGIN
  SELECT RAISE(ABORT, 'audit_chain_head cannot be deleted');
END;
