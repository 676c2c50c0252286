-- PostgreSQL twin of sqlite/0023_follow_up_active_versions.sql: which program versions are
-- active, answered from an index without reading the definitions (an index-only scan).
CREATE INDEX follow_up_programs_active_versions
  ON follow_up_programs (organization_id, active, code, version, created_at, created_by);
