-- Which program versions are active, without reading their definitions: every discharge
-- asks it (FollowUpPrograms.startedBy). The columns sit after the large JSON definition,
-- so reading them from the table walked its overflow pages (~0.1 ms per A03 measured).
-- Definitions themselves are read once per version and kept (program-definitions.ts).
CREATE INDEX follow_up_programs_active_versions
  ON follow_up_programs (organization_id, active, code, version, created_at, created_by);
