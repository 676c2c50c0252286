-- PostgreSQL twin of sqlite/0004_audit.sql: the append-only, hash-chained audit trail.
-- Writers serialise on a row lock of audit_chain_head (SELECT ... FOR UPDATE) so seq and
-- prev_hash stay consistent across server processes.
CREATE TABLE audit_entries (
  seq BIGINT PRIMARY KEY,
  organization_id TEXT,
  occurred_at TEXT COLLATE "C" NOT NULL,
  actor_kind TEXT NOT NULL,
  actor_id TEXT,
  actor_name TEXT,
  actor_roles TEXT NOT NULL,
  on_behalf_of TEXT,
  patient_id TEXT,
  action TEXT COLLATE "C" NOT NULL,
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

-- Append-only: UPDATE, DELETE and TRUNCATE are refused by the database itself.
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_entries_no_update_delete BEFORE UPDATE OR DELETE ON audit_entries
  FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();

-- The sealed head (see the SQLite migration): one row, moved forward with every append.
CREATE TABLE audit_chain_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL,
  mac TEXT NOT NULL,
  key_id TEXT NOT NULL
);
INSERT INTO audit_chain_head (id, seq, hash, mac, key_id)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', '', '');
CREATE FUNCTION audit_chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW.seq < OLD.seq OR NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'audit_chain_head only moves forward: % refused', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE OR DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_forward_only();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
